// Time-limit rules of a matter after the hall, pure: the presets, the configured overrides, and a
// due day counted in calendar or working days (working days through the hall calendar).
import { shiftDay, type createHallCalendar, type Day } from '../calendar/hall-calendar.ts';
import type { HallConfig } from '../config/schema.ts';

export interface TimeLimit {
  days: number;
  unit: 'calendar' | 'working';
}

type LimitName = 'acceptance' | 'handling' | 'extension' | 'reviewRequest' | 'review' | 'recheckRequest' | 'recheck';
export type TimeLimits = Record<LimitName, TimeLimit>;

const calendarDays = (days: number): TimeLimit => ({ days, unit: 'calendar' });

/**
 * 信访工作条例 (2022), 第三十二条 to 第三十五条: decide on acceptance and tell the person within 15
 * days; handle within 60 days of acceptance, extendable once by at most 30; 复查 may be requested
 * within 30 days of the written answer and is answered within 30 days; 复核 the same.
 */
const REGULATION_2022: TimeLimits = {
  acceptance: calendarDays(15),
  handling: calendarDays(60),
  extension: calendarDays(30),
  reviewRequest: calendarDays(30),
  review: calendarDays(30),
  recheckRequest: calendarDays(30),
  recheck: calendarDays(30),
};

/** The older local practice in the seeds: matters answered within 30 days, extendable to at most 60. */
const LOCAL_30: TimeLimits = { ...REGULATION_2022, handling: calendarDays(30), extension: calendarDays(30) };

const PRESETS = { 'regulation-2022': REGULATION_2022, 'local-30': LOCAL_30 } as const;

/** The preset with the configured overrides. */
export function timeLimitsOf(config: HallConfig['caseLife']): TimeLimits {
  return { ...PRESETS[config.preset], ...config.limits } as TimeLimits;
}

type Calendar = Pick<ReturnType<typeof createHallCalendar>, 'addWorkingDays'>;

/** The last day of a limit that starts on `start` (the day of receipt, acceptance, the request…). */
export function dueDay(start: Day, limit: TimeLimit, calendar: Calendar): Day {
  return limit.unit === 'working' ? calendar.addWorkingDays(start, limit.days) : shiftDay(start, limit.days);
}

/** Calendar days from `today` to `due` (negative once past). */
export function daysLeft(today: Day, due: Day): number {
  return Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** How the limit reads: `15日` or `15个工作日`. */
export const limitText = (limit: TimeLimit) => (limit.unit === 'working' ? `${limit.days}个工作日` : `${limit.days}日`);
