// 好差评 end to end on a real server: a window completes a ticket, its evaluator is invited over
// the socket and rates once; a 差评 needs a reason and opens a rectification task due in 15
// working days (across National Day and its make-up days), followed up by the desk; an overdue
// task alerts leaders once; the satisfaction figures and the report's section count it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectSocket, enrolDevice, login, staffCookie, startHall, type Hall, type RecordingSocket } from '../support/hall.ts';

let hall: Hall;
let clock = Date.parse('2025-09-26T10:00:00+08:00'); // a Friday before National Day
const sockets: RecordingSocket[] = [];

beforeEach(async () => {
  clock = Date.parse('2025-09-26T10:00:00+08:00');
  hall = await startHall({ evaluation: { windowScreenMonthly: true } }, undefined, undefined, { now: () => clock });
});
afterEach(async () => {
  sockets.splice(0).forEach((s) => s.close());
  await hall.close();
});

const send = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
  hall.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

/** Reception opens window 3, serves one ticket of A and completes it; returns its id. */
async function serveOneAt3(reception: string, desk: string): Promise<string> {
  const ticket = (await send('POST', '/api/tickets', { cookie: desk }, { serviceCode: 'A', print: false })).json().ticket;
  for (const step of ['open', 'call-next', 'start']) await send('POST', `/api/windows/3/${step}`, { cookie: reception });
  expect((await send('POST', '/api/windows/3/complete', { cookie: reception })).statusCode).toBe(200);
  return ticket.id;
}

describe('好差评 at the window', () => {
  it('invites the window 3 evaluator, takes one rating, and requires a reason for 非常不满意', async () => {
    const desk = await staffCookie(hall, 'desk1', ['desk']);
    const reception = await staffCookie(hall, 'window3', ['reception']);
    const token = await enrolDevice(hall, { kind: 'evaluator', name: '3号窗口评价器', windowNo: 3 });
    const other = await enrolDevice(hall, { kind: 'evaluator', name: '1号窗口评价器', windowNo: 1 });
    const evaluator = await connectSocket(hall.url, { token });
    const elsewhere = await connectSocket(hall.url, { token: other });
    sockets.push(evaluator, elsewhere);

    const ticketId = await serveOneAt3(reception, desk);
    const invite = (await evaluator.waitFor((f) => f.event === 'evaluation:invite')).payload;
    expect(invite).toMatchObject({ ticketId, number: 'A001', windowNo: 3, seconds: 60, thanksSeconds: 5 });
    expect(Date.parse(invite.expiresAt) - clock).toBe(60_000);
    expect(elsewhere.frames.some((f) => f.event === 'evaluation:invite')).toBe(false);
    // No personal data and no staff identity beyond the window in the invitation.
    expect(Object.keys(invite).sort()).toEqual(['expiresAt', 'number', 'seconds', 'thanksSeconds', 'ticketId', 'windowNo']);

    const bearer = { authorization: `Bearer ${token}` };
    expect((await send('GET', '/api/evaluator/pending', bearer)).json().invite.ticketId).toBe(ticketId);
    const noReason = await send('POST', '/api/evaluations', bearer, { ticketId, level: 'very_dissatisfied', reasons: [] });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ error: 'evaluation_reason_required', message: expect.stringContaining('原因') });
    // Another window's evaluator cannot rate this ticket.
    const wrongWindow = await send('POST', '/api/evaluations', { authorization: `Bearer ${other}` }, { ticketId, level: 'satisfied', reasons: [] });
    expect(wrongWindow.statusCode).toBe(409);

    const rated = await send('POST', '/api/evaluations', bearer, { ticketId, level: 'very_dissatisfied', reasons: ['attitude', 'efficiency'], comment: '等了很久' });
    expect(rated.statusCode).toBe(201);
    expect(rated.json()).toEqual({ level: 'very_dissatisfied', rectification: true });
    const again = await send('POST', '/api/evaluations', bearer, { ticketId, level: 'satisfied', reasons: [] });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe('evaluation_done');
    expect((await send('GET', '/api/evaluator/pending', bearer)).json().invite).toBeNull();
    // The words are sealed at rest.
    expect(JSON.stringify(hall.app.hall.store.evaluations.get(ticketId))).not.toContain('等了很久');
    // Staff cannot rate, and the rating is audited without the person's words.
    expect((await send('POST', '/api/evaluations', { cookie: desk }, { ticketId, level: 'satisfied', reasons: [] })).statusCode).toBe(403);
    const audit = (await send('GET', '/api/audit?action=evaluation.rated', { cookie: hall.admin })).body;
    expect(audit).toContain('evaluation.rated');
    expect(audit).not.toContain('等了很久');
  });

  it('leaves the ticket 未评价 once the evaluator timed out', async () => {
    const desk = await staffCookie(hall, 'desk1', ['desk']);
    const reception = await staffCookie(hall, 'window3', ['reception']);
    const token = await enrolDevice(hall, { kind: 'evaluator', name: '3号窗口评价器', windowNo: 3 });
    const ticketId = await serveOneAt3(reception, desk);
    clock += 61_000;
    const bearer = { authorization: `Bearer ${token}` };
    expect((await send('GET', '/api/evaluator/pending', bearer)).json().invite).toBeNull();
    const late = await send('POST', '/api/evaluations', bearer, { ticketId, level: 'satisfied', reasons: [] });
    expect(late.json().error).toBe('evaluation_closed');
    const leader = await staffCookie(hall, 'leader1', ['leader']);
    const figures = (await send('GET', '/api/evaluations/satisfaction?from=2025-09-26&to=2025-09-26&by=window', { cookie: leader })).json();
    expect(figures.rows).toEqual([{ key: '3', label: '3号窗口', rated: 0, satisfied: 0, poor: 0, unrated: 1, rate: null }]);
  });
});

describe('好差评 at the kiosk by the ticket code', () => {
  it('rates once within evaluation.kioskDays, and refuses politely the second time and after', async () => {
    const desk = await staffCookie(hall, 'desk1', ['desk']);
    const reception = await staffCookie(hall, 'window3', ['reception']);
    const kiosk = { authorization: `Bearer ${await enrolDevice(hall, { kind: 'kiosk', name: '自助机' })}` };
    const first = await serveOneAt3(reception, desk);
    const second = await serveOneAt3(reception, desk);
    const codeOf = (id: string) => hall.app.hall.store.tickets.get(id)!.queryCode;

    // A desk number has no registration: the progress query still offers its rating.
    const progress = await send('POST', '/api/progress', kiosk, { queryCode: codeOf(first) });
    expect(progress.json()).toEqual({ records: [], evaluation: { date: '2025-09-26', number: 'A001', windowNo: 3, rated: false } });
    const noReason = await send('POST', '/api/evaluations/kiosk', kiosk, { queryCode: codeOf(first), level: 'dissatisfied', reasons: [] });
    expect(noReason.json().error).toBe('evaluation_reason_required');
    const rated = await send('POST', '/api/evaluations/kiosk', kiosk, { queryCode: codeOf(first), level: 'satisfied', reasons: ['attitude'] });
    expect(rated.statusCode).toBe(201);
    expect(hall.app.hall.store.evaluations.get(first)).toMatchObject({ level: 'satisfied', channel: 'kiosk' });
    const again = await send('POST', '/api/evaluations/kiosk', kiosk, { queryCode: codeOf(first), level: 'very_satisfied', reasons: [] });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ error: 'evaluation_done', message: '这个号的服务已经评价过了，每个号只能评价一次，感谢您的参与。' });
    // Asked again, the kiosk is told it was rated (it thanks instead of asking).
    expect((await send('POST', '/api/progress', kiosk, { queryCode: codeOf(first) })).json().evaluation).toMatchObject({ rated: true });
    // Staff and evaluators cannot use the kiosk's way.
    expect((await send('POST', '/api/evaluations/kiosk', { cookie: desk }, { queryCode: codeOf(second), level: 'satisfied', reasons: [] })).statusCode).toBe(403);

    // Seven days on it may still be rated; on the eighth not.
    clock = Date.parse('2025-10-03T10:00:00+08:00');
    const week = await send('POST', '/api/progress', kiosk, { queryCode: codeOf(second) });
    expect(week.json().evaluation, week.body).toMatchObject({ number: 'A002' });
    clock = Date.parse('2025-10-04T10:00:00+08:00');
    expect((await send('POST', '/api/progress', kiosk, { queryCode: codeOf(second) })).statusCode).toBe(404);
    const late = await send('POST', '/api/evaluations/kiosk', kiosk, { queryCode: codeOf(second), level: 'satisfied', reasons: [] });
    expect(late.json().error).toBe('evaluation_closed');
    expect((await send('POST', '/api/evaluations/kiosk', kiosk, { queryCode: 'NOSUCHCODE1', level: 'satisfied', reasons: [] })).statusCode).toBe(404);
  });
});

describe('整改 and 回访 of a 差评', () => {
  it('is due in 15 working days across National Day, shown on the 督办 list, closed by its 回访; overdue alerts once', async () => {
    let desk = await staffCookie(hall, 'desk1', ['desk']);
    const reception = await staffCookie(hall, 'window3', ['reception']);
    let leader = await staffCookie(hall, 'leader1', ['leader']);
    const token = await enrolDevice(hall, { kind: 'evaluator', name: '3号窗口评价器', windowNo: 3 });
    const bearer = { authorization: `Bearer ${token}` };
    const poorId = await serveOneAt3(reception, desk);
    await send('POST', '/api/evaluations', bearer, { ticketId: poorId, level: 'dissatisfied', reasons: ['efficiency'] });
    const goodId = await serveOneAt3(reception, desk);
    await send('POST', '/api/evaluations', bearer, { ticketId: goodId, level: 'very_satisfied', reasons: [] });

    const list = (await send('GET', '/api/rectifications', { cookie: desk })).json();
    expect(list.tasks).toHaveLength(1);
    const [task] = list.tasks;
    // 9/28 (Sunday) and 10/11 (Saturday) are make-up working days; 10/1–10/8 are the holiday.
    expect(task).toMatchObject({ ticketId: poorId, number: 'A001', windowNo: 3, staffName: 'window3姓名', level: 'dissatisfied', reasons: ['办事效率低、等候时间长'], dueDay: '2025-10-23', state: 'open', overdue: false, owner: null, followUp: null });
    // The evaluated staff member does not reach the 督办 list.
    expect((await send('GET', '/api/rectifications', { cookie: reception })).statusCode).toBe(403);

    const staff = (await send('GET', '/api/staff', { cookie: hall.admin })).json().staff as Array<{ id: string; username: string }>;
    const deskId = staff.find((s) => s.username === 'desk1')!.id;
    expect((await send('POST', `/api/rectifications/${task.id}/owner`, { cookie: desk }, { ownerId: deskId })).statusCode).toBe(403);
    expect((await send('POST', `/api/rectifications/${task.id}/owner`, { cookie: leader }, { ownerId: deskId })).json().task.owner).toEqual({ id: deskId, name: 'desk1姓名' });

    const figures = (await send('GET', '/api/evaluations/satisfaction?from=2025-09-01&to=2025-09-30&by=month', { cookie: leader })).json();
    expect(figures.total).toMatchObject({ rated: 2, satisfied: 1, poor: 1, rate: 50 });
    // The window screen's figure: the on-duty staff member's month; nothing for a window nobody holds.
    expect((await send('GET', '/api/windows/3/satisfaction', {})).json()).toEqual({ shown: true, month: '2025-09', rated: 2, rate: 50 });
    expect((await send('GET', '/api/windows/2/satisfaction', {})).json()).toMatchObject({ shown: false });
    const report = (await send('GET', '/api/reports?kind=day&date=2025-09-26', { cookie: leader })).json();
    const section = report.sections.find((s: { id: string }) => s.id === 'satisfaction');
    expect(section.figures.find((f: { id: string }) => f.id === 'rate').value).toBe(50);
    expect(section.tables.find((t: { id: string }) => t.id === 'satisfaction-by-staff').rows[0]).toEqual(['window3姓名', 2, 1, 1, 0, 50]);

    // Past its due day without 回访: one alert to leaders and the desk.
    clock = Date.parse('2025-10-24T09:30:00+08:00');
    expect(hall.app.hall.evaluations.alertOverdue()).toBe(1);
    expect(hall.app.hall.evaluations.alertOverdue()).toBe(0);
    // A month later the sessions have run out: sign in again.
    leader = await login(hall.app, 'leader1', 'leader1-password-1');
    desk = await login(hall.app, 'desk1', 'desk1-password-1');
    const alerts = (await send('GET', '/api/alerts', { cookie: leader })).json().alerts;
    expect(alerts).toEqual([expect.objectContaining({ kind: 'rectification_overdue', number: 'A001', message: expect.stringContaining('2025-10-23') })]);
    expect((await send('GET', '/api/rectifications?state=open', { cookie: leader })).json().tasks[0].overdue).toBe(true);

    const followUp = await send('POST', `/api/rectifications/${task.id}/follow-up`, { cookie: desk }, { result: '已电话回访，说明改进措施，来访人表示认可。', satisfied: true });
    expect(followUp.statusCode).toBe(200);
    expect(followUp.json().task).toMatchObject({ state: 'closed', overdue: false, followUp: { byName: 'desk1姓名', satisfied: true, result: expect.stringContaining('已电话回访') } });
    const twice = await send('POST', `/api/rectifications/${task.id}/follow-up`, { cookie: desk }, { result: '再次回访', satisfied: true });
    expect(twice.json().error).toBe('rectification_closed');
    expect((await send('GET', '/api/rectifications?state=open', { cookie: leader })).json().tasks).toEqual([]);
  });
});
