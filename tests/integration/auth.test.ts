// Staff sign-in, lockout, sessions, device pairing, window ownership and the API document.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, login, staffCookie, startHall, type Hall } from '../support/hall.ts';

let hall: Hall;
beforeEach(async () => {
  hall = await startHall({ auth: { maxFailedLogins: 3, lockoutMinutes: 15 } });
});
afterEach(() => hall.close());

const signIn = (username: string, password: string) =>
  hall.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('staff sign-in', () => {
  it('sets an httpOnly SameSite=Strict session cookie that /api/auth/me accepts until logout', async () => {
    const response = await signIn('admin', ADMIN_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^hall_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const session = cookie.split(';')[0]!;
    const me = await hall.app.inject({ url: '/api/auth/me', headers: { cookie: session } });
    expect(me.json().staff).toMatchObject({ username: 'admin', roles: ['admin'] });
    expect(JSON.stringify(me.json())).not.toContain('password');
    await hall.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session } });
    expect((await hall.app.inject({ url: '/api/auth/me', headers: { cookie: session } })).statusCode).toBe(401);
  });

  it('refuses a wrong password politely and locks the account after repeated failures (audited)', async () => {
    const wrong = await signIn('admin', 'wrong-password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toBe('invalid_credentials');
    expect((await signIn('nobody', 'whatever')).json().error).toBe('invalid_credentials');
    await signIn('admin', 'wrong-password');
    expect((await signIn('admin', 'wrong-password')).statusCode).toBe(423);
    const locked = await signIn('admin', ADMIN_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error).toBe('account_locked');
    expect(hall.app.hall.store.audit.list({ action: 'staff.locked', limit: 5 })).toHaveLength(1);
  });
});

describe('roles at the windows', () => {
  it('lets only reception staff on duty (or an admin) operate a window', async () => {
    const leader = await staffCookie(hall, 'leader1', ['leader']);
    const desk = await staffCookie(hall, 'desk1', ['desk']);
    const first = await staffCookie(hall, 'window1', ['reception']);
    const second = await staffCookie(hall, 'window2', ['reception']);
    const post = (url: string, cookie: string) => hall.app.inject({ method: 'POST', url, headers: { cookie } });
    await hall.app.inject({ method: 'POST', url: '/api/tickets', headers: { cookie: desk }, payload: { serviceCode: 'A' } });

    expect((await post('/api/windows/1/open', leader)).statusCode).toBe(403);
    expect((await post('/api/windows/1/open', desk)).statusCode).toBe(403);
    expect((await post('/api/windows/1/open', first)).statusCode).toBe(200);
    const taken = await post('/api/windows/1/call-next', second);
    expect(taken.statusCode).toBe(403);
    expect(taken.json().error).toBe('window_not_yours');
    expect((await post('/api/windows/2/open', first)).json().error).toBe('window_taken_by_you');
    expect((await post('/api/windows/1/call-next', leader)).statusCode).toBe(403);
    expect((await post('/api/windows/1/call-next', first)).json().ticket.number).toBe('A001');
    // The leader sees the staff view of the queue but cannot change it.
    const snapshot = await hall.app.inject({ url: '/api/queue/snapshot', headers: { cookie: leader } });
    expect(snapshot.json().recentCalls[0]).toHaveProperty('source');
    expect((await hall.app.inject({ url: '/api/queue/snapshot' })).json().recentCalls[0]).not.toHaveProperty('source');
  });
});

describe('devices', () => {
  it('uses a pairing code once; only an admin creates codes', async () => {
    const desk = await staffCookie(hall, 'desk1', ['desk']);
    const denied = await hall.app.inject({ method: 'POST', url: '/api/devices/pairing-codes', headers: { cookie: desk }, payload: { kind: 'kiosk', name: '1号自助机' } });
    expect(denied.statusCode).toBe(403);
    const created = await hall.app.inject({ method: 'POST', url: '/api/devices/pairing-codes', headers: { cookie: hall.admin }, payload: { kind: 'kiosk', name: '1号自助机' } });
    const { code } = created.json();
    expect(code).toMatch(/^\d{8}$/);
    const enrol = () => hall.app.inject({ method: 'POST', url: '/api/devices/enrol', payload: { code } });
    const first = await enrol();
    expect(first.statusCode).toBe(201);
    expect(first.json().device).toMatchObject({ kind: 'kiosk', name: '1号自助机', revoked: false });
    const me = await hall.app.inject({ url: '/api/devices/me', headers: { authorization: `Bearer ${first.json().token}` } });
    expect(me.json().device.name).toBe('1号自助机');
    const again = await enrol();
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toBe('invalid_pairing_code');
    expect((await hall.app.inject({ url: '/api/devices', headers: { cookie: desk } })).json().devices).toHaveLength(1);
  });
});

describe('API document', () => {
  it('serves OpenAPI generated from the route schemas', async () => {
    const doc = (await hall.app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/tickets', '/api/windows/{no}/call-next', '/api/auth/login']));
    expect(doc.paths['/api/tickets'].post.requestBody.content['application/json'].schema.required).toContain('serviceCode');
  });
});

describe('first start', () => {
  it('creates the admin once', async () => {
    expect(await hall.app.hall.staffAuth.ensureFirstAdmin()).toBeNull();
    expect(await login(hall.app, 'admin', ADMIN_PASSWORD)).toMatch(/^hall_session=/);
  });
});
