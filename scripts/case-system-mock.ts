// A stand-in for the bureau's case system (阳光信访信息系统) for development and tests:
// `npm run case-system:mock [-- --port 4100 --secret …]`. It checks the signature, keeps every
// delivery, deduplicates by idempotency key (same key + same body → the same case number; same key
// + another body → 409, counted as a conflict), and can be told to fail (500), reject (400), hang,
// answer slowly, drop the connection, cut the acknowledgement short (`truncate`), answer 503 with
// `Retry-After` (`busy`) — for all requests or for one key. The signature covers the timestamp, the
// idempotency key and the body (docs/forwarding.md). It also plays a case's life (docs/case-life.md):
// `report(key, state)` calls the hall back, signed, when a callback URL is set, and keeps the report
// in the status feed the hall may poll (`GET /cases/status?after=<seq>`).
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { parseArgs } from 'node:util';
import type { CaseStatusBody } from '../common/contract/case-life.ts';
import type { CaseState } from '../common/vocabulary.ts';
import { signature } from '../server/forwarding/adapters.ts';
import { signedHeaders } from '../server/case-life/signing.ts';
import { closeServer, listen, readBody } from './mock-http.ts';

export type MockMode = 'ok' | 'fail' | 'reject' | 'hang' | 'slow' | 'drop' | 'truncate' | 'busy';

export interface MockDelivery {
  key: string;
  caseNumber: string;
  sha256: string;
  body: string;
  /** How many times this key was received (retries of the same body included). */
  received: number;
}

export interface MockCaseSystem {
  url: string;
  port: number;
  /** `retryAfter`: the `Retry-After` value answered in `busy` mode (seconds or an HTTP date). */
  setMode(mode: MockMode, options?: { key?: string; slowMs?: number; retryAfter?: string }): void;
  deliveries(): MockDelivery[];
  /** Same key, different body: must stay 0. */
  conflicts(): number;
  /** Requests refused for a bad or missing signature. */
  badSignatures(): number;
  /** Switches the shared secret (as when the bureau rotates it). */
  setSecret(secret: string): void;
  requests(): number;
  /** Where `report` calls the hall back (`<hall>/api/case-system/status`); null: feed only. */
  setCallback(url: string | null): void;
  /**
   * The case of a delivered key reaches a state (`at`: the case system's time, default now): kept
   * in the feed, and sent to the callback URL when one is set (its HTTP status is returned, else 0).
   */
  report(key: string, state: CaseState, extra?: Partial<Pick<CaseStatusBody, 'reason' | 'goTo' | 'office' | 'dueDay' | 'at'>>): Promise<CaseReport>;
  /** Sends a report again exactly as before (same idempotency key, same body, a fresh timestamp). */
  resend(report: CaseReport): Promise<number>;
  /** Times the hall asked the status feed. */
  feedRequests(): number;
  close(): Promise<void>;
}

export interface CaseReport {
  idempotencyKey: string;
  seq: number;
  status: CaseStatusBody;
  /** The callback's HTTP status (0: no callback URL). */
  callbackStatus: number;
}

export async function startMockCaseSystem(options: { port?: number; secret: string; host?: string }): Promise<MockCaseSystem> {
  const byKey = new Map<string, MockDelivery>();
  const modes = new Map<string, { mode: MockMode; slowMs: number; retryAfter: string }>();
  let secret = options.secret;
  let conflicts = 0;
  let badSignatures = 0;
  let requests = 0;
  let sequence = 0;
  const hanging = new Set<ServerResponse>();
  const feed: CaseReport[] = [];
  let callbackUrl: string | null = null;
  let feedRequests = 0;
  const callBack = async (report: CaseReport): Promise<number> => {
    if (!callbackUrl) return 0;
    const body = JSON.stringify(report.status);
    const response = await fetch(callbackUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...signedHeaders(secret, report.idempotencyKey, body, Date.now()) },
      body,
    });
    await response.arrayBuffer();
    return response.status;
  };
  const answerFeed = (request: IncomingMessage, response: ServerResponse) => {
    feedRequests += 1;
    const url = new URL(request.url ?? '/', 'http://mock');
    const after = url.searchParams.get('after') ?? '';
    const timestamp = String(request.headers['x-timestamp'] ?? '');
    const given = String(request.headers['x-signature'] ?? '');
    const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
    if (!fresh || request.headers['idempotency-key'] !== `poll-${after}` || given !== signature(secret, timestamp, `poll-${after}`, '')) {
      badSignatures += 1;
      return send(response, 401, { error: 'bad signature' });
    }
    return send(response, 200, { events: feed.filter((r) => r.seq > Number(after)).map(({ idempotencyKey, seq, status }) => ({ idempotencyKey, seq, status })) });
  };
  const nextCaseNumber = () => `XF${new Date().getFullYear()}${String((sequence += 1)).padStart(6, '0')}`;

  const send = (response: ServerResponse, status: number, body: object) => {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(body));
  };

  const server = createServer(async (request, response) => {
    if (request.method === 'GET' && request.url?.startsWith('/cases/status')) return answerFeed(request, response);
    if (request.method !== 'POST' || request.url !== '/cases') return send(response, 404, { error: 'not found' });
    requests += 1;
    const body = await readBody(request);
    const key = String(request.headers['idempotency-key'] ?? '');
    const timestamp = String(request.headers['x-timestamp'] ?? '');
    const given = Buffer.from(String(request.headers['x-signature'] ?? ''), 'hex');
    const expected = Buffer.from(signature(secret, timestamp, key, body), 'hex');
    const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
    if (!key || !fresh || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      badSignatures += 1;
      return send(response, 401, { error: 'bad signature' });
    }
    const { mode, slowMs, retryAfter } = modes.get(key) ?? modes.get('*') ?? { mode: 'ok' as MockMode, slowMs: 0, retryAfter: '30' };
    switch (mode) {
      case 'fail':
        return send(response, 500, { error: 'internal error' });
      case 'reject':
        return send(response, 400, { error: '材料不全：缺少必填字段' });
      case 'drop':
        return request.socket.destroy();
      case 'busy':
        response.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': retryAfter });
        return response.end(JSON.stringify({ error: 'busy' }));
      case 'hang':
        hanging.add(response);
        return;
      case 'slow':
        await new Promise((r) => setTimeout(r, slowMs));
        break;
      case 'ok':
        break;
    }
    const sha256 = createHash('sha256').update(body).digest('hex');
    if (mode === 'truncate') {
      // Stored, but the acknowledgement is cut off half-way: the hall must send it again.
      if (!byKey.has(key)) {
        byKey.set(key, { key, caseNumber: nextCaseNumber(), sha256, body, received: 0 });
      }
      byKey.get(key)!.received += 1;
      response.writeHead(201, { 'content-type': 'application/json; charset=utf-8', 'content-length': '200' });
      response.write('{"caseNumber":"XF');
      return setTimeout(() => request.socket.destroy(), 20);
    }
    const known = byKey.get(key);
    if (known) {
      known.received += 1;
      if (known.sha256 !== sha256) {
        conflicts += 1;
        return send(response, 409, { error: 'another body for this idempotency key' });
      }
      return send(response, 200, { caseNumber: known.caseNumber, duplicate: true });
    }
    const caseNumber = nextCaseNumber();
    byKey.set(key, { key, caseNumber, sha256, body, received: 1 });
    return send(response, 201, { caseNumber });
  });

  const port = await listen(server, options.port, options.host);
  return {
    url: `http://127.0.0.1:${port}/cases`,
    port,
    setMode(mode, { key = '*', slowMs = 2_000, retryAfter = '30' } = {}) {
      modes.set(key, { mode, slowMs, retryAfter });
    },
    setSecret(next) {
      secret = next;
    },
    setCallback(url) {
      callbackUrl = url;
    },
    async report(key, state, extra = {}) {
      const delivery = byKey.get(key);
      if (!delivery) throw new Error(`no delivery with key ${key}`);
      const status: CaseStatusBody = {
        format: 'xinfang-hall/case-status',
        version: 1,
        intakeKey: key,
        caseNumber: delivery.caseNumber,
        state,
        at: new Date().toISOString(),
        ...extra,
      };
      const report: CaseReport = { idempotencyKey: `cs-${delivery.caseNumber}-${feed.length + 1}`, seq: feed.length + 1, status, callbackStatus: 0 };
      feed.push(report);
      report.callbackStatus = await callBack(report);
      return report;
    },
    resend: (report) => callBack(report),
    feedRequests: () => feedRequests,
    deliveries: () => [...byKey.values()],
    conflicts: () => conflicts,
    badSignatures: () => badSignatures,
    requests: () => requests,
    close: () => {
      for (const r of hanging) r.socket?.destroy();
      return closeServer(server);
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4100' },
      secret: { type: 'string', default: process.env.HALL_CASE_SYSTEM_SECRET ?? 'development-secret-change-me' },
      mode: { type: 'string', default: 'ok' },
      // The hall's status callback, e.g. http://127.0.0.1:3000/api/case-system/status.
      callback: { type: 'string' },
      // Seconds after a delivery at which its case is accepted, handled and answered (0: never).
      play: { type: 'string', default: '0' },
    },
  });
  const mock = await startMockCaseSystem({ port: Number(values.port), secret: values.secret!, host: '0.0.0.0' });
  mock.setMode(values.mode as MockMode);
  mock.setCallback(values.callback ?? null);
  const play = Number(values.play) * 1000;
  if (play > 0) {
    const played = new Set<string>();
    setInterval(() => {
      for (const { key } of mock.deliveries()) {
        if (played.has(key)) continue;
        played.add(key);
        (['accepted', 'handling', 'answered'] as const).forEach((state, i) =>
          setTimeout(() => void mock.report(key, state).catch((err: unknown) => console.error(`report ${key} ${state}: ${String(err)}`)), play * (i + 1)),
        );
      }
    }, 1_000).unref();
  }
  console.log(`mock case system on ${mock.url} (mode ${values.mode})`);
  console.log(`run the hall with: HALL_FORWARDING=http HALL_CASE_SYSTEM_URL=${mock.url} HALL_CASE_SYSTEM_SECRET=${values.secret} npm start`);
  console.log(`status feed for a hall that polls: caseLife.pollUrl = ${mock.url}/status${values.callback ? `; calling back ${values.callback}` : ''}`);
  setInterval(() => console.log(`${mock.deliveries().length} cases, ${mock.requests()} requests, ${mock.conflicts()} conflicts`), 30_000).unref();
}
