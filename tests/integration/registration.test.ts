import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectSocket, pairDevice, papersWith, staffCookie, startHall, type Hall } from '../support/hall.ts';
import { idNumber, PERSON, registration } from '../support/registration.ts';

let people = 0;
/** Someone not registered yet in this hall. */
const freshPerson = () => {
  const sequence = 501 + 2 * people++;
  return { idNumber: idNumber('19851010', sequence), birthDate: '1985-10-10', gender: 'male' as const };
};


/** Print jobs ever queued for a ticket (read from the database file). */
const printJobsOf = (hall: Hall, ticketId: string) => {
  const db = new Database(join(hall.dir, 'hall.db'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM print_jobs WHERE ticket_id = ?').get(ticketId) as { n: number }).n;
  } finally {
    db.close();
  }
};

/** Tickets of today: what a refused request must not add to. */
const ticketCount = (hall: Hall) =>
  hall.app.hall.store.tickets.list({ serviceDay: hall.app.hall.engine.today(), limit: 10_000 }).length;

const submit = (hall: Hall, token: string, body: unknown) =>
  hall.app.inject({ method: 'POST', url: '/api/intakes', headers: { authorization: `Bearer ${token}` }, payload: body as object });

/** Registers `petitioner` at the kiosk and waits for the ticket's paper; the reply and the print jobs so far. */
async function registeredAndPrinted(hall: Hall, kiosk: string, serviceCode: string, petitioner: NonNullable<Parameters<typeof registration>[0]>['petitioner']) {
  const first = (await submit(hall, kiosk, registration({ serviceCode, petitioner }))).json();
  await vi.waitFor(() => expect(papersWith(hall, first.ticket.number)).toHaveLength(1), { timeout: 5_000 });
  return { first, jobs: printJobsOf(hall, first.ticket.id) };
}

describe('registration at the kiosk', () => {
  let hall: Hall;
  let kiosk: string;
  let reception: string;
  const logLines: string[] = [];

  beforeAll(async () => {
    hall = await startHall({ auth: { kioskIssuePerMinute: 10_000 } }, undefined, logLines);
    kiosk = await pairDevice(hall, 'kiosk');
    reception = await staffCookie(hall, 'rec1', ['reception']);
  });
  afterAll(() => hall.close());

  it('issues the number with the registration; the kiosk gets public fields only', async () => {
    const response = await submit(hall, kiosk, registration());
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ outcome: 'issued', collective: false, ahead: 0, ticket: { number: 'A001', serviceName: '初访登记', status: 'waiting' } });
    expect(JSON.stringify(body)).not.toContain(PERSON.name);
    expect(JSON.stringify(body)).not.toContain(PERSON.idNumber);

    // The receiving staff member calls it to their window, then reads it.
    await hall.app.inject({ method: 'POST', url: '/api/windows/1/open', headers: { cookie: reception }, payload: {} });
    const called = await hall.app.inject({ method: 'POST', url: '/api/windows/1/call', headers: { cookie: reception }, payload: { ticketId: body.ticket.id } });
    expect(called.statusCode).toBe(200);
    const view = await hall.app.inject({ url: `/api/tickets/${body.ticket.id}/registration`, headers: { cookie: reception } });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      state: 'submitted',
      petitioner: { name: PERSON.name, idNumber: PERSON.idNumber, phone: PERSON.phone },
      matter: { category: '城乡建设', placeName: '北京市 北京市 东城区' },
      previousVisits: 0,
    });
    const audit = await hall.app.inject({ url: '/api/audit?action=intake.viewed', headers: { cookie: hall.admin } });
    expect(audit.json().events).toEqual([expect.objectContaining({ actorName: 'rec1姓名', target: view.json().id })]);
  });

  it('answers a retried submit with the first ticket, never a second one', async () => {
    const body = registration({ petitioner: { idNumber: idNumber('19700101', 13), birthDate: '1970-01-01', gender: 'male' } });
    const first = await submit(hall, kiosk, body);
    const before = ticketCount(hall);
    const again = await submit(hall, kiosk, body);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ outcome: 'replayed', ticket: { id: first.json().ticket.id, number: first.json().ticket.number } });
    expect(ticketCount(hall)).toBe(before);
  });

  it('gives someone already waiting for a service the same ticket again, reprinted on paper (一人一号)', async () => {
    const person = { idNumber: idNumber('19800505', 27), birthDate: '1980-05-05', gender: 'male' as const };
    const first = (await submit(hall, kiosk, registration({ serviceCode: 'E', petitioner: person }))).json();
    await vi.waitFor(() => expect(papersWith(hall, first.ticket.number)).toHaveLength(1), { timeout: 5_000 });
    // The same person (name typed with a space, ID number in lower case): the same ticket again.
    const second = await submit(
      hall,
      kiosk,
      registration({ serviceCode: 'E', petitioner: { ...person, idNumber: person.idNumber.toLowerCase(), name: ` 王 秀兰 ` } }),
    );
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ outcome: 'existing', ticket: { id: first.ticket.id, number: first.ticket.number } });
    await vi.waitFor(() => expect(papersWith(hall, first.ticket.number)).toHaveLength(2), { timeout: 5_000 });
    const audit = await hall.app.inject({ url: '/api/audit?action=ticket.reprinted', headers: { cookie: hall.admin } });
    expect(audit.json().events).toEqual([expect.objectContaining({ target: first.ticket.id })]);

    // Another service is another number, and the person is recognised as having come before.
    const other = await submit(hall, kiosk, registration({ serviceCode: 'B', petitioner: person, visit: { repeat: true } }));
    expect(other.statusCode).toBe(201);
    const view = await hall.app.inject({ url: `/api/tickets/${other.json().ticket.id}/registration?reason=${encodeURIComponent('核对重复访登记')}`, headers: { cookie: hall.admin } });
    expect(view.json()).toMatchObject({ previousVisits: 1, declaredRepeat: true });
  });

  it('gives no ticket to someone with the ID number of a person already waiting under another name or phone, and tells the desk', async () => {
    const desk = await staffCookie(hall, 'desk2', ['desk']);
    const staffSocket = await connectSocket(hall.url, { cookie: desk });
    const person = { idNumber: idNumber('19810606', 37), birthDate: '1981-06-06', gender: 'male' as const };
    const { first, jobs } = await registeredAndPrinted(hall, kiosk, 'E', person);

    for (const [i, stranger] of [{ name: '李四光' }, { phone: '13700000000' }].entries()) {
      const refused = await submit(hall, kiosk, registration({ serviceCode: 'E', petitioner: { ...person, ...stranger } }));
      expect(refused.statusCode).toBe(409);
      const body = refused.json();
      expect(body.error).toBe('person_already_waiting');
      expect(body.message).toContain('已经取过');
      expect(body.message).toContain('服务台');
      expect(body.message).toMatch(/，.*。$/);
      expect(JSON.stringify(body)).not.toContain(first.ticket.number);
      expect(body.ticket).toBeUndefined();
      const alert = await staffSocket.waitFor((f) => f.event === 'alert' && f.payload.kind === 'identity' && staffSocket.frames.filter((g) => g.event === 'alert').length === i + 1);
      expect(alert.payload).toMatchObject({ number: first.ticket.number, serviceCode: 'E', ticketId: first.ticket.id });
      expect(alert.payload.message).toContain('测试kiosk');
      expect(JSON.stringify(alert.payload)).not.toMatch(new RegExp(`${person.idNumber}|王秀兰|李四光|13700000000|${PERSON.phone}`));
    }
    // No new print job, nothing more on paper, no reprint.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(printJobsOf(hall, first.ticket.id)).toBe(jobs);
    expect(papersWith(hall, first.ticket.number)).toHaveLength(1);
    const reprints = hall.app.hall.store.audit.list({ action: 'ticket.reprinted', limit: 50 });
    expect(reprints.some((e) => e.target === first.ticket.id)).toBe(false);
    const alerts = (await hall.app.inject({ url: '/api/alerts', headers: { cookie: desk } })).json().alerts;
    expect(alerts.filter((a: { kind: string; number: string }) => a.kind === 'identity' && a.number === first.ticket.number)).toHaveLength(2);
    staffSocket.close();
  });

  it('queues a collective visit of 8 with its representatives and alerts staff at once, without personal data', async () => {
    const desk = await staffCookie(hall, 'desk1', ['desk']);
    const staffSocket = await connectSocket(hall.url, { cookie: desk });
    const board = await connectSocket(hall.url);
    const reps = [
      { name: '李建国', idNumber: idNumber('19620211', 31) },
      { name: '赵淑芬', idNumber: idNumber('19650830', 42), phone: '13800001111' },
    ];
    const response = await submit(
      hall,
      kiosk,
      registration({ serviceCode: 'A', visit: { visitors: 8 }, representatives: reps, petitioner: { idNumber: idNumber('19600101', 55), birthDate: '1960-01-01', gender: 'male' } }),
    );
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ collective: true, ticket: { serviceCode: 'D', number: 'D001' } });
    const alert = await staffSocket.waitFor((f) => f.event === 'alert');
    expect(alert.payload).toMatchObject({ kind: 'collective', number: 'D001', visitors: 8 });
    expect(JSON.stringify(alert.payload)).not.toMatch(/李建国|赵淑芬|110101/);
    const alerts = await hall.app.inject({ url: '/api/alerts', headers: { cookie: desk } });
    expect(alerts.json().alerts.filter((a: { kind: string }) => a.kind === 'collective')).toEqual([expect.objectContaining({ number: 'D001', kind: 'collective' })]);
    const view = await hall.app.inject({ url: `/api/tickets/${response.json().ticket.id}/registration?reason=${encodeURIComponent('安排集体访代表接待')}`, headers: { cookie: desk } });
    expect(view.json().representatives).toEqual(reps);
    expect(board.frames.some((f) => f.event === 'alert')).toBe(false);
    staffSocket.close();
    board.close();
  });

  const invalid: Array<[string, Record<string, unknown>, string, number?]> = [
    ['a wrong check character', { petitioner: { idNumber: PERSON.idNumber.slice(0, 17) + (PERSON.idNumber.endsWith('0') ? '1' : '0') } }, 'petitioner.idNumber'],
    ['a birth date not matching the ID number', { petitioner: { birthDate: '1958-03-08' } }, 'petitioner.birthDate'],
    ['a gender not matching the ID number', { petitioner: { gender: 'male' } }, 'petitioner.gender'],
    ['an ID number born in the future', { petitioner: { idNumber: idNumber('20991231', 11), birthDate: '2099-12-31', gender: 'male' } }, 'petitioner.idNumber'],
    ['a bad phone number', { petitioner: { phone: '1234567' } }, 'petitioner.phone'],
    ['a one-character name', { petitioner: { name: '王' } }, 'petitioner.name'],
    ['a blank address', { petitioner: { address: '    ' } }, 'petitioner.address'],
    ['too short a problem', { matter: { problem: '有问题' } }, 'matter.problem'],
    ['an unknown category', { matter: { category: '外星人' } }, 'matter.category'],
    ['an unknown purpose', { matter: { purpose: '闲聊' } }, 'matter.purpose'],
    ['an unknown cause', { matter: { cause: '不明' } }, 'matter.cause'],
    ['an unknown topic', { matter: { topic: '打官司' } }, 'matter.topic'],
    ['neither a topic nor a category', { matter: { category: undefined, cause: undefined } }, 'matter.topic'],
    ['a city instead of a county', { matter: { placeCode: '110100' } }, 'matter.placeCode'],
    ['an unknown place', { matter: { placeCode: '999999' } }, 'matter.placeCode'],
    ['a representative for a visit of one', { visit: { visitors: 1 }, representatives: [{ name: '李建国', idNumber: idNumber('19620211', 31) }] }, 'representatives'],
    ['more than 5 representatives', { visit: { visitors: 9 }, representatives: [1, 2, 3, 4, 5].map((i) => ({ name: '代表人', idNumber: idNumber('19700101', i * 2) })) }, 'representatives'],
    ['a representative twice', { visit: { visitors: 7 }, representatives: [{ name: '本人', idNumber: PERSON.idNumber }] }, 'representatives.0.idNumber'],
    ['a representative with a bad ID number', { visit: { visitors: 7 }, representatives: [{ name: '李建国', idNumber: '110101196202110310' }] }, 'representatives.0.idNumber'],
    ['the notification not acknowledged', { notificationAcknowledged: false }, 'notificationAcknowledged'],
    ['an unknown property', { extra: 1 }, 'extra'],
    ['a missing matter', { matter: undefined }, 'matter'],
    ['an unknown service', { serviceCode: 'Z' }, '', 400],
  ];

  it.each(invalid)('refuses %s politely, naming the field, and writes nothing', async (_name, change, field, status = 400) => {
    const body = registration(change) as unknown as Record<string, unknown>;
    if ('matter' in change && change.matter === undefined) delete body.matter;
    const before = ticketCount(hall);
    const response = await submit(hall, kiosk, body);
    expect(response.statusCode).toBe(status);
    const error = response.json();
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(error.message).not.toMatch(/不知道|不清楚|办不了|回去吧/);
    if (field) {
      expect(error.field).toBe(field);
      if (!['extra'].includes(field)) expect(error.message).toMatch(/“|身份证|电话|姓名|代表|问题|告知|出生|性别|分类|目的|原因|属地|住址|类别/);
    }
    expect(ticketCount(hall)).toBe(before);
    // The refused request id left nothing behind: corrected, the same id registers.
    const corrected = registration({ requestId: body.requestId as string, petitioner: freshPerson() });
    expect((await submit(hall, kiosk, corrected)).json().outcome).toBe('issued');
  });

  it('lets only kiosks register, and no kiosk or uninvolved staff read a registration', async () => {
    const display = await pairDevice(hall, 'display');
    const leader = await staffCookie(hall, 'lead1', ['leader']);
    expect((await submit(hall, display, registration())).statusCode).toBe(403);
    expect((await hall.app.inject({ method: 'POST', url: '/api/intakes', headers: { cookie: reception }, payload: registration() })).statusCode).toBe(403);
    expect((await hall.app.inject({ method: 'POST', url: '/api/intakes', payload: registration() })).statusCode).toBe(401);
    const issued = (await submit(hall, kiosk, registration({ petitioner: { idNumber: idNumber('19900909', 99), birthDate: '1990-09-09', gender: 'male' } }))).json();
    const byLeader = await hall.app.inject({ url: `/api/tickets/${issued.ticket.id}/registration`, headers: { cookie: leader } });
    expect(byLeader.statusCode).toBe(400);
    expect(byLeader.json()).toMatchObject({ error: 'view_reason_required', field: 'reason' });
    const byOtherReception = await hall.app.inject({ url: `/api/tickets/${issued.ticket.id}/registration`, headers: { cookie: reception } });
    expect(byOtherReception.statusCode).toBe(403);
    const byKiosk = await hall.app.inject({ url: `/api/tickets/${issued.ticket.id}/registration`, headers: { authorization: `Bearer ${kiosk}` } });
    expect(byKiosk.statusCode).toBe(403);
  });

  it('serves the form lists and the place picker, starting at the hall’s own county', async () => {
    const headers = { authorization: `Bearer ${kiosk}` };
    const form = (await hall.app.inject({ url: '/api/registration/form', headers })).json();
    expect(form.purposes).toContain('揭发控告');
    // Asked in plain words at the kiosk: everyday topics (其他, 说不清 among them) and plain purposes.
    expect(form.topics).toEqual(expect.arrayContaining(['工资被拖欠', '其他', '说不清']));
    expect(form.topicCategories['工资被拖欠']).toBe('劳动和社会保障');
    expect(form.kioskPurposes.map((p: { label: string; purpose: string }) => `${p.label}→${p.purpose}`)).toEqual([
      '请求解决问题→求决', '对处理结果不服→申诉', '反映干部违纪违法→揭发控告',
    ]);
    expect(form.homePlace).toEqual(['110000', '110100', '110101']);
    expect(form.cardServices).toEqual(['A', 'E']); // not 重复访·查询, 领导接访, 集体访
    expect(form.materials.A.length).toBeGreaterThan(0);
    const provinces = (await hall.app.inject({ url: '/api/divisions', headers })).json();
    expect(provinces.divisions).toHaveLength(34);
    const counties = (await hall.app.inject({ url: '/api/divisions?parent=330100', headers })).json();
    expect(counties.divisions).toContainEqual({ code: '330106', name: '西湖区', hasChildren: false });
    expect(counties.path.map((d: { name: string }) => d.name)).toEqual(['浙江省', '杭州市']);
    expect((await hall.app.inject({ url: '/api/divisions?parent=999900', headers })).statusCode).toBe(404);
  });

  it('keeps no ID number, phone number, name or the person’s words in plain text in the database or the log', async () => {
    const secret = registration({
      petitioner: { name: '欧阳明远', idNumber: idNumber('19770707', 77), birthDate: '1977-07-07', gender: 'male', phone: '13698765432', address: '朝阳区望京街道十号院' },
      matter: { problem: '拆迁补偿款被克扣一万二千元' },
    });
    expect((await submit(hall, kiosk, secret)).statusCode).toBe(201);
    const bytes = Buffer.concat(['hall.db', 'hall.db-wal'].map((f) => readFileSync(join(hall.dir, f))));
    for (const value of [secret.petitioner.idNumber, secret.petitioner.phone, secret.petitioner.name, secret.petitioner.address, secret.matter.problem]) {
      expect(bytes.includes(Buffer.from(value, 'utf8')), value).toBe(false);
      expect(bytes.includes(Buffer.from(value, 'utf16le')), value).toBe(false);
    }
    const log = logLines.join('\n');
    expect(log.length).toBeGreaterThan(0);
    for (const value of [PERSON.idNumber, PERSON.name, PERSON.phone, secret.petitioner.idNumber, secret.petitioner.name]) {
      expect(log).not.toContain(value);
    }
  });
});

describe('一人一号 right after the identity step (POST /api/intakes/identity-check)', () => {
  let hall: Hall;
  let kiosk: string;
  beforeAll(async () => {
    hall = await startHall({ auth: { kioskIssuePerMinute: 10_000, progressQueriesPerMinute: 10_000 } });
    kiosk = await pairDevice(hall, 'kiosk');
  });
  afterAll(() => hall.close());

  const check = (token: string | null, payload: unknown, cookie?: string) =>
    hall.app.inject({
      method: 'POST',
      url: '/api/intakes/identity-check',
      headers: token ? { authorization: `Bearer ${token}` } : cookie ? { cookie } : {},
      payload: payload as object,
    });
  const identityOf = (p: { idNumber: string; name?: string; phone?: string }) => ({ idNumber: p.idNumber, name: p.name ?? PERSON.name, phone: p.phone ?? PERSON.phone });

  it('lets someone not waiting go on, and changes nothing', async () => {
    const before = ticketCount(hall);
    const answer = await check(kiosk, { serviceCode: 'A', petitioner: identityOf(freshPerson()) });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({ waiting: false });
    expect(ticketCount(hall)).toBe(before);
  });

  it('gives the same person their waiting ticket again at once, printed again and audited, with what the full registration gives', async () => {
    const person = freshPerson();
    const first = (await submit(hall, kiosk, registration({ serviceCode: 'E', petitioner: person }))).json();
    await vi.waitFor(() => expect(papersWith(hall, first.ticket.number)).toHaveLength(1), { timeout: 5_000 });
    const before = ticketCount(hall);

    // Waiting for E, not for A: go on with A.
    expect((await check(kiosk, { serviceCode: 'A', petitioner: identityOf(person) })).json()).toEqual({ waiting: false });
    const answer = await check(kiosk, { serviceCode: 'E', petitioner: { ...identityOf(person), idNumber: person.idNumber.toLowerCase(), name: ' 王 秀兰 ' } });
    expect(answer.statusCode).toBe(200);
    const body = answer.json();
    expect(body).toMatchObject({ waiting: true, outcome: 'existing', collective: false, ticket: { id: first.ticket.id, number: first.ticket.number, serviceName: '咨询·其他' } });
    // The same keys as the full registration's answer, nothing about the person.
    expect(Object.keys(body.ticket).sort()).toEqual(Object.keys(first.ticket).sort());
    expect(JSON.stringify(body)).not.toMatch(new RegExp(`${person.idNumber}|王秀兰|${PERSON.phone}`));
    expect(ticketCount(hall)).toBe(before);
    await vi.waitFor(() => expect(papersWith(hall, first.ticket.number)).toHaveLength(2), { timeout: 5_000 });
    const reprints = hall.app.hall.store.audit.list({ action: 'ticket.reprinted', limit: 50 }).filter((e) => e.target === first.ticket.id);
    expect(reprints).toHaveLength(1);
    expect(reprints[0]!.actorKind).toBe('device');

    // The full registration afterwards still keeps one number per person.
    const full = await submit(hall, kiosk, registration({ serviceCode: 'E', petitioner: person }));
    expect(full.json()).toMatchObject({ outcome: 'existing', ticket: { id: first.ticket.id } });
  });

  it('gives no ticket to the same ID number under another name or phone: a polite 409, the desk alerted, audited', async () => {
    const desk = await staffCookie(hall, 'desk3', ['desk']);
    const staffSocket = await connectSocket(hall.url, { cookie: desk });
    const person = freshPerson();
    const { first, jobs } = await registeredAndPrinted(hall, kiosk, 'A', person);

    for (const [i, stranger] of [{ name: '李四光' }, { phone: '13700000000' }].entries()) {
      const refused = await check(kiosk, { serviceCode: 'A', petitioner: { ...identityOf(person), ...stranger } });
      expect(refused.statusCode).toBe(409);
      const body = refused.json();
      expect(body.error).toBe('person_already_waiting');
      expect(body.message).toContain('服务台');
      expect(JSON.stringify(body)).not.toContain(first.ticket.number);
      const alert = await staffSocket.waitFor((f) => f.event === 'alert' && f.payload.kind === 'identity' && staffSocket.frames.filter((g) => g.event === 'alert').length === i + 1);
      expect(alert.payload).toMatchObject({ number: first.ticket.number, serviceCode: 'A', ticketId: first.ticket.id });
      expect(JSON.stringify(alert.payload)).not.toMatch(new RegExp(`${person.idNumber}|李四光|13700000000`));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(printJobsOf(hall, first.ticket.id)).toBe(jobs);
    expect(papersWith(hall, first.ticket.number)).toHaveLength(1);
    const mismatches = hall.app.hall.store.audit.list({ action: 'intake.identity_mismatch', limit: 50 }).filter((e) => e.target === first.ticket.id);
    expect(mismatches).toHaveLength(2);
    staffSocket.close();
  });

  it('answers kiosks only, refuses malformed identities with 400 and never fails with a 5xx', async () => {
    const payload = { serviceCode: 'A', petitioner: identityOf(freshPerson()) };
    const display = await pairDevice(hall, 'display');
    const reception = await staffCookie(hall, 'rec3', ['reception']);
    expect((await check(null, payload)).statusCode).toBe(401);
    expect((await check(display, payload)).statusCode).toBe(403);
    expect((await check(null, payload, reception)).statusCode).toBe(403);
    expect((await check(null, payload, hall.admin)).statusCode).toBe(403);

    const good = identityOf(freshPerson());
    const badCheckDigit = good.idNumber.slice(0, 17) + (good.idNumber.endsWith('1') ? '2' : '1');
    const malformed: unknown[] = [
      {},
      { serviceCode: 'A' },
      { serviceCode: 'A', petitioner: { ...good, idNumber: '123' } },
      { serviceCode: 'A', petitioner: { ...good, phone: '12345' } },
      { serviceCode: 'A', petitioner: { ...good, name: ' ' } },
      { serviceCode: '', petitioner: good },
      { serviceCode: 'A', petitioner: { ...good, address: '多余的字段' } },
      { serviceCode: 'A', petitioner: good, extra: true },
      { serviceCode: 'A', petitioner: { ...good, idNumber: badCheckDigit } },
    ];
    for (const body of malformed) {
      const answer = await check(kiosk, body);
      expect(answer.statusCode, JSON.stringify(body)).toBe(400);
      expect(answer.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    // A service that does not exist is simply not waited for.
    expect((await check(kiosk, { serviceCode: 'ZZ', petitioner: good })).json()).toEqual({ waiting: false });
  });
});

describe('need to know: who reads a registration', () => {
  let hall: Hall;
  let kiosk: string;
  const cookies: Record<string, string> = {};
  const read = (ticketId: string, who: string, reason?: string) =>
    hall.app.inject({
      url: `/api/tickets/${ticketId}/registration${reason === undefined ? '' : `?reason=${encodeURIComponent(reason)}`}`,
      headers: { cookie: who === 'admin' ? hall.admin : cookies[who]! },
    });
  const post = (who: string, url: string, payload: object = {}) => hall.app.inject({ method: 'POST', url, headers: { cookie: cookies[who]! }, payload });
  const viewsOf = (ticketId: string) =>
    hall.app.hall.store.audit.list({ action: 'intake.viewed', limit: 100 }).filter((e) => e.details?.ticketId === ticketId);

  beforeAll(async () => {
    hall = await startHall({ forwarding: { adapter: 'off' }, auth: { kioskIssuePerMinute: 10_000 } });
    kiosk = await pairDevice(hall, 'kiosk');
    for (const [name, role] of [['recA', 'reception'], ['recB', 'reception'], ['deskA', 'desk'], ['leadA', 'leader']] as const) {
      cookies[name] = await staffCookie(hall, name, [role]);
    }
  });
  afterAll(() => hall.close());

  it('lets the staff member at the window that holds or held the ticket read it; another reception account gets a polite 403', async () => {
    const ticket = (await submit(hall, kiosk, registration({ petitioner: freshPerson() }))).json().ticket;
    expect((await read(ticket.id, 'recA')).statusCode).toBe(403);
    await post('recA', '/api/windows/1/open');
    expect((await post('recA', '/api/windows/1/call', { ticketId: ticket.id })).statusCode).toBe(200);
    const held = await read(ticket.id, 'recA');
    expect(held.statusCode).toBe(200);
    expect(held.json()).toMatchObject({ number: ticket.number, firstReceiver: 'recA姓名' });

    const other = await read(ticket.id, 'recB');
    expect(other.statusCode).toBe(403);
    expect(other.json().error).toBe('registration_not_yours');
    expect(other.json().message).toMatch(/窗口工作人员.*。$/);
    // A reason does not make a reception account the receiving one.
    expect((await read(ticket.id, 'recB', '帮同事看一下')).statusCode).toBe(403);

    // Served and finished: the one who served it still may (e.g. to answer a question later).
    await post('recA', '/api/windows/1/start');
    expect((await post('recA', '/api/windows/1/complete', { closeReason: '来访人已离开' })).statusCode).toBe(200);
    expect((await read(ticket.id, 'recA')).statusCode).toBe(200);
    expect(viewsOf(ticket.id).map((e) => [e.actorName, e.details?.access])).toEqual([
      ['recA姓名', 'window'],
      ['recA姓名', 'window'],
    ]);
  });

  it('lets desk, leaders and admins read it only with a stated reason, which is audited', async () => {
    const ticket = (await submit(hall, kiosk, registration({ petitioner: freshPerson() }))).json().ticket;
    for (const who of ['deskA', 'leadA', 'admin']) {
      const bare = await read(ticket.id, who);
      expect(bare.statusCode).toBe(400);
      expect(bare.json()).toMatchObject({ error: 'view_reason_required', field: 'reason' });
      expect(bare.json().message).toContain('理由');
      expect((await read(ticket.id, who, ' 一 ')).statusCode).toBe(400);
      expect((await read(ticket.id, who, '理'.repeat(101))).statusCode).toBe(400);
    }
    expect(viewsOf(ticket.id)).toEqual([]);
    const withReason = await read(ticket.id, 'deskA', '来访人在服务台询问登记是否成功');
    expect(withReason.statusCode).toBe(200);
    expect(withReason.json().petitioner.name).toBe(PERSON.name);
    // Reading at the desk does not make anyone the first receiver (首问).
    expect(withReason.json().firstReceiver).toBeNull();
    const audit = await hall.app.inject({ url: '/api/audit?action=intake.viewed', headers: { cookie: hall.admin } });
    expect(audit.json().events).toContainEqual(
      expect.objectContaining({ actorName: 'deskA姓名', details: { ticketId: ticket.id, access: 'reason', reason: '来访人在服务台询问登记是否成功' } }),
    );
  });

  it('shows an accusation (揭发控告) only to the receiving window staff and the configured roles, and withholds its answer from later readers', async () => {
    const person = freshPerson();
    const accusation = registration({ petitioner: person, matter: { purpose: '揭发控告', category: '纪检监察' } });
    const ticket = (await submit(hall, kiosk, accusation)).json().ticket;
    for (const who of ['deskA', 'leadA']) {
      const refused = await read(ticket.id, who, '核实来访人反映的情况');
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error).toBe('registration_confidential');
      expect(refused.json().message).toMatch(/揭发控告.*。$/);
    }
    expect((await read(ticket.id, 'admin', '按规定调阅核查')).statusCode).toBe(200);
    expect((await read(ticket.id, 'recB')).statusCode).toBe(403);

    await post('recB', '/api/windows/2/open');
    await post('recB', '/api/windows/2/call', { ticketId: ticket.id });
    const received = await read(ticket.id, 'recB');
    expect(received.statusCode).toBe(200);
    expect(received.json().matter.purpose).toBe('揭发控告');
    const verified = await hall.app.inject({
      method: 'PUT',
      url: `/api/tickets/${ticket.id}/registration`,
      headers: { cookie: cookies.recB! },
      payload: {
        petitioner: { name: PERSON.name, phone: PERSON.phone, address: PERSON.address },
        matter: { ...accusation.matter, responsibleSystem: '纪检监察' },
        answer: '材料已收到，将按规定转纪检监察机关办理。',
      },
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json().answer).toBe('材料已收到，将按规定转纪检监察机关办理。');
    await post('recB', '/api/windows/2/complete');

    // The same person comes again about something else: the window sees that an earlier
    // accusation exists, not its answer; the one who received it still does.
    const again = (await submit(hall, kiosk, registration({ serviceCode: 'B', petitioner: person, visit: { repeat: true } }))).json().ticket;
    await post('recA', '/api/windows/1/call', { ticketId: again.id });
    const later = await read(again.id, 'recA');
    expect(later.statusCode).toBe(200);
    expect(later.json().previous).toEqual([expect.objectContaining({ number: ticket.number, purpose: '揭发控告', answer: null, confidential: true })]);
    expect(JSON.stringify(later.json())).not.toContain('纪检监察机关办理');
    expect((await post('recA', '/api/windows/1/complete', { closeReason: '重复登记' })).statusCode).toBe(200);
  });

  it('follows privacy.accusationRoles: a configured leader may read an accusation with a reason, an unconfigured admin may not', async () => {
    const other = await startHall({ privacy: { accusationRoles: ['leader'] } });
    try {
      const token = await pairDevice(other, 'kiosk');
      const leader = await staffCookie(other, 'leadZ', ['leader']);
      const ticket = (await submit(other, token, registration({ petitioner: freshPerson(), matter: { purpose: '揭发控告' } }))).json().ticket;
      const url = `/api/tickets/${ticket.id}/registration?reason=${encodeURIComponent('分管领导阅批')}`;
      expect((await other.app.inject({ url, headers: { cookie: leader } })).statusCode).toBe(200);
      const byAdmin = await other.app.inject({ url, headers: { cookie: other.admin } });
      expect(byAdmin.statusCode).toBe(403);
      expect(byAdmin.json().error).toBe('registration_confidential');
    } finally {
      await other.close();
    }
  });
});

describe('kiosk rate limit', () => {
  it('slows down a kiosk that submits too often, with a polite 429', async () => {
    const hall = await startHall({ auth: { kioskIssuePerMinute: 2 } });
    try {
      const kiosk = await pairDevice(hall, 'kiosk');
      const codes = [];
      for (let i = 0; i < 3; i++) {
        const person = { idNumber: idNumber('19500101', 100 + i * 2), birthDate: '1950-01-01', gender: 'female' as const };
        codes.push((await submit(hall, kiosk, registration({ petitioner: person }))).statusCode);
      }
      expect(codes).toEqual([201, 201, 429]);
    } finally {
      await hall.close();
    }
  });

  it('slows down a kiosk trying ID numbers on the identity check, per kiosk, with a polite 429', async () => {
    const hall = await startHall({ auth: { progressQueriesPerMinute: 2 } });
    try {
      const [kiosk, other] = [await pairDevice(hall, 'kiosk'), await pairDevice(hall, 'kiosk')];
      const ask = (token: string, i: number) =>
        hall.app.inject({
          method: 'POST',
          url: '/api/intakes/identity-check',
          headers: { authorization: `Bearer ${token}` },
          payload: { serviceCode: 'A', petitioner: { idNumber: idNumber('19500101', 200 + i * 2), name: '测试人', phone: '13912345678' } },
        });
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(await ask(kiosk, i));
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 429]);
      expect(answers[2]!.json().message).toMatch(/[\u4e00-\u9fa5]/);
      expect((await ask(other, 3)).statusCode).toBe(200);
    } finally {
      await hall.close();
    }
  });
});

describe('verification at the window', () => {
  it('lets the staff member on duty correct and complete the registration; the earlier answer shows on a repeat visit', async () => {
    // Queue only: the states stay as the window left them (forwarding has its own tests).
    const hall = await startHall({ forwarding: { adapter: 'off' } });
    try {
      const kiosk = await pairDevice(hall, 'kiosk');
      const rec = await staffCookie(hall, 'rec9', ['reception']);
      const other = await staffCookie(hall, 'rec8', ['reception']);
      const leader = await staffCookie(hall, 'lead9', ['leader']);
      const person = { idNumber: idNumber('19720808', 81), birthDate: '1972-08-08', gender: 'male' as const };
      const first = (await submit(hall, kiosk, registration({ petitioner: person }))).json().ticket;
      const put = (cookie: string, body: unknown) =>
        hall.app.inject({ method: 'PUT', url: `/api/tickets/${first.id}/registration`, headers: { cookie }, payload: body as object });
      const verification = {
        petitioner: { name: '王秀兰', phone: '13911112222', address: '东城区和平里街道七号楼三单元502' },
        matter: { ...registration().matter, category: '民政', responsibleSystem: '住房城乡建设', hotIssue: '房屋质量' },
        remarks: '带来了合同复印件',
        answer: '已告知按程序转住建部门办理，15日内书面告知是否受理。',
      };

      expect((await put(rec, verification)).json().error).toBe('intake_not_at_window');
      for (const path of ['open', 'call-next']) {
        expect((await hall.app.inject({ method: 'POST', url: `/api/windows/2/${path}`, headers: { cookie: rec }, payload: {} })).statusCode).toBe(200);
      }
      const view = await hall.app.inject({ url: `/api/tickets/${first.id}/registration`, headers: { cookie: rec } });
      expect(view.json()).toMatchObject({ number: first.number, firstReceiver: 'rec9姓名', state: 'submitted', previous: [] });

      expect((await put(other, verification)).statusCode).toBe(403);
      expect((await put(leader, verification)).statusCode).toBe(403);
      const badSystem = await put(rec, { ...verification, matter: { ...verification.matter, responsibleSystem: '外星' } });
      expect(badSystem.statusCode).toBe(400);
      expect(badSystem.json()).toMatchObject({ field: 'matter.responsibleSystem' });
      expect(badSystem.json().message).toContain('所属系统');

      const verified = await put(rec, verification);
      expect(verified.statusCode).toBe(200);
      expect(verified.json()).toMatchObject({
        state: 'verified',
        petitioner: { phone: '13911112222', idNumber: person.idNumber },
        matter: { category: '民政', responsibleSystem: '住房城乡建设', hotIssue: '房屋质量' },
        answer: verification.answer,
        remarks: verification.remarks,
      });
      const audit = await hall.app.inject({ url: '/api/audit?action=intake.verified', headers: { cookie: hall.admin } });
      expect(audit.json().events).toHaveLength(1);

      // The same person comes again: the earlier answer is there for a consistent reply (口径一致).
      await hall.app.inject({ method: 'POST', url: '/api/windows/2/complete', headers: { cookie: rec }, payload: {} });
      const again = (await submit(hall, kiosk, registration({ serviceCode: 'B', petitioner: person, visit: { repeat: true } }))).json().ticket;
      await hall.app.inject({ method: 'POST', url: '/api/windows/2/call', headers: { cookie: rec }, payload: { ticketId: again.id } });
      const repeat = await hall.app.inject({ url: `/api/tickets/${again.id}/registration`, headers: { cookie: rec } });
      expect(repeat.json().previous).toEqual([
        expect.objectContaining({ number: first.number, state: 'verified', receiver: 'rec9姓名', answer: verification.answer, category: '民政' }),
      ]);
      const bytes = readFileSync(join(hall.dir, 'hall.db-wal'));
      expect(bytes.includes(Buffer.from('合同复印件'))).toBe(false);
    } finally {
      await hall.close();
    }
  });
});

describe('the everyday topic at the kiosk, the official coding at the window', () => {
  it('takes a topic and a plain purpose (or none), has the window code it, and forwards both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-topic-'));
    const drop = join(dir, 'exchange');
    const hall = await startHall({ forwarding: { adapter: 'file', directory: drop } });
    try {
      const kiosk = await pairDevice(hall, 'kiosk');
      const rec = await staffCookie(hall, 'rec5', ['reception']);
      // What the kiosk sends now: 工资被拖欠, 说不清 as the purpose (no purpose), no category or cause.
      const kioskBody = registration({ petitioner: freshPerson(), matter: { topic: '工资被拖欠', category: undefined, purpose: undefined, cause: undefined } });
      expect(JSON.parse(JSON.stringify(kioskBody)).matter).not.toHaveProperty('category');
      const issued = await submit(hall, kiosk, kioskBody);
      expect(issued.statusCode).toBe(201);
      const ticketId = issued.json().ticket.id as string;
      const intake = hall.app.hall.store.intakes.byTicket(ticketId)!;
      expect(intake).toMatchObject({ topic: '工资被拖欠', category: '', purpose: '', cause: '' });

      const post = (url: string) => hall.app.inject({ method: 'POST', url, headers: { cookie: rec }, payload: {} });
      await post('/api/windows/2/open');
      expect((await post('/api/windows/2/call-next')).json().ticket.id).toBe(ticketId);
      const view = (await hall.app.inject({ url: `/api/tickets/${ticketId}/registration`, headers: { cookie: rec } })).json();
      expect(view.matter).toMatchObject({ topic: '工资被拖欠', category: '', purpose: '', cause: '' });

      const put = (matter: Record<string, string>) =>
        hall.app.inject({
          method: 'PUT',
          url: `/api/tickets/${ticketId}/registration`,
          headers: { cookie: rec },
          payload: {
            petitioner: { name: view.petitioner.name, phone: view.petitioner.phone, address: view.petitioner.address },
            matter: { category: '劳动和社会保障', purpose: '求决', placeCode: '110101', cause: '政策落实不到位', problem: view.matter.problem, demands: view.matter.demands, responsibleSystem: '人力资源社会保障', ...matter },
            answer: '已告知按程序转人社部门办理，15日内书面告知是否受理。',
          },
        });
      // Verification requires the coding, and says what is missing in Chinese.
      for (const field of ['category', 'purpose', 'cause'] as const) {
        const refused = await put({ [field]: '' });
        expect(refused.statusCode).toBe(400);
        expect(refused.json()).toMatchObject({ error: 'choice_required', field: `matter.${field}` });
        expect(refused.json().message).toMatch(/^还没有选择(内容分类|信访目的|产生原因)，请选择后再提交。$/);
      }
      const verified = await put({});
      expect(verified.statusCode).toBe(200);
      expect(verified.json().matter).toMatchObject({ topic: '工资被拖欠', category: '劳动和社会保障', purpose: '求决', cause: '政策落实不到位' });

      // The forwarded document carries the official coding and the person's own topic.
      await vi.waitFor(() => expect(existsSync(drop) && readdirSync(drop).filter((n) => n.endsWith('.json'))).toHaveLength(1), { timeout: 10_000 });
      const [file] = readdirSync(drop).filter((n) => n.endsWith('.json'));
      const doc = JSON.parse(readFileSync(join(drop, file!), 'utf8'));
      expect(doc.intake.matter).toMatchObject({ topic: '工资被拖欠', category: '劳动和社会保障', purpose: '求决', cause: '政策落实不到位', responsibleSystem: '人力资源社会保障' });
    } finally {
      await hall.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps an accusation confidential when the person says 反映干部违纪违法 at the kiosk', async () => {
    const hall = await startHall({ forwarding: { adapter: 'off' } });
    try {
      const kiosk = await pairDevice(hall, 'kiosk');
      const desk = await staffCookie(hall, 'desk5', ['desk']);
      const body = registration({ petitioner: freshPerson(), matter: { topic: '干部作风', category: undefined, purpose: '揭发控告', cause: undefined } });
      const ticketId = (await submit(hall, kiosk, body)).json().ticket.id as string;
      const read = await hall.app.inject({ url: `/api/tickets/${ticketId}/registration?reason=${encodeURIComponent('核实情况')}`, headers: { cookie: desk } });
      expect(read.statusCode).toBe(403);
      expect(read.json().error).toBe('registration_confidential');
    } finally {
      await hall.close();
    }
  });
});

describe('walk-in registration at the window', () => {
  it('registers someone without a kiosk registration and calls them at this window at once', async () => {
    const hall = await startHall({ forwarding: { adapter: 'off' } });
    try {
      const rec = await staffCookie(hall, 'rec7', ['reception']);
      const other = await staffCookie(hall, 'rec6', ['reception']);
      const post = (url: string, cookie: string, payload: object = {}) => hall.app.inject({ method: 'POST', url, headers: { cookie }, payload });
      expect((await post('/api/windows/4/open', rec)).statusCode).toBe(200);
      const person = { idNumber: idNumber('19450505', 71), birthDate: '1945-05-05', gender: 'male' as const };
      // Window 4 serves B and E; an 初访 (A) walk-in is sent to this window and called here.
      const walkIn = registration({ serviceCode: 'A', petitioner: person });
      expect((await post('/api/windows/4/walk-in', other, walkIn)).statusCode).toBe(403);
      // Staff code a walk-in directly: without the cause it is refused, politely.
      const uncoded = await post('/api/windows/4/walk-in', rec, registration({ petitioner: { idNumber: idNumber('19450505', 75), birthDate: '1945-05-05', gender: 'male' }, matter: { cause: undefined } }));
      expect(uncoded.json()).toMatchObject({ error: 'choice_required', field: 'matter.cause', message: '还没有选择产生原因，请选择后再提交。' });
      const called = await post('/api/windows/4/walk-in', rec, walkIn);
      expect(called.statusCode).toBe(201);
      expect(called.json().ticket).toMatchObject({ status: 'called', windowNo: 4, serviceCode: 'A', source: { kind: 'staff', name: 'rec7姓名' } });
      const view = await hall.app.inject({ url: `/api/tickets/${called.json().ticket.id}/registration`, headers: { cookie: rec } });
      expect(view.json()).toMatchObject({ petitioner: { idNumber: person.idNumber }, firstReceiver: 'rec7姓名' });
      const busy = await post('/api/windows/4/walk-in', rec, registration({ petitioner: { idNumber: idNumber('19450505', 73), birthDate: '1945-05-05', gender: 'male' } }));
      expect(busy.json().error).toBe('window_busy');
    } finally {
      await hall.close();
    }
  });
});
