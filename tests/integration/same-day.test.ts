// 当日办 without holes: 办结 of an unverified registration needs verification or a stated reason,
// the receiving window can still correct a verified one, the closing warning counts what is not
// verified or not finished, the day rollover lists what was left, and a number issued without a
// registration (green channel, desk) can be registered (补登记) at the window or the desk.
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, login, pairDevice, staffCookie, startHall, type Hall } from '../support/hall.ts';
import { freshPetitioner, registerAtKiosk, registration } from '../support/registration.ts';

let hall: Hall | undefined;
afterEach(async () => {
  await hall?.close();
  hall = undefined;
});

const VERIFICATION = {
  petitioner: { name: '王秀兰', phone: '13911112222', address: '东城区和平里街道七号楼三单元502' },
  matter: { ...registration().matter, responsibleSystem: '住房城乡建设' },
  remarks: '',
  answer: '已告知按程序转住建部门办理。',
};

function client(h: Hall) {
  return {
    post: (cookie: string, url: string, payload: object = {}) => h.app.inject({ method: 'POST', url, headers: { cookie }, payload }),
    put: (cookie: string, url: string, payload: object) => h.app.inject({ method: 'PUT', url, headers: { cookie }, payload }),
    get: (cookie: string, url: string) => h.app.inject({ url, headers: { cookie } }),
  };
}

describe('办结 of an unverified registration', () => {
  it('asks for verification or a reason from the list, keeps and audits the reason; the receiver may still correct after 办结', async () => {
    // 16:00 in Shanghai, closing at 17:30: the warning shows.
    const now = Date.parse('2026-11-25T08:00:00Z');
    hall = await startHall({ forwarding: { adapter: 'off', warnMinutesBeforeClose: 120, closingTime: '17:30' } }, undefined, undefined, { now: () => now });
    const { post, put, get } = client(hall);
    const kiosk = await pairDevice(hall, 'kiosk');
    const rec = await staffCookie(hall, 'recS', ['reception']);
    const other = await staffCookie(hall, 'recT', ['reception']);
    const leader = await staffCookie(hall, 'leadS', ['leader']);
    await post(rec, '/api/windows/1/open');
    await post(other, '/api/windows/2/open');

    const first = (await registerAtKiosk(hall.app, kiosk)).ticket;
    const second = (await registerAtKiosk(hall.app, kiosk)).ticket;
    let stats = (await get(leader, '/api/stats/today')).json();
    expect(stats).toMatchObject({ registrations: 2, unverified: 2, unfinished: 2 });
    expect(stats.warning).toContain('2 份登记还没有核对');
    expect(stats.warning).toContain('2 个号还没有办结');
    expect((await get(rec, '/api/forwarding')).json().warning).toContain(stats.warning);

    // C on the unverified one: refused with a sentence that can be followed.
    await post(rec, '/api/windows/1/call', { ticketId: first.id });
    const refused = await post(rec, '/api/windows/1/complete');
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: 'intake_unverified' });
    expect(refused.json().message).toMatch(/核对.*原因.*。$/);
    const unknown = await post(rec, '/api/windows/1/complete', { closeReason: '不想登记' });
    expect(unknown.json().error).toBe('close_reason_unknown');
    const closed = await post(rec, '/api/windows/1/complete', { closeReason: '仅咨询无需登记' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().ticket.status).toBe('done');
    const audit = (await get(hall.admin, '/api/audit?action=intake.closed_unverified')).json().events;
    expect(audit).toEqual([expect.objectContaining({ actorName: 'recS姓名', details: expect.objectContaining({ number: first.number, reason: '仅咨询无需登记' }) })]);

    // The second is verified, completed, then corrected by the one who received it — not by another.
    await post(rec, '/api/windows/1/call', { ticketId: second.id });
    expect((await put(rec, `/api/tickets/${second.id}/registration`, VERIFICATION)).statusCode).toBe(200);
    expect((await post(rec, '/api/windows/1/complete')).statusCode).toBe(200);
    const corrected = await put(rec, `/api/tickets/${second.id}/registration`, { ...VERIFICATION, answer: '已告知按程序转住建部门办理，十五日内告知是否受理。' });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json()).toMatchObject({ state: 'verified', answer: '已告知按程序转住建部门办理，十五日内告知是否受理。' });
    const notTheirs = await put(other, `/api/tickets/${second.id}/registration`, VERIFICATION);
    expect(notTheirs.statusCode).toBe(409);
    expect(notTheirs.json().error).toBe('intake_not_received');
    expect(notTheirs.json().message).not.toContain('请先叫号');

    // Nothing left to verify or finish; the verified one waits to be sent (adapter off).
    stats = (await get(leader, '/api/stats/today')).json();
    expect(stats).toMatchObject({ unverified: 0, unfinished: 0, verified: 1 });
    expect(stats.warning).toBeNull();
    expect((await get(rec, '/api/forwarding')).json().warning).toBe('今天还有 1 份已核对的登记没有转送到案件系统，请在 17:30 前处理，确保当日转送。');
  });

  it('counts people who said they came before as repeat visits', async () => {
    hall = await startHall({ forwarding: { adapter: 'off' } });
    const kiosk = await pairDevice(hall, 'kiosk');
    await registerAtKiosk(hall.app, kiosk, { visit: { repeat: true } });
    await registerAtKiosk(hall.app, kiosk);
    expect((await client(hall).get(hall.admin, '/api/stats/today')).json().repeat).toBe(1);
  });
});

describe('the day rollover', () => {
  it('lists the tickets left open and the registrations never verified for the desk and leaders, once', async () => {
    let now = Date.parse('2026-11-25T08:00:00Z'); // 16:00 in Shanghai
    hall = await startHall({ forwarding: { adapter: 'off' } }, undefined, undefined, { now: () => now });
    const { post, get } = client(hall);
    const kiosk = await pairDevice(hall, 'kiosk');
    const rec = await staffCookie(hall, 'recR', ['reception']);
    await staffCookie(hall, 'deskR', ['desk']);
    await post(rec, '/api/windows/1/open');
    const waiting = (await registerAtKiosk(hall.app, kiosk)).ticket;
    const served = (await registerAtKiosk(hall.app, kiosk)).ticket;
    await post(rec, '/api/windows/1/call', { ticketId: served.id });
    // Left at the window without 办结: it expires with the waiting one.

    now += 24 * 3_600_000;
    hall.app.hall.engine.rollover();
    const desk = await login(hall.app, 'deskR', 'deskR-password-1');
    const listed = await get(desk, '/api/alerts');
    expect(listed.statusCode, listed.body).toBe(200);
    const alerts = listed.json().alerts as Array<{ kind: string; number: string; message: string }>;
    const unfinished = alerts.filter((a) => a.kind === 'unfinished').map((a) => a.number).sort();
    expect(unfinished).toEqual([waiting.number, served.number].sort());
    expect(alerts.filter((a) => a.kind === 'unverified').map((a) => a.number).sort()).toEqual([waiting.number, served.number].sort());
    expect(alerts.find((a) => a.number === waiting.number && a.kind === 'unfinished')!.message).toMatch(/^未办结：2026-11-25 的 A00\d 号（等候中）.*。$/);

    // A restart on the same day raises nothing twice.
    await hall.close({ keepData: true });
    hall = await startHall({ forwarding: { adapter: 'off' } }, hall.dir, undefined, { now: () => now });
    const again = (await client(hall).get(await login(hall.app, 'admin', ADMIN_PASSWORD), '/api/alerts')).json().alerts;
    expect(again).toHaveLength(alerts.length);
  });
});

describe('补登记 for a number issued without a registration', () => {
  it('lets the window register the person for the green number it holds, and the desk while issuing; same rules as the kiosk', async () => {
    hall = await startHall({ forwarding: { adapter: 'off' } });
    const { post, get, put } = client(hall);
    const desk = await staffCookie(hall, 'deskG', ['desk']);
    const rec = await staffCookie(hall, 'recG', ['reception']);
    const other = await staffCookie(hall, 'recH', ['reception']);
    await post(rec, '/api/windows/1/open');

    const green = (await post(desk, '/api/tickets', { serviceCode: 'A', priority: 'green', greenReason: 'elderly', print: false })).json().ticket;
    expect(green).toBeDefined();
    await post(rec, '/api/windows/1/call-next');
    expect((await get(rec, `/api/tickets/${green.id}/registration`)).statusCode).toBe(404);

    const body = registration({ petitioner: freshPetitioner() });
    expect((await post(other, `/api/tickets/${green.id}/registration`, body)).json().error).toBe('window_not_yours');
    const bad = await post(rec, `/api/tickets/${green.id}/registration`, { ...body, petitioner: { ...body.petitioner, phone: '123' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).not.toMatch(/body\./);
    const made = await post(rec, `/api/tickets/${green.id}/registration`, body);
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ number: green.number, state: 'submitted', firstReceiver: 'recG姓名', serviceCode: 'A' });
    // A retry answers the same; another registration for the same ticket is refused.
    expect((await post(rec, `/api/tickets/${green.id}/registration`, body)).json().id).toBe(made.json().id);
    expect((await post(rec, `/api/tickets/${green.id}/registration`, registration({ petitioner: freshPetitioner() }))).json().error).toBe('intake_exists');
    // Verified and completed the same day: on its way to the case system.
    // Staff correct the number of visitors and add 职业 and 政治面貌 (from the lists only).
    const wrongList = await put(rec, `/api/tickets/${green.id}/registration`, { ...VERIFICATION, petitioner: { ...VERIFICATION.petitioner, political: '外星人' } });
    expect(wrongList.json()).toMatchObject({ error: 'choice_unknown', field: 'petitioner.political' });
    expect(wrongList.json().message).toContain('政治面貌');
    const verified = await put(rec, `/api/tickets/${green.id}/registration`, {
      ...VERIFICATION,
      visitors: 3,
      petitioner: { ...VERIFICATION.petitioner, occupation: '农民', political: '群众' },
    });
    expect(verified.json()).toMatchObject({ state: 'verified', visitors: 3, petitioner: { occupation: '农民', political: '群众' } });
    expect((await post(rec, '/api/windows/1/complete')).statusCode).toBe(200);
    expect((await post(rec, `/api/tickets/${green.id}/registration`, registration({ petitioner: freshPetitioner() }))).json().error).toBe('ticket_finished');

    // The desk registers while issuing; the window reads it when called.
    const second = (await post(desk, '/api/tickets', { serviceCode: 'A', priority: 'green', greenReason: 'elderly', print: false })).json().ticket;
    const byDesk = await post(desk, `/api/tickets/${second.id}/registration`, registration({ petitioner: freshPetitioner() }));
    expect(byDesk.statusCode).toBe(201);
    expect(byDesk.json().firstReceiver).toBeNull();
    const audit = (await get(hall.admin, '/api/audit?action=intake.registered_for_ticket')).json().events;
    expect(audit.map((e: { details: { at: string } }) => e.details.at).sort()).toEqual(['desk', 'window']);
    // The audit log names the ticket by its number.
    expect(audit.map((e: { subject: string }) => e.subject).sort()).toEqual([`${green.number} 号`, `${second.number} 号`].sort());

    // 窗口登记 never gives a second number while a ticket is held.
    await post(rec, '/api/windows/1/call-next');
    const walkIn = await post(rec, '/api/windows/1/walk-in', registration({ petitioner: freshPetitioner() }));
    expect(walkIn.json().error).toBe('window_busy');
  });
});

describe('refusals in plain sentences', () => {
  it('never shows a field path: a bad user name is explained', async () => {
    hall = await startHall({ forwarding: { adapter: 'off' } });
    const response = await client(hall).post(hall.admin, '/api/staff', { username: '张', displayName: '张三', staffNo: 'N1', roles: ['desk'], password: 'long-enough-password' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'validation_failed', field: 'username', message: '用户名须为 2–32 位字母、数字或 _ . -，请重新输入。' });
    const audit = (await client(hall).get(hall.admin, '/api/audit?action=staff.created')).json().events;
    expect(audit.every((e: { subject: string | null }) => e.subject === null || !e.subject.includes('body.'))).toBe(true);
  });
});
