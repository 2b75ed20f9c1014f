// Compiles the server and the kiosk PCs' device agent to JavaScript in build/ (esbuild: one bundle
// each, the npm packages left as imports), so production runs plain `node` with no transpiling at
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

export async function buildServer() {
  await build({
    absWorkingDir: root,
    entryPoints: { server: 'server/main.ts', agent: 'devices/agent/main.ts' },
    outdir,
    bundle: true,
    // Packages stay in node_modules: native addons (better-sqlite3, serialport) and pino's worker files need their own paths.
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Stack traces point at the TypeScript sources (node runs with --enable-source-maps).
    sourcemap: 'linked',
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
