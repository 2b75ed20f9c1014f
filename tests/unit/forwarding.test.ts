import { describe, expect, it } from 'vitest';
import { isLoopbackUrl, loadConfig } from '../../server/config/load.ts';
import { retryAfterMs, signature } from '../../server/forwarding/adapters.ts';
import { retryDelayMs } from '../../server/forwarding/forwarder.ts';
import { deadlinesFrom } from '../../server/forwarding/payload.ts';

describe('forwarding rules', () => {
  it('backs off exponentially with jitter, within half and all of the capped delay', () => {
    expect(retryDelayMs(1, 5_000, 600_000, () => 0)).toBe(2_500);
    expect(retryDelayMs(1, 5_000, 600_000, () => 1)).toBe(5_000);
    expect(retryDelayMs(4, 5_000, 600_000, () => 1)).toBe(40_000);
    expect(retryDelayMs(30, 5_000, 600_000, () => 1)).toBe(600_000);
    expect(retryDelayMs(30, 5_000, 600_000, () => 0)).toBe(300_000);
    expect(Number.isInteger(retryDelayMs(3, 50, 200))).toBe(true);
  });

  it('counts the legal deadlines from the day of receipt, across months and years', () => {
    expect(deadlinesFrom('2026-11-25')).toEqual({ acceptanceDue: '2026-12-10', answerDue: '2027-02-08' });
    expect(deadlinesFrom('2028-02-20').acceptanceDue).toBe('2028-03-06');
  });

  it('signs the timestamp, the idempotency key and the exact body together', () => {
    const a = signature('secret-secret-secret', '1764050000', 'xfh-1', '{"a":1}');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(signature('secret-secret-secret', '1764050000', 'xfh-1', '{"a":1} ')).not.toBe(a);
    expect(signature('secret-secret-secret', '1764050001', 'xfh-1', '{"a":1}')).not.toBe(a);
    expect(signature('secret-secret-secret', '1764050000', 'xfh-2', '{"a":1}')).not.toBe(a);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-25T08:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Wed, 25 Nov 2026 08:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Wed, 25 Nov 2026 07:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });

  it('tells loopback case-system URLs from the others', () => {
    expect(isLoopbackUrl('http://127.0.0.1:4100/cases')).toBe(true);
    expect(isLoopbackUrl('http://localhost/cases')).toBe(true);
    expect(isLoopbackUrl('http://[::1]:4100/cases')).toBe(true);
    expect(isLoopbackUrl('http://10.0.0.5/cases')).toBe(false);
    expect(isLoopbackUrl('http://127.0.0.1.example.com/cases')).toBe(false);
  });

  it('refuses plain http outside this machine unless explicitly allowed', () => {
    const http = (url: string, extra = {}) => ({ dataDir: '/tmp/x', forwarding: { adapter: 'http', url, secret: 'a-secret-of-16-chars', ...extra } });
    expect(() => loadConfig({}, http('http://case.example.gov.cn/api'))).toThrow(/forwarding\.url/);
    expect(loadConfig({}, http('http://case.example.gov.cn/api', { allowInsecureHttp: true })).forwarding.allowInsecureHttp).toBe(true);
    expect(loadConfig({}, http('http://127.0.0.1:4100/cases')).forwarding.url).toBe('http://127.0.0.1:4100/cases');
    expect(loadConfig({}, http('https://case.example.gov.cn/api')).forwarding.retryAfterMaxSeconds).toBe(600);
  });
});
