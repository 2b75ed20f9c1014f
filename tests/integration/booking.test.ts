// Appointments (预约接待) through the real routes: the last places of a slot under 50 parallel
// bookings, one active booking per person and service, cancellation freeing a place once,
// check-in by card inside the window giving a 预约 ticket called before an earlier walk-in, the
// too-early and too-late answers, 未到 after the window, and availability pushed to consoles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSocket, pairDevice, papersWith, staffCookie, startHall, type Hall } from '../support/hall.ts';
import { idNumber } from '../support/registration.ts';
import { bookingBody, solveChallenge } from '../support/booking.ts';

/** A local time in the hall's zone (Asia/Shanghai, UTC+8) as an instant. */
const at = (day: string, hhmm: string) => Date.parse(`${day}T${hhmm}:00+08:00`);
const DAY = '2026-11-26'; // a Thursday
const HOURS = { opens: '09:00', closes: '17:30', days: [1, 2, 3, 4, 5], kioskLimited: false };
const PATTERN = [
  { start: '09:00', end: '09:30', capacity: 2 },
  { start: '10:00', end: '10:30', capacity: 8 },
  { start: '10:30', end: '11:00', capacity: 4 },
];

describe('appointments', () => {
  let hall: Hall;
  let kiosk: Record<string, string>;
  let desk: string;
  let leader: string;
  let reception: string;
  const clock = { now: at(DAY, '07:30') }; // before the hall opens
  const inject = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Record<string, string> = {}, payload?: object) =>
    hall.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const publicBook = async (body: ReturnType<typeof bookingBody>) =>
    inject('POST', '/api/booking', {}, { ...body, challenge: await solveChallenge(hall) });
  const freeAt = async (start: string) =>
    (await inject('GET', '/api/booking/availability?service=A')).json().days.find((d: { day: string }) => d.day === DAY).slots.find((s: { start: string }) => s.start === start).free;

  beforeAll(async () => {
    hall = await startHall({ hours: HOURS, booking: { publicPerMinute: 1000 } }, undefined, undefined, { now: () => clock.now });
    kiosk = { authorization: `Bearer ${await pairDevice(hall, 'kiosk')}` };
    desk = await staffCookie(hall, 'desk1', ['desk']);
    leader = await staffCookie(hall, 'leader1', ['leader']);
    reception = await staffCookie(hall, 'rec1', ['reception']);
    for (const code of ['A', 'B']) {
      const set = await inject('PUT', `/api/booking/patterns/${code}`, { cookie: hall.admin }, { slots: PATTERN });
      expect(set.statusCode).toBe(200);
    }
  });
  afterAll(() => hall.close());

  it('books exactly the last 5 places of a slot under 50 parallel requests; the others are told the next free slot', async () => {
    const console = await connectSocket(hall.url, { cookie: desk });
    for (let i = 0; i < 3; i++) {
      const byPhone = await inject('POST', '/api/booking/desk', { cookie: desk }, bookingBody(DAY, '10:00', idNumber('19700101', 100 + i)));
      expect(byPhone.statusCode).toBe(201);
    }
    expect(await freeAt('10:00')).toBe(5);
    const bodies = Array.from({ length: 50 }, (_, i) => bookingBody(DAY, '10:00', idNumber('19800101', 200 + i)));
    const answers = await Promise.all(bodies.map(publicBook));
    const booked = answers.filter((a) => a.statusCode === 201);
    const refused = answers.filter((a) => a.statusCode === 409);
    expect(booked).toHaveLength(5);
    expect(refused).toHaveLength(45);
    for (const r of refused) {
      expect(r.json()).toEqual({
        error: 'booking_full',
        message: '您好，您选择的11月26日（星期四）10:00时段已经约满了。目前最近还有空位的是11月26日（星期四）10:30–11:00的时段，欢迎您改约这个时段。',
      });
    }
    expect(booked[0]!.json().message).toMatch(/^预约成功。您的预约码是 [2-9A-Z]{8}，预约时段为11月26日（星期四）10:00–10:30。/);
    expect(await freeAt('10:00')).toBe(0);
    expect(hall.app.hall.store.bookings.taken('A', DAY)['10:00']).toBe(8);
    await console.waitFor((f) => f.event === 'booking:changed' && f.payload.serviceCode === 'A' && f.payload.day === DAY);
    console.close();
  });

  it('keeps one active booking per person and service; the same person may book another service', async () => {
    const person = idNumber('19650505', 301);
    expect((await publicBook(bookingBody(DAY, '10:30', person))).statusCode).toBe(201);
    const again = await publicBook(bookingBody(DAY, '10:30', person));
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe('booking_person_active');
    expect((await publicBook({ ...bookingBody(DAY, '10:30', person), serviceCode: 'B' })).statusCode).toBe(201);
  });

  it('refuses a wrong or spent human check, and keeps personal data sealed at rest', async () => {
    const body = bookingBody(DAY, '10:30', idNumber('19660606', 303));
    const badId = await inject('POST', '/api/booking/desk', { cookie: desk }, { ...body, person: { ...body.person, idNumber: '110101196606063031' } });
    expect(badId.json()).toEqual({ error: 'id_number_invalid', message: '身份证号码有误，请核对后重新输入。', field: 'person.idNumber' });
    const wrong = await inject('POST', '/api/booking', {}, { ...body, challenge: { ...(await solveChallenge(hall)), answer: 99 } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toBe('booking_challenge_failed');
    const challenge = await solveChallenge(hall);
    expect((await inject('POST', '/api/booking', {}, { ...body, challenge })).statusCode).toBe(201);
    const replay = await inject('POST', '/api/booking', {}, { ...bookingBody(DAY, '10:30', idNumber('19660606', 305)), challenge });
    expect(replay.json().error).toBe('booking_challenge_failed');
    const row = hall.app.hall.store.bookings.ofDay(DAY, 'A').at(-1)!;
    expect(row.sealed).not.toContain(body.person.name);
    expect(row.sealed).not.toContain(body.person.idNumber);
  });

  it('cancels by code and ID digits; the place is freed once', async () => {
    const person = idNumber('19700707', 401);
    const made = await publicBook(bookingBody(DAY, '09:00', person));
    expect(made.statusCode).toBe(201);
    const code = made.json().code;
    const before = await freeAt('09:00');
    const wrongDigits = await inject('POST', '/api/booking/cancel', {}, { code, idTail: '0000' });
    expect(wrongDigits.statusCode).toBe(404);
    expect(wrongDigits.json().error).toBe('booking_unknown');
    const cancelled = await inject('POST', '/api/booking/cancel', {}, { code, idTail: person.slice(-4) });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().message).toContain('已经取消');
    const twice = await inject('POST', '/api/booking/cancel', {}, { code, idTail: person.slice(-4) });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toBe('booking_not_active');
    expect(await freeAt('09:00')).toBe(before + 1);
    // The person may book again once the first booking is cancelled.
    expect((await publicBook(bookingBody(DAY, '09:00', person))).statusCode).toBe(201);
  });

  it('checks in by card inside the window: a 预约 ticket called before an earlier walk-in; too early and too late are told politely', async () => {
    const early = idNumber('19750808', 501);
    const late = idNumber('19750808', 503);
    const earlyCode = (await publicBook(bookingBody(DAY, '10:30', early))).json().code;
    const lateCode = (await publicBook(bookingBody(DAY, '09:00', late))).json().code;

    clock.now = at(DAY, '09:20');
    const tooEarly = await inject('POST', '/api/booking/check-in', kiosk, { idNumber: early });
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json()).toEqual({
      error: 'booking_too_early',
      message: '您好，您预约的是11月26日（星期四）10:30–11:00的时段，签到从今天10:00开始。请您到时再来签到，也可以在大厅稍坐休息。',
    });

    clock.now = at(DAY, '10:10');
    const walkIn = await inject('POST', '/api/tickets', { cookie: desk }, { serviceCode: 'A', print: false });
    expect(walkIn.statusCode).toBe(201);
    const checkIn = await inject('POST', '/api/booking/check-in', kiosk, { idNumber: early });
    expect(checkIn.statusCode).toBe(201);
    const ticket = checkIn.json().ticket;
    expect(ticket).toMatchObject({ booked: true, serviceCode: 'A', status: 'waiting' });
    expect(checkIn.json().message).toBe(`签到成功，您的号码是 ${ticket.number}（预约）。请留意大厅的叫号屏，到窗口后工作人员会和您一起完善登记信息。`);
    expect(checkIn.json().booking.name).toBe('张**');
    // The paper says it too.
    await expect.poll(() => papersWith(hall, ticket.number).join('')).toContain('（预约）');
    expect((await inject('POST', '/api/booking/check-in', kiosk, { code: earlyCode })).json().error).toBe('booking_not_active');

    expect((await inject('POST', '/api/windows/1/open', { cookie: reception }, {})).statusCode).toBe(200);
    const called = await inject('POST', '/api/windows/1/call-next', { cookie: reception }, {});
    expect(called.json().ticket.number).toBe(ticket.number);
    expect(called.json().ticket.booked).toBe(true);
    // The window holding it pre-fills the registration from the booking (audited); nobody else reads it.
    const prefill = await inject('GET', `/api/tickets/${ticket.id}/booking`, { cookie: reception });
    expect(prefill.statusCode).toBe(200);
    expect(prefill.json()).toEqual({ code: earlyCode, start: '10:30', end: '11:00', person: { name: '张建华', idNumber: early, phone: '13912345678', summary: '小区旧房改造停工，想当面反映。' } });
    expect((await inject('GET', `/api/tickets/${ticket.id}/booking`, { cookie: desk })).statusCode).toBe(403);
    expect(hall.app.hall.store.audit.list({ action: 'booking.viewed', limit: 5 })).toHaveLength(1);

    const tooLate = await inject('POST', '/api/booking/check-in', kiosk, { code: lateCode });
    expect(tooLate.statusCode).toBe(409);
    expect(tooLate.json().error).toBe('booking_too_late');
    expect(tooLate.json().message).toContain('可以在本机登记取普通号');
  });

  it("shows the day's bookings to leaders with names masked, check-ins, 未到 and figures", async () => {
    const day = await inject('GET', `/api/booking/day?day=${DAY}&service=A`, { cookie: leader });
    expect(day.statusCode).toBe(200);
    const { bookings, figures } = day.json();
    expect(bookings.every((b: { name: string }) => /^张\*+$/.test(b.name))).toBe(true);
    expect(JSON.stringify(day.json())).not.toMatch(/\d{17}[\dX]/);
    expect(figures).toMatchObject({ checked_in: 1, cancelled: 1 });
    expect(figures.missed).toBeGreaterThanOrEqual(1); // the 09:00 slot's check-in window has closed
    expect(bookings.find((b: { state: string }) => b.state === 'checked_in').ticketNumber).toMatch(/^A\d{3}$/);
    expect((await inject('GET', `/api/booking/day?day=${DAY}`, kiosk)).statusCode).toBe(403);
  });

  it('books a leader reception only on its days and inside its published hours, and shows the leaders that day', async () => {
    const slots = [...PATTERN, { start: '14:00', end: '14:30', capacity: 3 }];
    expect((await inject('PUT', '/api/booking/patterns/C', { cookie: hall.admin }, { slots })).statusCode).toBe(200);
    const days = (await inject('GET', '/api/booking/availability?service=C')).json().days;
    // The default schedule: 李明, every Wednesday 09:00–11:30.
    expect(days.map((d: { day: string }) => d.day)).toEqual(['2026-12-02', '2026-12-09']);
    expect(days[0].note).toBe('李明副局长接访（09:00–11:30，二楼领导接访室）');
    expect(days[0].slots.map((s: { start: string }) => s.start)).toEqual(['09:00', '10:00', '10:30']);
    expect((await inject('GET', '/api/booking/services')).json().services).toContainEqual({ code: 'C', name: '领导接访', leader: true });
    const thursday = await publicBook({ ...bookingBody(DAY, '11:00', idNumber('19590909', 901)), serviceCode: 'C' });
    expect(thursday.json().error).toBe('booking_slot_unknown');
    const afternoon = await publicBook({ ...bookingBody('2026-12-02', '14:00', idNumber('19590909', 901)), serviceCode: 'C' });
    expect(afternoon.json().error).toBe('booking_slot_unknown');
    expect((await publicBook({ ...bookingBody('2026-12-02', '09:00', idNumber('19590909', 901)), serviceCode: 'C' })).statusCode).toBe(201);
    const view = (await inject('GET', '/api/booking/day?day=2026-12-02&service=C', { cookie: leader })).json();
    expect(view.bookings).toEqual([expect.objectContaining({ start: '09:00', name: '张**', summary: '小区旧房改造停工，想当面反映。', state: 'active', ticketNumber: null })]);
  });

  it('lists the bookings a smaller capacity leaves over, without dropping them', async () => {
    const smaller = PATTERN.map((s) => (s.start === '10:30' ? { ...s, capacity: 1 } : s));
    const changed = await inject('PUT', '/api/booking/patterns/B', { cookie: hall.admin }, { slots: smaller });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().affected).toEqual([]);
    const inA = await inject('PUT', '/api/booking/patterns/A', { cookie: hall.admin }, { slots: PATTERN.map((s) => ({ ...s, capacity: 1 })) });
    expect(inA.json().affected.length).toBeGreaterThan(0);
    expect(hall.app.hall.store.bookings.ofDay(DAY, 'A').filter((b) => b.state === 'active').length).toBeGreaterThanOrEqual(inA.json().affected.length);
    const bad = await inject('PUT', '/api/booking/patterns/A', { cookie: hall.admin }, { slots: [{ start: '08:00', end: '08:30', capacity: 2 }] });
    expect(bad.json().error).toBe('booking_pattern_hours');
  });
});

describe('appointments near closing time', () => {
  it("checks in a booking of the day's last slot after the kiosks' cut-off for walk-ins", async () => {
    const clock = { now: at(DAY, '08:00') };
    const hall = await startHall({ hours: { ...HOURS, kioskLimited: true, kioskStopsBeforeClose: 30 } }, undefined, undefined, { now: () => clock.now });
    try {
      const kiosk = { authorization: `Bearer ${await pairDevice(hall, 'kiosk')}` };
      const desk = await staffCookie(hall, 'desk2', ['desk']);
      const set = await hall.app.inject({ method: 'PUT', url: '/api/booking/patterns/A', headers: { cookie: hall.admin }, payload: { slots: [{ start: '17:00', end: '17:30', capacity: 2 }] } });
      expect(set.statusCode).toBe(200);
      const person = idNumber('19610101', 921);
      const booked = await hall.app.inject({ method: 'POST', url: '/api/booking/desk', headers: { cookie: desk }, payload: bookingBody(DAY, '17:00', person) });
      expect(booked.statusCode).toBe(201);
      clock.now = at(DAY, '17:10');
      expect((await hall.app.inject({ url: '/api/intakes/issuing', headers: kiosk })).json().open).toBe(false);
      const checkIn = await hall.app.inject({ method: 'POST', url: '/api/booking/check-in', headers: kiosk, payload: { idNumber: person } });
      expect(checkIn.statusCode, checkIn.body).toBe(201);
      expect(checkIn.json().ticket.booked).toBe(true);
    } finally {
      await hall.close();
    }
  });
});
