// `npm run bench` — not a test. Measures, in one run and beside a bare baseline each:
//  1. ticket issue over HTTP: the compiled server vs a bare Fastify route doing one SQLite insert,
//     each in its own process, saturating and open loop at a constant rate; 1b. the kiosk's
//     registration (`intake`) the same way;
//  2. call-next → N board sockets: time until the last socket has the call, vs a bare
//     Socket.IO broadcast triggered the same way;
//  3. the bytes of a standard ticket and the time to encode it;
//  4. draining 10 000 pending registrations to the mock case system over HTTP;
//  5. a server process flooded by clients that do not read (Socket.IO snapshot requests,
//     pipelined HTTP): its memory and how long /api/health takes meanwhile;
//  6. the kiosk's first screen in headless Chromium (built UI, cold browser context): first
//     contentful paint, the welcome button shown, a tap on it answered; its gzip JavaScript;
//  7. five standard tickets through the serial printer driver over a 9600 baud link that buffers
//     (`slowlink`): reply timeouts from the bytes in flight vs the old fixed 500 ms;
//  8. cold start to the first healthy answer: the compiled server vs tsx vs a bare process (`start`);
//  9. the monthly and yearly report over a generated year of a busy hall vs a bare GROUP BY (`reports`);
// 10. the compiled server's resident memory idle and with 200 board sockets (`rss`).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config/load.ts';
import { SAMPLE_TICKET } from '../../devices/printer/sample-ticket.ts';
import { startMockCaseSystem } from '../../scripts/case-system-mock.ts';
import { httpAdapter } from '../../server/forwarding/adapters.ts';
import { createForwarder } from '../../server/forwarding/forwarder.ts';
import { createDataCipher } from '../../server/privacy/cipher.ts';
import { openSqliteStore } from '../../server/store/sqlite/index.ts';
import { syncHallLayout } from '../../server/store/seed.ts';
import { randomBytes } from 'node:crypto';
import { layoutTicket } from '../../devices/printer/ticket-layout.ts';
import { launchBrowser } from '../support/browser.ts';
import { benchSlowLink, describeSlowLink } from './slow-link.ts';
import { reportColdStart } from './cold-start.ts';
import { reportYear } from './report-year.ts';
import { describeFirstScreen, measureFirstScreen, type FirstScreen } from '../support/first-screen.ts';
import { pairDevice, startHall as startUiHall } from '../support/hall.ts';
import { idNumber, PERSON, registration } from '../support/registration.ts';
import { ensureUiBuilt } from '../../scripts/ui-build.mjs';
import { ensureServerBuilt, SERVER_ENV, SERVER_NODE_ARGS } from '../../scripts/server-build.mjs';
import { pipelineFlood, seedWaiting, signInAdmin, snapshotFlood, startServerProcess, watchServer, type FloodResult } from '../support/flood.ts';
import { openLoop, saturate, startBareInsert, type HttpResult, type Target } from './http-load.ts';

const HTTP_SECONDS = 4;
const ROUNDS_HTTP = 3;
const CONNECTIONS = 10;
const SOCKETS = 200;
const ROUNDS = 50;
const KIOSK_LOADS = 10;
/** The open-loop rate: a busy hall's burst, far above its average. */
const FIXED_RATE = 200;

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'hall-bench-'));
  dirs.push(dir);
  return dir;
};

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

async function startHall() {
  const app = await buildApp(
    // 200 board sockets come from one address here; a real hall has one board per address.
    loadConfig({}, { dataDir: tempDir(), hours: { kioskLimited: false }, auth: { kioskIssuePerMinute: 10_000 }, server: { limits: { connectionsPerAddress: 1_000, socketsPerAddress: 1_000 } } }),
    { uiDir: '/nonexistent', logger: false },
  );
  await app.hall.staffAuth.ensureFirstAdmin('bench-admin-password');
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'bench-admin-password' } });
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  return { app, url, cookie };
}

function connectAll(url: string, event: string): Promise<Socket[]> {
  return Promise.all(
    Array.from({ length: SOCKETS }, () => {
      const socket = connect(url, { transports: ['websocket'], forceNew: true });
      return new Promise<Socket>((resolve) => socket.once(event, () => resolve(socket)));
    }),
  );
}

/** Time from starting `trigger` until every socket has received a matching event. */
async function fanOut(sockets: Socket[], event: string, match: (payload: any) => boolean, trigger: () => Promise<unknown>) {
  const start = performance.now();
  const all = Promise.all(
    sockets.map(
      (socket) =>
        new Promise<void>((resolve) => {
          const listener = (payload: unknown) => {
            if (!match(payload)) return;
            socket.off(event, listener);
            resolve();
          };
          socket.on(event, listener);
        }),
    ),
  );
  await trigger();
  await all;
  return performance.now() - start;
}

/** The compiled server in its own process, with the limits a bench needs (one client address sends everything). */
async function startHallProcess() {
  await ensureServerBuilt({ quiet: true });
  const dir = tempDir();
  const config = join(dir, 'hall.json');
  writeFileSync(
    config,
    JSON.stringify({
      hours: { kioskLimited: false },
      auth: { kioskIssuePerMinute: 10_000 },
      // autocannon ignores `Connection: close` after requestsPerConnection and would get 503s.
      server: { limits: { connectionsPerAddress: 1_000, socketsPerAddress: 1_000, requestsPerConnection: 1_000_000 } },
    }),
  );
  const server = await startServerProcess(dir, { ...SERVER_ENV, HALL_CONFIG: config }, SERVER_NODE_ARGS);
  return { server, cookie: await signInAdmin(server.url) };
}

/** The run with the median throughput (each measure's rounds alternate with the other's). */
const medianRun = (runs: HttpResult[]) => [...runs].sort((a, b) => a.rps - b.rps)[runs.length >> 1]!;
const medianP99 = (runs: HttpResult[]) => [...runs].sort((a, b) => a.p99 - b.p99)[runs.length >> 1]!;

/**
 * Our route and the bare insert, each in its own process: saturating, then open loop at
 * FIXED_RATE; ROUNDS_HTTP rounds of each, alternating ours and bare, so that a change in what
 * else the machine does falls on both. The median round is reported.
 */
async function benchHttp(ours: Target): Promise<HttpBench> {
  const bare = await startBareInsert(join(tempDir(), 'bare.db'), process.cwd());
  const insert: Target = { url: bare.url, headers: {}, body: JSON.stringify({ serviceCode: 'A' }) };
  const runs: Record<keyof HttpBench, HttpResult[]> = { ours: [], base: [], oursFixed: [], baseFixed: [] };
  try {
    for (let round = 0; round < ROUNDS_HTTP; round++) {
      runs.ours.push(await saturate(ours, CONNECTIONS, HTTP_SECONDS));
      runs.base.push(await saturate(insert, CONNECTIONS, HTTP_SECONDS));
    }
    for (let round = 0; round < ROUNDS_HTTP; round++) {
      runs.oursFixed.push(await openLoop(ours, FIXED_RATE, HTTP_SECONDS));
      runs.baseFixed.push(await openLoop(insert, FIXED_RATE, HTTP_SECONDS));
    }
    const each = (list: HttpResult[], pick: (r: HttpResult) => number) => list.map((r) => pick(r).toFixed(0)).join(', ');
    console.log(`  rounds: saturating req/s ours ${each(runs.ours, (r) => r.rps)}, bare ${each(runs.base, (r) => r.rps)}; at ${FIXED_RATE}/s p99 ms ours ${each(runs.oursFixed, (r) => r.p99)}, bare ${each(runs.baseFixed, (r) => r.p99)}`);
    return { ours: medianRun(runs.ours), base: medianRun(runs.base), oursFixed: medianP99(runs.oursFixed), baseFixed: medianP99(runs.baseFixed) };
  } finally {
    await bare.stop();
  }
}

async function benchIssue() {
  const { server, cookie } = await startHallProcess();
  try {
    // The queue path alone; the print job's layout is measured in section 3.
    return await benchHttp({ url: `${server.url}/api/tickets`, headers: { cookie }, body: JSON.stringify({ serviceCode: 'A', print: false }) });
  } finally {
    await server.stop();
  }
}

/** The kiosk's registration (POST /api/intakes): validate, seal, blind index, ticket, print job, broadcast; a new person each time. */
async function benchIntake() {
  const { server, cookie } = await startHallProcess();
  try {
    const code = await fetch(`${server.url}/api/devices/pairing-codes`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'kiosk', name: '基准自助机' }),
    }).then((r) => r.json());
    const { token } = await fetch(`${server.url}/api/devices/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: code.code }) }).then((r) => r.json());
    let n = 0;
    const person = () => {
      n += 1;
      const birth = new Date(Date.UTC(1950, 0, 1) + (n % 15_000) * 86_400_000).toISOString().slice(0, 10);
      const petitioner = { ...PERSON, idNumber: idNumber(birth.replaceAll('-', ''), Math.floor(n / 15_000) % 1000), birthDate: birth };
      return JSON.stringify(registration({ petitioner }));
    };
    return await benchHttp({ url: `${server.url}/api/intakes`, headers: { authorization: `Bearer ${token}` }, body: person });
  } finally {
    await server.stop();
  }
}

async function benchCalls() {
  const hall = await startHall();
  const post = (path: string) => fetch(`${hall.url}${path}`, { method: 'POST', headers: { cookie: hall.cookie } });
  for (let i = 0; i < ROUNDS; i++) await hall.app.inject({ method: 'POST', url: '/api/tickets', headers: { cookie: hall.cookie }, payload: { serviceCode: 'A', print: false } });
  await post('/api/windows/1/open');
  const boards = await connectAll(hall.url, 'snapshot');
  const ours: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    ours.push(await fanOut(boards, 'queue', (e) => e.type === 'ticket.called', () => post('/api/windows/1/call-next')));
    await post('/api/windows/1/complete');
  }
  const samplePayload = (await hall.app.inject({ url: '/api/queue/snapshot' })).json().windows[0];
  boards.forEach((s) => s.close());
  await hall.app.close();

  // Bare Socket.IO: an HTTP request triggers io.emit of a payload of similar size.
  const httpServer = createServer();
  const io = new Server(httpServer);
  httpServer.on('request', (request, response) => {
    if (!request.url?.startsWith('/emit')) return;
    io.emit('queue', { seq: Date.now(), type: 'ticket.called', windows: [samplePayload] });
    response.end('{}');
  });
  io.on('connection', (socket) => socket.emit('ready'));
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const address = httpServer.address();
  const bareUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const clients = await connectAll(bareUrl, 'ready');
  const base: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    base.push(await fanOut(clients, 'queue', () => true, () => fetch(`${bareUrl}/emit`, { method: 'POST' })));
  }
  clients.forEach((s) => s.close());
  io.disconnectSockets(true);
  await new Promise((resolve) => io.close(resolve));
  return { ours, base };
}

function benchTicketEncoding() {
  const options = { paperWidth: 80, codepage: 'gb18030' } as const;
  const runs = 2_000;
  let bytes = layoutTicket(SAMPLE_TICKET, options);
  const start = performance.now();
  for (let i = 0; i < runs; i++) bytes = layoutTicket(SAMPLE_TICKET, options);
  return { bytes: bytes.length, microseconds: ((performance.now() - start) / runs) * 1000 };
}

const DRAIN = 10_000;

/** 10 000 verified registrations waiting in the outbox, delivered to the mock case system. */
async function benchDrain(concurrency: number) {
  const secret = 'bench-secret-shared-with-the-mock';
  const mock = await startMockCaseSystem({ secret });
  const store = openSqliteStore(join(tempDir(), 'hall.db'));
  const cipher = createDataCipher(randomBytes(32));
  const config = loadConfig({}, { dataDir: tempDir(), forwarding: { adapter: 'http', url: mock.url, secret, concurrency } });
  syncHallLayout(store, config, Date.now());
  const day = '2026-11-25';
  const at = Date.now();
  // A realistic document: the size of a registration with a paragraph of the person's words.
  const text = '小区旧房改造停工两年，至今没有复工，多次向街道反映没有结果，希望有关部门尽快协调解决。'.repeat(6);
  store.transaction(() => {
    for (let i = 0; i < DRAIN; i++) {
      const id = `BENCH${String(i).padStart(21, '0')}`;
      store.tickets.insert({
        id, serviceDay: day, series: 'A', seq: i + 1, number: `A${i}`, serviceCode: 'A', priority: 'normal', greenReason: null, greenNote: null,
        sourceKind: 'staff', sourceId: 'bench', sourceName: 'bench', status: 'done', rank: i, targetWindowNo: null, windowNo: null, callCount: 1,
        printState: 'none', queryCode: `Q${i}`, cancelReason: null, booked: false, issuedAt: at, calledAt: at, servingAt: null, finishedAt: at, updatedAt: at,
      });
      store.intakes.insert({
        id, ticketId: id, sourceId: 'bench', requestId: id, serviceDay: day, serviceCode: 'A', state: 'verified', visitors: 1, collective: false,
        representatives: 1, declaredRepeat: false, previousVisits: 0, fromCard: true, gender: 'male', birthYear: 1960, topic: '房屋和拆迁', category: '城乡建设',
        purpose: '求决', cause: '其他', placeCode: '110101', personIndex: `p${i}`, sealed: 'v1.x', responsibleSystem: '住房城乡建设', hotIssue: null,
        firstReceiverId: null, firstReceiverName: null, verifiedAt: at, verifiedBy: 'bench', sealedReply: null, caseNumber: null, forwardedAt: null,
        acceptanceDue: null, answerDue: null, closedReason: null, createdAt: at, updatedAt: at,
      });
      const key = `xfh-${id}`;
      const body = JSON.stringify({ format: 'xinfang-hall/intake', version: 1, idempotencyKey: key, intake: { id, problem: text } });
      store.outbox.insert({ intakeId: id, idempotencyKey: key, body: cipher.seal(body, key), state: 'pending', attempts: 0, nextAttemptAt: at, lastError: null, createdAt: at, deliveredAt: null });
    }
  });
  const forwarder = createForwarder({ store, config, cipher, adapter: httpAdapter({ url: mock.url, secret }), now: Date.now });
  const start = performance.now();
  forwarder.start();
  while (store.outbox.countsSince(0).pending > 0) await new Promise((r) => setTimeout(r, 20));
  const seconds = (performance.now() - start) / 1000;
  await forwarder.stop();
  const result = { seconds, rate: DRAIN / seconds, delivered: mock.deliveries().length, conflicts: mock.conflicts() };
  store.close();
  await mock.close();
  return result;
}

const FLOOD_SECONDS = 15;
const FLOOD_WAITING = 300;

/** One flood against a fresh server process with FLOOD_WAITING tickets waiting. */
async function benchFlood(attack: (url: string) => Promise<FloodResult>) {
  const server = await startServerProcess(tempDir());
  try {
    await seedWaiting(server.url, FLOOD_WAITING);
    const snapshotBytes = (await (await fetch(`${server.url}/api/queue/snapshot`)).arrayBuffer()).byteLength;
    const rssBefore = server.rssMb();
    const watch = watchServer(server);
    const result = await attack(server.url);
    await watch.stop();
    return { ...result, snapshotBytes, rssBefore, rssMax: watch.maxRssMb, health: watch.healthMs, healthFailures: watch.healthFailures, alive: server.alive() };
  } finally {
    await server.stop();
  }
}

const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(9);

interface HttpBench {
  ours: HttpResult;
  base: HttpResult;
  oursFixed: HttpResult;
  baseFixed: HttpResult;
}

function printHttp(title: string, route: string, r: HttpBench) {
  console.log(title);
  console.log('                                    req/s   p50 ms   p99 ms   max ms  errors');
  for (const [name, x] of [
    [`${route}, saturating`, r.ours],
    ['bare Fastify + insert, saturating', r.base],
    [`${route}, ${FIXED_RATE}/s open loop`, r.oursFixed],
    [`bare, ${FIXED_RATE}/s open loop`, r.baseFixed],
  ] as const) {
    console.log(`  ${name.padEnd(32)}${fmt(x.rps, 0)}${fmt(x.p50)}${fmt(x.p99)}${fmt(x.max)}${String(x.errors).padStart(8)}`);
  }
  console.log(`  ratio ours/bare: throughput ${(r.ours.rps / r.base.rps).toFixed(2)}, p99 ${(r.ours.p99 / Math.max(r.base.p99, 1)).toFixed(2)}; at ${FIXED_RATE}/s p99 ${r.oursFixed.p99.toFixed(1)} ms vs ${r.baseFixed.p99.toFixed(1)} ms\n`);
}

async function reportIssue() {
  printHttp(`1. Ticket issue, POST over HTTP, ${CONNECTIONS} connections, median of ${ROUNDS_HTTP} rounds × ${HTTP_SECONDS} s (SQLite WAL, synchronous=FULL)`, 'POST /api/tickets', await benchIssue());
}

async function reportIntake() {
  printHttp(`1b. Kiosk registration, POST /api/intakes (a new person each request; ticket, print job, broadcast), median of ${ROUNDS_HTTP} rounds × ${HTTP_SECONDS} s`, 'POST /api/intakes', await benchIntake());
}

async function reportCalls() {
  const calls = await benchCalls();
  const row = (name: string, v: number[]) => console.log(`  ${name.padEnd(28)}${fmt(percentile(v, 50), 2)}${fmt(percentile(v, 99), 2)}`);
  console.log(`2. Call → last of ${SOCKETS} board sockets has it, ${ROUNDS} rounds (ms, from sending the HTTP request)`);
  console.log('                                   p50       p99');
  row('call-next → board event', calls.ours);
  row('bare Socket.IO broadcast', calls.base);
  console.log(`  ratio ours/bare: p50 ${(percentile(calls.ours, 50) / percentile(calls.base, 50)).toFixed(2)}, p99 ${(percentile(calls.ours, 99) / percentile(calls.base, 99)).toFixed(2)}\n`);
}

async function reportTicket() {
  const ticket = benchTicketEncoding();
  console.log('3. Standard ticket as ESC/POS (80 mm, GB18030, QR, cut)');
  console.log(`  ${ticket.bytes} bytes, encoded in ${ticket.microseconds.toFixed(0)} µs; ${((ticket.bytes * 10) / 9600).toFixed(2)} s on the wire at 9600 baud 8N1\n`);
}

async function reportDrain() {
  console.log(`4. Drain ${DRAIN} pending registrations to the mock case system (HTTP, HMAC-signed, sealed at rest)`);
  for (const concurrency of [4, 16]) {
    const drain = await benchDrain(concurrency);
    console.log(`  concurrency ${String(concurrency).padStart(2)}: ${drain.seconds.toFixed(1)} s, ${drain.rate.toFixed(0)} per second; ${drain.delivered} cases, ${drain.conflicts} conflicts`);
  }
  console.log('');
}

async function reportFloods() {
  console.log(`5. Floods for ${FLOOD_SECONDS} s by 10 clients that never read and reconnect when cut off (server process, ${FLOOD_WAITING} waiting)`);
  console.log('                              sent  cut off  RSS before  RSS max  health p50  p99  max (ms)  failed');
  const floods = [
    ['snapshot:get × 300/s each', (url: string) => snapshotFlood(url, { seconds: FLOOD_SECONDS })],
    ['pipelined GET snapshot', (url: string) => pipelineFlood(url, { seconds: FLOOD_SECONDS })],
  ] as const;
  let snapshotBytes = 0;
  for (const [name, attack] of floods) {
    const r = await benchFlood(attack);
    snapshotBytes = r.snapshotBytes;
    console.log(
      `  ${name.padEnd(26)}${String(r.sent).padStart(8)}${String(r.cutOff).padStart(9)}${fmt(r.rssBefore, 0)} MB${fmt(r.rssMax, 0)} MB` +
        `${fmt(percentile(r.health, 50))}${fmt(percentile(r.health, 99))}${fmt(Math.max(...r.health))}${String(r.healthFailures).padStart(8)}${r.alive ? '' : '  SERVER DIED'}`,
    );
  }
  console.log(`  (snapshot with that queue: ${snapshotBytes.toLocaleString('en')} bytes, serialised once per change and shared as binary by every socket)`);
}

/** Resident memory of the compiled server (what `npm start` runs): idle, then with 200 board sockets connected and served a call. */
async function reportRss() {
  await ensureServerBuilt({ quiet: true });
  const dir = tempDir();
  const config = join(dir, 'hall.json');
  // 200 boards from one address here; a real hall has one board per address.
  writeFileSync(config, JSON.stringify({ server: { limits: { connectionsPerAddress: 1_000, socketsPerAddress: 1_000 } } }));
  const server = await startServerProcess(dir, { ...SERVER_ENV, HALL_CONFIG: config }, SERVER_NODE_ARGS);
  try {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const idle = server.rssMb();
    const boards = await connectAll(server.url, 'snapshot');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const withBoards = server.rssMb();
    boards.forEach((s) => s.close());
    console.log(`10. Resident memory of the compiled server: ${idle.toFixed(0)} MB idle, ${withBoards.toFixed(0)} MB with ${SOCKETS} board sockets connected (issue 18: ≤ 150 MB)\n`);
  } finally {
    await server.stop();
  }
}

async function reportKiosk() {
  console.log(`6. The kiosk's first screen, ${KIOSK_LOADS} loads in a fresh headless Chromium context each (built UI)`);
  await ensureUiBuilt({ quiet: true });
  const hall = await startUiHall({ kiosk: { voice: { enabled: false } } }, tempDir(), undefined, { serveUi: true });
  const browser = await launchBrowser();
  try {
    const token = await pairDevice(hall, 'kiosk');
    const runs: FirstScreen[] = [];
    for (let i = 0; i < KIOSK_LOADS; i += 1) runs.push(await measureFirstScreen(browser, hall.url, token));
    console.log(`  ${describeFirstScreen(runs)}\n`);
  } finally {
    await browser.close();
    await hall.close({ keepData: true });
  }
}

async function reportSlowLink() {
  console.log('7. Five standard tickets in a row, status before and after each, 9600 baud 8N1 over a link that buffers');
  for (const latencyMs of [0, 40]) {
    const derived = await benchSlowLink(false, latencyMs);
    if (latencyMs === 0) console.log(`  ${derived.ticketBytes} bytes a ticket`);
    console.log(`  link delay ${latencyMs} ms a reply:`);
    console.log(`    reply timeout = bytes in flight + replyMarginMs 500: ${describeSlowLink(derived)}`);
    console.log(`    old fixed 500 ms reply timeout:                     ${describeSlowLink(await benchSlowLink(true, latencyMs))}`);
  }
  console.log('');
}

/** `npm run bench` runs every section; `npm run bench -- floods drain` only those named. */
const SECTIONS = { issue: reportIssue, intake: reportIntake, calls: reportCalls, ticket: reportTicket, drain: reportDrain, floods: reportFloods, kiosk: reportKiosk, slowlink: reportSlowLink, start: reportColdStart, reports: reportYear, rss: reportRss };

async function main() {
  console.log(`xinfang-hall benchmark — ${new Date().toISOString()}`);
  console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}\n`);
  const wanted = process.argv.slice(2);
  for (const [name, run] of Object.entries(SECTIONS)) if (wanted.length === 0 || wanted.includes(name)) await run();
}

try {
  await main();
} finally {
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
}
