// Compiles the server and the kiosk PCs' device agent to JavaScript in build/ (esbuild: one bundle
// each, most npm packages left as imports), so production runs plain `node` with no transpiling at
// run time. build/server.js sits one folder below the root, as server/*.ts does, so paths such as
// '../dist' resolve the same.
import { build, stop } from 'esbuild';
import { join, resolve } from 'node:path';
import { isStale, markBuilt } from './build-stamp.mjs';

const root = resolve(import.meta.dirname, '..');
const outdir = join(root, 'build');
const stamp = join(outdir, '.build-stamp');
const SOURCES = ['server', 'common', 'devices', 'package-lock.json', 'scripts/server-build.mjs'].map((s) => join(root, s));

/** What `npm start` and the service unit run. */
export const COMPILED_SERVER = join(outdir, 'server.js');
/** What the device agent's service unit runs (devices/agent/xinfang-agent.service). */
export const COMPILED_AGENT = join(outdir, 'agent.js');

/**
 * How the compiled server runs, the same for `npm start`, the service unit
 * (ops/systemd/xinfang-hall.service, held to this by tests/unit/ops-files.test.ts) and the benches:
 * `node ...SERVER_NODE_ARGS` with SERVER_ENV added to the environment.
 */
export const SERVER_NODE_ARGS = ['--enable-source-maps', COMPILED_SERVER];
/**
 * A staff sign-in's scrypt takes 16 MB of C heap on a libuv pool thread. Once one such block is
 * freed, glibc raises its mmap threshold to that size, so the next ones come from per-thread
 * arenas and stay resident: four pool threads, up to 64 MB kept after a few sign-ins (measured:
 * 169 MB idle, 219 MB after four at once). Setting the threshold (to glibc's own default) turns
 * that adjustment off: big blocks are mapped and given back when freed. docs/performance.md.
 */
export const SERVER_ENV = { GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=131072' };

/**
 * Pure ES-module packages bundled into build/server.js: loaded as separate modules, typebox's 700
 * files and date-fns' 250 cost 0.3–0.5 s of CPU at each start (docs/performance.md). The other
 * packages stay in node_modules: native addons (better-sqlite3, serialport) and pino's worker
 * files need their own paths, and the CommonJS ones gain little.
 */
const BUNDLED = new Set(['typebox', 'date-fns', '@date-fns/tz', 'ulid', '@vant/area-data']);

const packageOf = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** Every bare import (packages, node: built-ins) stays an import, except those of `bundled` packages. */
const externalExcept = (bundled) => ({
  name: 'external-except',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (bundled.has(packageOf(args.path)) ? undefined : { external: true }));
  },
});

export async function buildServer() {
  await build({
    absWorkingDir: root,
    entryPoints: { server: 'server/main.ts', agent: 'devices/agent/main.ts' },
    outdir,
    bundle: true,
    plugins: [externalExcept(BUNDLED)],
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Stack traces point at the TypeScript sources (node runs with --enable-source-maps). Node
    // keeps the parsed map in memory: without the sources' text in it, 17 MB less resident.
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'warning',
  });
  // esbuild keeps a helper process for further builds: none are coming, and `npm start` lives on.
  await stop();
  markBuilt(stamp);
}

/** Compiles when build/ is missing or older than any server or shared source; true when it did. */
export async function ensureServerBuilt({ quiet = false } = {}) {
  if (!isStale(stamp, SOURCES)) return false;
  if (!quiet) console.log('Compiling the server…');
  await buildServer();
  return true;
}
