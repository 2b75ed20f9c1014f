// Calendar arithmetic in the hall's time zone (Asia/Shanghai by default), whatever the host's zone.
import { TZDate } from '@date-fns/tz';
import { addDays, format, getISODay, startOfDay } from 'date-fns';

/** The service day (calendar day in the hall's zone) of an instant: `YYYY-MM-DD`. */
export function serviceDayOf(ms: number, timeZone: string): string {
  return format(new TZDate(ms, timeZone), 'yyyy-MM-dd');
}

/** ISO weekday (1 = Monday … 7 = Sunday) of an instant in the hall's zone. */
export function weekdayOf(ms: number, timeZone: string): number {
  return getISODay(new TZDate(ms, timeZone));
}

/** The instant the next service day starts (local midnight in the hall's zone). */
export function nextDayStart(ms: number, timeZone: string): number {
  return startOfDay(addDays(new TZDate(ms, timeZone), 1)).getTime();
}
