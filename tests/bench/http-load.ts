// HTTP load for the bench, from the bench's own process against servers in theirs (as a hall
// runs: the compiled server alone in its process): saturating with autocannon, and open loop on
// a constant schedule.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface HttpResult {
  rps: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
}

export interface Target {
  url: string;
  headers: Record<string, string>;
  /** The same body each time, or a fresh one per request. */
  body: string | (() => string);
}

const bodyOf = (target: Target) => (typeof target.body === 'string' ? target.body : target.body());

/** As many requests as `connections` keep-alive connections get answered in `seconds`. */
export async function saturate(target: Target, connections: number, seconds: number): Promise<HttpResult> {
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    ...(typeof target.body === 'string' ? { body: target.body } : { requests: [{ setupRequest: (r: object) => ({ ...r, body: bodyOf(target) }) }] }),
    connections,
    duration: seconds,
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max, errors: result.errors + result.non2xx };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * `rate` requests a second, evenly spread, for `seconds`: each is sent on its schedule whether or
 * not the earlier ones were answered (people arrive regardless), and its latency counts from when
 * it was due, so a stalled server is not hidden by requests sent late. The first half second
 * warms the connections and is not counted.
 */
export async function openLoop(target: Target, rate: number, seconds: number): Promise<HttpResult> {
  const url = new URL(target.url);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const interval = 1000 / rate;
  const warmup = Math.round(rate / 2);
  const total = warmup + Math.round(rate * seconds);
  const latencies: number[] = [];
  let errors = 0;
  const answers: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait >= 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const body = bodyOf(target);
    answers.push(
      new Promise<void>((resolve) => {
        const done = (ok: boolean) => {
          if (i >= warmup) {
            latencies.push(performance.now() - due);
            if (!ok) errors += 1;
          }
          resolve();
        };
        const req = request(
          { agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...target.headers } },
          (res) => {
            res.resume();
            res.once('end', () => done((res.statusCode ?? 500) < 300));
          },
        );
        req.once('error', () => done(false));
        req.end(body);
      }),
    );
  }
  await Promise.all(answers);
  const elapsed = (performance.now() - start) / 1000 - warmup / rate;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1) ?? 0, errors };
}

// The baseline: Fastify and one SQLite insert per request, with the hall's pragmas.
const BARE_INSERT = `
import Database from 'better-sqlite3';
import Fastify from 'fastify';
const db = new Database(process.env.DB);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, service TEXT NOT NULL, at INTEGER NOT NULL)');
const insert = db.prepare('INSERT INTO t (service, at) VALUES (?, ?)');
const app = Fastify();
app.post('/insert', async (request) => ({ id: Number(insert.run(request.body.serviceCode, Date.now()).lastInsertRowid) }));
await app.listen({ port: 0, host: '127.0.0.1' });
console.log('listening ' + app.server.address().port);
`;

/** The bare baseline in its own process; `url` is its insert route. */
export async function startBareInsert(dbFile: string, cwd: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', BARE_INSERT], { cwd, env: { ...process.env, DB: dbFile }, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/listening (\d+)/);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/insert`,
    async stop() {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await gone;
    },
  };
}
