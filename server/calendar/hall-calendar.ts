// Working days and hall hours: the one place that knows which days the hall is open and when.
// Pure (no I/O, no clock of its own); every later feature that counts working days (evaluation
// deadlines, bookings, case time limits) uses this module.
//
// A day is a working day when, in this order:
//   1. it is in `hours.holidays` → closed;  2. it is in `hours.workdays` → open;
//   3. with `officialCalendar`, the State Council's notice (chinese-days) turns a Monday–Friday into a
//      statutory holiday (closed) or a Saturday/Sunday into a make-up working day (调休, open);
//   4. otherwise its ISO weekday is in `hours.days`.
import { TZDate } from '@date-fns/tz';
// A CommonJS package whose named exports Node's ESM loader cannot see: take them from its default.
import chineseDays from 'chinese-days';
import { serviceDayOf } from '../../common/time.ts';
import type { HoursConfig } from '../config/schema.ts';

const officialWorkday = chineseDays.isWorkday;

export type Day = string; // YYYY-MM-DD

const DAY_MS = 86_400_000;
const parts = (day: Day) => day.split('-').map(Number) as [number, number, number];
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The calendar day `n` days after `day` (n may be negative); zone-free arithmetic on dates. */
export function shiftDay(day: Day, n: number): Day {
  const [y, m, d] = parts(day);
  return new Date(Date.UTC(y, m - 1, d) + n * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar day. */
export function weekdayOfDay(day: Day): number {
  const [y, m, d] = parts(day);
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

export type KioskIssuing =
  | { open: true; until: number }
  | { open: false; reason: 'closed_day' | 'before_opening' | 'after_cutoff'; nextOpening: number };


export function createHallCalendar(hours: HoursConfig, timeZone: string) {
  const holidays = new Set(hours.holidays);
  const workdays = new Set(hours.workdays);
  const days = new Set(hours.days);
  const opensAt = minutesOf(hours.opens);
  const closesAt = minutesOf(hours.closes);

  function isWorkingDay(day: Day): boolean {
    if (holidays.has(day)) return false;
    if (workdays.has(day)) return true;
    const weekday = weekdayOfDay(day);
    if (hours.officialCalendar) {
      const official = officialWorkday(day);
      if (weekday <= 5 && !official) return false; // statutory holiday
      if (weekday >= 6 && official) return true; // make-up working day (调休)
    }
    return days.has(weekday);
  }

  /** The instant `minutes` after local midnight of `day` in the hall's zone. */
  function instant(day: Day, minutes: number): number {
    const [y, m, d] = parts(day);
    return new TZDate(y, m - 1, d, Math.floor(minutes / 60), minutes % 60, 0, 0, timeZone).getTime();
  }

  // Every ticket asks (twice): the day's zoned instants are worked out once per day, not per ticket.
  let kioskWindow: { day: Day; window: { opens: number; until: number } | null } | null = null;
  /** When kiosks issue on `day`: from opening until the cut-off before closing; null on a closed day. */
  function kioskWindowOf(day: Day): { opens: number; until: number } | null {
    if (kioskWindow?.day !== day) {
      const window = isWorkingDay(day) ? { opens: instant(day, opensAt), until: instant(day, closesAt - hours.kioskStopsBeforeClose) } : null;
      kioskWindow = { day, window };
    }
    return kioskWindow.window;
  }

  /** The first working day after `day`. */
  function nextWorkingDay(day: Day): Day {
    // A hall closed for more than a year is a configuration mistake; stop looking after that.
    for (let next = shiftDay(day, 1), i = 0; i < 400; next = shiftDay(next, 1), i++) if (isWorkingDay(next)) return next;
    throw new Error('no working day within 400 days: check hours.days and hours.holidays');
  }

  /** The next instant the hall opens at or after `ms` (today's opening when it is still to come). */
  function nextOpening(ms: number): number {
    const today = serviceDayOf(ms, timeZone);
    if (isWorkingDay(today) && ms < instant(today, opensAt)) return instant(today, opensAt);
    return instant(nextWorkingDay(today), opensAt);
  }

  return {
    isWorkingDay,
    nextWorkingDay,
    nextOpening,
    /** The instant of a local time (`HH:MM`) on `day`. */
    at: (day: Day, hhmm: string): number => instant(day, minutesOf(hhmm)),

    /** `day` moved by `n` working days (n ≥ 0; 0 = the day itself, or the next working day if it is closed). */
    addWorkingDays(day: Day, n: number): Day {
      let at = isWorkingDay(day) ? day : nextWorkingDay(day);
      for (let i = 0; i < n; i++) at = nextWorkingDay(at);
      return at;
    },

    /** Working days in (from, to]: 0 when `to` is not after `from`. */
    workingDaysBetween(from: Day, to: Day): number {
      let count = 0;
      for (let day = shiftDay(from, 1); day <= to; day = shiftDay(day, 1)) if (isWorkingDay(day)) count++;
      return count;
    },

    /** Opening and closing instants of `day`, or null on a closed day. */
    hoursOf(day: Day): { opens: number; closes: number } | null {
      return isWorkingDay(day) ? { opens: instant(day, opensAt), closes: instant(day, closesAt) } : null;
    },

    /** Whether a kiosk may issue a number at `ms`: from opening until `kioskStopsBeforeClose` minutes before closing. */
    kioskIssuing(ms: number): KioskIssuing {
      if (!hours.kioskLimited) return { open: true, until: Number.POSITIVE_INFINITY };
      const window = kioskWindowOf(serviceDayOf(ms, timeZone));
      if (!window) return { open: false, reason: 'closed_day', nextOpening: nextOpening(ms) };
      if (ms < window.opens) return { open: false, reason: 'before_opening', nextOpening: nextOpening(ms) };
      if (ms >= window.until) return { open: false, reason: 'after_cutoff', nextOpening: nextOpening(ms) };
      return { open: true, until: window.until };
    },
  };
}

const WEEKDAY_NAMES = ['一', '二', '三', '四', '五', '六', '日'];

/** `11月26日（星期四）09:00`, in the hall's zone. */
export function openingText(ms: number, timeZone: string): string {
  const day = serviceDayOf(ms, timeZone);
  const [, m, d] = parts(day);
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
  return `${m}月${d}日（星期${WEEKDAY_NAMES[weekdayOfDay(day) - 1]}）${clock}`;
}

/** The polite refusal a kiosk shows when it may not issue, with the next opening time. */
export function kioskClosedMessage(state: Extract<KioskIssuing, { open: false }>, hours: HoursConfig, timeZone: string): string {
  const next = `下次取号时间：${openingText(state.nextOpening, timeZone)}起。`;
  const help = '如有紧急情况，请到服务台，工作人员会为您帮助办理。';
  switch (state.reason) {
    case 'closed_day':
      return `您好，今天大厅不对外办理，自助取号暂停，感谢您的理解。${next}${help}`;
    case 'before_opening':
      return `您好，大厅每天${hours.opens}开始办理，现在还不能自助取号，请您稍候。${next}${help}`;
    case 'after_cutoff':
      return `您好，今天的自助取号已于${kioskUntilText(hours)}结束，感谢您的理解。${next}${help}`;
  }
}

/** The kiosks' daily cut-off as a local time, `17:00`. */
export function kioskUntilText(hours: HoursConfig): string {
  const stop = Math.max(0, minutesOf(hours.closes) - hours.kioskStopsBeforeClose);
  return `${String(Math.floor(stop / 60)).padStart(2, '0')}:${String(stop % 60).padStart(2, '0')}`;
}

/** The board's line about the hours: `办理时间：周一至周五 09:00–17:30（法定节假日除外）`. */
export function hoursText(hours: HoursConfig): string {
  const sorted = [...hours.days].sort((a, b) => a - b);
  const contiguous = sorted.every((d, i) => i === 0 || d === sorted[i - 1]! + 1);
  const name = (d: number) => `周${WEEKDAY_NAMES[d - 1]}`;
  const days =
    sorted.length === 7 ? '每天' : contiguous && sorted.length > 1 ? `${name(sorted[0]!)}至${name(sorted.at(-1)!)}` : sorted.map(name).join('、');
  return `${days} ${hours.opens}–${hours.closes}${hours.officialCalendar ? '（法定节假日除外）' : ''}`;
}
