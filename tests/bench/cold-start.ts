// Cold start: from spawning the process to the first healthy answer of /api/health, for the
// compiled server (what `npm start` and the service run), the same server through the tsx loader,
// and a bare Fastify + better-sqlite3 + Socket.IO process doing the least a server must.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildServer, SERVER_ENV, SERVER_NODE_ARGS } from '../../scripts/server-build.mjs';

const ROOT = resolve(import.meta.dirname, '../..');

const BARE = `
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { Server } from 'socket.io';
const db = new Database(process.env.DB);
db.pragma('journal_mode = WAL');
db.exec('CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT)');
const app = Fastify();
app.get('/api/health', async () => ({ ok: db.prepare('SELECT 1 AS one').get().one === 1 }));
new Server(app.server);
await app.listen({ host: '127.0.0.1', port: 0 });
console.log('listening http://127.0.0.1:' + app.server.address().port + '/display/');
`;

/** Milliseconds from spawn until /api/health answers 200. */
async function coldStart(args: string[], env: Record<string, string>): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'hall-cold-'));
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, HALL_DATA_DIR: dir, DB: join(dir, 'bare.db'), HOST: '127.0.0.1', PORT: '0', HALL_DEMO: '0', LOG_LEVEL: 'warn', HALL_ADMIN_PASSWORD: 'bench-admin-password' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const port = await new Promise<string>((found, fail) => {
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = out.match(/http:\/\/[\d.]+:(\d+)\/display\//);
        if (match) found(match[1]!);
      });
      child.once('exit', (code) => fail(new Error(`exited with ${code} before listening:\n${out}`)));
    });
    for (;;) {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
      if (response?.status === 200) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function reportColdStart(runs = 5) {
  console.log(`8. Cold start to the first healthy answer (median of ${runs})`);
  await buildServer();
  const kinds: Array<[string, string[], Record<string, string>]> = [
    ['bare Fastify + better-sqlite3 + Socket.IO', ['--input-type=module', '-e', BARE], {}],
    ['compiled server (npm start)', SERVER_NODE_ARGS, SERVER_ENV],
    ['server through tsx (before)', ['--import', 'tsx', 'server/main.ts'], {}],
  ];
  const results: number[] = [];
  for (const [name, args, env] of kinds) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await coldStart(args, env));
    results.push(median(times));
    const ratio = results.length > 1 ? `, ${(median(times) / results[0]!).toFixed(1)}× bare` : '';
    console.log(`  ${name.padEnd(44)} ${median(times).toFixed(0).padStart(5)} ms (${times.map((t) => t.toFixed(0)).join(', ')})${ratio}`);
  }
  console.log('');
}
