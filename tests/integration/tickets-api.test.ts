// Issuing over HTTP: concurrency, durability across restarts, roles, and the error shape.
import { afterEach, describe, expect, it } from 'vitest';
import { connectSocket, pairDevice, staffCookie, startHall, type Hall } from '../support/hall.ts';

let hall: Hall | undefined;
afterEach(async () => {
  await hall?.close();
  hall = undefined;
});

const post = (h: Hall, url: string, payload: unknown, headers: Record<string, string> = {}) =>
  h.app.inject({ method: 'POST', url, payload: payload as object, headers });

describe('issuing tickets', () => {
  it('gives 200 concurrent requests for one service 200 distinct consecutive numbers; refusals among them use none up', async () => {
    // 220 connections from this one address stand for 220 machines in the hall.
    hall = await startHall({ server: { limits: { connectionsPerAddress: 1_000 } } });
    const desk = await staffCookie(hall, 'desk1', ['desk']);
    const h = hall;
    // Every eleventh asks for a service the hall does not have: refused inside the shared commit.
    const replies = await Promise.all(
      Array.from({ length: 220 }, (_, i) =>
        fetch(`${h.url}/api/tickets`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: desk },
          body: JSON.stringify({ serviceCode: i % 11 === 10 ? 'Z' : 'A' }),
        }).then(async (r) => ({ status: r.status, body: await r.json() })),
      ),
    );
    const refused = replies.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(20);
    for (const r of refused) expect(r).toMatchObject({ status: 400, body: { error: 'service_unknown', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
    const numbers = replies.filter((r) => r.status === 201).map((r) => r.body.ticket.number as string).sort();
    expect(numbers).toEqual(Array.from({ length: 200 }, (_, i) => `A${String(i + 1).padStart(3, '0')}`));
    // Each was told its own place: 0 … 199 ahead.
    expect(replies.filter((r) => r.status === 201).map((r) => r.body.ahead as number).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });

  it('keeps every ticket and continues numbering after the store is closed and reopened', async () => {
    const first = await startHall();
    const issued = [];
    for (let i = 0; i < 3; i++) issued.push((await post(first, '/api/tickets', { serviceCode: 'A', print: false }, { cookie: first.admin })).json().ticket);
    const seqBefore = (await first.app.inject('/api/health')).json().seq;
    await first.close({ keepData: true });

    hall = await startHall({}, first.dir);
    const snapshot = (await hall.app.inject({ url: '/api/queue/snapshot', headers: { cookie: hall.admin } })).json();
    expect(snapshot.waiting.map((t: { id: string }) => t.id)).toEqual(issued.map((t) => t.id));
    expect(snapshot.seq).toBe(seqBefore);
    const next = await post(hall, '/api/tickets', { serviceCode: 'A', print: false }, { cookie: hall.admin });
    expect(next.json().ticket.number).toBe('A004');
    expect((await hall.app.inject('/api/health')).json().seq).toBe(seqBefore + 1);
  });

  it('gives kiosks no bare numbers: they register (POST /api/intakes), staff may help', async () => {
    hall = await startHall();
    const kiosk = { authorization: `Bearer ${await pairDevice(hall, 'kiosk')}` };
    expect((await post(hall, '/api/tickets', { serviceCode: 'B' }, kiosk)).statusCode).toBe(403);
    expect((await post(hall, '/api/tickets', { serviceCode: 'A', priority: 'green', greenReason: 'elderly' }, kiosk)).statusCode).toBe(403);
    expect((await post(hall, '/api/windows/1/call-next', {}, kiosk)).statusCode).toBe(403);
    const desk = await staffCookie(hall, 'desk0', ['desk']);
    expect((await post(hall, '/api/tickets', { serviceCode: 'B', print: false }, { cookie: desk })).statusCode).toBe(201);
  });

  it('lets only the desk and admin issue green-channel numbers, audited', async () => {
    hall = await startHall();
    const reception = await staffCookie(hall, 'window1', ['reception']);
    const desk = await staffCookie(hall, 'desk1', ['desk']);
    const body = { serviceCode: 'A', priority: 'green', greenReason: 'pregnant' };
    expect((await post(hall, '/api/tickets', body, { cookie: reception })).statusCode).toBe(403);
    expect((await post(hall, '/api/tickets', body, {})).statusCode).toBe(401);
    const issued = await post(hall, '/api/tickets', body, { cookie: desk });
    expect(issued.statusCode).toBe(201);
    expect(issued.json().ticket).toMatchObject({ number: 'L001', green: true, greenReason: 'pregnant' });
    const audit = await hall.app.inject({ url: '/api/audit?action=ticket.green_issued', headers: { cookie: hall.admin } });
    expect(audit.json().events).toEqual([expect.objectContaining({ actorName: 'desk1姓名', target: issued.json().ticket.id })]);
    expect((await hall.app.inject({ url: '/api/audit', headers: { cookie: desk } })).statusCode).toBe(403);
  });
});

describe('emergency alerts', () => {
  it('alerts leaders and the desk at once when the desk issues a green-channel number for a medical emergency', async () => {
    hall = await startHall();
    const desk = await staffCookie(hall, 'desk2', ['desk']);
    const leader = await staffCookie(hall, 'lead2', ['leader']);
    const leaderSocket = await connectSocket(hall.url, { cookie: leader });
    await post(hall, '/api/tickets', { serviceCode: 'A', priority: 'green', greenReason: 'elderly' }, { cookie: desk });
    const issued = await post(hall, '/api/tickets', { serviceCode: 'A', priority: 'green', greenReason: 'emergency' }, { cookie: desk });
    const alert = await leaderSocket.waitFor((f) => f.event === 'alert');
    expect(alert.payload).toMatchObject({ kind: 'emergency', number: issued.json().ticket.number, message: expect.stringContaining('急救') });
    const alerts = await hall.app.inject({ url: '/api/alerts', headers: { cookie: leader } });
    expect(alerts.json().alerts).toHaveLength(1); // the elderly one raised none
    leaderSocket.close();
  });
});

describe('bad input', () => {
  const cases: Array<[string, { url?: string; payload?: unknown; raw?: string; contentType?: string }, number, string?]> = [
    ['a missing field', { payload: {} }, 400, 'serviceCode'],
    ['a wrong type', { payload: { serviceCode: 'A', priority: 'vip' } }, 400, 'priority'],
    ['an unknown property', { payload: { serviceCode: 'A', idNumber: '110101199003074514' } }, 400, 'idNumber'],
    ['invalid JSON', { raw: '{"serviceCode": ', contentType: 'application/json' }, 400],
    ['a non-JSON body', { raw: 'serviceCode=A', contentType: 'application/x-www-form-urlencoded' }, 415],
    ['an oversized body', { raw: JSON.stringify({ serviceCode: 'A', greenNote: 'x'.repeat(70_000) }), contentType: 'application/json' }, 413],
    ['an unknown service', { payload: { serviceCode: 'Z' } }, 400],
    ['an unknown route', { url: '/api/nowhere', payload: {} }, 404],
    ['a bad path parameter', { url: '/api/windows/abc/call-next', payload: {} }, 400, 'no'],
    ['a closed window', { url: '/api/windows/1/call-next', payload: {} }, 409],
  ];

  it.each(cases)('answers %s with a 4xx, the error shape and nothing written', async (_name, input, status, field) => {
    hall ??= await startHall();
    const count = () => hall!.app.hall.store.meta.seq();
    const before = count();
    const response = await hall.app.inject({
      method: 'POST',
      url: input.url ?? '/api/tickets',
      headers: { cookie: hall.admin, ...(input.contentType ? { 'content-type': input.contentType } : {}) },
      payload: input.raw ?? (input.payload as object),
    });
    expect(response.statusCode).toBe(status);
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual(field ? ['error', 'field', 'message'] : ['error', 'message']);
    expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
    if (field) expect(body.field).toBe(field);
    expect(count()).toBe(before);
  });
});
