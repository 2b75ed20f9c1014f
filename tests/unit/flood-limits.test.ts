import { describe, expect, it } from 'vitest';
import { createOffenders } from '../../server/http/offenders.ts';
import { tokenBucket } from '../../server/realtime/token-bucket.ts';

describe('token bucket', () => {
  it('allows a burst, then the sustained rate', () => {
    const bucket = tokenBucket(3, 2, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true, false]);
    expect(bucket.take(400)).toBe(false);
    expect(bucket.take(500)).toBe(true);
    // Idle time refills up to the burst, not beyond.
    expect([bucket.take(60_000), bucket.take(60_000), bucket.take(60_000), bucket.take(60_000)]).toEqual([true, true, true, false]);
  });
});

describe('offenders', () => {
  it('refuses an address for the cool-off, longer on every repeat, and forgets after an hour', () => {
    let now = 0;
    const offenders = createOffenders(10, () => now);
    offenders.offend('10.0.0.9');
    expect(offenders.refused('10.0.0.9')).toBe(true);
    expect(offenders.refused('10.0.0.8')).toBe(false);
    now = 10_000;
    expect(offenders.refused('10.0.0.9')).toBe(false);
    offenders.offend('10.0.0.9');
    now = 29_999;
    expect(offenders.refused('10.0.0.9')).toBe(true);
    now = 30_000;
    expect(offenders.refused('10.0.0.9')).toBe(false);
    for (let i = 0; i < 10; i++) offenders.offend('10.0.0.9');
    now += 320_000 - 1;
    expect(offenders.refused('10.0.0.9')).toBe(true);
    now += 1;
    expect(offenders.refused('10.0.0.9')).toBe(false);
    now += 3_600_000;
    offenders.offend('10.0.0.9');
    now += 10_000;
    expect(offenders.refused('10.0.0.9')).toBe(false);
  });
});
