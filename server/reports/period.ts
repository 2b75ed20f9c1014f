// The span a report covers: a day, an ISO week (Monday–Sunday), a month, a quarter, a year or a
// custom range of service days, and the period just before it for comparison. Pure calendar
// arithmetic on `YYYY-MM-DD` strings; only the day starts need the hall's time zone.
import { TZDate } from '@date-fns/tz';
import type { ReportPeriodKind } from '../../common/contract/reports.ts';

interface ReportDay {
  day: string;
  /** Local midnight starting the day, and the next one (ms). */
  start: number;
  next: number;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
}

export interface ReportPeriod {
  kind: ReportPeriodKind;
  /** First and last service day, both included. */
  from: string;
  to: string;
  days: ReportDay[];
}

/** The longest custom range: a leap year. */
export const MAX_REPORT_DAYS = 366;

const DAY = 86_400_000;
const utc = (day: string) => Date.parse(`${day}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const shift = (day: string, days: number) => iso(utc(day) + days * DAY);

function bounds(kind: ReportPeriodKind, anchor: string): [string, string] {
  const d = new Date(utc(anchor));
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (kind) {
    case 'day':
      return [anchor, anchor];
    case 'week': {
      const monday = shift(anchor, -((d.getUTCDay() + 6) % 7));
      return [monday, shift(monday, 6)];
    }
    case 'month':
      return [iso(Date.UTC(y, m, 1)), iso(Date.UTC(y, m + 1, 0))];
    case 'quarter': {
      const q = m - (m % 3);
      return [iso(Date.UTC(y, q, 1)), iso(Date.UTC(y, q + 3, 0))];
    }
    case 'year':
      return [iso(Date.UTC(y, 0, 1)), iso(Date.UTC(y, 11, 31))];
    case 'custom':
      throw new Error('a custom period has its own bounds');
  }
}

/** A real calendar day (the pattern alone lets 2026-02-31 through). */
export const isCalendarDay = (day: string) => Number.isFinite(utc(day)) && iso(utc(day)) === day;

/** Days between two service days, both included. */
export const dayCount = (from: string, to: string) => Math.round((utc(to) - utc(from)) / DAY) + 1;

function withDays(kind: ReportPeriodKind, from: string, to: string, timeZone: string): ReportPeriod {
  const days: ReportDay[] = [];
  for (let day = from; day <= to; day = shift(day, 1)) {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const start = new TZDate(y, m - 1, d, timeZone).getTime();
    const next = new TZDate(y, m - 1, d + 1, timeZone).getTime();
    days.push({ day, start, next, weekday: ((new Date(utc(day)).getUTCDay() + 6) % 7) + 1 });
  }
  return { kind, from, to, days };
}

/** The period of `kind` containing `anchor` (or `from`–`to` for a custom range). */
export function reportPeriod(kind: ReportPeriodKind, anchor: string, to: string | undefined, timeZone: string): ReportPeriod {
  const [from, last] = kind === 'custom' ? [anchor, to ?? anchor] : bounds(kind, anchor);
  return withDays(kind, from, last, timeZone);
}

/** The period just before: the previous day, week, month, quarter or year, or as many days before a custom range. */
export function previousPeriod(period: ReportPeriod, timeZone: string): ReportPeriod {
  if (period.kind === 'custom') {
    const length = dayCount(period.from, period.to);
    return withDays('custom', shift(period.from, -length), shift(period.from, -1), timeZone);
  }
  return reportPeriod(period.kind, shift(period.from, -1), undefined, timeZone);
}
