// The pure appointment rules: pattern checks, places left, the next free slot, the check-in
// window, where a booked ticket waits, masked names and codes.
import { describe, expect, it } from 'vitest';
import { BOOKING_CODE_ALPHABET } from '../../common/contract/booking.ts';
import { bookedRank, bookingCode, checkInTiming, firstFree, maskName, patternProblem, sessionSpan, slotsOfDay, withinSessions } from '../../server/booking/rules.ts';
import { compareForWindow, RANK_STEP } from '../../server/queue/rules.ts';
import type { QueueTicket } from '../../server/store/records.ts';

const HOURS = { opens: '09:00', closes: '17:30' };
const slot = (start: string, end: string, capacity = 2) => ({ start, end, capacity });

describe('booking rules', () => {
  it('keeps patterns in order, without overlaps, inside the hall hours', () => {
    expect(patternProblem([slot('09:00', '09:30'), slot('09:30', '10:00')], HOURS)).toBeNull();
    expect(patternProblem([], HOURS)).toBeNull();
    expect(patternProblem([slot('09:30', '09:00')], HOURS)).toBe('booking_pattern_order');
    expect(patternProblem([slot('09:00', '10:00'), slot('09:30', '10:30')], HOURS)).toBe('booking_pattern_order');
    expect(patternProblem([slot('10:00', '10:30'), slot('09:00', '09:30')], HOURS)).toBe('booking_pattern_order');
    expect(patternProblem([slot('08:30', '09:00')], HOURS)).toBe('booking_pattern_hours');
    expect(patternProblem([slot('17:00', '18:00')], HOURS)).toBe('booking_pattern_hours');
  });

  it('counts places left per slot, none on a day that is not bookable, never below zero', () => {
    const pattern = [slot('09:00', '09:30', 2), slot('10:00', '10:30', 1)];
    expect(slotsOfDay(pattern, true, { '09:00': 1, '10:00': 3 }).map((s) => s.free)).toEqual([1, 0]);
    expect(slotsOfDay(pattern, false, {})).toEqual([]);
  });

  it('names the next slot with a place, after the one asked for, across days', () => {
    const days = [
      { day: '2026-11-26', slots: slotsOfDay([slot('09:00', '09:30', 1), slot('10:00', '10:30', 1)], true, { '09:00': 1, '10:00': 1 }) },
      { day: '2026-11-27', slots: slotsOfDay([slot('09:00', '09:30', 1)], true, {}) },
    ];
    expect(firstFree(days, { day: '2026-11-26', start: '09:00' })).toMatchObject({ day: '2026-11-27', slot: { start: '09:00' } });
    expect(firstFree(days.slice(0, 1))).toBeNull();
  });

  it('opens check-in before the slot and closes it after the slot ends', () => {
    const slotAt = { startsAt: 60 * 60_000, endsAt: 90 * 60_000 };
    const window = { before: 30, after: 15 };
    expect(checkInTiming(29 * 60_000, slotAt, window)).toEqual({ state: 'early', opensAt: 30 * 60_000 });
    expect(checkInTiming(30 * 60_000, slotAt, window)).toEqual({ state: 'open' });
    expect(checkInTiming(104 * 60_000, slotAt, window)).toEqual({ state: 'open' });
    expect(checkInTiming(105 * 60_000, slotAt, window)).toEqual({ state: 'late' });
  });

  it('places a booked ticket after green and before every walk-in, earlier slots first', () => {
    const t = (id: string, priority: 'normal' | 'green', rank: number): QueueTicket => ({ id, serviceCode: 'A', priority, rank, seq: 1, targetWindowNo: null });
    const tickets = [t('walk-in', 'normal', RANK_STEP), t('booked-10', 'normal', bookedRank('10:00')), t('green', 'green', 5 * RANK_STEP), t('booked-9', 'normal', bookedRank('09:00'))];
    expect(tickets.sort(compareForWindow(['A'])).map((x) => x.id)).toEqual(['green', 'booked-9', 'booked-10', 'walk-in']);
    expect(Number.isSafeInteger(bookedRank('23:59'))).toBe(true);
    expect(bookedRank('23:59')).toBeLessThan(0);
  });

  it("keeps a leader reception day's slots inside its published sessions", () => {
    expect(sessionSpan('09:00–11:30')).toEqual({ start: '09:00', end: '11:30' });
    expect(sessionSpan('下午 2:30-5:00')).toEqual({ start: '2:30'.padStart(5, '0'), end: '5:00'.padStart(5, '0') });
    expect(sessionSpan('全天')).toBeNull();
    const slots = [slot('09:00', '09:30'), slot('11:00', '11:30'), slot('11:30', '12:00'), slot('14:30', '15:00')];
    expect(withinSessions(slots, [sessionSpan('09:00–11:30'), sessionSpan('14:30-17:00')]).map((s) => s.start)).toEqual(['09:00', '11:00', '14:30']);
    // A session without hours in its text leaves the whole pattern.
    expect(withinSessions(slots, [sessionSpan('上午')])).toHaveLength(4);
    expect(withinSessions(slots, [])).toHaveLength(4);
  });

  it('masks names to the surname and makes codes of the plain alphabet', () => {
    expect(maskName('张建华')).toBe('张**');
    expect(maskName('欧阳')).toBe('欧*');
    expect(maskName('李')).toBe('李*');
    let n = 0;
    const code = bookingCode((size) => n++ % size);
    expect(code).toHaveLength(8);
    expect([...code].every((c) => BOOKING_CODE_ALPHABET.includes(c))).toBe(true);
  });
});
