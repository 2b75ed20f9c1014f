// Hall hours and the elderly at the kiosk, through the real routes: the kiosk refused after the
// issuing cut-off with the next opening time, the desk still issuing (audited), the board saying
// the hours; an elderly petitioner told of the desk's green channel, or issued a green number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairDevice, staffCookie, startHall, type Hall } from '../support/hall.ts';
import { idNumber, registration } from '../support/registration.ts';

/** A local time in the hall's zone (Asia/Shanghai, UTC+8) as an instant. */
const at = (day: string, hhmm: string) => Date.parse(`${day}T${hhmm}:00+08:00`);

const post = (hall: Hall, url: string, payload: object, headers: Record<string, string>) =>
  hall.app.inject({ method: 'POST', url, headers, payload });

const HOURS = { opens: '09:00', closes: '17:30', days: [1, 2, 3, 4, 5], kioskStopsBeforeClose: 30 };

describe('hall hours', () => {
  let hall: Hall;
  let kiosk: Record<string, string>;
  let desk: string;
  const clock = { now: at('2026-11-25', '10:00') }; // a Wednesday

  beforeAll(async () => {
    hall = await startHall({ hours: HOURS }, undefined, undefined, { now: () => clock.now });
    kiosk = { authorization: `Bearer ${await pairDevice(hall, 'kiosk')}` };
    desk = await staffCookie(hall, 'desk1', ['desk']);
  });
  afterAll(() => hall.close());

  it('issues at the kiosk in the hours, refuses after the cut-off with the next opening time; the desk still issues, audited', async () => {
    expect((await hall.app.inject({ url: '/api/intakes/issuing', headers: kiosk })).json()).toEqual({ open: true });
    const first = registration();
    const morning = await post(hall, '/api/intakes', first, kiosk);
    expect(morning.statusCode).toBe(201);
    expect((await hall.app.inject({ url: '/api/audit?action=ticket.issued_out_of_hours', headers: { cookie: hall.admin } })).json().events).toEqual([]);

    clock.now = at('2026-11-25', '17:05');
    expect((await hall.app.inject({ url: '/api/intakes/issuing', headers: kiosk })).json()).toEqual({
      open: false,
      message: expect.stringContaining('下次取号时间：11月26日（星期四）09:00起。'),
    });
    const tickets = hall.app.hall.store.tickets.list({ serviceDay: '2026-11-25', limit: 100 }).length;
    const person = { idNumber: idNumber('19851010', 511), birthDate: '1985-10-10', gender: 'male' as const };
    const check = await post(hall, '/api/intakes/identity-check', { serviceCode: 'A', petitioner: { name: '赵建国', idNumber: person.idNumber, phone: '13800001111' } }, kiosk);
    expect(check.statusCode).toBe(409);
    expect(check.json()).toMatchObject({ error: 'kiosk_closed' });
    const late = await post(hall, '/api/intakes', registration({ petitioner: person }), kiosk);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toEqual({
      error: 'kiosk_closed',
      message: '您好，今天的自助取号已于17:00结束，感谢您的理解。下次取号时间：11月26日（星期四）09:00起。如有紧急情况，请到服务台，工作人员会为您帮助办理。',
    });
    expect(hall.app.hall.store.tickets.list({ serviceDay: '2026-11-25', limit: 100 })).toHaveLength(tickets);
    // A retried submit of the morning's registration still gets its first answer.
    const retried = await post(hall, '/api/intakes', first, kiosk);
    expect(retried.json().ticket.number).toBe(morning.json().ticket.number);

    const byDesk = await post(hall, '/api/tickets', { serviceCode: 'A', print: false }, { cookie: desk });
    expect(byDesk.statusCode).toBe(201);
    const audit = await hall.app.inject({ url: '/api/audit?action=ticket.issued_out_of_hours', headers: { cookie: hall.admin } });
    expect(audit.json().events).toEqual([
      expect.objectContaining({ actorName: 'desk1姓名', target: byDesk.json().ticket.id, details: expect.objectContaining({ reason: 'after_cutoff' }) }),
    ]);
  });

  it('refuses on a closed day (a Saturday) with Monday’s opening', async () => {
    clock.now = at('2026-11-28', '10:00');
    const response = await post(hall, '/api/intakes', registration({ petitioner: { idNumber: idNumber('19851010', 513), birthDate: '1985-10-10', gender: 'male' } }), kiosk);
    expect(response.statusCode).toBe(409);
    expect(response.json().message).toContain('下次取号时间：11月30日（星期一）09:00起。');
  });

  it('tells the board the hours and the kiosks’ cut-off', async () => {
    const board = (await hall.app.inject('/api/board')).json();
    expect(board.hours).toEqual({ text: '周一至周五 09:00–17:30（法定节假日除外）', kioskUntil: '17:00' });
  });
});

describe('the elderly at the kiosk', () => {
  const elder = { idNumber: idNumber('19500101', 453), birthDate: '1950-01-01', gender: 'male' as const };
  const younger = { idNumber: idNumber('19600101', 455), birthDate: '1960-01-01', gender: 'male' as const };

  it('by default hints at the desk’s green channel and issues an ordinary number', async () => {
    const hall = await startHall();
    try {
      const kiosk = { authorization: `Bearer ${await pairDevice(hall, 'kiosk')}` };
      const form = await hall.app.inject({ url: '/api/registration/form', headers: kiosk });
      expect(form.json().elderly).toEqual({ age: 70, mode: 'hint' });
      const issued = await post(hall, '/api/intakes', registration({ petitioner: elder }), kiosk);
      expect(issued.json().ticket).toMatchObject({ number: 'A001', green: false });
    } finally {
      await hall.close();
    }
  });

  it('issues a green number (reason 老) when the hall enables it, audited as issued by that kiosk', async () => {
    const hall = await startHall({ kiosk: { elderly: { mode: 'green', age: 70 } } });
    try {
      const kiosk = { authorization: `Bearer ${await pairDevice(hall, 'kiosk')}` };
      const green = await post(hall, '/api/intakes', registration({ petitioner: elder }), kiosk);
      expect(green.statusCode).toBe(201);
      expect(green.json().ticket).toMatchObject({ number: 'L001', green: true, serviceName: '初访登记' });
      const normal = await post(hall, '/api/intakes', registration({ petitioner: younger }), kiosk);
      expect(normal.json().ticket).toMatchObject({ number: 'A001', green: false });
      const audit = await hall.app.inject({ url: '/api/audit?action=ticket.green_issued', headers: { cookie: hall.admin } });
      expect(audit.json().events).toEqual([
        expect.objectContaining({ actorName: '测试kiosk', target: green.json().ticket.id, details: expect.objectContaining({ reason: 'elderly' }) }),
      ]);
    } finally {
      await hall.close();
    }
  });
});
