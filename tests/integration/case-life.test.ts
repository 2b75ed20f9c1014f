// The life of a matter after the hall (docs/case-life.md) against the mock case system: signed
// status callbacks (a wrong signature and a stale timestamp refused and nothing stored, a replay
// recorded once, out-of-order reports settled by the case system's time), every state stored and
// told at the kiosk, time limits and their alerts, the 时限 list, and the polled feed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signature } from '../../server/forwarding/adapters.ts';
import { startMockCaseSystem, type MockCaseSystem } from '../../scripts/case-system-mock.ts';
import { pairDevice, staffCookie, startHall, type Hall } from '../support/hall.ts';
import { freshPetitioner, registration } from '../support/registration.ts';

const SECRET = 'test-secret-shared-with-the-case-system';
const DAY = 86_400_000;
let hall: Hall | undefined;
let mock: MockCaseSystem | undefined;
afterEach(async () => {
  await hall?.close();
  await mock?.close();
  hall = mock = undefined;
});

async function startBoth(extra: (mockUrl: string) => Record<string, unknown> = () => ({})) {
  mock = await startMockCaseSystem({ secret: SECRET });
  hall = await startHall({ forwarding: { adapter: 'http', url: mock.url, secret: SECRET, retryBaseSeconds: 0.05 }, auth: { kioskIssuePerMinute: 10_000, progressQueriesPerMinute: 1000 }, ...extra(mock.url) });
  return { h: hall, m: mock };
}

/** A registration at the kiosk, verified and completed at window 1, acknowledged by the case system. */
const receivers = new WeakMap<Hall, { kiosk: string; cookie: string }>();
async function acknowledged(h: Hall) {
  let receiver = receivers.get(h);
  if (!receiver) receivers.set(h, (receiver = { kiosk: await pairDevice(h, 'kiosk'), cookie: await staffCookie(h, 'cl-receiver', ['reception']) }));
  const { kiosk, cookie } = receiver;
  const post = (url: string, payload: object = {}) => h.app.inject({ method: 'POST', url, headers: { cookie }, payload });
  await post('/api/windows/1/open');
  const petitioner = freshPetitioner();
  const issued = await h.app.inject({ method: 'POST', url: '/api/intakes', headers: { authorization: `Bearer ${kiosk}` }, payload: registration({ petitioner }) });
  expect(issued.statusCode, issued.body).toBe(201);
  const ticketId = issued.json().ticket.id as string;
  await post('/api/windows/1/call-next');
  const intakeId = (await h.app.inject({ url: `/api/tickets/${ticketId}/registration`, headers: { cookie } })).json().id as string;
  const verified = await h.app.inject({
    method: 'PUT',
    url: `/api/tickets/${ticketId}/registration`,
    headers: { cookie },
    payload: { petitioner: { name: '王秀兰', phone: '13912345678', address: '东城区和平里街道七号楼' }, matter: { ...registration().matter, responsibleSystem: '住房城乡建设' }, answer: '已告知按程序转有关部门办理。' },
  });
  expect(verified.statusCode, verified.body).toBe(200);
  await post('/api/windows/1/complete');
  await vi.waitFor(() => expect(h.app.hall.store.intakes.get(intakeId)!.state).toBe('acknowledged'), { timeout: 10_000 });
  const key = `xfh-${intakeId}`;
  const queryCode = h.app.hall.store.tickets.get(ticketId)!.queryCode!;
  const progress = async () => {
    const response = await h.app.inject({ method: 'POST', url: '/api/progress', headers: { authorization: `Bearer ${kiosk}` }, payload: { queryCode } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().records[0];
  };
  return { intakeId, key, ticketId, progress };
}

const callbackUrl = (h: Hall) => `${h.url}/api/case-system/status`;

/** A hand-signed callback, to break one thing at a time. */
async function sendSigned(h: Hall, body: object, { key = 'cs-hand-1', secret = SECRET, timestamp = Math.floor(Date.now() / 1000) } = {}) {
  const text = JSON.stringify(body);
  return h.app.inject({
    method: 'POST',
    url: '/api/case-system/status',
    headers: { 'content-type': 'application/json', 'idempotency-key': key, 'x-timestamp': String(timestamp), 'x-signature': signature(secret, String(timestamp), key, text) },
    payload: text,
  });
}

describe('status callbacks from the case system', () => {
  it('refuses a wrong signature and a stale timestamp with 401 and stores nothing; a replay is recorded once', async () => {
    const { h, m } = await startBoth();
    const { intakeId, key } = await acknowledged(h);
    const caseNumber = h.app.hall.store.intakes.get(intakeId)!.caseNumber!;
    const body = { format: 'xinfang-hall/case-status', version: 1, intakeKey: key, caseNumber, state: 'accepted', at: new Date().toISOString() };

    const wrong = await sendSigned(h, body, { secret: 'another-secret-entirely-wrong' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: 'case_signature_invalid', message: expect.stringContaining('签名') });
    const stale = await sendSigned(h, body, { timestamp: Math.floor(Date.now() / 1000) - 3600 });
    expect(stale.statusCode).toBe(401);
    expect(stale.json().error).toBe('case_signature_stale');
    const unsigned = await h.app.inject({ method: 'POST', url: '/api/case-system/status', payload: body });
    expect(unsigned.statusCode).toBe(401);
    expect(h.app.hall.store.caseLife.events(intakeId)).toEqual([]);

    m.setCallback(callbackUrl(h));
    const report = await m.report(key, 'accepted');
    expect(report.callbackStatus).toBe(200);
    expect(await m.resend(report)).toBe(200);
    const again = await sendSigned(h, report.status, { key: report.idempotencyKey });
    expect(again.json()).toEqual({ duplicate: true, state: 'accepted' });
    expect(h.app.hall.store.caseLife.events(intakeId)).toHaveLength(1);
    // The same key with another body is refused.
    const other = await sendSigned(h, { ...report.status, state: 'closed' }, { key: report.idempotencyKey });
    expect(other.statusCode).toBe(409);
    expect(h.app.hall.store.caseLife.file(intakeId)!.state).toBe('accepted');
    // Another case number for this registration, or a registration the hall never sent.
    expect((await sendSigned(h, { ...body, caseNumber: 'XF1999000001' }, { key: 'cs-x-1' })).statusCode).toBe(409);
    expect((await sendSigned(h, { ...body, intakeKey: 'xfh-01KAX3Q8W5J2V0M4B7R9T1C6ZP' }, { key: 'cs-x-2' })).statusCode).toBe(404);
  });

  it('stores each state, settles out-of-order reports by the case system time, and tells the person in plain words', async () => {
    const { h, m } = await startBoth();
    const { intakeId, key, progress } = await acknowledged(h);
    m.setCallback(callbackUrl(h));
    const before = await progress();
    expect(before.life).toBeNull();
    expect(before.acceptanceDue).toBeTruthy();

    const t = Date.now();
    const at = (days: number) => new Date(t + days * DAY).toISOString();
    // 办理中 arrives after 已受理 was reported later in time: the later state by the case system's clock wins.
    expect((await m.report(key, 'handling', { at: at(-5) })).callbackStatus).toBe(200);
    expect((await m.report(key, 'accepted', { at: at(-6) })).callbackStatus).toBe(200);
    expect(h.app.hall.store.caseLife.file(intakeId)!.state).toBe('handling');
    const extendedTo = new Date(t + 80 * DAY).toISOString().slice(0, 10);
    await m.report(key, 'extended', { at: at(-4), dueDay: extendedTo });
    let told = await progress();
    expect(told.life).toMatchObject({ state: 'extended', stateLabel: '已延期', due: { day: extendedTo } });
    expect(told.life.steps.map((s: { text: string }) => s.text)).toEqual(['有关部门已受理您反映的事项。', '您反映的事项正在办理中。', expect.stringContaining('办理期限经批准延长至')]);
    expect(told.answerDue).toBe(extendedTo);

    await m.report(key, 'answered', { at: at(-3) });
    told = await progress();
    expect(told.life.next).toMatch(/^对答复不服，可在收到之日起30日内（\d{4}年\d{1,2}月\d{1,2}日前）向原办理机关的上一级机关请求复查。$/);
    for (const [state, days] of [['review', -2], ['answered', -1.5], ['recheck', -1], ['answered', -0.5], ['closed', 0]] as const) await m.report(key, state, { at: at(days) });
    told = await progress();
    expect(told.life.state).toBe('closed');
    expect(told.life.steps).toHaveLength(9);
    expect(h.app.hall.store.caseLife.events(intakeId).map((e) => e.state)).toEqual(['accepted', 'handling', 'extended', 'answered', 'review', 'answered', 'recheck', 'answered', 'closed']);
    expect(h.app.hall.store.caseLife.deadlines(intakeId).every((d) => d.metDay !== null)).toBe(true);
    // Nothing but the states, dates and texts for the person: no staff, no internal fields.
    expect(JSON.stringify(told)).not.toMatch(/王秀兰|13912345678|intakeKey|bodySha256/);
  });

  it('records 不予受理 with its reason and where to go, and 已转送 with its office', async () => {
    const { h, m } = await startBoth();
    const { key, progress } = await acknowledged(h);
    m.setCallback(callbackUrl(h));
    await m.report(key, 'not_accepted', { reason: '属于诉讼程序处理的事项', goTo: '人民法院' });
    const told = await progress();
    expect(told.life).toMatchObject({ state: 'not_accepted', stateLabel: '不予受理', due: null, next: '请您按照告知向人民法院反映，如有疑问欢迎到服务台咨询。' });
    expect(told.life.steps[0].text).toContain('原因：属于诉讼程序处理的事项');
    const other = await acknowledged(h);
    await m.report(other.key, 'transferred', { office: '市住房和城乡建设局' });
    expect((await other.progress()).life).toMatchObject({ state: 'transferred', stateLabel: '已转送', steps: [{ text: '您反映的事项已转送市住房和城乡建设局办理。' }] });
  });
});

describe('time limits and their alerts', () => {
  it('lists running limits for the 时限 page and alerts once when approaching and once when overdue', async () => {
    const { h, m } = await startBoth(() => ({ caseLife: { warnDaysBefore: 3 } }));
    const first = await acknowledged(h);
    const second = await acknowledged(h);
    const leader = await staffCookie(h, 'cl-leader', ['leader']);
    const list = async (show = 'attention') => (await h.app.inject({ url: `/api/case-life/deadlines?show=${show}`, headers: { cookie: leader } })).json();
    // Both wait for the decision on acceptance: 15 days, nothing to alert yet.
    expect((await list('all')).deadlines.map((d: { kind: string }) => d.kind)).toEqual(['acceptance', 'acceptance']);
    expect((await list()).deadlines).toEqual([]);

    m.setCallback(callbackUrl(h));
    // Accepted 58 and 70 days ago: handling (60 days) is due in 2 days, or 10 days past.
    await m.report(first.key, 'accepted', { at: new Date(Date.now() - 58 * DAY).toISOString() });
    await m.report(second.key, 'accepted', { at: new Date(Date.now() - 70 * DAY).toISOString() });
    const attention = await list();
    expect(attention.counts).toEqual({ overdue: 1, approaching: 1, running: 0 });
    expect(attention.deadlines.map((d: { condition: string; daysLeft: number }) => [d.condition, d.daysLeft])).toEqual([['overdue', -10], ['approaching', 2]]);

    expect(h.app.hall.caseLife.alertDeadlines()).toBe(2);
    expect(h.app.hall.caseLife.alertDeadlines()).toBe(0);
    const alerts = (await h.app.inject({ url: '/api/alerts', headers: { cookie: leader } })).json().alerts as Array<{ kind: string; message: string }>;
    expect(alerts.filter((a) => a.kind.startsWith('case_deadline')).map((a) => a.kind).sort()).toEqual(['case_deadline_approaching', 'case_deadline_overdue']);
    expect(alerts.find((a) => a.kind === 'case_deadline_overdue')!.message).toMatch(/^时限已过：案件 XF\d+（.+号登记）应于 \d{4}-\d{2}-\d{2} 前办结答复，已超过 10 天，请督办。$/);
    // The report's 办理时限 section counts the same limits (the registrations of today).
    const today = attention.today as string;
    const report = (await h.app.inject({ url: `/api/reports?kind=day&date=${today}`, headers: { cookie: leader } })).json();
    const timeliness = report.sections.find((s: { id: string }) => s.id === 'timeliness');
    expect(Object.fromEntries(timeliness.figures.map((f: { id: string; value: number }) => [f.id, f.value]))).toEqual({ 'on-time-rate': 66.7, 'on-time': 2, late: 0, approaching: 1, overdue: 1 });
    expect(timeliness.tables.find((t: { id: string }) => t.id === 'timeliness-by-state').rows).toEqual([['已受理', 2]]);
    // A reception staff member does not see the 时限 page.
    const reception = await staffCookie(h, 'cl-reception', ['reception']);
    expect((await h.app.inject({ url: '/api/case-life/deadlines', headers: { cookie: reception } })).statusCode).toBe(403);
  });
});

describe('time limits by the hall calendar', () => {
  it('counts the acceptance limit in working days across National Day and its make-up Saturday when configured so', async () => {
    // Monday 28 September 2026 in the hall; the file drop (no clock shared with a case system).
    const offset = Date.parse('2026-09-28T10:00:00+08:00') - Date.now();
    hall = await startHall(
      { caseLife: { limits: { acceptance: { days: 15, unit: 'working' } } }, auth: { kioskIssuePerMinute: 10_000, progressQueriesPerMinute: 1000 } },
      undefined,
      undefined,
      { now: () => Date.now() + offset },
    );
    const kiosk = await pairDevice(hall, 'kiosk');
    const issued = await hall.app.inject({ method: 'POST', url: '/api/intakes', headers: { authorization: `Bearer ${kiosk}` }, payload: registration({ petitioner: freshPetitioner() }) });
    const ticket = hall.app.hall.store.tickets.get(issued.json().ticket.id as string)!;
    const intake = hall.app.hall.store.intakes.byTicket(ticket.id)!;
    expect(intake.serviceDay).toBe('2026-09-28');
    // As the case system's acknowledgement (the .ack of the file drop) would.
    hall.app.hall.store.intakes.update(intake.id, { state: 'acknowledged', caseNumber: 'XF2026000777' });
    const leader = await staffCookie(hall, 'cl-wd-leader', ['leader']);
    const list = (await hall.app.inject({ url: '/api/case-life/deadlines?show=all', headers: { cookie: leader } })).json();
    // 1–7 October closed, Saturday 10 October a working day: the 15th working day is 23 October (calendar days: 13 October).
    expect(list.deadlines).toMatchObject([{ caseNumber: 'XF2026000777', kind: 'acceptance', startDay: '2026-09-28', dueDay: '2026-10-23', daysLeft: 25, condition: 'running' }]);
    const progress = await hall.app.inject({ method: 'POST', url: '/api/progress', headers: { authorization: `Bearer ${kiosk}` }, payload: { queryCode: ticket.queryCode } });
    // Handling (60 calendar days) runs from the acceptance at the latest.
    expect(progress.json().records[0]).toMatchObject({ acceptanceDue: '2026-10-23', answerDue: '2026-12-22', life: null });
  });
});

describe('the polled status feed', () => {
  it('reads the reports of a case system that cannot call back, each once, in sequence', async () => {
    const { h, m } = await startBoth((url) => ({ caseLife: { pollUrl: `${url}/status`, pollSeconds: 3600 } }));
    const { intakeId, key } = await acknowledged(h);
    expect(h.app.hall.casePoller).not.toBeNull();
    expect((await m.report(key, 'accepted')).callbackStatus).toBe(0);
    await m.report(key, 'handling');
    expect(h.app.hall.store.caseLife.events(intakeId)).toEqual([]);
    expect(await h.app.hall.casePoller!.pollOnce()).toBe(2);
    expect(await h.app.hall.casePoller!.pollOnce()).toBe(0);
    expect(h.app.hall.store.caseLife.events(intakeId).map((e) => [e.state, e.source])).toEqual([['accepted', 'poll'], ['handling', 'poll']]);
    expect(h.app.hall.store.caseLife.pollCursor()).toBe(2);
  });
});
