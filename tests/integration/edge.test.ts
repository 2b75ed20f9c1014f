// Defects 4, 7–10 of issue 11: constraint violations, type coercion, the origin rule, errors
// outside the route handler, caching, file permissions and retention, health with a bad token.
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fileDropAdapter, sweepFileDrop } from '../../server/forwarding/adapters.ts';
import { registerErrorHandling } from '../../server/http/error-handler.ts';
import { pairDevice, staffCookie, startHall, type Hall } from '../support/hall.ts';
import { rawRequest } from '../support/raw-http.ts';
import { registerAtKiosk, registration } from '../support/registration.ts';

const CHINESE = /[\u4e00-\u9fa5]/;
const mode = (path: string) => statSync(path).mode & 0o777;

function expectErrorShape(body: unknown) {
  expect(body).toEqual({ error: expect.any(String), message: expect.stringMatching(CHINESE) });
}

let hall: Hall;
let desk: string;
let deskId: string;
beforeAll(async () => {
  hall = await startHall();
  desk = await staffCookie(hall, 'edgedesk', ['desk']);
  deskId = hall.app.hall.store.staff.list().find((s) => s.username === 'edgedesk')!.id;
});
afterAll(() => hall?.close());

describe('a database constraint violation (defect 4)', () => {
  it('answers 409 in the error shape, never 500, and shows nothing of SQLite', async () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (name TEXT UNIQUE)');
    const app = Fastify();
    registerErrorHandling(app);
    app.post('/api/thing', async () => {
      db.prepare('INSERT INTO t (name) VALUES (?)').run('same');
      return { ok: true };
    });
    expect((await app.inject({ method: 'POST', url: '/api/thing' })).statusCode).toBe(200);
    const second = await app.inject({ method: 'POST', url: '/api/thing' });
    expect(second.statusCode).toBe(409);
    expectErrorShape(second.json());
    expect(second.body).not.toMatch(/SQLITE|UNIQUE|constraint/i);
    await app.close();
  });
});

describe('shutting down (defect 9)', () => {
  it('answers a request arriving on an open connection during shutdown with our 503, not Fastify’s English one', async () => {
    const app = Fastify({ return503OnClosing: false });
    registerErrorHandling(app);
    app.get('/api/slow', async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { ok: true };
    });
    app.get('/api/fast', async () => ({ ok: true }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    // One keep-alive connection: the first request runs while the server starts closing, the
    // second arrives on the same connection after that.
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('utf8')));
    const ended = new Promise((resolve) => socket.on('close', resolve));
    socket.write('GET /api/slow HTTP/1.1\r\nHost: h\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = app.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    socket.write('GET /api/fast HTTP/1.1\r\nHost: h\r\n\r\n');
    await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 2_000))]);
    socket.destroy();
    await closed;
    const second = text.slice(text.indexOf('HTTP/1.1', 10));
    expect(second).toMatch(/^HTTP\/1.1 503/);
    const body = JSON.parse(second.slice(second.indexOf('\r\n\r\n') + 4));
    expect(body).toEqual({ error: 'unavailable', message: expect.stringMatching(CHINESE) });
  });
});

describe('JSON bodies are not coerced (defect 7)', () => {
  const patch = (payload: object) =>
    hall.app.inject({ method: 'PATCH', url: `/api/staff/${deskId}`, headers: { cookie: hall.admin }, payload });

  it('refuses {"active": null} and leaves the account active', async () => {
    const response = await patch({ active: null });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'validation_failed', field: 'active' });
    expect(hall.app.hall.store.staff.get(deskId)!.active).toBe(true);
  });

  it.each([
    ['"active": 0', { active: 0 }],
    ['"active": "false"', { active: 'false' }],
  ])('refuses %s', async (_name, payload) => {
    expect((await patch(payload)).statusCode).toBe(400);
    expect(hall.app.hall.store.staff.get(deskId)!.active).toBe(true);
  });

  it('refuses print: null on a staff-issued number and issues nothing', async () => {
    const before = hall.app.hall.store.meta.seq();
    const response = await hall.app.inject({ method: 'POST', url: '/api/tickets', headers: { cookie: hall.admin }, payload: { serviceCode: 'A', print: null } });
    expect(response.statusCode).toBe(400);
    expect(hall.app.hall.store.meta.seq()).toBe(before);
  });

  it('refuses card: 0 on the simulated reader', async () => {
    const response = await hall.app.inject({ method: 'POST', url: '/api/devices/readers/R1/card', headers: { cookie: hall.admin }, payload: { card: 0 } });
    expect(response.statusCode).toBe(400);
  });

  it('refuses a username sent as true and creates no "true" account', async () => {
    const response = await hall.app.inject({
      method: 'POST',
      url: '/api/staff',
      headers: { cookie: hall.admin },
      payload: { username: true, displayName: '某人', staffNo: 'N-true', roles: ['desk'], password: 'a-long-password-1' },
    });
    expect(response.statusCode).toBe(400);
    expect(hall.app.hall.store.staff.list().some((s) => s.username === 'true')).toBe(false);
  });

  it('refuses numbers that are not finite: ?limit=1e309 (coerced to Infinity) and 1e309 in a JSON body', async () => {
    for (const limit of ['1e309', 'Infinity', '-Infinity']) {
      const response = await hall.app.inject({ url: `/api/tickets?limit=${limit}`, headers: { cookie: hall.admin } });
      expect(response.statusCode, limit).toBe(400);
      expect(response.json()).toMatchObject({ error: 'validation_failed', field: 'limit' });
    }
    const body = await hall.app.inject({
      method: 'POST',
      url: '/api/windows',
      headers: { cookie: hall.admin, 'content-type': 'application/json' },
      payload: '{"no":1e309,"services":["A"]}',
    });
    expect(body.statusCode).toBe(400);
  });

  it('still coerces query strings and path parameters', async () => {
    const response = await hall.app.inject({ url: '/api/tickets?limit=5', headers: { cookie: hall.admin } });
    expect(response.statusCode).toBe(200);
    const window = await hall.app.inject({ method: 'POST', url: '/api/windows/1/open', headers: { cookie: hall.admin } });
    expect(window.statusCode).toBeLessThan(500);
    expect(window.statusCode).not.toBe(400);
  });
});

describe('the origin rule (defect 8)', () => {
  const change = (headers: Record<string, string>) =>
    hall.app.inject({ method: 'PATCH', url: `/api/staff/${deskId}`, headers: { cookie: hall.admin, ...headers }, payload: { displayName: '改名' } });

  it('refuses a cookie request from a foreign Origin with 403 in the error shape, and changes nothing', async () => {
    const response = await change({ origin: 'http://evil.example' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toBe('origin_refused');
    expectErrorShape(response.json());
    expect(hall.app.hall.store.staff.get(deskId)!.displayName).not.toBe('改名');
  });

  it('refuses a foreign Referer when Origin is absent', async () => {
    expect((await change({ referer: 'http://evil.example/form.html' })).statusCode).toBe(403);
  });

  it('accepts the hall’s own origin, a configured one, and requests without Origin or Referer', async () => {
    const host = new URL(hall.url).host;
    expect((await change({ host, origin: hall.url })).statusCode).toBe(200);
    expect((await change({})).statusCode).toBe(200);
    const other = await startHall({ server: { allowedOrigins: ['http://console.hall.lan:8080'] } });
    try {
      const response = await other.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: other.admin, origin: 'http://console.hall.lan:8080' } });
      expect(response.statusCode).toBeLessThan(300);
    } finally {
      await other.close();
    }
  });

  it('refuses a staff socket handshake from a foreign origin, accepts it from the hall’s own', async () => {
    const attempt = (origin: string) =>
      new Promise<string>((resolve) => {
        const socket = io(hall.url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie: desk, origin } });
        socket.on('connect', () => {
          socket.close();
          resolve('connected');
        });
        socket.on('connect_error', (err) => {
          socket.close();
          resolve(err.message);
        });
      });
    expect(await attempt('http://evil.example')).toBe('origin_refused');
    expect(await attempt(hall.url)).toBe('connected');
  });
});

describe('every error in the error shape (defect 9)', () => {
  it.each([
    ['bad percent-encoding', '/api/tickets/%E0%A4%A', 400],
    ['an over-long path parameter', `/api/tickets/${'x'.repeat(3000)}`, 414],
  ])('%s', async (_name, url, status) => {
    const response = await hall.app.inject({ url, headers: { cookie: hall.admin } });
    expect(response.statusCode).toBe(status);
    expectErrorShape(response.json());
    expect(response.body).not.toContain('%E0');
    expect(response.body).not.toContain('xxxxxxxxxx');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it.each([
    ['Transfer-Encoding with Content-Length', 'POST /api/auth/login HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n', 400],
    ['a malformed header line', 'GET /api/health HTTP/1.1\r\nHost: h\r\nno colon <script>\r\n\r\n', 400],
    ['a control character in a header value', 'GET /api/health HTTP/1.1\r\nHost: h\r\nX-A: a\u0001b\r\n\r\n', 400],
    ['a request line over the header limit', `GET /api/${'y'.repeat(20_000)} HTTP/1.1\r\nHost: h\r\n\r\n`, 431],
    ['garbage instead of HTTP', '\u0000\u0001<script>alert(1)</script>\r\n\r\n', 400],
  ])('the HTTP parser refusing %s', async (_name, request, status) => {
    const response = await rawRequest(hall.url, request);
    expect(response.status).toBe(status);
    expectErrorShape(JSON.parse(response.body));
    expect(response.headers['connection']).toBe('close');
    expect(response.text).not.toMatch(/script|yyyyyyyy|no colon/);
  });

  it('a bad URL over the wire answers the error shape without echoing the URL', async () => {
    const response = await rawRequest(hall.url, 'GET /api/tickets/%E0%A4%A HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n');
    expect(response.status).toBe(400);
    expectErrorShape(JSON.parse(response.body));
    expect(response.text).not.toContain('%E0');
  });
});

describe('caching, files and health (defect 10)', () => {
  it('marks every API answer no-store, including refusals', async () => {
    for (const [url, cookie] of [['/api/auth/me', hall.admin], ['/api/staff', hall.admin], ['/api/hall', ''], ['/api/nowhere', ''], ['/api/staff', '']] as const) {
      const response = await hall.app.inject({ url, headers: cookie ? { cookie } : {} });
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('sends the security headers on every answer, refusals included, and no HSTS on the plain-HTTP LAN', async () => {
    for (const [url, cookie] of [['/api/hall', ''], ['/api/staff', ''], ['/api/tickets', hall.admin], ['/api/nowhere', '']] as const) {
      const response = await hall.app.inject({ url, headers: cookie ? { cookie } : {} });
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(response.headers['content-security-policy'], url).toContain("default-src 'self'");
      expect(response.headers['content-security-policy'], url).not.toContain('upgrade-insecure-requests');
      expect(response.headers['strict-transport-security'], url).toBeUndefined();
    }
    const secure = await startHall({ auth: { secureCookies: true } });
    try {
      const response = await secure.app.inject({ url: '/api/hall' });
      expect(response.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
    } finally {
      await secure.close();
    }
  });

  it('keeps socket.io long-polling answers no-store (engine.io sets it)', async () => {
    const response = await fetch(`${hall.url}/socket.io/?EIO=4&transport=polling`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    await response.text();
  });

  it('keeps the database, its WAL files, the key and the printed previews readable by the owner only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-perm-'));
    rmSync(dir, { recursive: true });
    const data = join(dir, 'data');
    const other = await startHall({}, data);
    try {
      await other.app.inject({ method: 'POST', url: '/api/tickets', headers: { cookie: other.admin }, payload: { serviceCode: 'A' } });
      expect(mode(data)).toBe(0o700);
      for (const file of ['hall.db', 'hall.db-wal', 'hall.db-shm', 'hall.key']) expect(mode(join(data, file)), file).toBe(0o600);
      expect(mode(join(data, 'printed'))).toBe(0o700);
      expect(mode(join(data, 'printed', 'P1'))).toBe(0o700);
      await vi.waitFor(() => expect(readdirSync(join(data, 'printed', 'P1')).length).toBeGreaterThan(0), { timeout: 10_000 });
      for (const name of readdirSync(join(data, 'printed', 'P1'))) expect(mode(join(data, 'printed', 'P1', name)), name).toBe(0o600);
    } finally {
      await other.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('drops forwarded files owner-only and removes them retainDays after the case system acknowledged them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-drop-'));
    const drop = join(dir, 'exchange');
    try {
      const adapter = fileDropAdapter(drop);
      for (const key of ['xfh-OLD', 'xfh-NEW', 'xfh-UNACKED']) await adapter.deliver(key, '{"x":1}', new AbortController().signal);
      expect(mode(drop)).toBe(0o700);
      expect(mode(join(drop, 'xfh-OLD.json'))).toBe(0o600);
      const now = Date.now();
      const day = 86_400_000;
      writeFileSync(join(drop, 'xfh-OLD.ack'), '');
      utimesSync(join(drop, 'xfh-OLD.ack'), (now - 8 * day) / 1000, (now - 8 * day) / 1000);
      writeFileSync(join(drop, 'xfh-NEW.ack'), '');
      writeFileSync(join(drop, '.xfh-CRASHED.123.tmp'), 'half');
      utimesSync(join(drop, '.xfh-CRASHED.123.tmp'), (now - 2 * day) / 1000, (now - 2 * day) / 1000);

      expect(sweepFileDrop(drop, { retainDays: 7, now })).toEqual(['xfh-OLD']);
      expect(readdirSync(drop).sort()).toEqual(['xfh-NEW.ack', 'xfh-NEW.json', 'xfh-UNACKED.json']);
      // 0: removed as soon as acknowledged; never a file the case system has not acknowledged.
      expect(sweepFileDrop(drop, { retainDays: 0, now: Date.now() + 1_000 })).toEqual(['xfh-NEW']);
      expect(readdirSync(drop)).toEqual(['xfh-UNACKED.json']);
      expect(existsSync(join(drop, 'xfh-UNACKED.json'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sweeps the drop folder at start with forwarding.retainDays', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-drop-'));
    const drop = join(dir, 'exchange');
    try {
      await fileDropAdapter(drop).deliver('xfh-DONE', '{}', new AbortController().signal);
      writeFileSync(join(drop, 'xfh-DONE.ack'), '');
      const other = await startHall({ forwarding: { adapter: 'file', directory: drop, retainDays: 0 } });
      await other.close();
      expect(readdirSync(drop)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes the case number from <key>.ack, acknowledges the registration and removes the dropped file (retainDays 0)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-ack-'));
    const drop = join(dir, 'exchange');
    const config = { forwarding: { adapter: 'file', directory: drop, retainDays: 0 } };
    let first: Hall | undefined = await startHall(config, join(dir, 'data'));
    try {
      const kiosk = await pairDevice(first, 'kiosk');
      const { ticket } = await registerAtKiosk(first.app, kiosk);
      const admin = { cookie: first.admin };
      for (const action of ['open', 'call-next']) await first.app.inject({ method: 'POST', url: `/api/windows/2/${action}`, headers: admin, payload: {} });
      const verified = await first.app.inject({
        method: 'PUT',
        url: `/api/tickets/${ticket.id}/registration`,
        headers: admin,
        payload: {
          petitioner: { name: '王秀兰', phone: '13911112222', address: '东城区和平里街道七号楼三单元502' },
          matter: { ...registration().matter, responsibleSystem: '住房城乡建设' },
          remarks: '',
          answer: '已告知按程序转有关部门办理。',
        },
      });
      expect(verified.statusCode).toBe(200);
      await vi.waitFor(() => expect(readdirSync(drop).filter((n) => n.endsWith('.json'))).toHaveLength(1), { timeout: 10_000 });
      const key = readdirSync(drop).find((n) => n.endsWith('.json'))!.slice(0, -'.json'.length);
      expect(first.app.hall.store.intakes.get(key.slice(4))!.state).toBe('forwarded');
      writeFileSync(join(drop, `${key}.ack`), JSON.stringify({ caseNumber: 'XF-2026-000123' }));
      // The upkeep runs at start (and every few minutes): restart the hall on the same data.
      await first.close({ keepData: true });
      first = await startHall(config, join(dir, 'data'));
      const intake = first.app.hall.store.intakes.get(key.slice(4))!;
      expect(intake).toMatchObject({ state: 'acknowledged', caseNumber: 'XF-2026-000123' });
      expect(intake.acceptanceDue).toBeTruthy();
      expect(readdirSync(drop)).toEqual([]);
    } finally {
      await first?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('answers /api/health 200 whatever token or cookie comes with it', async () => {
    const kiosk = await pairDevice(hall, 'kiosk');
    for (const authorization of ['Bearer garbage', 'Bearer ' + 'z'.repeat(5000), 'Basic abc', `Bearer ${kiosk}`]) {
      const response = await hall.app.inject({ url: '/api/health', headers: { authorization, cookie: 'hall_session=forged' } });
      expect(response.statusCode, authorization.slice(0, 20)).toBe(200);
    }
    // Elsewhere a bad device token is still refused, so the device knows to pair again.
    expect((await hall.app.inject({ url: '/api/registration/form', headers: { authorization: 'Bearer garbage' } })).statusCode).toBe(401);
  });
});
