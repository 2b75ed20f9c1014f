// Calendar arithmetic in the hall's time zone (Asia/Shanghai by default), whatever the host's zone.
import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay } from 'date-fns';

// One formatter per zone: these run several times per queue operation, and building an
// Intl formatter (or a zoned date object) each time costs tens of microseconds.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const weekdayFormats = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function formatter(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, options: Intl.DateTimeFormatOptions) {
  let f = cache.get(timeZone);
  if (!f) cache.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, ...options })));
  return f;
}

/** The service day (calendar day in the hall's zone) of an instant: `YYYY-MM-DD`. */
export function serviceDayOf(ms: number, timeZone: string): string {
  return formatter(dayFormats, timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of an instant in the hall's zone. */
export function weekdayOf(ms: number, timeZone: string): number {
  return WEEKDAYS[formatter(weekdayFormats, timeZone, { weekday: 'short' }).format(ms)]!;
}

/** The instant the next service day starts (local midnight in the hall's zone). */
export function nextDayStart(ms: number, timeZone: string): number {
  return startOfDay(addDays(new TZDate(ms, timeZone), 1)).getTime();
}

/** The instant the service day of `ms` started (local midnight in the hall's zone). */
export function dayStart(ms: number, timeZone: string): number {
  return startOfDay(new TZDate(ms, timeZone)).getTime();
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** A time as people in the hall read it (`14:05:09`, or `2026/11/25 14:05:09`), in the hall's zone. */
export function hallTime(at: string | number, timeZone: string, { withDate = false } = {}): string {
  const cache = withDate ? dateTimeFormats : clockFormats;
  let f = cache.get(timeZone);
  if (!f) {
    const date: Intl.DateTimeFormatOptions = withDate ? { year: 'numeric', month: '2-digit', day: '2-digit' } : {};
    cache.set(timeZone, (f = new Intl.DateTimeFormat('zh-CN', { timeZone, ...date, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })));
  }
  return f.format(typeof at === 'string' ? Date.parse(at) : at);
}
