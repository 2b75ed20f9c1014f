// GET /metrics (Prometheus text) and /api/health: figures read from a real hall, access by address
// or token, and no personal data or record ids in any label.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectSocket, pairDevice, staffCookie, startHall, type Hall } from '../support/hall.ts';
import { PERSON, registerAtKiosk } from '../support/registration.ts';

const TOKEN = 'scrape-token-for-tests-0123456789';
let hall: Hall | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await hall?.close();
  hall = undefined;
});

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses the Prometheus text format: `name{a="x",b="y"} value` lines, comments left out. */
function parseMetrics(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)/.exec(line);
      if (!match) throw new Error(`not a sample line: ${line}`);
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]));
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}

const valueOf = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;

const scrape = (h: Hall, options: { remoteAddress?: string; headers?: Record<string, string> } = {}) =>
  h.app.inject({ url: '/metrics', ...options });

describe('metrics and health', () => {
  it('counts tickets, print jobs, pending forwarding, devices, sockets and requests; labels hold no ids or names', async () => {
    // Forwarding off: a queued message stays pending.
    hall = await startHall({ forwarding: { adapter: 'off' }, metrics: { token: TOKEN } });
    const kiosk = await pairDevice(hall, 'kiosk');
    const { ticket } = await registerAtKiosk(hall.app, kiosk);
    const intake = hall.app.hall.store.intakes.byTicket(ticket.id)!;
    const queuedAt = Date.now() - 90_000;
    hall.app.hall.store.outbox.insert({
      intakeId: intake.id,
      idempotencyKey: `xfh-${intake.id}`,
      body: '{}',
      state: 'pending',
      attempts: 1,
      nextAttemptAt: Date.now() + 3_600_000,
      lastError: null,
      createdAt: queuedAt,
      deliveredAt: null,
    });
    const board = await connectSocket(hall.url, { token: await pairDevice(hall, 'display') });
    try {
      const reply = await scrape(hall);
      expect(reply.statusCode).toBe(200);
      expect(reply.headers['content-type']).toContain('text/plain');
      const samples = parseMetrics(reply.body);

      expect(valueOf(samples, 'hall_tickets_issued_today', { service: ticket.serviceCode })).toBe(1);
      expect(valueOf(samples, 'hall_tickets_waiting', { service: ticket.serviceCode })).toBe(1);
      expect(valueOf(samples, 'hall_forwarding_outbox', { state: 'pending' })).toBe(1);
      expect(valueOf(samples, 'hall_forwarding_oldest_pending_seconds')).toBeGreaterThanOrEqual(90);
      expect(valueOf(samples, 'hall_forwarding_held')).toBe(0);
      const printJobs = samples.filter((s) => s.name === 'hall_print_jobs').reduce((sum, s) => sum + s.value, 0);
      expect(printJobs).toBe(1);
      expect(valueOf(samples, 'hall_device_ready', { kind: 'printer', device: 'P1' })).toBe(1);
      expect(valueOf(samples, 'hall_device_condition', { kind: 'printer', device: 'P1', condition: 'ready' })).toBe(1);
      expect(valueOf(samples, 'hall_sockets_connected', { room: 'board' })).toBe(1);
      expect(valueOf(samples, 'hall_http_requests_total', { method: 'POST', route: '/api/intakes', status: '201' })).toBe(1);
      expect(valueOf(samples, 'hall_http_request_duration_seconds_count', { method: 'POST', route: '/api/intakes', status: '201' })).toBe(1);
      expect(valueOf(samples, 'process_resident_memory_bytes')).toBeGreaterThan(0);

      const labelValues = samples.flatMap((s) => Object.values(s.labels));
      const personal = [PERSON.name, ticket.id, ticket.number, intake.id, intake.personIndex];
      for (const value of labelValues) {
        expect(value).not.toMatch(/\d{17}[\dXx]/);
        for (const secret of personal) expect(value).not.toContain(secret);
      }
    } finally {
      board.close();
    }
  });

  it('refuses other addresses politely unless they bring the token', async () => {
    hall = await startHall({ metrics: { token: TOKEN } });
    const refused = await scrape(hall, { remoteAddress: '192.168.1.50' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: 'metrics_forbidden', message: expect.stringMatching(/[\u4e00-\u9fff].*。$/) });
    expect((await scrape(hall, { remoteAddress: '192.168.1.50', headers: { authorization: 'Bearer wrong-token-of-some-length' } })).statusCode).toBe(403);
    const withToken = await scrape(hall, { remoteAddress: '192.168.1.50', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(withToken.statusCode).toBe(200);
    expect(withToken.body).toContain('hall_tickets_waiting');
  });

  it('answers 404 when switched off', async () => {
    hall = await startHall({ metrics: { enabled: false } });
    expect((await scrape(hall)).statusCode).toBe(404);
  });

  it('reports the database, each device and forwarding in /api/health', async () => {
    hall = await startHall({ forwarding: { adapter: 'off' } });
    const health = (await hall.app.inject('/api/health')).json();
    expect(health).toMatchObject({
      status: 'ok',
      seq: expect.any(Number),
      database: { ok: true },
      forwarding: { pending: 0, oldestPendingSeconds: 0, held: false },
    });
    expect(health.devices).toContainEqual({ kind: 'printer', id: 'P1', condition: 'ready', ready: true });
    expect(health.devices.some((d: { kind: string }) => d.kind === 'reader')).toBe(true);
  });

  it('tells the desk and /api/health when the system clock jumps, and logs it', async () => {
    const log: string[] = [];
    hall = await startHall({}, undefined, log);
    const desk = await staffCookie(hall, 'desk1', ['desk']);
    expect((await hall.app.inject('/api/health')).json().clock).toMatchObject({ lastJump: null });
    const real = Date.now.bind(Date);
    vi.spyOn(Date, 'now').mockImplementation(() => real() + 2 * 3_600_000);
    await expect.poll(async () => (await hall!.app.inject('/api/health')).json().clock.lastJump?.seconds).toBe(7_200);
    const { alerts } = (await hall.app.inject({ url: '/api/alerts', headers: { cookie: desk } })).json();
    expect(alerts).toContainEqual(expect.objectContaining({ kind: 'clock', message: expect.stringContaining('服务器系统时间向前跳变了约 2 小时') }));
    expect(log.some((line) => line.includes('system clock jumped') && line.includes('"seconds":7200'))).toBe(true);
    const samples = parseMetrics((await scrape(hall)).body);
    expect(valueOf(samples, 'hall_clock_last_jump_seconds')).toBe(7_200);
  });
});
