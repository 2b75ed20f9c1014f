// Forwarding verified registrations to the case system (当日办) against the mock case system:
// down for a whole phase then up, hanging and slow answers, a rejection that goes to `dead` and is
// resent, bad signatures, a server SIGKILLed mid-delivery, and the file-drop adapter.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signature } from '../../server/forwarding/adapters.ts';
import { startMockCaseSystem, type MockCaseSystem } from '../../scripts/case-system-mock.ts';
import { ADMIN_PASSWORD, pairDevice, staffCookie, startHall, type Hall } from '../support/hall.ts';
import { idNumber, registration } from '../support/registration.ts';

const SECRET = 'test-secret-shared-with-the-case-system';
const ROOT = resolve(import.meta.dirname, '../..');
let hall: Hall | undefined;
let mock: MockCaseSystem | undefined;
afterEach(async () => {
  await hall?.close();
  await mock?.close();
  hall = mock = undefined;
});

/** Fast retries, so a test sees several rounds in well under a second. */
const http = (url: string, extra: Record<string, unknown> = {}) => ({
  forwarding: { adapter: 'http', url, secret: SECRET, retryBaseSeconds: 0.05, retryMaxSeconds: 0.2, timeoutSeconds: 2, ...extra },
  auth: { kioskIssuePerMinute: 10_000 },
});

/** A free port with nothing listening on it (the case system is down). */
async function downPort(): Promise<number> {
  const probe = await startMockCaseSystem({ secret: SECRET });
  await probe.close();
  return probe.port;
}

let people = 0;
interface Verified {
  intakeId: string;
  key: string;
  ticketId: string;
  /** The receiving window's staff member. */
  cookie: string;
}

/**
 * Registers at a kiosk, calls at window 1, verifies, completes (unless `complete` is false); `before`
 * runs once the key is known.
 */
/** The window verifies (or corrects) the registration of the ticket it holds. */
const verify = (h: Hall, ticketId: string, cookie: string) =>
  h.app.inject({
    method: 'PUT',
    url: `/api/tickets/${ticketId}/registration`,
    headers: { cookie },
    payload: {
      petitioner: { name: '王秀兰', phone: '13912345678', address: '东城区和平里街道七号楼' },
      matter: { ...registration().matter, responsibleSystem: '住房城乡建设' },
      answer: '已告知按程序转有关部门办理。',
    },
  });

const receivers = new WeakMap<Hall, { kiosk: string; cookie: string }>();
/** A hall whose case system refuses everything, and one verified registration gone dead there. */
async function oneRejectedIntake(): Promise<Verified> {
  mock = await startMockCaseSystem({ secret: SECRET });
  mock.setMode('reject');
  hall = await startHall(http(mock.url));
  const [intake] = await verifiedIntakes(hall, 1);
  await vi.waitFor(() => expect(outboxOf(hall!, intake!.intakeId).state).toBe('dead'), { timeout: 10_000 });
  return intake!;
}

async function verifiedIntakes(h: Hall, count: number, before?: (key: string, i: number) => void, { complete = true } = {}): Promise<Verified[]> {
  // One kiosk and one receiving staff member per hall, however often this is called.
  let receiver = receivers.get(h);
  if (!receiver) receivers.set(h, (receiver = { kiosk: await pairDevice(h, 'kiosk'), cookie: await staffCookie(h, `fw${people}`, ['reception']) }));
  const { kiosk, cookie } = receiver;
  const post = (url: string, payload: object = {}) => h.app.inject({ method: 'POST', url, headers: { cookie }, payload });
  await post('/api/windows/1/open');
  const out: Verified[] = [];
  for (let i = 0; i < count; i++) {
    people += 1;
    const petitioner = { idNumber: idNumber('19660606', 401 + people * 2), birthDate: '1966-06-06', gender: 'male' as const };
    const issued = await h.app.inject({ method: 'POST', url: '/api/intakes', headers: { authorization: `Bearer ${kiosk}` }, payload: registration({ petitioner }) });
    expect(issued.statusCode).toBe(201);
    const ticketId = issued.json().ticket.id as string;
    expect((await post('/api/windows/1/call-next')).json().ticket.id).toBe(ticketId);
    const view = await h.app.inject({ url: `/api/tickets/${ticketId}/registration`, headers: { cookie } });
    const key = `xfh-${view.json().id}`;
    before?.(key, i);
    const verified = await verify(h, ticketId, cookie);
    expect(verified.statusCode).toBe(200);
    if (complete) await post('/api/windows/1/complete');
    out.push({ intakeId: view.json().id, key, ticketId, cookie });
  }
  return out;
}

const outboxOf = (h: Hall, intakeId: string) => h.app.hall.store.outbox.byIntake(intakeId)!;

describe('forwarding to the case system', () => {
  it('delivers every registration once the case system is back after being down, each key once', async () => {
    const port = await downPort();
    hall = await startHall(http(`http://127.0.0.1:${port}/cases`));
    const intakes = await verifiedIntakes(hall, 5);
    await vi.waitFor(() => {
      for (const i of intakes) expect(outboxOf(hall!, i.intakeId).attempts).toBeGreaterThanOrEqual(2);
    }, { timeout: 10_000 });
    expect(outboxOf(hall, intakes[0]!.intakeId)).toMatchObject({ state: 'pending', lastError: expect.stringContaining('暂时连不上案件系统') });

    mock = await startMockCaseSystem({ port, secret: SECRET });
    await vi.waitFor(() => {
      for (const i of intakes) expect(outboxOf(hall!, i.intakeId).state).toBe('delivered');
    }, { timeout: 10_000 });
    expect(mock.deliveries().map((d) => d.key).sort()).toEqual(intakes.map((i) => i.key).sort());
    expect(mock.deliveries().every((d) => d.received === 1)).toBe(true);
    expect(mock.conflicts()).toBe(0);

    const intake = hall.app.hall.store.intakes.get(intakes[0]!.intakeId)!;
    expect(intake).toMatchObject({ state: 'acknowledged', caseNumber: expect.stringMatching(/^XF\d+/) });
    expect(intake.acceptanceDue! > intake.serviceDay).toBe(true);
    const body = JSON.parse(mock.deliveries().find((d) => d.key === intakes[0]!.key)!.body);
    expect(body).toMatchObject({ format: 'xinfang-hall/intake', version: 1, idempotencyKey: intakes[0]!.key, intake: { matter: { responsibleSystem: '住房城乡建设' } } });
  });

  it('keeps delivering the others while one request hangs and another is slow', async () => {
    mock = await startMockCaseSystem({ secret: SECRET });
    hall = await startHall(http(mock.url, { timeoutSeconds: 5 }));
    const intakes = await verifiedIntakes(hall, 4, (key, i) => {
      if (i === 0) mock!.setMode('hang', { key });
      if (i === 1) mock!.setMode('slow', { key, slowMs: 4_000 });
    });
    const [hung, slow, ...others] = intakes;
    await vi.waitFor(() => {
      for (const i of others) expect(outboxOf(hall!, i.intakeId).state).toBe('delivered');
    }, { timeout: 4_000 });
    expect(outboxOf(hall, hung!.intakeId)).toMatchObject({ state: 'pending', attempts: 1 });

    mock.setMode('ok', { key: hung!.key });
    await vi.waitFor(() => {
      for (const i of [hung!, slow!]) expect(outboxOf(hall!, i.intakeId).state).toBe('delivered');
    }, { timeout: 10_000 });
    expect(outboxOf(hall, hung!.intakeId).attempts).toBeGreaterThanOrEqual(2);
    expect(outboxOf(hall, hung!.intakeId).lastError).toBeNull();
    expect(mock.conflicts()).toBe(0);
  });

  it('sends a rejected registration to dead with the reason, and resends it on request (audited)', async () => {
    const intake = await oneRejectedIntake();
    if (!hall || !mock) throw new Error('started by oneRejectedIntake');
    expect(outboxOf(hall, intake.intakeId)).toMatchObject({ attempts: 1, lastError: expect.stringContaining('案件系统拒收（400）') });
    const list = await hall.app.inject({ url: '/api/forwarding', headers: { cookie: hall.admin } });
    expect(list.json()).toMatchObject({ counts: { dead: 1 }, messages: [expect.objectContaining({ state: 'dead', lastError: expect.stringContaining('材料不全') })] });

    mock.setMode('ok');
    const desk = await staffCookie(hall, 'desk-fw', ['desk']);
    const reception = await staffCookie(hall, 'rec-fw', ['reception']);
    const id = outboxOf(hall, intake.intakeId).id;
    expect((await hall.app.inject({ method: 'POST', url: `/api/forwarding/${id}/resend`, headers: { cookie: reception } })).statusCode).toBe(403);
    expect((await hall.app.inject({ method: 'POST', url: `/api/forwarding/${id}/resend`, headers: { cookie: desk } })).statusCode).toBe(200);
    await vi.waitFor(() => expect(outboxOf(hall!, intake.intakeId).state).toBe('delivered'), { timeout: 10_000 });
    expect((await hall.app.inject({ method: 'POST', url: `/api/forwarding/${id}/resend`, headers: { cookie: desk } })).statusCode).toBe(409);
    const audit = await hall.app.inject({ url: '/api/audit?action=forwarding.resent', headers: { cookie: hall.admin } });
    expect(audit.json().events).toHaveLength(1);
    expect(mock.deliveries()).toHaveLength(1);
  });

  it('is refused by the case system with a wrong signature, and the mock checks it', async () => {
    mock = await startMockCaseSystem({ secret: SECRET });
    const body = JSON.stringify({ hello: 'world' });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const forged = await fetch(mock.url, {
      method: 'POST',
      headers: { 'idempotency-key': 'k1', 'x-timestamp': timestamp, 'x-signature': signature('not-the-secret-at-all!', timestamp, 'k1', body) },
      body,
    });
    expect(forged.status).toBe(401);
    const genuine = await fetch(mock.url, {
      method: 'POST',
      headers: { 'idempotency-key': 'k1', 'x-timestamp': timestamp, 'x-signature': signature(SECRET, timestamp, 'k1', body) },
      body,
    });
    expect(genuine.status).toBe(201);
    // The key is signed with the body: the same signature under another key is refused.
    const moved = await fetch(mock.url, {
      method: 'POST',
      headers: { 'idempotency-key': 'k2', 'x-timestamp': timestamp, 'x-signature': signature(SECRET, timestamp, 'k1', body) },
      body,
    });
    expect(moved.status).toBe(401);
    expect(mock.badSignatures()).toBe(2);
  });

  it('loses nothing and never sends a second body when the server is killed mid-delivery', async () => {
    mock = await startMockCaseSystem({ secret: SECRET });
    const dir = mkdtempSync(join(tmpdir(), 'hall-fw-kill-'));
    // Phase 1: registrations verified while forwarding is off (queued only).
    let first: Hall | undefined = await startHall({ forwarding: { adapter: 'off' }, auth: { kioskIssuePerMinute: 10_000 } }, dir);
    const intakes = await verifiedIntakes(first, 12);
    await first.close({ keepData: true });
    first = undefined;

    // Phase 2: a real server process delivers to a slow case system and is killed mid-way.
    mock.setMode('slow', { slowMs: 400 });
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, HALL_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', HALL_DEMO: '0', LOG_LEVEL: 'silent', HALL_ADMIN_PASSWORD: ADMIN_PASSWORD, HALL_FORWARDING: 'http', HALL_CASE_SYSTEM_URL: mock.url, HALL_CASE_SYSTEM_SECRET: SECRET },
      stdio: 'ignore',
    });
    const exited = new Promise((r) => child.on('exit', r));
    await vi.waitFor(() => expect(mock!.deliveries().length).toBeGreaterThanOrEqual(4), { timeout: 30_000 });
    child.kill('SIGKILL');
    await exited;
    const beforeRestart = mock.deliveries().length;
    expect(beforeRestart).toBeLessThan(intakes.length);

    // Phase 3: restarted, it picks up where it stopped.
    mock.setMode('ok');
    hall = await startHall(http(mock.url), dir);
    await vi.waitFor(() => {
      for (const i of intakes) expect(outboxOf(hall!, i.intakeId).state).toBe('delivered');
    }, { timeout: 15_000 });
    expect(mock.deliveries().map((d) => d.key).sort()).toEqual(intakes.map((i) => i.key).sort());
    expect(mock.conflicts()).toBe(0);
  }, 60_000);
});

const DAY = 86_400_000;
type Overview = { counts: Record<string, number>; warning: string | null; held: { reason: string } | null; page: { total: number }; messages: Array<{ id: number; state: string; ticketNumber: string }> };
const overview = async (h: Hall, query = '', cookie = h.admin): Promise<Overview> => {
  const response = await h.app.inject({ url: `/api/forwarding${query}`, headers: { cookie } });
  expect(response.statusCode).toBe(200);
  return response.json();
};

describe('a document that cannot be opened', () => {
  it('is given up at once with the reason (not retried in a loop), the others are delivered, and the hall keeps answering', async () => {
    mock = await startMockCaseSystem({ secret: SECRET });
    const dir = mkdtempSync(join(tmpdir(), 'hall-fw-unreadable-'));
    const first = await startHall({ forwarding: { adapter: 'off' }, auth: { kioskIssuePerMinute: 10_000 } }, dir);
    const [broken, fine] = await verifiedIntakes(first, 2);
    await first.close({ keepData: true });
    // As if sealed under another data key (a key file lost, a backup restored beside a new key).
    const db = new Database(join(dir, 'hall.db'));
    db.prepare('UPDATE outbox SET body = ? WHERE intake_id = ?').run('sealed under another key', broken!.intakeId);
    db.close();

    hall = await startHall(http(mock.url), dir);
    await vi.waitFor(() => expect(outboxOf(hall!, fine!.intakeId).state).toBe('delivered'), { timeout: 15_000 });
    const given = outboxOf(hall, broken!.intakeId);
    expect(given).toMatchObject({ state: 'dead', attempts: 1 });
    expect(given.lastError).toContain('无法解密');
    expect((await hall.app.inject({ url: '/api/health' })).statusCode).toBe(200);
    expect(mock.deliveries().map((d) => d.key)).toEqual([fine!.key]);
  });
});

describe('forwarding that never hides a matter', () => {
  it('lists a dead document from yesterday, counts and warns about it, and resends it today', async () => {
    const intake = await oneRejectedIntake();
    if (!hall || !mock) throw new Error('started by oneRejectedIntake');
    const message = outboxOf(hall, intake.intakeId);
    // Verified yesterday (an earlier day in the hall's zone whatever the time now).
    hall.app.hall.store.outbox.update(message.id, { createdAt: message.createdAt - DAY - 60_000 });

    const before = await overview(hall);
    expect(before.counts).toMatchObject({ dead: 1, earlier: 1, delivered: 0 });
    expect(before.messages).toEqual([expect.objectContaining({ id: message.id, state: 'dead' })]);
    expect(before.warning).toContain('1 份前几天已核对的登记至今没有转送');
    expect((await overview(hall, '?state=dead')).page.total).toBe(1);

    mock.setMode('ok');
    const desk = await staffCookie(hall, 'desk-old', ['desk']);
    const resend = await hall.app.inject({ method: 'POST', url: '/api/forwarding/resend', headers: { cookie: desk }, payload: { ids: [message.id] } });
    expect(resend.json()).toEqual({ resent: 1 });
    await vi.waitFor(() => expect(outboxOf(hall!, intake.intakeId).state).toBe('delivered'), { timeout: 10_000 });
    const after = await overview(hall);
    expect(after.counts).toMatchObject({ dead: 0, earlier: 0, delivered: 1 });
    expect(after.warning).toBeNull();
    expect(hall.app.hall.store.intakes.get(intake.intakeId)!.caseNumber).toMatch(/^XF/);
  });

  it('pages through documents by state and age, and resends a selection and then all dead ones (audited)', async () => {
    hall = await startHall({ forwarding: { adapter: 'off' }, auth: { kioskIssuePerMinute: 10_000 } });
    const intakes = await verifiedIntakes(hall, 10);
    const store = hall.app.hall.store;
    const ids = intakes.map((i) => outboxOf(hall!, i.intakeId).id);
    // The first four went dead on earlier days, the oldest first; six are pending today.
    ids.slice(0, 4).forEach((id, n) => store.outbox.update(id, { state: 'dead', lastError: '案件系统拒收（400）', createdAt: Date.now() - (5 - n) * DAY }));

    const all = await overview(hall, '?limit=3');
    expect(all.page).toEqual({ total: 10, offset: 0, limit: 3 });
    expect(all.counts).toMatchObject({ pending: 6, dead: 4, earlier: 4 });
    const deadFirst = await overview(hall, '?state=dead&order=oldest&limit=3');
    expect(deadFirst.page.total).toBe(4);
    expect(deadFirst.messages.map((m) => m.id)).toEqual(ids.slice(0, 3));
    const deadNext = await overview(hall, '?state=dead&order=oldest&limit=3&offset=3');
    expect(deadNext.messages.map((m) => m.id)).toEqual([ids[3]]);
    expect((await overview(hall, '?state=pending&order=newest&limit=2')).messages.map((m) => m.id)).toEqual([ids[9], ids[8]]);
    expect((await overview(hall, '?state=undelivered')).page.total).toBe(10);
    expect((await hall.app.inject({ url: '/api/forwarding?state=lost', headers: { cookie: hall.admin } })).statusCode).toBe(400);

    const desk = await staffCookie(hall, 'desk-page', ['desk']);
    const reception = await staffCookie(hall, 'rec-page', ['reception']);
    const resend = (cookie: string, payload: object) => hall!.app.inject({ method: 'POST', url: '/api/forwarding/resend', headers: { cookie }, payload });
    expect((await resend(reception, { allDead: true })).statusCode).toBe(403);
    expect((await resend(desk, {})).statusCode).toBe(400);
    expect((await resend(desk, { ids: [ids[0], ids[1], ids[9]] })).json()).toEqual({ resent: 2 }); // ids[9] is not dead
    expect((await overview(hall)).counts).toMatchObject({ pending: 8, dead: 2 });
    expect((await resend(desk, { allDead: true })).json()).toEqual({ resent: 2 });
    expect((await overview(hall)).counts).toMatchObject({ pending: 10, dead: 0 });
    expect(store.outbox.get(ids[0]!)).toMatchObject({ state: 'pending', attempts: 0 });
    const audit = await hall.app.inject({ url: '/api/audit?action=forwarding.resent', headers: { cookie: hall.admin } });
    expect(audit.json().events).toHaveLength(4);
  });

  it('does not count a 2xx whose acknowledgement is cut off as delivered, and sends it again under the same key', async () => {
    mock = await startMockCaseSystem({ secret: SECRET });
    mock.setMode('truncate');
    hall = await startHall(http(mock.url));
    const [intake] = await verifiedIntakes(hall, 1);
    // Two answers cut short (the case system stored the document at the first).
    await vi.waitFor(() => expect(mock!.deliveries()[0]?.received).toBeGreaterThanOrEqual(2), { timeout: 10_000 });
    await vi.waitFor(() => expect(outboxOf(hall!, intake!.intakeId)).toMatchObject({ state: 'pending', lastError: expect.stringContaining('答复不完整') }));
    expect(hall.app.hall.store.intakes.get(intake!.intakeId)!.state).toBe('verified');

    mock.setMode('ok');
    await vi.waitFor(() => expect(outboxOf(hall!, intake!.intakeId).state).toBe('delivered'), { timeout: 10_000 });
    const [delivery] = mock.deliveries();
    expect(mock.deliveries()).toHaveLength(1);
    expect(delivery!.received).toBeGreaterThanOrEqual(3);
    expect(mock.conflicts()).toBe(0);
    expect(hall.app.hall.store.intakes.get(intake!.intakeId)).toMatchObject({ state: 'acknowledged', caseNumber: delivery!.caseNumber });
  });

  it('honours Retry-After (seconds, or an HTTP date cut to the configured bound), and staff can send now (audited)', async () => {
    mock = await startMockCaseSystem({ secret: SECRET });
    mock.setMode('busy', { retryAfter: '120' });
    hall = await startHall(http(mock.url, { retryAfterMaxSeconds: 1800 }));
    const [first] = await verifiedIntakes(hall, 1);
    await vi.waitFor(() => expect(outboxOf(hall!, first!.intakeId).lastError).toContain('繁忙（503）'), { timeout: 10_000 });
    // Told 120 s: not retried after the configured 0.05–0.2 s backoff but after 120 s.
    const wait = outboxOf(hall, first!.intakeId).nextAttemptAt - Date.now();
    expect(wait).toBeGreaterThan(100_000);
    expect(wait).toBeLessThanOrEqual(120_000);

    // A second registration waits too: the whole queue is paused while the case system is busy.
    const [second] = await verifiedIntakes(hall, 1);
    expect(outboxOf(hall, second!.intakeId).attempts).toBe(0);
    expect(mock.requests()).toBe(1);

    // An HTTP date two hours ahead is cut to retryAfterMaxSeconds (30 min).
    mock.setMode('busy', { retryAfter: new Date(Date.now() + 7_200_000).toUTCString() });
    const desk = await staffCookie(hall, 'desk-now', ['desk']);
    const reception = await staffCookie(hall, 'rec-now', ['reception']);
    const sendNow = (cookie: string) => hall!.app.inject({ method: 'POST', url: '/api/forwarding/send-now', headers: { cookie } });
    expect((await sendNow(reception)).statusCode).toBe(403);
    expect((await sendNow(desk)).json()).toEqual({ pending: 2 });
    await vi.waitFor(() => expect(mock!.requests()).toBe(3), { timeout: 10_000 });
    await vi.waitFor(() => {
      for (const i of [first!, second!]) {
        const left = outboxOf(hall!, i.intakeId).nextAttemptAt - Date.now();
        expect(left).toBeGreaterThan(1_700_000);
        expect(left).toBeLessThanOrEqual(1_800_000);
      }
    });

    mock.setMode('ok');
    expect((await sendNow(desk)).json()).toEqual({ pending: 2 });
    await vi.waitFor(() => {
      for (const i of [first!, second!]) expect(outboxOf(hall!, i.intakeId).state).toBe('delivered');
    }, { timeout: 10_000 });
    const audit = await hall.app.inject({ url: '/api/audit?action=forwarding.sent_now', headers: { cookie: hall.admin } });
    expect(audit.json().events).toHaveLength(2);
  });

  it('tries every waiting document promptly once the case system answers again (backoff reset on the first success)', async () => {
    mock = await startMockCaseSystem({ secret: SECRET });
    mock.setMode('fail');
    // Long backoff: the first retry would come 30–60 s later.
    hall = await startHall(http(mock.url, { retryBaseSeconds: 60, retryMaxSeconds: 600 }));
    const waiting = await verifiedIntakes(hall, 3);
    await vi.waitFor(() => {
      for (const i of waiting) expect(outboxOf(hall!, i.intakeId)).toMatchObject({ attempts: 1, lastError: expect.stringContaining('500') });
    }, { timeout: 10_000 });
    for (const i of waiting) expect(outboxOf(hall, i.intakeId).nextAttemptAt - Date.now()).toBeGreaterThan(20_000);

    mock.setMode('ok');
    const [fresh] = await verifiedIntakes(hall, 1); // due at once: the first success
    await vi.waitFor(() => {
      for (const i of [fresh!, ...waiting]) expect(outboxOf(hall!, i.intakeId).state).toBe('delivered');
    }, { timeout: 10_000 });
    expect(mock.conflicts()).toBe(0);
  });

  it('holds the queue on 401 (a configuration fault), alerts admin and desk once, and resumes when the secret matches', async () => {
    mock = await startMockCaseSystem({ secret: 'the-case-system-has-another-secret' });
    hall = await startHall(http(mock.url));
    const intakes = await verifiedIntakes(hall, 3);
    await vi.waitFor(async () => expect((await overview(hall!)).held).not.toBeNull(), { timeout: 10_000 });
    // Probes continue with backoff; nothing goes dead one by one.
    const seen = mock.badSignatures();
    await vi.waitFor(() => expect(mock!.badSignatures()).toBeGreaterThanOrEqual(seen + 2), { timeout: 10_000 });
    const view = await overview(hall);
    expect(view.counts).toMatchObject({ pending: 3, dead: 0 });
    expect(view.held!.reason).toContain('身份验证（401）');
    expect(view.warning).toContain('转送已暂停');
    const desk = await staffCookie(hall, 'desk-held', ['desk']);
    const alertReply = await hall.app.inject({ url: '/api/alerts', headers: { cookie: desk } });
    const alerts = alertReply.json().alerts as Array<{ kind: string; message: string }>;
    expect(alerts.filter((a) => a.kind === 'forwarding_held')).toEqual([expect.objectContaining({ message: expect.stringContaining('转送已暂停') })]);
    // Refusals of the hall are not counted as attempts (at most the probe in flight is, until refused).
    expect(intakes.reduce((sum, i) => sum + outboxOf(hall!, i.intakeId).attempts, 0)).toBeLessThanOrEqual(1);

    mock.setSecret(SECRET);
    await vi.waitFor(() => {
      for (const i of intakes) expect(outboxOf(hall!, i.intakeId).state).toBe('delivered');
    }, { timeout: 10_000 });
    expect((await overview(hall)).held).toBeNull();
    const after = (await hall.app.inject({ url: '/api/alerts', headers: { cookie: hall.admin } })).json().alerts as Array<{ kind: string }>;
    expect(after.filter((a) => a.kind === 'forwarding_held')).toHaveLength(1);
  });

  it('does not poll the store while a delivery hangs: it waits for the attempt, not a timer', async () => {
    mock = await startMockCaseSystem({ secret: SECRET });
    mock.setMode('hang');
    hall = await startHall(http(mock.url, { timeoutSeconds: 60 }));
    await verifiedIntakes(hall, 1);
    await vi.waitFor(() => expect(mock!.requests()).toBe(1), { timeout: 10_000 });
    const outbox = hall.app.hall.store.outbox;
    const due = vi.spyOn(outbox, 'due');
    const nextDueAt = vi.spyOn(outbox, 'nextDueAt');
    await new Promise((r) => setTimeout(r, 500));
    // The old worker woke every 10 ms here (≈ 50 wake-ups, 100 queries in half a second).
    expect(due.mock.calls.length + nextDueAt.mock.calls.length).toBe(0);
    expect(hall.app.hall.forwarder.inflight()).toBe(1);
  });

  it('tells the window the truth after a crash between verification and completion: queued, not forwarded', async () => {
    hall = await startHall({ forwarding: { adapter: 'off' }, auth: { kioskIssuePerMinute: 10_000 } });
    const [intake] = await verifiedIntakes(hall, 1, undefined, { complete: false });
    // A crash mid-attempt leaves the attempt counted and the document pending.
    const message = outboxOf(hall, intake!.intakeId);
    hall.app.hall.store.outbox.update(message.id, { attempts: 1 });
    const correct = () => verify(hall!, intake!.ticketId, intake!.cookie);
    const queued = await correct();
    expect(queued.statusCode).toBe(409);
    expect(queued.json()).toMatchObject({ error: 'intake_queued', message: expect.stringContaining('进入转送队列') });
    expect(queued.json().message).not.toContain('已经转送');

    hall.app.hall.store.outbox.update(message.id, { state: 'delivered', deliveredAt: Date.now() });
    expect((await correct()).json()).toMatchObject({ error: 'intake_forwarded' });
  });
});

describe('file-drop forwarding', () => {
  it('writes one complete JSON file per registration, never a half file under the final name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-drop-'));
    const drop = join(dir, 'exchange');
    hall = await startHall({ forwarding: { adapter: 'file', directory: drop }, auth: { kioskIssuePerMinute: 10_000 } });
    const seen: string[] = [];
    const watcher = setInterval(() => {
      if (!existsSync(drop)) return;
      for (const name of readdirSync(drop).filter((n) => n.endsWith('.json'))) {
        // Every file visible under its final name must already be whole.
        JSON.parse(readFileSync(join(drop, name), 'utf8'));
        seen.push(name);
      }
    }, 1);
    try {
      const intakes = await verifiedIntakes(hall, 6);
      await vi.waitFor(() => {
        for (const i of intakes) expect(outboxOf(hall!, i.intakeId).state).toBe('delivered');
      }, { timeout: 10_000 });
      const files = readdirSync(drop);
      expect(files.sort()).toEqual(intakes.map((i) => `${i.key}.json`).sort());
      const doc = JSON.parse(readFileSync(join(drop, files[0]!), 'utf8'));
      expect(doc).toMatchObject({ format: 'xinfang-hall/intake', version: 1 });
      expect(hall.app.hall.store.intakes.get(intakes[0]!.intakeId)!.state).toBe('forwarded');
      expect(seen.length).toBeGreaterThan(0);
    } finally {
      clearInterval(watcher);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('progress query at the kiosk', () => {
  it('tells the person the state, case number and deadlines by the ticket’s QR code or ID number + phone digits, and nothing on a miss', async () => {
    mock = await startMockCaseSystem({ secret: SECRET });
    hall = await startHall({ ...http(mock.url), auth: { kioskIssuePerMinute: 10_000, progressQueriesPerMinute: 8 } });
    const [intake] = await verifiedIntakes(hall, 1);
    await vi.waitFor(() => expect(outboxOf(hall!, intake!.intakeId).state).toBe('delivered'), { timeout: 10_000 });
    const record = hall.app.hall.store.intakes.get(intake!.intakeId)!;
    const ticket = hall.app.hall.store.tickets.get(record.ticketId)!;
    const idNumber = hall.app.hall.cipher.open<{ petitioner: { idNumber: string } }>(record.sealed, record.id).petitioner.idNumber;
    const kiosk = await pairDevice(hall, 'kiosk');
    const ask = (payload: object) => hall!.app.inject({ method: 'POST', url: '/api/progress', headers: { authorization: `Bearer ${kiosk}` }, payload });

    const byCode = await ask({ queryCode: ticket.queryCode });
    expect(byCode.statusCode).toBe(200);
    expect(byCode.json().records).toEqual([
      { date: record.serviceDay, number: ticket.number, serviceName: '初访登记', state: 'acknowledged', caseNumber: record.caseNumber, acceptanceDue: record.acceptanceDue, answerDue: record.answerDue, life: null },
    ]);
    const byId = await ask({ idNumber, phoneLast4: '5678' });
    expect(byId.json().records).toHaveLength(1);
    expect(JSON.stringify(byId.json())).not.toContain(idNumber);

    const wrongPhone = await ask({ idNumber, phoneLast4: '0000' });
    const unknownCode = await ask({ queryCode: 'ZZZZZZZZZZ' });
    expect(wrongPhone.statusCode).toBe(404);
    expect(wrongPhone.json()).toEqual(unknownCode.json()); // the same words whatever was wrong
    expect(wrongPhone.json().message).toContain('服务台');
    expect((await hall.app.inject({ method: 'POST', url: '/api/progress', headers: { cookie: hall.admin }, payload: { queryCode: ticket.queryCode } })).statusCode).toBe(403);

    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await ask({ idNumber, phoneLast4: String(1000 + i) })).statusCode);
    expect(codes.at(-1)).toBe(429);
  });
});

describe('same-day warning', () => {
  it('warns the staff near closing time while today’s verified registrations are not delivered', async () => {
    hall = await startHall({ forwarding: { adapter: 'off', closingTime: '00:00', warnMinutesBeforeClose: 0 }, auth: { kioskIssuePerMinute: 10_000 } });
    const before = await hall.app.inject({ url: '/api/forwarding', headers: { cookie: hall.admin } });
    expect(before.json().warning).toBeNull();
    await verifiedIntakes(hall, 2);
    const after = await hall.app.inject({ url: '/api/forwarding', headers: { cookie: hall.admin } });
    expect(after.json()).toMatchObject({ counts: { pending: 2 }, warning: expect.stringContaining('今天还有 2 份已核对的登记没有转送') });
  });
});
