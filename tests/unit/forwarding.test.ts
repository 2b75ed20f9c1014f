import { describe, expect, it } from 'vitest';
import { signature } from '../../server/forwarding/adapters.ts';
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

  it('signs the timestamp and the exact body', () => {
    const a = signature('secret-secret-secret', '1764050000', '{"a":1}');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(signature('secret-secret-secret', '1764050000', '{"a":1} ')).not.toBe(a);
    expect(signature('secret-secret-secret', '1764050001', '{"a":1}')).not.toBe(a);
  });
});
