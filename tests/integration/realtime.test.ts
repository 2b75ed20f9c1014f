// Real socket.io clients against the listening server: snapshot first, then every change once,
// in seq order, and no private data on public sockets.
import { describe, expect, it } from 'vitest';
import type { QueueSnapshot } from '../../common/contract/queue.ts';
import { decodeJson } from '../../common/wire.ts';
import { connectSocket, pairDevice, staffCookie, type Hall } from '../support/hall.ts';
import { hallPerTest } from '../support/hall-per-test.ts';

let hall: Hall;
const { connect, restart } = hallPerTest((h) => (hall = h));

const post = (url: string, cookie: string, payload?: object) =>
  hall.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });

/** A day at window 1 that touches every kind of queue change (printing is tested on its own). */
async function workTheQueue(desk: string, reception: string) {
  const issue = (body: object) => post('/api/tickets', desk, { ...body, print: false });
  const green = (await issue({ serviceCode: 'A', priority: 'green', greenReason: 'pregnant', greenNote: '孕晚期需要照顾' })).json().ticket;
  const a1 = (await issue({ serviceCode: 'A' })).json().ticket;
  const a2 = (await issue({ serviceCode: 'A' })).json().ticket;
  expect((await post('/api/windows/1/open', reception)).statusCode).toBe(200);
  expect((await post('/api/windows/1/call-next', reception)).json().ticket.id).toBe(green.id);
  await post('/api/windows/1/recall', reception);
  await post('/api/windows/1/start', reception);
  await post('/api/windows/1/complete', reception);
  await post('/api/windows/1/call-next', reception);
  await post('/api/windows/1/recall', reception);
  expect((await post('/api/windows/1/no-show', reception)).statusCode).toBe(200);
  expect((await post(`/api/tickets/${a1.id}/reinstate`, desk)).statusCode).toBe(200);
  await post('/api/windows/1/call-next', reception);
  expect((await post('/api/windows/1/transfer', reception, { serviceCode: 'B' })).statusCode).toBe(200);
  expect((await post(`/api/tickets/${a1.id}/cancel`, desk, { reason: '来访人已离开' })).statusCode).toBe(200);
  expect((await post('/api/windows/1/pause', reception, { reason: '稍作休息' })).statusCode).toBe(200);
  return { green, a1, a2 };
}

describe('realtime', () => {
  it('gives a board a snapshot, then every change once with seq +1, and no private data', async () => {
    const desk = await staffCookie(hall, 'desk1', ['desk']);
    const reception = await staffCookie(hall, 'window1', ['reception']);
    const board = await connect();
    const windowScreen = await connect({ windowNo: 1 });
    const staff = await connect({ cookie: desk });

    await workTheQueue(desk, reception);
    const finalSeq = hall.app.hall.store.meta.seq();
    await board.waitFor((f) => f.event === 'queue' && f.payload.seq === finalSeq);
    await staff.waitFor((f) => f.event === 'queue:staff' && f.payload.seq === finalSeq);

    for (const client of [board, windowScreen]) {
      const [snapshot, ...events] = client.frames;
      expect(snapshot!.event).toBe('snapshot');
      expect(events.every((f) => f.event === 'queue')).toBe(true);
      const seqs = events.map((f) => (f.payload as { seq: number }).seq);
      expect(seqs).toEqual(seqs.map((_, i) => (snapshot!.payload as { seq: number }).seq + 1 + i));
      const everything = JSON.stringify(client.frames);
      for (const secret of ['pregnant', '孕晚期', 'greenReason', 'greenNote', 'source', 'cancelReason', '来访人已离开', 'desk1']) {
        expect(everything, `board frames contain ${secret}`).not.toContain(secret);
      }
    }
    const staffEvents = staff.frames.filter((f) => f.event === 'queue:staff').map((f) => f.payload as any);
    expect(staffEvents[0]!.ticket.greenReason).toBe('pregnant');
    expect(staffEvents.map((e) => e.type)).toEqual([
      'ticket.issued', 'ticket.issued', 'ticket.issued', 'window.updated', 'ticket.called', 'ticket.recalled',
      'ticket.serving', 'ticket.completed', 'ticket.called', 'ticket.recalled', 'ticket.no_show', 'ticket.reinstated',
      'ticket.called', 'ticket.transferred', 'ticket.cancelled', 'window.updated',
    ]);
    const lastWindow = (board.frames.at(-1)!.payload as any).windows[0];
    expect(lastWindow).toMatchObject({ no: 1, state: 'paused', pauseReason: '稍作休息', onDuty: { displayName: 'window1姓名' } });
  });

  it('answers snapshot:get with the current state and seq', async () => {
    const board = await connect();
    await post('/api/tickets', hall.admin, { serviceCode: 'E' });
    await board.waitFor((f) => f.event === 'queue');
    const reply = await board.socket.emitWithAck('snapshot:get');
    expect(reply.ok).toBe(true);
    const snapshot = decodeJson<QueueSnapshot>(reply.data);
    expect(snapshot.seq).toBe(hall.app.hall.store.meta.seq());
    expect(snapshot.waiting.map((t) => t.number)).toEqual(['E001']);
    expect(snapshot.waitingCounts).toEqual({ E: 1 });
  });

  it('accepts paired devices and refuses unknown or revoked tokens at the handshake', async () => {
    const token = await pairDevice(hall, 'kiosk');
    const kiosk = await connect({ token });
    expect(kiosk.frames[0]!.event).toBe('snapshot');
    await expect(connectSocket(hall.url, { token: 'not-a-token' })).rejects.toThrow(/device_revoked/);
    const device = hall.app.hall.store.devices.list()[0]!;
    await post(`/api/devices/${device.id}/revoke`, hall.admin);
    await expect(connectSocket(hall.url, { token })).rejects.toThrow(/device_revoked/);
    expect((await hall.app.inject({ method: 'POST', url: '/api/tickets', headers: { authorization: `Bearer ${token}` }, payload: { serviceCode: 'A' } })).statusCode).toBe(401);
  });

  it('refuses anonymous boards when the configuration requires a display token', async () => {
    await restart({ auth: { displayRequiresToken: true } });
    await expect(connectSocket(hall.url)).rejects.toThrow(/unauthenticated/);
    const display = await connect({ token: await pairDevice(hall, 'display') });
    expect(display.frames[0]!.event).toBe('snapshot');
  });
});
