// Appointment rules, pure: no clock, no database. Which slots a service offers on a day (its
// pattern, the hall's days and hours, closed days), how many places are left, where a checked-in
// booking waits in the queue, and whether a check-in is early, in time or late.
import { BOOKING_CODE_ALPHABET } from '../../common/contract/booking.ts';
import { RANK_STEP } from '../queue/rules.ts';
import type { SlotPattern } from '../store/records.ts';

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export interface Slot extends SlotPattern {
  taken: number;
  free: number;
}

export type PatternProblem = 'booking_pattern_order' | 'booking_pattern_hours';

/**
 * Why a pattern cannot be kept (null: it can): each slot ends after it starts, slots do not
 * overlap and are in order, and all lie inside the hall's hours.
 */
export function patternProblem(slots: readonly SlotPattern[], hours: { opens: string; closes: string }): PatternProblem | null {
  let previousEnd = -1;
  for (const slot of slots) {
    const start = minutesOf(slot.start);
    const end = minutesOf(slot.end);
    if (end <= start || start < previousEnd) return 'booking_pattern_order';
    if (start < minutesOf(hours.opens) || end > minutesOf(hours.closes)) return 'booking_pattern_hours';
    previousEnd = end;
  }
  return null;
}

/** The slots of a day with places taken and left; none when the day is not bookable. */
export function slotsOfDay(pattern: readonly SlotPattern[], bookable: boolean, taken: Readonly<Record<string, number>>): Slot[] {
  if (!bookable) return [];
  return pattern.map((slot) => {
    const n = taken[slot.start] ?? 0;
    return { ...slot, taken: n, free: Math.max(0, slot.capacity - n) };
  });
}

/**
 * A leader reception session's hours from its published time (`09:00–11:30`, `9:00-11:30`);
 * null when the text names no span (then the whole pattern applies).
 */
export function sessionSpan(time: string): { start: string; end: string } | null {
  const found = /(\d{1,2}):(\d{2})\s*[–—~\-至到]\s*(\d{1,2}):(\d{2})/.exec(time);
  if (!found) return null;
  const hhmm = (h: string, m: string) => `${h.padStart(2, '0')}:${m}`;
  return { start: hhmm(found[1]!, found[2]!), end: hhmm(found[3]!, found[4]!) };
}

/** The slots of a leader reception day: those inside one of the day's sessions (all when no session names its hours). */
export function withinSessions<S extends SlotPattern>(slots: readonly S[], sessions: ReadonlyArray<{ start: string; end: string } | null>): S[] {
  const spans = sessions.filter((s) => s !== null);
  if (spans.length < sessions.length || spans.length === 0) return [...slots];
  return slots.filter((slot) => spans.some((span) => slot.start >= span.start && slot.end <= span.end));
}

/** The first slot with a free place, in day order, among `days` (each day's slots in order). */
export function firstFree<D extends { day: string; slots: readonly Slot[] }>(days: readonly D[], startsAfter?: { day: string; start: string }): { day: string; slot: Slot } | null {
  for (const { day, slots } of days) {
    for (const slot of slots) {
      if (startsAfter && (day < startsAfter.day || (day === startsAfter.day && slot.start <= startsAfter.start))) continue;
      if (slot.free > 0) return { day, slot };
    }
  }
  return null;
}

/**
 * Where a checked-in booking waits: below every walk-in's rank (walk-ins get positive ranks at
 * issue), ordered by its slot's start, so it is called after green-channel numbers and before the
 * walk-ins of its service.
 */
const BOOKED_RANK_BASE = -(2 ** 50);
export function bookedRank(slotStart: string): number {
  return BOOKED_RANK_BASE + minutesOf(slotStart) * RANK_STEP;
}

export type CheckInTiming = { state: 'early'; opensAt: number } | { state: 'open' } | { state: 'late' };

/** Check-in is open from `before` minutes before the slot starts to `after` minutes after it ends. */
export function checkInTiming(now: number, slot: { startsAt: number; endsAt: number }, window: { before: number; after: number }): CheckInTiming {
  const opensAt = slot.startsAt - window.before * 60_000;
  if (now < opensAt) return { state: 'early', opensAt };
  if (now >= slot.endsAt + window.after * 60_000) return { state: 'late' };
  return { state: 'open' };
}

/** A name as public lists show it: the surname and stars (张**). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length <= 1 ? `${chars[0] ?? ''}*` : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/** A new booking code (see BOOKING_CODE_ALPHABET). */
export function bookingCode(random: (n: number) => number): string {
  let out = '';
  for (let i = 0; i < 8; i++) out += BOOKING_CODE_ALPHABET[random(BOOKING_CODE_ALPHABET.length)];
  return out;
}
