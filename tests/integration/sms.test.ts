// SMS to the person (告知) against the mock SMS gateway: one 登记回执 per registration, the gateway
// down then back (each key sent once), a server SIGKILLed mid-send, the choice at registration and
// 退订 from the gateway, the limits per number and per minute, what the gateway receives (no ID
// number, no full name), 预约确认 for a booking, 评价邀请 and the case states, and /metrics.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signature } from '../../server/forwarding/adapters.ts';
import { startMockSmsGateway, type MockSmsGateway } from '../../scripts/sms-gateway-mock.ts';
import { bookingBody, solveChallenge } from '../support/booking.ts';
import { ADMIN_PASSWORD, pairDevice, staffCookie, startHall, type Hall } from '../support/hall.ts';
import { freshPetitioner, PERSON, registerAtKiosk, registration } from '../support/registration.ts';

const SECRET = 'test-secret-shared-with-the-sms-gateway';
const ROOT = resolve(import.meta.dirname, '../..');
let hall: Hall | undefined;
let gateway: MockSmsGateway | undefined;
afterEach(async () => {
  await hall?.close();
  await gateway?.close();
  hall = gateway = undefined;
});

/** SMS on, fast retries. */
const smsOn = (url: string, extra: Record<string, unknown> = {}) => ({
  notify: { sms: { enabled: true, url, secret: SECRET, retryBaseSeconds: 0.05, retryMaxSeconds: 0.2, timeoutSeconds: 2, maxAttempts: 1000, inviteDelayMinutes: 0, ...extra } },
  auth: { kioskIssuePerMinute: 10_000 },
  forwarding: { adapter: 'off' },
});

async function downPort(): Promise<number> {
  const probe = await startMockSmsGateway({ secret: SECRET, quiet: true });
  await probe.close();
  return probe.port;
}

const rows = (h: Hall) => new Database(join(h.dir, 'hall.db'), { readonly: true }).prepare('SELECT * FROM sms_outbox ORDER BY id').all() as Array<Record<string, unknown>>;

/** Registers a new person at the kiosk (PERSON's name and phone unless given); `polite`: how an SMS addresses them. */
async function register(h: Hall, kiosk: string, petitioner: Record<string, unknown> = {}) {
  const person = { ...freshPetitioner(), ...petitioner };
  const { ticket } = await registerAtKiosk(h.app, kiosk, { petitioner: person });
  return { ticket, person, polite: person.gender === 'male' ? '王先生' : '王女士' };
}

/** Reception opens window 1, calls, serves and completes the ticket. */
async function serveAtWindow1(h: Hall, cookie: string, ticketId: string) {
  const post = (url: string) => h.app.inject({ method: 'POST', url, headers: { cookie }, payload: {} });
  await post('/api/windows/1/open');
  expect((await post('/api/windows/1/call-next')).json().ticket.id).toBe(ticketId);
  await post('/api/windows/1/start');
  const verified = await h.app.inject({
    method: 'PUT',
    url: `/api/tickets/${ticketId}/registration`,
    headers: { cookie },
    payload: {
      petitioner: { name: PERSON.name, phone: PERSON.phone, address: PERSON.address },
      matter: { ...registration().matter, responsibleSystem: '住房城乡建设' },
      answer: '已告知按程序转有关部门办理。',
    },
  });
  expect(verified.statusCode, verified.body).toBe(200);
  const done = await post('/api/windows/1/complete');
  expect(done.statusCode, done.body).toBe(200);
}

describe('SMS to the person', () => {
  it('sends exactly one 登记回执 per registration, with the surname only: no ID number, no full name, the number sealed at rest', async () => {
    gateway = await startMockSmsGateway({ secret: SECRET, quiet: true });
    hall = await startHall(smsOn(gateway.url));
    const kiosk = await pairDevice(hall, 'kiosk');
    const { ticket, person: petitioner, polite } = await register(hall, kiosk);
    await vi.waitFor(() => expect(gateway!.messages()).toHaveLength(1), { timeout: 5_000 });
    const [sms] = gateway.messages();
    expect(sms).toMatchObject({ template: 'receipt', to: PERSON.phone, received: 1 });
    expect(sms!.text).toBe(
      `${polite}您好！您已在人民来访接待大厅登记，排队号${ticket.number}（初访登记），请留意大厅叫号。办理进度可凭取号单上的二维码，或身份证号码和手机号后四位，在大厅自助机查询。谢谢您的配合。`,
    );
    for (const secret of [PERSON.name, petitioner.idNumber, PERSON.address, '小区旧房改造']) expect(sms!.body).not.toContain(secret);
    expect(Object.keys(JSON.parse(sms!.body)).sort()).toEqual(['key', 'template', 'text', 'to']);
    // At rest the number and the text are sealed.
    const [row] = rows(hall);
    expect(row).toMatchObject({ template: 'receipt', state: 'sent', attempts: 1, sealed: '' }); // not kept once sent
    expect(JSON.stringify(row)).not.toContain(PERSON.phone);
    expect(JSON.stringify(row)).not.toContain('王女士');
    // The same registration replayed by the kiosk queues nothing more.
    await new Promise((r) => setTimeout(r, 200));
    expect(gateway.messages()).toHaveLength(1);
    const metrics = await hall.app.inject({ url: '/metrics' });
    expect(metrics.body).toContain('hall_sms_outbox{state="sent"} 1');
    expect(metrics.body).toContain('hall_sms_outbox{state="pending"} 0');
  });

  it('retries while the gateway is down and sends each message once when it is back', async () => {
    const port = await downPort();
    hall = await startHall(smsOn(`http://127.0.0.1:${port}/sms`));
    const kiosk = await pairDevice(hall, 'kiosk');
    for (let i = 0; i < 3; i++) await register(hall, kiosk);
    await vi.waitFor(() => expect(rows(hall!).every((r) => Number(r.attempts) >= 2)).toBe(true), { timeout: 10_000 });
    expect(rows(hall)[0]).toMatchObject({ state: 'pending', last_error: '暂时连不上短信网关，稍后自动重试。' });
    // Waiting, the number and the text are sealed: only the cipher opens them.
    const waiting = rows(hall)[0]!;
    expect(String(waiting.sealed)).toMatch(/^v1\./);
    expect(JSON.stringify(waiting)).not.toContain(PERSON.phone);
    gateway = await startMockSmsGateway({ port, secret: SECRET, quiet: true });
    await vi.waitFor(() => expect(rows(hall!).every((r) => r.state === 'sent')).toBe(true), { timeout: 10_000 });
    expect(gateway.messages()).toHaveLength(3);
    expect(gateway.messages().every((m) => m.received === 1)).toBe(true);
  });

  it('gives a message up when the gateway refuses it (400), after one attempt', async () => {
    gateway = await startMockSmsGateway({ secret: SECRET, quiet: true });
    gateway.setMode('reject');
    hall = await startHall(smsOn(gateway.url));
    await register(hall, await pairDevice(hall, 'kiosk'));
    await vi.waitFor(() => expect(rows(hall!)[0]).toMatchObject({ state: 'dead', attempts: 1, last_error: '短信网关拒收（400）。' }), { timeout: 5_000 });
  });

  it('loses nothing and sends each message once when the server is killed mid-send', async () => {
    gateway = await startMockSmsGateway({ secret: SECRET, quiet: true });
    gateway.setMode('fail');
    const dir = mkdtempSync(join(tmpdir(), 'hall-sms-kill-'));
    // Phase 1: eight registrations queue their receipts while the gateway fails.
    const first = await startHall(smsOn(gateway.url, { retryBaseSeconds: 0.05 }), dir);
    const kiosk = await pairDevice(first, 'kiosk');
    for (let i = 0; i < 8; i++) await register(first, kiosk, { phone: `1350000444${i}` });
    const keys = rows(first).map((r) => r.idempotency_key as string);
    await first.close({ keepData: true });

    // Phase 2: a real server process sends to a slow gateway and is killed mid-way.
    gateway.setMode('slow', { slowMs: 300 });
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, HALL_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', HALL_DEMO: '0', LOG_LEVEL: 'silent', HALL_ADMIN_PASSWORD: ADMIN_PASSWORD, HALL_FORWARDING: 'off', HALL_SMS: '1', HALL_SMS_URL: gateway.url, HALL_SMS_SECRET: SECRET },
      stdio: 'ignore',
    });
    const exited = new Promise((r) => child.on('exit', r));
    await vi.waitFor(() => expect(gateway!.messages().length).toBeGreaterThanOrEqual(2), { timeout: 30_000 });
    child.kill('SIGKILL');
    await exited;
    expect(gateway.messages().length).toBeLessThan(keys.length);

    // Phase 3: restarted, it sends the rest; the gateway has each key once.
    gateway.setMode('ok');
    hall = await startHall(smsOn(gateway.url), dir);
    await vi.waitFor(() => expect(rows(hall!).every((r) => r.state === 'sent')).toBe(true), { timeout: 15_000 });
    expect(gateway.messages().map((m) => m.key).sort()).toEqual([...keys].sort());
  }, 60_000);

  it('honours the choice at registration and 退订 from the gateway; a bad signature changes nothing', async () => {
    gateway = await startMockSmsGateway({ secret: SECRET, quiet: true });
    hall = await startHall(smsOn(gateway.url));
    const kiosk = await pairDevice(hall, 'kiosk');
    await register(hall, kiosk, { smsNotify: false });
    await register(hall, kiosk, { phone: '0755-12345678' }); // a landline: no SMS
    await new Promise((r) => setTimeout(r, 300));
    expect(rows(hall)).toHaveLength(0);

    const inbound = (body: { from: string; text: string }, headers: Record<string, string>) =>
      hall!.app.inject({ method: 'POST', url: '/api/notify/sms/inbound', headers, payload: body });
    const reply = { from: '13800001111', text: '退订' };
    const ts = String(Math.floor(Date.now() / 1000));
    const forged = await inbound(reply, { 'x-timestamp': ts, 'x-signature': signature('another-secret-of-16+', ts, reply.from, reply.text) });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().message).toContain('身份验证未通过');
    const stale = String(Number(ts) - 3600);
    expect((await inbound(reply, { 'x-timestamp': stale, 'x-signature': signature(SECRET, stale, reply.from, reply.text) })).statusCode).toBe(401);
    await register(hall, kiosk, { phone: reply.from });
    await vi.waitFor(() => expect(gateway!.messages()).toHaveLength(1), { timeout: 5_000 });

    const ok = await inbound(reply, { 'x-timestamp': ts, 'x-signature': signature(SECRET, ts, reply.from, reply.text) });
    expect(ok.json()).toEqual({ ok: true, optedOut: true });
    await register(hall, kiosk, { phone: reply.from });
    await new Promise((r) => setTimeout(r, 300));
    expect(gateway.messages()).toHaveLength(1);
  });

  it('sends at most perPhonePerDay to one number and at most perMinute in all', async () => {
    gateway = await startMockSmsGateway({ secret: SECRET, quiet: true });
    hall = await startHall(smsOn(gateway.url, { perPhonePerDay: 2, perMinute: 4 }));
    const kiosk = await pairDevice(hall, 'kiosk');
    for (let i = 0; i < 3; i++) await register(hall, kiosk, { phone: '13700002222' });
    for (let i = 0; i < 4; i++) await register(hall, kiosk, { phone: `1360000333${i}` });
    await vi.waitFor(() => expect(rows(hall!).filter((r) => r.state === 'pending')).toHaveLength(2), { timeout: 5_000 });
    const states = rows(hall).map((r) => r.state);
    expect(states.filter((s) => s === 'sent')).toHaveLength(4);
    expect(states.filter((s) => s === 'skipped')).toHaveLength(1);
    expect(rows(hall).find((r) => r.state === 'skipped')!.last_error).toBe('该号码24小时内的短信已达上限（2条），未发送。');
    await new Promise((r) => setTimeout(r, 500));
    expect(gateway.messages()).toHaveLength(4); // the other two wait for the next minute
  });

  it('invites an evaluation after completion (not once rated) and tells 受理 and 办结 from the case states', async () => {
    gateway = await startMockSmsGateway({ secret: SECRET, quiet: true });
    hall = await startHall(smsOn(gateway.url));
    const kiosk = await pairDevice(hall, 'kiosk');
    const cookie = await staffCookie(hall, 'sms1', ['reception']);
    const { ticket, polite } = await register(hall, kiosk);
    await serveAtWindow1(hall, cookie, ticket.id);
    await vi.waitFor(() => expect(gateway!.messages().map((m) => m.template).sort()).toEqual(['invite', 'receipt']), { timeout: 5_000 });
    expect(gateway.messages().find((m) => m.template === 'invite')!.text).toBe(
      `${polite}您好！感谢您今天到人民来访接待大厅来访。欢迎您对本次服务（${ticket.number}号）进行评价：7日内在大厅自助机扫描取号单上的二维码即可评价。谢谢您的支持！`,
    );

    const intake = hall.app.hall.store.intakes.byTicket(ticket.id)!;
    const at = Date.parse('2026-12-09T10:00:00+08:00');
    expect(hall.app.hall.sms.caseStateChanged({ intakeId: intake.id, state: 'handling', at })).toBe(false);
    expect(hall.app.hall.sms.caseStateChanged({ intakeId: intake.id, state: 'accepted', at, caseNumber: 'XF2026000123' })).toBe(true);
    expect(hall.app.hall.sms.caseStateChanged({ intakeId: intake.id, state: 'accepted', at, caseNumber: 'XF2026000123' })).toBe(false);
    expect(hall.app.hall.sms.caseStateChanged({ intakeId: intake.id, state: 'closed', at, caseNumber: 'XF2026000123' })).toBe(true);
    await vi.waitFor(() => expect(gateway!.messages()).toHaveLength(4), { timeout: 5_000 });
    expect(gateway.messages().find((m) => m.template === 'accepted')!.text).toBe(
      `${polite}您好！您反映的信访事项已于2026年12月9日受理（编号XF2026000123），我们将按信访程序尽快办理，请您耐心等待。人民来访接待大厅`,
    );
    expect(gateway.messages().find((m) => m.template === 'closed')!.text).toContain('可在收到答复之日起30日内请求复查');
  });

  it('tells the person when the case system reports 已受理 and 已办结, once each, from the report itself', async () => {
    gateway = await startMockSmsGateway({ secret: SECRET, quiet: true });
    hall = await startHall(smsOn(gateway.url));
    const kiosk = await pairDevice(hall, 'kiosk');
    const { ticket } = await register(hall, kiosk);
    const intake = hall.app.hall.store.intakes.byTicket(ticket.id)!;
    // As if verified and forwarded: case life takes reports of forwarded registrations only.
    hall.app.hall.store.intakes.update(intake.id, { state: 'forwarded', updatedAt: Date.now() });
    const report = (key: string, state: 'accepted' | 'handling' | 'closed', at: string) =>
      hall!.app.hall.caseLife.report(key, { format: 'xinfang-hall/case-status', version: 1, intakeKey: `xfh-${intake.id}`, caseNumber: 'XF2026000777', state, at }, 'callback');
    report('cs-1', 'accepted', '2026-12-09T10:00:00+08:00');
    report('cs-1', 'accepted', '2026-12-09T10:00:00+08:00'); // replayed: nothing more
    report('cs-2', 'handling', '2026-12-10T10:00:00+08:00');
    report('cs-3', 'closed', '2026-12-20T10:00:00+08:00');
    await vi.waitFor(() => expect(gateway!.messages().map((m) => m.template).sort()).toEqual(['accepted', 'closed', 'receipt']), { timeout: 5_000 });
    expect(gateway.messages().find((m) => m.template === 'accepted')!.text).toContain('已于2026年12月9日受理（编号XF2026000777）');
  });

  it('skips the 评价邀请 of a ticket rated before it was due', async () => {
    gateway = await startMockSmsGateway({ secret: SECRET, quiet: true });
    hall = await startHall(smsOn(gateway.url, { inviteDelayMinutes: 30 }));
    const kiosk = await pairDevice(hall, 'kiosk');
    const cookie = await staffCookie(hall, 'sms2', ['reception']);
    const { ticket } = await register(hall, kiosk);
    await serveAtWindow1(hall, cookie, ticket.id);
    await vi.waitFor(() => expect(rows(hall!).map((r) => r.template)).toEqual(['receipt', 'invite']), { timeout: 5_000 });
    expect(rows(hall)[1]!.state).toBe('pending'); // due in 30 minutes
    const rated = hall.app.hall.store.evaluations.rate(ticket.id, { level: 'satisfied', reasons: [], sealedComment: null, channel: 'evaluator', deviceId: null, ratedAt: Date.now() });
    expect(rated).toBe(true);
    hall.app.hall.sms.sender.sendNow();
    await vi.waitFor(() => expect(rows(hall!)[1]).toMatchObject({ state: 'skipped', last_error: '已完成评价，不再发送评价邀请。' }), { timeout: 5_000 });
    expect(gateway.messages().map((m) => m.template)).toEqual(['receipt']);
  });
});

describe('the log gateway (a demo without a gateway)', () => {
  it('writes each message to the log with the number masked, and counts it sent', async () => {
    const lines: string[] = [];
    hall = await startHall({ notify: { sms: { enabled: true, gateway: 'log' } }, forwarding: { adapter: 'off' } }, undefined, lines);
    const { ticket } = await register(hall, await pairDevice(hall, 'kiosk'));
    await vi.waitFor(() => expect(rows(hall!)[0]?.state).toBe('sent'), { timeout: 5_000 });
    const logged = lines.filter((l) => l.includes('SMS (log gateway: not sent)'));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('139****5678');
    expect(logged[0]).toContain(`排队号${ticket.number}`);
    expect(lines.join('\n')).not.toContain(PERSON.phone);
  });
});

describe('预约确认', () => {
  it('sends the booking code to the phone given when a booking is made', async () => {
    gateway = await startMockSmsGateway({ secret: SECRET, quiet: true });
    const clock = { now: Date.parse('2026-11-26T07:30:00+08:00') };
    hall = await startHall({ ...smsOn(gateway.url), hours: { opens: '09:00', closes: '17:30', days: [1, 2, 3, 4, 5], kioskLimited: false }, booking: { publicPerMinute: 1000 } }, undefined, undefined, { now: () => clock.now });
    const set = await hall.app.inject({ method: 'PUT', url: '/api/booking/patterns/A', headers: { cookie: hall.admin }, payload: { slots: [{ start: '10:00', end: '10:30', capacity: 2 }] } });
    expect(set.statusCode).toBe(200);
    const body = bookingBody('2026-11-27', '10:00', freshPetitioner().idNumber);
    const booked = await hall.app.inject({ method: 'POST', url: '/api/booking', payload: { ...body, challenge: await solveChallenge(hall) } });
    expect(booked.statusCode).toBe(201);
    const code = booked.json().code as string;
    await vi.waitFor(() => expect(gateway!.messages()).toHaveLength(1), { timeout: 5_000 });
    const [sms] = gateway.messages();
    expect(sms).toMatchObject({ template: 'booking', to: '13912345678' });
    expect(sms!.text).toContain(`预约码${code}`);
    expect(sms!.text).toMatch(/^张女士您好！|^张先生您好！/);
    expect(sms!.body).not.toContain('张建华');
    expect(sms!.body).not.toContain(body.person.idNumber);
  });
});
