// The published leader reception schedule (领导接访日) for the board: today and the next days.
import { dayStart, serviceDayOf, weekdayOf } from '../../common/time.ts';
import type { HallConfig } from '../config/schema.ts';

export interface LeaderReception {
  date: string;
  time: string;
  leader: string;
  title: string;
  responsibilities: string;
  place: string;
}

const DAY = 86_400_000;

export function upcomingReceptions(entries: HallConfig['leaderReceptions'], now: number, timeZone: string, days: number): LeaderReception[] {
  // Noon of each day: safely inside the day in any zone, whatever its offset changes.
  const noon = dayStart(now, timeZone) + DAY / 2;
  const out: LeaderReception[] = [];
  for (let i = 0; i < days; i++) {
    const at = noon + i * DAY;
    const date = serviceDayOf(at, timeZone);
    const weekday = weekdayOf(at, timeZone);
    for (const { date: on, weekday: every, ...entry } of entries) {
      if (on === date || every === weekday) out.push({ date, ...entry });
    }
  }
  return out;
}
