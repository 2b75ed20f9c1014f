// Open sockets end with the authority they were opened with: a logout, a disabled account, a
// password reset or a role change closes that staff member's sockets at once (a logout only that
// session's); a revoked device's socket closes and cannot come back. Everyone else stays.
import { describe, expect, it } from 'vitest';
import { ROOMS } from '../../common/events.ts';
import { connectSocket, login, pairDevice, staffCookie, type Hall, type RecordingSocket } from '../support/hall.ts';
import { hallPerTest } from '../support/hall-per-test.ts';

let hall: Hall;
const { connect } = hallPerTest((h) => (hall = h));

/** Resolves with the reason once the server closes the socket; rejects if it stays open. */
function closedWithin(client: RecordingSocket, ms = 1_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`socket still connected after ${ms} ms`)), ms);
    client.socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

const send = (method: 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
  hall.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const issueGreen = () =>
  send('POST', '/api/tickets', hall.admin, { serviceCode: 'A', priority: 'green', greenReason: 'pregnant', greenNote: '孕晚期需要照顾', print: false });
const staffId = (username: string) => hall.app.hall.store.staff.getByUsername(username)!.id;

type Ending = (id: string, cookie: string) => ReturnType<typeof send>;
const endings: Array<[string, Ending, { otherSessionStays: boolean }]> = [
  ['logout', (_id, cookie) => send('POST', '/api/auth/logout', cookie), { otherSessionStays: true }],
  ['disable', (id) => send('PATCH', `/api/staff/${id}`, hall.admin, { active: false }), { otherSessionStays: false }],
  ['password reset', (id) => send('POST', `/api/staff/${id}/password`, hall.admin, { password: 'a-new-password-2' }), { otherSessionStays: false }],
  ['role change', (id) => send('PATCH', `/api/staff/${id}`, hall.admin, { roles: ['leader'] }), { otherSessionStays: false }],
];

describe('staff sockets end with their authority', () => {
  it.each(endings)('closes them at once on %s; no later green-channel frame reaches them; others stay', async (_name, end, { otherSessionStays }) => {
    const cookie = await staffCookie(hall, 'desk1', ['desk']);
    const secondSession = await login(hall.app, 'desk1', 'desk1-password-1');
    const colleague = await connect({ cookie: await staffCookie(hall, 'desk2', ['desk']) });
    const mine = await connect({ cookie });
    const myOtherTab = await connect({ cookie });
    const myOtherSession = await connect({ cookie: secondSession });
    const board = await connect();
    const id = staffId('desk1');

    const closed = [closedWithin(mine), closedWithin(myOtherTab)];
    const otherSessionClosed = closedWithin(myOtherSession);
    otherSessionClosed.catch(() => undefined);
    expect((await end(id, cookie)).statusCode).toBeLessThan(300);
    await Promise.all(closed);
    if (otherSessionStays) await expect(otherSessionClosed).rejects.toThrow(/still connected/);
    else await otherSessionClosed;

    const ticket = (await issueGreen()).json().ticket;
    await colleague.waitFor((f) => f.event === 'queue:staff' && f.payload.ticket?.id === ticket.id);
    await board.waitFor((f) => f.event === 'queue' && f.payload.ticket?.id === ticket.id);
    for (const gone of [mine, myOtherTab]) {
      expect(gone.socket.connected).toBe(false);
      expect(gone.frames.filter((f) => f.event === 'queue:staff')).toHaveLength(0);
    }
    expect(colleague.socket.connected && board.socket.connected).toBe(true);
    expect(myOtherSession.socket.connected).toBe(otherSessionStays);
    // On the server, nothing of theirs is left in a staff room (a role change leaves no old-role room).
    const left = await hall.app.io.in(ROOMS.staffMember(id)).fetchSockets();
    expect(left.length).toBe(otherSessionStays ? 1 : 0);
    expect((await hall.app.io.in(ROOMS.desk).fetchSockets()).length).toBe(otherSessionStays ? 2 : 1);
  });

  it('lets a staff member whose roles changed reconnect with the new rooms only', async () => {
    const cookie = await staffCookie(hall, 'desk1', ['desk']);
    const mine = await connect({ cookie });
    const closed = closedWithin(mine);
    await send('PATCH', `/api/staff/${staffId('desk1')}`, hall.admin, { roles: ['leader'] });
    await closed;
    const again = await connect({ cookie });
    const rooms = [...(await hall.app.io.in(ROOMS.staffMember(staffId('desk1'))).fetchSockets())[0]!.rooms];
    expect(rooms).toContain(ROOMS.staff);
    expect(rooms).not.toContain(ROOMS.desk);
    expect(again.socket.connected).toBe(true);
  });
});

describe('device sockets end with their token', () => {
  it('closes a revoked kiosk at once and refuses its handshake; other kiosks, boards and staff stay', async () => {
    const token = await pairDevice(hall, 'kiosk');
    const kiosk = await connect({ token });
    const otherKiosk = await connect({ token: await pairDevice(hall, 'kiosk') });
    const board = await connect();
    const staff = await connect({ cookie: hall.admin });
    const me = await hall.app.inject({ url: '/api/devices/me', headers: { authorization: `Bearer ${token}` } });
    const closed = closedWithin(kiosk);
    expect((await send('POST', `/api/devices/${me.json().device.id}/revoke`, hall.admin)).statusCode).toBe(200);
    await closed;
    await expect(connectSocket(hall.url, { token })).rejects.toThrow(/device_revoked/);

    const ticket = (await issueGreen()).json().ticket;
    for (const client of [otherKiosk, board]) await client.waitFor((f) => f.event === 'queue' && f.payload.ticket?.id === ticket.id);
    await staff.waitFor((f) => f.event === 'queue:staff' && f.payload.ticket?.id === ticket.id);
    expect(kiosk.frames.filter((f) => f.event === 'queue')).toHaveLength(0);
    expect([otherKiosk, board, staff].every((c) => c.socket.connected)).toBe(true);
    expect(await hall.app.io.in(ROOMS.device(me.json().device.id)).fetchSockets()).toHaveLength(0);
  });
});
