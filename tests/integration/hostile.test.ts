// Hostile input against every route of the OpenAPI document, as every kind of caller: seeded
// fast-check runs of broken bodies, path parameters, query strings, content types and headers.
// Every answer: no 5xx, the { error, message } shape in Chinese, nothing internal leaked, nothing
// echoed, no-store. Afterwards the store is whole (integrity and foreign keys) and no prototype
// is polluted. Then the authorization matrix: who may reach which route, as the product intends.
//
// HOSTILE_RUNS=500 npx vitest run tests/integration/hostile.test.ts   (default 12 per route)
// HOSTILE_SEED=… replays a run.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ADMIN_PASSWORD, login, pairDevice, staffCookie, startHall, type Hall } from '../support/hall.ts';
import { freshPetitioner, registration } from '../support/registration.ts';
import {
  BAD_PATH_SEGMENTS,
  INJECTIONS,
  hostileValue,
  CONTENT_TYPES,
  INVALID_JSON,
  deepJson,
  encodeAny,
  hostileHeaders,
  pathSegment,
  payloadFor,
  problemsWith,
  queryFor,
  routeKey,
  routesOf,
  shaped,
  stringsIn,
  type Payload,
  type Route,
} from '../support/hostile.ts';

const RUNS = Number(process.env.HOSTILE_RUNS ?? 12);
const SEED = Number(process.env.HOSTILE_SEED ?? 20261125);

// ---------------------------------------------------------------------------------------------
// The authorization matrix, as the product intends it (docs/security.md, "Authorization matrix").
// Columns: anonymous, kiosk, display (hall board), window screen, admin, desk, reception, leader.
// `ok` = reaches the route (may still refuse for a business reason, never 401/403 for who it is);
// `401`/`403` = refused for who it is; `why` = refused unless a reason is stated (another change
// in progress: the receiving window, or desk/admin/leader with a stated reason).
const PRINCIPALS = ['anonymous', 'kiosk', 'display', 'screen', 'admin', 'desk', 'reception', 'leader'] as const;
type PrincipalName = (typeof PRINCIPALS)[number];
type Expected = 'ok' | '401' | '403' | 'why';

const PUBLIC = 'ok  ok  ok  ok  ok  ok  ok  ok';
const STAFF = '401 403 403 403 ok  ok  ok  ok';
const ADMIN = '401 403 403 403 ok  403 403 403';
const WINDOW = '401 403 403 403 ok  403 ok  403'; // operateWindow: reception on duty, admin
const TICKETS = '401 403 403 403 ok  ok  ok  403'; // manageTickets / issueNormal
const DESK = '401 403 403 403 ok  ok  403 403'; // issueGreen, resendForwarding, viewDevices
const KIOSK = '401 ok  403 403 403 403 403 403';
const REPORTS = '401 403 403 403 ok  ok  403 ok'; // viewReports, viewRegistrationWithReason, superviseRectification
const LEADERS = '401 403 403 403 ok  403 403 ok'; // viewStats, viewSatisfaction, assignRectification
// A window's evaluator (好差评) only: no column of its own here (tests/integration/evaluation.test.ts).
const EVALUATOR = '401 403 403 403 403 403 403 403';

const MATRIX: Record<string, string> = {
  'GET /api/health': PUBLIC,
  // No credentials: scraping is allowed by address or metrics token (tests/integration/metrics.test.ts);
  // these requests come from loopback, which the default configuration allows.
  'GET /metrics': PUBLIC,
  'GET /api/hall': PUBLIC,
  'GET /api/board': PUBLIC,
  'GET /api/queue/snapshot': PUBLIC, // staff get the full snapshot, others the public one
  'POST /api/tickets': TICKETS,
  'GET /api/tickets': STAFF,
  'GET /api/tickets/{id}': STAFF,
  'POST /api/tickets/{id}/cancel': TICKETS,
  'POST /api/tickets/{id}/reinstate': TICKETS,
  'POST /api/tickets/{id}/reprint': DESK,
  'POST /api/tickets/{id}/transfer': TICKETS,
  'POST /api/intakes': KIOSK,
  'POST /api/intakes/identity-check': KIOSK,
  'GET /api/intakes/issuing': KIOSK,
  'POST /api/windows/{no}/walk-in': WINDOW,
  'POST /api/progress': KIOSK,
  'POST /api/ime/handwriting': KIOSK,
  'GET /api/registration/form': '401 ok  403 403 ok  ok  ok  403',
  'GET /api/divisions': '401 ok  403 403 ok  ok  ok  403',
  'GET /api/tickets/{id}/registration': '401 403 403 403 ok  why ok  why',
  'POST /api/tickets/{id}/registration': TICKETS, // 补登记: the window holding it, or the desk
  'PUT /api/tickets/{id}/registration': WINDOW,
  'POST /api/tickets/{id}/notice': '401 ok  403 403 ok  ok  ok  403', // a kiosk: tickets it issued today only (else 404)
  'GET /api/alerts': STAFF,
  'GET /api/stats/today': LEADERS,
  'GET /api/evaluator/pending': EVALUATOR,
  'POST /api/evaluations': EVALUATOR,
  'POST /api/evaluations/kiosk': KIOSK,
  'GET /api/evaluations/satisfaction': LEADERS,
  'GET /api/windows/{no}/satisfaction': PUBLIC, // what the window screen shows (evaluation.windowScreenMonthly)
  'GET /api/rectifications': REPORTS,
  // Case life: the case system's signed callback needs no sign-in (401 for a bad signature, not for who calls); the 时限 page.
  'POST /api/case-system/status': PUBLIC,
  'GET /api/case-life/deadlines': REPORTS,
  'POST /api/rectifications/{id}/owner': LEADERS,
  'POST /api/rectifications/{id}/follow-up': REPORTS,
  // Reports: the desk sees the operational sections; reception (window staff) none.
  'GET /api/reports': REPORTS,
  'GET /api/reports/export': REPORTS,
  // Drill-down to registrations: viewRegistrationWithReason, audited.
  'POST /api/reports/registrations': REPORTS,
  'GET /api/forwarding': STAFF,
  'POST /api/forwarding/{id}/resend': DESK,
  'POST /api/forwarding/resend': DESK,
  'POST /api/forwarding/send-now': DESK,
  'GET /api/settings': ADMIN,
  'PUT /api/settings/{key}': ADMIN,
  'GET /api/windows': PUBLIC,
  'POST /api/windows': ADMIN,
  'GET /api/services': ADMIN,
  'PUT /api/services/{code}': ADMIN,
  'PUT /api/windows/{no}': ADMIN,
  'DELETE /api/windows/{no}': ADMIN,
  'POST /api/windows/{no}/call-next': WINDOW,
  'POST /api/windows/{no}/recall': WINDOW,
  'POST /api/windows/{no}/no-show': WINDOW,
  'POST /api/windows/{no}/start': WINDOW,
  'POST /api/windows/{no}/complete': WINDOW,
  'POST /api/windows/{no}/open': WINDOW,
  'POST /api/windows/{no}/resume': WINDOW,
  'POST /api/windows/{no}/close': WINDOW,
  'POST /api/windows/{no}/pause': WINDOW,
  'POST /api/windows/{no}/call': WINDOW,
  'POST /api/windows/{no}/transfer': WINDOW,
  'POST /api/auth/login': PUBLIC,
  'POST /api/auth/logout': PUBLIC,
  'GET /api/auth/me': '401 401 401 401 ok  ok  ok  ok',
  'GET /api/console/settings': STAFF,
  'GET /api/staff': ADMIN,
  'POST /api/staff': ADMIN,
  'PATCH /api/staff/{id}': ADMIN,
  'POST /api/staff/{id}/password': ADMIN,
  'POST /api/devices/pairing-codes': ADMIN,
  'POST /api/devices/enrol': PUBLIC,
  'GET /api/devices/me': '401 ok  ok  ok  401 401 401 401',
  'POST /api/devices/readers/{id}/card': ADMIN,
  'GET /api/devices': DESK,
  'GET /api/devices/status': DESK,
  'POST /api/devices/{id}/revoke': ADMIN,
  'GET /api/audit': ADMIN,
  'GET /api/audit/green-channel': ADMIN,
  // Appointments: the public booking page needs no sign-in (rate-limited per address, human check).
  'GET /api/booking/services': PUBLIC,
  'GET /api/booking/availability': PUBLIC,
  'GET /api/booking/challenge': PUBLIC,
  'POST /api/booking': PUBLIC,
  'POST /api/booking/cancel': PUBLIC,
  'POST /api/booking/desk': DESK,
  'POST /api/booking/check-in': KIOSK,
  'GET /api/tickets/{id}/booking': WINDOW,
  'GET /api/booking/day': STAFF,
  'GET /api/booking/patterns': ADMIN,
  'PUT /api/booking/patterns/{code}': ADMIN,
  'PUT /api/booking/closures/{day}': ADMIN,
  // The phone page of the ticket's QR: by the code alone (rate-limited per address).
  'POST /api/phone/progress': PUBLIC,
  'POST /api/phone/evaluations': PUBLIC,
  // The SMS gateway's inbound callback (退订): whoever calls, only the gateway's signature counts (401 without).
  'POST /api/notify/sms/inbound': PUBLIC,
};

function expected(route: string, principal: PrincipalName): Expected {
  const row = MATRIX[route]!.trim().split(/\s+/) as Expected[];
  return row[PRINCIPALS.indexOf(principal)]!;
}

// ---------------------------------------------------------------------------------------------

let hall: Hall;
let routes: Route[];
const credentials = {} as Record<PrincipalName | 'bad-token', Record<string, string>>;
const passwords: Partial<Record<PrincipalName, [string, string]>> = {};
const stats = { requests: 0, fiveHundreds: 0, started: 0, byStatus: {} as Record<number, number>, journey: {} as Record<string, number> };

beforeAll(async () => {
  stats.started = Date.now();
  hall = await startHall({ auth: { loginRatePerMinute: 1000, kioskIssuePerMinute: 10_000, progressQueriesPerMinute: 10_000 } });
  routes = routesOf((await hall.app.inject({ url: '/api/openapi.json' })).json());
  credentials.anonymous = {};
  credentials['bad-token'] = { authorization: 'Bearer not-a-real-device-token' };
  credentials.kiosk = { authorization: `Bearer ${await pairDevice(hall, 'kiosk')}` };
  credentials.display = { authorization: `Bearer ${await pairDevice(hall, 'display')}` };
  credentials.screen = { authorization: `Bearer ${await pairDevice(hall, 'window-screen', 1)}` };
  credentials.admin = { cookie: hall.admin };
  passwords.admin = ['admin', ADMIN_PASSWORD];
  for (const role of ['desk', 'reception', 'leader'] as const) {
    credentials[role] = { cookie: await staffCookie(hall, `h${role}`, [role]) };
    passwords[role] = [`h${role}`, `h${role}-password-1`];
  }
}, 60_000);

afterAll(async () => {
  const seconds = ((Date.now() - stats.started) / 1000).toFixed(1);
  console.info(`hostile suite: ${stats.requests} requests, ${stats.fiveHundreds} answered 5xx, ${seconds} s (HOSTILE_RUNS=${RUNS}, seed ${SEED}); by status ${JSON.stringify(stats.byStatus)}; journeys ${JSON.stringify(stats.journey)}`);
  await hall?.close();
});

interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

function build(route: Route, segments: Record<string, string>, query: string, payload: Payload | null, headers: Record<string, string>): Sent {
  const path = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => segments[name] ?? '1');
  const sent: Sent = { method: route.method, url: `${path}${query}`, headers: { ...headers } };
  if (payload?.kind === 'json') {
    sent.payload = JSON.stringify(payload.value) ?? 'null';
    sent.headers['content-type'] = 'application/json';
  } else if (payload?.kind === 'raw') {
    sent.payload = payload.text;
    if (payload.contentType) sent.headers['content-type'] = payload.contentType;
  }
  return sent;
}

async function send(sent: Sent) {
  stats.requests++;
  const response = await hall.app.inject({ method: sent.method as 'GET', url: sent.url, headers: sent.headers, ...(sent.payload !== undefined ? { payload: sent.payload } : {}) });
  if (response.statusCode >= 500) stats.fiveHundreds++;
  stats.byStatus[response.statusCode] = (stats.byStatus[response.statusCode] ?? 0) + 1;
  return response;
}

/** The strings a request carried, to check none comes back in an error. */
function sentStrings(sent: Sent): string[] {
  const out = [decodeURIComponentSafe(sent.url)];
  if (sent.payload !== undefined) {
    try {
      stringsIn(JSON.parse(sent.payload), out);
    } catch {
      out.push(sent.payload);
    }
  }
  return out.filter((s) => s.length >= 6 && !/^\/api\//.test(s));
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text.split('?')[1] ?? '');
  } catch {
    return '';
  }
}

const FUZZ_PRINCIPALS = [...PRINCIPALS, 'bad-token'] as const;

/** A staff member's logout would end the session the rest of the suite uses. */
const credentialFor = (route: Route, principal: (typeof FUZZ_PRINCIPALS)[number]) =>
  route.path === '/api/auth/logout' && credentials[principal].cookie ? {} : credentials[principal];


/** The hall's database file passes SQLite's integrity and foreign-key checks. */
function expectStoreWhole(dir: string) {
  const db = new Database(join(dir, 'hall.db'), { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  } finally {
    db.close();
  }
}
describe('the authorization matrix', () => {
  /** A green-channel number is a further permission inside the route: ask for a normal one. */
  const VALID_BODY: Record<string, unknown> = { 'POST /api/tickets': { serviceCode: 'A', print: false } };
  const VALID_SEGMENT: Record<string, string> = { id: '01KAX3Q8W5J2V0M4B7R9T1C6ZP', no: '1', code: 'A', key: 'leaderReceptions' };

  it('lets each caller reach exactly the routes the matrix gives them', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const key = routeKey(route);
      // One fixed valid-shaped body per route (the seed does not vary with HOSTILE_SEED).
      const [body] = route.body ? (VALID_BODY[key] ? [VALID_BODY[key]] : fc.sample(shaped(route.body), { seed: 1, numRuns: 1 })) : [undefined];
      for (const principal of PRINCIPALS) {
        let auth = credentials[principal];
        // Logging out ends the session: use a fresh one for that row.
        if (key === 'POST /api/auth/logout' && passwords[principal]) auth = { cookie: await login(hall.app, ...passwords[principal]!) };
        const segments = Object.fromEntries(route.pathParams.map((p) => [p.name, VALID_SEGMENT[p.name] ?? '1']));
        const sent = build(route, segments, '', route.body ? { kind: 'json', value: body } : null, auth);
        const response = await send(sent);
        const error = response.statusCode >= 400 ? (response.json() as { error: string }).error : null;
        const refusedForWho = (response.statusCode === 401 && error === 'unauthenticated') || (response.statusCode === 403 && error === 'forbidden');
        const want = expected(key, principal);
        const fine =
          want === 'ok' ? !refusedForWho && response.statusCode < 500
          : want === 'why' ? response.statusCode >= 400 && response.statusCode < 500 && response.statusCode !== 401
          : String(response.statusCode) === want && refusedForWho;
        if (!fine) wrong.push(`${key} as ${principal}: want ${want}, got ${response.statusCode} ${error ?? ''}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('refuses a garbage or revoked device token on every guarded route, and never on health', async () => {
    for (const route of routes) {
      const sent = build(route, {}, '', route.body ? { kind: 'json', value: {} } : null, credentials['bad-token']);
      const response = await send(sent);
      const key = routeKey(route);
      if (key === 'GET /api/health' || key === 'GET /metrics') expect(response.statusCode, key).toBe(200);
      else if (MATRIX[key] !== PUBLIC) expect(response.statusCode, key).toBe(401);
    }
  });
});

describe('hostile input on every route', () => {
  it('covers every route of the OpenAPI document in the authorization matrix', () => {
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.map(routeKey).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it('answers generated hostile requests without a 5xx, in the error shape, leaking and echoing nothing', async () => {
    const failures: string[] = [];
    for (const [index, route] of routes.entries()) {
      const segments = fc.record(Object.fromEntries(route.pathParams.map((p) => [p.name, fc.oneof(pathSegment, shaped(p.schema).map((v) => encodeAny(String(v))))])));
      const request = fc.record({ segments, query: queryFor(route), payload: payloadFor(route), headers: hostileHeaders });
      // Every caller; those the route admits get the full number of runs (their requests reach
      // validation and the handler), the others a few (the guard refuses them first).
      for (const [n, principal] of FUZZ_PRINCIPALS.entries()) {
        const admitted = principal !== 'bad-token' && expected(routeKey(route), principal) === 'ok';
        const seed = SEED + index * 16 + n;
        const result = await fc.check(
          fc.asyncProperty(request, async ({ segments: s, query, payload, headers }) => {
            const sent = build(route, s as Record<string, string>, query, payload, { ...headers, ...credentialFor(route, principal) });
            const before = hall.app.hall.store.meta.seq();
            const response = await send(sent);
            const problems = problemsWith(response, sentStrings(sent));
            // A refused request leaves nothing behind: no queue change, no half-made ticket.
            if (response.statusCode >= 400 && hall.app.hall.store.meta.seq() !== before) problems.push(`${response.statusCode} but the queue changed`);
            if (problems.length) throw new Error(`${principal} ${sent.method} ${sent.url.slice(0, 120)} ${sent.payload?.slice(0, 200) ?? ''}: ${problems.join('; ')}`);
          }),
          { seed, numRuns: admitted ? RUNS : Math.max(2, Math.ceil(RUNS / 6)), endOnFailure: true },
        );
        if (result.failed) failures.push(`${routeKey(route)} as ${principal} (seed ${seed}): ${String((result.errorInstance as Error | undefined)?.message ?? 'failed').slice(0, 600)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('answers the classic attacks on every route, as a caller the route admits', async () => {
    const failures: string[] = [];
    const cases: Array<[string, Payload | null, Record<string, string>]> = [
      ...INVALID_JSON.map((text): [string, Payload, Record<string, string>] => [`invalid JSON ${JSON.stringify(text)}`, { kind: 'raw', text, contentType: 'application/json' }, {}]),
      ...CONTENT_TYPES.map((contentType): [string, Payload, Record<string, string>] => [`content type ${contentType}`, { kind: 'raw', text: '{"a":1}', contentType }, {}]),
      ['deeply nested arrays', { kind: 'raw', text: deepJson(30_000, 'array'), contentType: 'application/json' }, {}],
      ['deeply nested objects', { kind: 'raw', text: deepJson(10_000, 'object'), contentType: 'application/json' }, {}],
      ['__proto__ pollution', { kind: 'raw', text: '{"__proto__":{"polluted":"yes"},"a":{"__proto__":{"polluted":"yes"}}}', contentType: 'application/json' }, {}],
      ['constructor pollution', { kind: 'raw', text: '{"constructor":{"prototype":{"polluted":"yes"}}}', contentType: 'application/json' }, {}],
      ['a body over the limit', { kind: 'raw', text: JSON.stringify({ a: 'z'.repeat(70_000) }), contentType: 'application/json' }, {}],
      ['numbers JSON cannot hold', { kind: 'raw', text: '{"no":1e309,"visitors":-1e309,"limit":1e309,"windowNo":1e309}', contentType: 'application/json' }, {}],
      ['NUL and control characters', { kind: 'json', value: { a: '\u0000\u0001\u001b', b: ['\u0000'] } }, {}],
      ['a foreign origin', { kind: 'json', value: {} }, { origin: 'http://evil.example' }],
    ];
    for (const route of routes) {
      const principal = PRINCIPALS.find((p) => expected(routeKey(route), p) === 'ok')!;
      const auth = credentialFor(route, principal);
      for (const [name, payload, headers] of cases) {
        const sent = build(route, {}, '', route.method === 'GET' && payload?.kind === 'json' ? null : payload, { ...headers, ...auth });
        const problems = problemsWith(await send(sent), sentStrings(sent));
        if (problems.length) failures.push(`${routeKey(route)} as ${principal}, ${name}: ${problems.join('; ')}`);
      }
      for (const segment of route.pathParams.length ? BAD_PATH_SEGMENTS : []) {
        const segments = Object.fromEntries(route.pathParams.map((p) => [p.name, segment]));
        const sent = build(route, segments, '', route.body ? { kind: 'json', value: {} } : null, auth);
        const problems = problemsWith(await send(sent), sentStrings(sent));
        if (problems.length) failures.push(`${routeKey(route)} as ${principal}, path ${segment.slice(0, 30)}: ${problems.join('; ')}`);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(failures).toEqual([]);
  }, 300_000);

  it('answers concurrent bursts of the same valid request without a 5xx', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.method !== 'GET' && r.path !== '/api/auth/logout')) {
      const principal = PRINCIPALS.find((p) => expected(routeKey(route), p) === 'ok')!;
      const [body] = route.body ? fc.sample(shaped(route.body), { seed: SEED, numRuns: 1 }) : [undefined];
      const sent = build(route, {}, '', route.body ? { kind: 'json', value: body } : null, credentials[principal]);
      const responses = await Promise.all(Array.from({ length: 6 }, () => send(sent)));
      for (const response of responses) {
        const problems = problemsWith(response, sentStrings(sent));
        if (problems.length) failures.push(`${routeKey(route)} as ${principal} ×6: ${problems.join('; ')}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('leaves the store whole: integrity and foreign keys hold, no prototype polluted', () => {
    expectStoreWhole(hall.dir);
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    expect((Array.prototype as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('hostile registrations followed through the window and the file drop', () => {
  const INTAKE_LEAVES = [
    'requestId', 'serviceCode', 'petitioner.name', 'petitioner.address', 'petitioner.occupation', 'petitioner.phone',
    'petitioner.idNumber', 'petitioner.birthDate', 'visit.visitors', 'visit.repeat', 'representatives',
    'matter.category', 'matter.purpose', 'matter.cause', 'matter.problem', 'matter.demands', 'matter.placeCode',
  ] as const;
  const VERIFY_LEAVES = ['petitioner.name', 'petitioner.phone', 'petitioner.address', 'petitioner.occupation', 'matter.problem', 'matter.demands', 'matter.responsibleSystem', 'matter.hotIssue', 'matter.placeCode', 'remarks', 'answer'] as const;
  /** Injection text that still passes the schema's lengths, so it reaches sealing and the document. */
  const leafValue = fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...INJECTIONS).map((s) => `某某某${s}`.slice(0, 30)) },
    { weight: 1, arbitrary: hostileValue },
  );
  const withLeaf = (body: Record<string, any>, path: string, value: unknown) => {
    const copy = structuredClone(body);
    const parts = path.split('.');
    let at = copy;
    for (const part of parts.slice(0, -1)) at = at[part];
    at[parts.at(-1)!] = value;
    return copy;
  };

  it('registers, calls, reads, verifies, completes and forwards without a 5xx or a broken store', async () => {
    const journeyHall = await startHall({ auth: { kioskIssuePerMinute: 10_000, progressQueriesPerMinute: 10_000 } });
    try {
      const kiosk = { authorization: `Bearer ${await pairDevice(journeyHall, 'kiosk')}` };
      const admin = { cookie: journeyHall.admin };
      const inject = async (method: string, url: string, headers: Record<string, string>, payload?: unknown) => {
        stats.requests++;
        const response = await journeyHall.app.inject({ method: method as 'GET', url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
        if (response.statusCode >= 500) stats.fiveHundreds++;
        const step = `${method} ${url.replace(/\/[0-9A-Z]{26}/, '/{id}')} ${response.statusCode}`;
        stats.journey[step] = (stats.journey[step] ?? 0) + 1;
        const problems = problemsWith(response, stringsIn(payload));
        if (problems.length) throw new Error(`${method} ${url} ${JSON.stringify(payload)?.slice(0, 300)}: ${problems.join('; ')}`);
        return response;
      };
      await inject('POST', '/api/windows/2/open', admin, {});
      let verifiedCount = 0;
      const verification = {
        petitioner: { name: '王秀兰', phone: '13911112222', address: '东城区和平里街道七号楼三单元502' },
        matter: { ...registration().matter, responsibleSystem: '住房城乡建设' },
        remarks: '',
        answer: '已告知按程序转有关部门办理。',
      };
      await fc.assert(
        fc.asyncProperty(fc.constantFrom('kiosk', 'walk-in'), fc.constantFrom(...INTAKE_LEAVES), leafValue, fc.constantFrom(...VERIFY_LEAVES), leafValue, async (via, leaf, value, verifyLeaf, verifyValue) => {
          const body = withLeaf(registration({ petitioner: freshPetitioner() }) as unknown as Record<string, unknown>, leaf, value);
          let id: string;
          if (via === 'kiosk') {
            await inject('POST', '/api/intakes', kiosk, body);
            const called = await inject('POST', '/api/windows/2/call-next', admin, {});
            if (called.statusCode !== 200) return;
            id = called.json().ticket.id;
          } else {
            // 窗口登记: registered and called at the window at once.
            const walkIn = await inject('POST', '/api/windows/2/walk-in', admin, body);
            if (walkIn.statusCode !== 201) return;
            id = walkIn.json().ticket.id;
          }
          await inject('GET', `/api/tickets/${id}/registration`, admin);
          const verified = await inject('PUT', `/api/tickets/${id}/registration`, admin, withLeaf(verification, verifyLeaf, verifyValue));
          if (verified.statusCode === 200) verifiedCount++;
          await inject('POST', '/api/windows/2/start', admin, {});
          // A reason for the registrations the hostile values kept from verification.
          await inject('POST', '/api/windows/2/complete', admin, { closeReason: '重复登记' });
          await inject('GET', `/api/tickets/${id}`, admin);
        }),
        { seed: SEED, numRuns: Math.max(10, RUNS * 3) },
      );
      // Every verified hostile registration reaches the drop folder as a document.
      await vi.waitFor(async () => {
        const states = ((await inject('GET', '/api/forwarding?state=undelivered', admin)).json().messages as Array<{ state: string }>).map((m) => m.state);
        expect(states.filter((state) => state !== 'delivered')).toEqual([]);
      }, { timeout: 15_000, interval: 200 });
      const dropped = existsSync(join(journeyHall.dir, 'forwarded')) ? readdirSync(join(journeyHall.dir, 'forwarded')).filter((n) => n.endsWith('.json')) : [];
      expect(dropped.length).toBe(verifiedCount);
      for (const name of (existsSync(join(journeyHall.dir, 'forwarded')) ? readdirSync(join(journeyHall.dir, 'forwarded')) : []).filter((n) => n.endsWith('.json'))) {
        expect(JSON.parse(readFileSync(join(journeyHall.dir, 'forwarded', name), 'utf8'))).toMatchObject({ format: 'xinfang-hall/intake' });
      }
      expectStoreWhole(journeyHall.dir);
    } finally {
      await journeyHall.close();
    }
  }, 300_000);
});

describe('hostile socket handshakes and frames', () => {
  it('refuses or admits each handshake with a short code, survives odd frames, and keeps answering', async () => {
    const { io } = await import('socket.io-client');
    const outcomes: string[] = [];
    const kioskToken = credentials.kiosk.authorization!.slice('Bearer '.length);
    const auths: unknown[] = [
      {}, { token: 'garbage' }, { token: 'x'.repeat(201) }, { token: 42 }, { token: { $ne: null } }, { token: ['a'] },
      { token: kioskToken, windowNo: -1 }, { windowNo: 1e309 }, { windowNo: '1' }, { windowNo: 2 ** 53 }, { __proto__: { token: kioskToken } },
      { token: '\u0000' }, { token: kioskToken },
    ];
    const headerSets: Array<Record<string, string>> = [{}, { cookie: credentials.desk.cookie! }, { cookie: credentials.desk.cookie!, origin: 'http://evil.example' }, { cookie: 'hall_session=%E0%A4%A' }];
    for (const auth of auths) {
      for (const extraHeaders of headerSets) {
        stats.requests++;
        const outcome = await new Promise<string>((resolve) => {
          const socket = io(hall.url, { auth: auth as Record<string, unknown>, extraHeaders, transports: ['websocket'], forceNew: true, reconnection: false, timeout: 3_000 });
          socket.on('connect_error', (err) => {
            socket.close();
            resolve(`refused:${err.message}`);
          });
          socket.on('connect', () => {
            // Odd frames from an admitted client: no ack function, unknown events, a payload over the limit.
            socket.emit('snapshot:get' as never, 'not-a-function' as never);
            socket.emit('no-such-event' as never, { __proto__: { polluted: 'yes' } } as never);
            socket.emit('snapshot:get' as never, 'z'.repeat(20_000) as never);
            setTimeout(() => {
              socket.close();
              resolve('connected');
            }, 50);
          });
        });
        outcomes.push(outcome);
      }
    }
    if (process.env.HOSTILE_DEBUG) console.info(outcomes.join(" "));
    for (const outcome of outcomes) expect(outcome).toMatch(/^(connected|refused:[a-z_]{1,40})$/);
    expect(outcomes).toContain('refused:origin_refused');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await hall.app.inject({ url: '/api/health' })).statusCode).toBe(200);
  }, 120_000);
});
