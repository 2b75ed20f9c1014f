// Staff sign-in, lockout, sessions, device pairing, window ownership and the API document.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStaffAuth, SignInRefused } from '../../server/auth/staff-auth.ts';
import { ADMIN_PASSWORD, login, staffCookie, startHall, type Hall } from '../support/hall.ts';

let hall: Hall;
beforeEach(async () => {
  // The per-address rate limit is lifted here so that only the throttling below is measured.
  hall = await startHall({ auth: { maxFailedLogins: 3, lockoutMinutes: 15, accountThrottleAfter: 6, loginRatePerMinute: 1000 } });
});
afterEach(() => hall.close());

/** Signs in from `remoteAddress` (default 127.0.0.1, where the admin signed in at start). */
const signIn = (username: string, password: string, remoteAddress?: string) =>
  hall.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, ...(remoteAddress ? { remoteAddress } : {}) });
const count = <T,>(items: T[], value: T) => items.filter((item) => item === value).length;

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

describe('sign-in throttling and lockout', () => {
  it('checks at most maxFailedLogins of 200 parallel wrong passwords from one address, then refuses without checking', async () => {
    const answers = await Promise.all(Array.from({ length: 200 }, () => signIn('admin', 'wrong-password', '10.0.0.66')));
    const statuses = answers.map((a) => a.statusCode);
    // Two checked and refused, the third checked and locked, every other one refused unchecked.
    expect(count(statuses, 401)).toBe(2);
    expect(count(statuses, 423)).toBe(198);
    expect(hall.app.hall.store.audit.list({ action: 'staff.locked', limit: 10 })).toHaveLength(1);
    // The lock holds, even for the right password, and says when to come back.
    const locked = await signIn('admin', ADMIN_PASSWORD, '10.0.0.66');
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error).toBe('account_locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    // The owner is not locked out by a stranger: neither at their own workstation nor elsewhere.
    expect((await signIn('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
    expect((await signIn('admin', ADMIN_PASSWORD, '10.0.0.9')).statusCode).toBe(200);
  });

  it("does not let a stranger's wrong passwords lock the owner out (no denial of service of a named account)", async () => {
    for (let i = 0; i < 5; i++) await signIn('admin', 'wrong-password', '10.0.0.66');
    expect((await signIn('admin', 'wrong-password', '10.0.0.66')).statusCode).toBe(423);
    expect((await signIn('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
    expect((await signIn('admin', ADMIN_PASSWORD, '10.0.0.9')).statusCode).toBe(200);
  });

  it('locks names that do not exist the same way (refusals do not reveal which names exist)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await signIn('nobody', 'whatever', '10.0.0.66')).statusCode);
    expect(statuses).toEqual([401, 401, 423, 423]);
  });

  it('spaces out a guesser spread over many addresses, but never the owner at their own workstation', async () => {
    const guess = (n: number) => signIn('admin', 'wrong-password', `10.0.1.${n}`);
    for (let n = 1; n <= 6; n++) expect((await guess(n)).statusCode).toBe(401);
    // The sixth account-wide failure starts a 1 s pause for addresses the account never used.
    const throttled = await guess(7);
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json()).toMatchObject({ error: 'login_throttled' });
    expect(throttled.headers['retry-after']).toBe('1');
    expect((await signIn('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
    // Each further failure doubles the pause.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await guess(8)).statusCode).toBe(401);
    const longer = await guess(9);
    expect(longer.statusCode).toBe(429);
    expect(longer.headers['retry-after']).toBe('2');
    expect(hall.app.hall.store.audit.list({ action: 'staff.throttled', limit: 10 })).toHaveLength(1);
  });

  it('doubles the lock of an address at each further failure; a right password or a reset starts again', async () => {
    let clock = Date.now();
    const auth = createStaffAuth({ store: hall.app.hall.store, config: hall.app.hall.config, now: () => clock });
    const attempt = (password: string) =>
      auth.login('admin', password, '10.0.0.7').then(
        () => 'ok',
        (err) => (err instanceof SignInRefused ? err.retryAfterSeconds : err.code),
      );
    expect([await attempt('wrong'), await attempt('wrong'), await attempt('wrong')]).toEqual(['invalid_credentials', 'invalid_credentials', 900]);
    clock += 900_000;
    expect(await attempt('wrong')).toBe(1_800);
    expect(await attempt(ADMIN_PASSWORD)).toBe(1_800);
    clock += 1_800_000;
    expect(await attempt('wrong')).toBe(3_600);
    clock += 3_600_000;
    expect(await attempt(ADMIN_PASSWORD)).toBe('ok');
    expect([await attempt('wrong'), await attempt('wrong'), await attempt('wrong')]).toEqual(['invalid_credentials', 'invalid_credentials', 900]);
    const admin = hall.app.hall.store.staff.getByUsername('admin')!;
    await auth.resetPassword(admin.id, ADMIN_PASSWORD, { kind: 'system', id: 'test', name: 'test' });
    expect(await attempt(ADMIN_PASSWORD)).toBe('ok');
    // Counts are forgotten a day (auth.failureMemoryHours) after the last failure.
    expect([await attempt('wrong'), await attempt('wrong')]).toEqual(['invalid_credentials', 'invalid_credentials']);
    clock += 25 * 3_600_000;
    expect([await attempt('wrong'), await attempt('wrong')]).toEqual(['invalid_credentials', 'invalid_credentials']);
  });
});

describe('creating staff', () => {
  it('answers two identical concurrent requests (a double click) with one 201 and one 409', async () => {
    const create = () =>
      hall.app.inject({
        method: 'POST',
        url: '/api/staff',
        headers: { cookie: hall.admin },
        payload: { username: 'twice', displayName: '双击', staffNo: 'N-2', roles: ['desk'], password: 'twice-password-1' },
      });
    const answers = await Promise.all([create(), create()]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json().error).toBe('staff_username_taken');
    expect(hall.app.hall.store.staff.list().filter((s) => s.username === 'twice')).toHaveLength(1);
    expect(hall.app.hall.store.audit.list({ action: 'staff.created', limit: 10 })).toHaveLength(1);
  });
});

describe('adding windows', () => {
  it('checks the number in the adding transaction: two identical adds give 201 and 409; changing an unknown window is 404', async () => {
    const send = (method: 'POST' | 'PUT', url: string, payload: object) => hall.app.inject({ method, url, headers: { cookie: hall.admin }, payload });
    const add = () => send('POST', '/api/windows', { no: 42, name: '42号窗口', services: ['A'] });
    const answers = await Promise.all([add(), add()]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json().error).toBe('window_exists');
    expect(hall.app.hall.store.audit.list({ action: 'window.added', limit: 10 })).toHaveLength(1);
    expect((await send('PUT', '/api/windows/43', { name: '43号窗口', services: ['A'] })).statusCode).toBe(404);
    expect((await send('PUT', '/api/windows/42', { name: '四十二号', services: ['A'] })).json().window.name).toBe('四十二号');
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

  it('gives every route its success reply schema, from the one wire contract', async () => {
    const doc = (await hall.app.inject('/api/openapi.json')).json();
    const missing: string[] = [];
    for (const [path, operations] of Object.entries<Record<string, { responses?: Record<string, { content?: unknown; description?: string }> }>>(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const success = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
        // 204 answers nothing; every other success names its body.
        if (success.length === 0 || success.some(([status, reply]) => status !== '204' && !reply.content)) missing.push(`${method} ${path}`);
      }
    }
    expect(missing).toEqual([]);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/alerts', '/api/services', '/api/services/{code}', '/api/settings']));
  });
});

describe('first start', () => {
  it('creates the admin once', async () => {
    expect(await hall.app.hall.staffAuth.ensureFirstAdmin()).toBeNull();
    expect(await login(hall.app, 'admin', ADMIN_PASSWORD)).toMatch(/^hall_session=/);
  });
});
