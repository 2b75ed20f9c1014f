// Notices, the leader schedule and the registration lists edited by an admin: validated like the
// file, audited, applied at once (boards and kiosks are told), kept across restarts.
import { afterEach, describe, expect, it } from 'vitest';
import { connectSocket, pairDevice, staffCookie, startHall, type Hall } from '../support/hall.ts';
import { idNumber, registration } from '../support/registration.ts';

let hall: Hall | undefined;
afterEach(async () => {
  await hall?.close();
  hall = undefined;
});

const put = (h: Hall, key: string, value: unknown, cookie = h.admin) =>
  h.app.inject({ method: 'PUT', url: `/api/settings/${key}`, headers: { cookie }, payload: { value } });

describe('settings edited in the console', () => {
  it('changes the board’s notices and leader schedule at once, and tells the boards', async () => {
    hall = await startHall();
    const board = await connectSocket(hall.url);
    const notice = '今天下午三点起，五号窗口专门受理集体访。';
    expect((await put(hall, 'notices', [notice])).statusCode).toBe(200);
    await board.waitFor((f) => f.event === 'settings:changed' && f.payload === 'notices');
    const today = hall.app.hall.engine.today();
    expect((await put(hall, 'leaderReceptions', [{ date: today, time: '14:00–16:00', leader: '王芳', title: '局长', place: '一楼接待室' }])).statusCode).toBe(200);
    const info = (await hall.app.inject({ url: '/api/board' })).json();
    expect(info.notices).toEqual([notice]);
    expect(info.leaderReceptions).toEqual([{ date: today, time: '14:00–16:00', leader: '王芳', title: '局长', responsibilities: '', place: '一楼接待室' }]);
    const audit = await hall.app.inject({ url: '/api/audit?action=settings.changed', headers: { cookie: hall.admin } });
    expect(audit.json().events.map((e: { target: string }) => e.target).sort()).toEqual(['leaderReceptions', 'notices']);
    board.close();
  });

  it('applies edited lists to registrations, keeps them across a restart, and refuses bad values politely', async () => {
    hall = await startHall({ auth: { kioskIssuePerMinute: 1000 } });
    const dir = hall.dir;
    expect((await put(hall, 'categories', ['城乡建设', '物业管理'])).statusCode).toBe(200);
    const kiosk = await pairDevice(hall, 'kiosk');
    const submit = (category: string, n: number) =>
      hall!.app.inject({
        method: 'POST',
        url: '/api/intakes',
        headers: { authorization: `Bearer ${kiosk}` },
        payload: registration({ matter: { category }, petitioner: { idNumber: idNumber('19710101', 601 + 2 * n), birthDate: '1971-01-01', gender: 'male' } }),
      });
    expect((await submit('物业管理', 1)).statusCode).toBe(201);
    expect((await submit('民政', 2)).json()).toMatchObject({ field: 'matter.category' });

    for (const [key, value] of [
      ['categories', []],
      ['categories', 'not a list'],
      ['leaderReceptions', [{ time: '9:00', leader: '王芳', title: '局长', place: '一楼' }]],
      ['purposeMaterials', { 闲聊: ['材料'] }],
      ['materials', { Z: ['材料'] }],
      ['topicCategories', { 打官司: '政法' }],
      ['topicCategories', { 工资被拖欠: '外星人' }],
      ['purposes', ['求决', '其他']], // 申诉 and 揭发控告 are what the kiosk's plain purposes stand for
    ] as const) {
      const refused = await put(hall, key, value);
      expect(refused.statusCode, key).toBe(400);
      expect(refused.json().message).toMatch(/请.*再保存/);
    }
    // The kiosk's topics and the category each suggests to the window.
    expect((await put(hall, 'topics', ['工资被拖欠', '物业费', '其他', '说不清'])).statusCode).toBe(200);
    expect((await put(hall, 'topicCategories', { 物业费: '物业管理' })).statusCode).toBe(200);
    const topicForm = (await hall.app.inject({ url: '/api/registration/form', headers: { authorization: `Bearer ${kiosk}` } })).json();
    expect(topicForm).toMatchObject({ topics: ['工资被拖欠', '物业费', '其他', '说不清'], topicCategories: { 物业费: '物业管理' } });
    const byTopic = await hall.app.inject({
      method: 'POST',
      url: '/api/intakes',
      headers: { authorization: `Bearer ${kiosk}` },
      payload: registration({ matter: { topic: '物业费', category: undefined, cause: undefined }, petitioner: { idNumber: idNumber('19710101', 651), birthDate: '1971-01-01', gender: 'male' } }),
    });
    expect(byTopic.statusCode).toBe(201);
    const desk = await staffCookie(hall, 'desk-s', ['desk']);
    expect((await put(hall, 'notices', ['x'], desk)).statusCode).toBe(403);
    expect((await hall.app.inject({ url: '/api/settings', headers: { cookie: desk } })).statusCode).toBe(403);

    await hall.close({ keepData: true });
    hall = await startHall({}, dir);
    const form = await hall.app.inject({ url: '/api/registration/form', headers: { cookie: hall.admin } });
    expect(form.json().categories).toEqual(['城乡建设', '物业管理']);
  });
});

describe('services edited in the console', () => {
  it('adds a service with its own prefix, changes days offered, and keeps the layout across restarts', async () => {
    hall = await startHall();
    const dir = hall.dir;
    const service = (code: string, body: object, cookie = hall!.admin) =>
      hall!.app.inject({ method: 'PUT', url: `/api/services/${code}`, headers: { cookie }, payload: body });
    const board = await connectSocket(hall.url);
    expect((await service('F', { name: '法律咨询', prefix: 'F', enabled: true, weekdays: null })).statusCode).toBe(204);
    await board.waitFor((f) => f.event === 'queue' && f.payload.type === 'layout.changed');
    expect((await service('G', { name: '重名字头', prefix: 'A', enabled: true, weekdays: null })).json().error).toBe('service_prefix_taken');
    expect((await service('H', { name: '无字头', enabled: true, weekdays: null })).json().error).toBe('service_prefix_required');
    expect((await service('C', { name: '领导接访', enabled: true, weekdays: [1, 2, 3, 4, 5, 6, 7] })).statusCode).toBe(204);
    // 领导接访 also needs a leader reception on the day (whatever day the test runs).
    const today = hall.app.hall.engine.today();
    expect((await put(hall, 'leaderReceptions', [{ date: today, time: '09:00', leader: '王芳', title: '局长', place: '一楼' }])).statusCode).toBe(200);
    const desk = await staffCookie(hall, 'desk-svc', ['desk']);
    expect((await service('F', { name: 'x', enabled: false, weekdays: null }, desk)).statusCode).toBe(403);

    const issued = await hall.app.inject({ method: 'POST', url: '/api/tickets', headers: { cookie: hall.admin }, payload: { serviceCode: 'F', print: false } });
    expect(issued.json().ticket.number).toBe('F001');
    board.close();

    await hall.close({ keepData: true });
    hall = await startHall({}, dir);
    const services = (await hall.app.inject({ url: '/api/hall' })).json().services;
    expect(services.map((s: { code: string }) => s.code)).toContain('F');
    expect(services.find((s: { code: string }) => s.code === 'C').offeredToday).toBe(true);
  });
});

describe('leader reception days', () => {
  it('offers 领导接访 only on a day with a leader reception in the schedule, and tells the screens when that changes', async () => {
    hall = await startHall();
    await hall.app.inject({ method: 'PUT', url: '/api/services/C', headers: { cookie: hall.admin }, payload: { name: '领导接访', enabled: true, weekdays: null } });
    const today = hall.app.hall.engine.today();
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    const tomorrow = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
    const offered = async () => (await hall!.app.inject({ url: '/api/hall' })).json().services.find((s: { code: string }) => s.code === 'C').offeredToday;
    const issueC = () => hall!.app.inject({ method: 'POST', url: '/api/tickets', headers: { cookie: hall!.admin }, payload: { serviceCode: 'C', print: false } });
    const reception = { time: '09:00–11:30', leader: '王芳', title: '局长', place: '一楼接待室' };

    const kiosk = await connectSocket(hall.url);
    expect((await put(hall, 'leaderReceptions', [{ ...reception, date: tomorrow }])).statusCode).toBe(200);
    await kiosk.waitFor((f) => f.event === 'queue' && f.payload.type === 'layout.changed');
    expect(await offered()).toBe(false);
    expect((await issueC()).json().error).toBe('service_not_offered');

    expect((await put(hall, 'leaderReceptions', [{ ...reception, date: today }])).statusCode).toBe(200);
    expect(await offered()).toBe(true);
    expect((await issueC()).statusCode).toBe(201);
    kiosk.close();
  });
});
