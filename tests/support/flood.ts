// Floods a real hall server process the way a hostile client on the hall LAN would, while
// watching the process's resident memory and how long /api/health takes to answer. Used by the
// flood test (bounded) and by `npm run bench` (the figures).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect as tcpConnect, createServer, type Socket as TcpSocket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { io } from 'socket.io-client';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FLOOD_ADMIN_PASSWORD = 'flood-admin-password';

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Resident memory of the server process in MiB (Linux /proc). */
  rssMb(): number;
  alive(): boolean;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

/** The server in its own process on a fresh data directory: from its sources through tsx, or `args` (e.g. the compiled build/server.js). */
export async function startServerProcess(dataDir: string, env: Record<string, string> = {}, args = ['--import', 'tsx', 'server/main.ts']): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, HALL_DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'error', HALL_DEMO: 'false', HALL_ADMIN_PASSWORD: FLOOD_ADMIN_PASSWORD, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('is running')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}): ${out}`));
    });
  });
  child.stdout!.resume();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    rssMb() {
      const match = readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
      return match ? Number(match[1]) / 1024 : 0;
    },
    alive: () => !exited,
    async stop() {
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await gone;
    },
  };
}

/** Signs in as the first admin; returns the cookie header. */
export async function signInAdmin(url: string): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: FLOOD_ADMIN_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login: ${login.status}`);
  return login.headers.get('set-cookie')!.split(';')[0]!;
}

/** Issues `count` waiting numbers at the desk (no paper). */
export async function seedWaiting(url: string, count: number): Promise<void> {
  const cookie = await signInAdmin(url);
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${url}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ serviceCode: 'ABDE'[i % 4], print: false }),
    });
    if (response.status !== 201) throw new Error(`issue: ${response.status} ${await response.text()}`);
  }
}

export interface Watch {
  /** Highest RSS seen (MiB). */
  maxRssMb: number;
  /** Every /api/health round trip (ms); a probe that got no answer counts as its timeout. */
  healthMs: number[];
  /** Probes that failed or got no answer within the timeout. */
  healthFailures: number;
  stop(): Promise<void>;
}

/**
 * Samples RSS every 100 ms and probes /api/health every 250 ms (one at a time, each with its own
 * connection and a 5 s timeout). Kills the server if it passes `killAboveMb`, so a flood that
 * would exhaust the machine's memory ends early instead.
 */
export function watchServer(server: ServerProcess, killAboveMb = 2_500): Watch {
  const watch: Watch = { maxRssMb: server.rssMb(), healthMs: [], healthFailures: 0, stop: async () => {} };
  const sampler = setInterval(() => {
    if (!server.alive()) return;
    const rss = server.rssMb();
    watch.maxRssMb = Math.max(watch.maxRssMb, rss);
    if (rss > killAboveMb) void server.stop();
  }, 100);
  let running = true;
  const probing = (async () => {
    while (running && server.alive()) {
      const started = performance.now();
      try {
        const response = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(5_000), headers: { connection: 'close' } });
        await response.text();
        if (response.status !== 200) watch.healthFailures++;
      } catch {
        watch.healthFailures++;
      }
      watch.healthMs.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  watch.stop = async () => {
    running = false;
    clearInterval(sampler);
    await probing;
  };
  return watch;
}

/** How a flood went: what was sent, and how often the server hung up on a flooding client. */
export interface FloodResult {
  clients: number;
  sent: number;
  cutOff: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Flooders come from their own loopback address, as a hostile machine on the LAN would: the
 * health probes (127.0.0.1) stand for everyone else.
 */
const FLOODER_ADDRESS = '127.0.0.2';

/**
 * `clients` flooders, each running for `seconds`: it connects, floods until the server hangs up
 * on it, and connects again — a hostile client does not give up after one refusal.
 */
async function flood(clients: number, seconds: number, attack: (until: number) => Promise<{ sent: number; cutOff: boolean }>): Promise<FloodResult> {
  const until = Date.now() + seconds * 1000;
  const result: FloodResult = { clients, sent: 0, cutOff: 0 };
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < until) {
        const round = await attack(until).catch(() => ({ sent: 0, cutOff: true }));
        result.sent += round.sent;
        if (round.cutOff) result.cutOff++;
        await pause(50);
      }
    }),
  );
  return result;
}

/**
 * Anonymous Socket.IO clients that emit `snapshot:get` `perSecond` times a second and never read
 * the replies (their TCP sockets are paused, as a stuck or hostile client's would be).
 */
export function snapshotFlood(url: string, { clients = 10, perSecond = 300, seconds = 10 } = {}): Promise<FloodResult> {
  return flood(clients, seconds, async (until) => {
    const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, localAddress: FLOODER_ADDRESS } as Parameters<typeof io>[1]);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    // The engine's WebSocket keeps its TCP socket in `_socket`: pausing it stops reading for good.
    const raw = (socket.io.engine.transport as unknown as { ws: { _socket: TcpSocket } }).ws._socket;
    raw.pause();
    let closed = false;
    raw.once('close', () => (closed = true));
    let sent = 0;
    while (!closed && Date.now() < until) {
      for (let i = 0; i < perSecond / 10; i++) socket.emit('snapshot:get', () => {});
      sent += perSecond / 10;
      await pause(100);
    }
    socket.close();
    raw.destroy();
    return { sent, cutOff: closed };
  });
}

/** Raw TCP connections that pipeline `GET path` without ever reading a response. */
export function pipelineFlood(url: string, { clients = 10, seconds = 10, path = '/api/queue/snapshot' } = {}): Promise<FloodResult> {
  const { hostname, port } = new URL(url);
  const request = Buffer.from(`GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\n\r\n`.repeat(200));
  return flood(clients, seconds, async (until) => {
    const socket = tcpConnect({ port: Number(port), host: hostname, localAddress: FLOODER_ADDRESS });
    let closed = false;
    socket.on('error', () => {});
    socket.once('close', () => (closed = true));
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.pause();
    let sent = 0;
    while (!closed && Date.now() < until) {
      // Keep our own buffer small: only the server's side of this may grow.
      if (socket.writableLength < 256 * 1024) {
        socket.write(request);
        sent += 200;
      }
      await pause(5);
    }
    socket.destroy();
    return { sent, cutOff: closed };
  });
}
