import { describe, expect, it } from 'vitest';
import { formatTicketNumber } from '../../common/numbering.ts';
import { nextDayStart, serviceDayOf, weekdayOf } from '../../common/time.ts';

const TZ = 'Asia/Shanghai';

describe('service day in Asia/Shanghai', () => {
  it('changes at local midnight, not UTC midnight', () => {
    expect(serviceDayOf(Date.parse('2026-11-25T15:59:59Z'), TZ)).toBe('2026-11-25');
    expect(serviceDayOf(Date.parse('2026-11-25T16:00:00Z'), TZ)).toBe('2026-11-26');
  });

  it('gives the ISO weekday of the local day', () => {
    expect(weekdayOf(Date.parse('2026-11-25T04:00:00Z'), TZ)).toBe(3);
    expect(weekdayOf(Date.parse('2026-11-29T16:30:00Z'), TZ)).toBe(1);
  });

  it('finds the start of the next local day', () => {
    expect(new Date(nextDayStart(Date.parse('2026-11-25T10:00:00Z'), TZ)).toISOString()).toBe('2026-11-25T16:00:00.000Z');
    expect(new Date(nextDayStart(Date.parse('2026-12-31T16:00:00Z'), TZ)).toISOString()).toBe('2027-01-01T16:00:00.000Z');
  });
});

describe('ticket numbers', () => {
  it('pads to three digits and grows past 999', () => {
    expect(formatTicketNumber('A', 1)).toBe('A001');
    expect(formatTicketNumber('L', 23)).toBe('L023');
    expect(formatTicketNumber('B', 999)).toBe('B999');
    expect(formatTicketNumber('B', 1000)).toBe('B1000');
  });
});
