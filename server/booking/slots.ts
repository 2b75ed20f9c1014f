// Which slots a service offers on which days, with the places left: the pattern an admin set,
// the hall's calendar (working days, make-up days, holidays), single closed days, the days the
// service itself is offered (领导接访 only on leader reception days) and the booking horizon.
import { createHallCalendar, openingText, shiftDay } from '../calendar/hall-calendar.ts';
import type { HallConfig } from '../config/schema.ts';
import type { LeaderReception } from '../board/leader-schedule.ts';
import type { ServiceRecord } from '../store/records.ts';
import type { Store } from '../store/repositories.ts';
import { firstFree, sessionSpan, slotsOfDay, withinSessions, type Slot } from './rules.ts';

export interface SlotDeps {
  store: Store;
  config: HallConfig;
  now: () => number;
  today: () => string;
  /** Whether the service is offered on the day of an instant at all (its weekdays, the leader schedule). */
  offeredOn: (service: ServiceRecord, at: number) => boolean;
  /** The leader reception sessions of the day of an instant (the published schedule). */
  receptionsAt: (at: number) => LeaderReception[];
}



export function createSlotBook(deps: SlotDeps) {
  const { store, config, now } = deps;
  const calendar = createHallCalendar(config.hours, config.timeZone);

  const patternOf = (code: string) => store.bookings.patterns()[code] ?? [];
  const service = (code: string) => {
    const found = store.services.get(code);
    return found?.enabled ? found : undefined;
  };

  function closed(day: string, code: string): boolean {
    return store.bookings.closures(day).some((c) => c.day === day && (c.serviceCode === '*' || c.serviceCode === code));
  }

  /** The days from today that may be booked (the horizon), in order. */
  function horizon(): string[] {
    const today = deps.today();
    return Array.from({ length: config.booking.daysAhead + 1 }, (_, i) => shiftDay(today, i));
  }

  const isLeader = (s: ServiceRecord) => s.code === config.registration.leaderService;
  const sessionsOf = (day: string) => deps.receptionsAt(calendar.at(day, '12:00'));

  /**
   * A day's slots of a service, with places left; slots already started are not offered. On a
   * leader reception day the leader service offers the slots inside the day's sessions.
   */
  function daySlots(s: ServiceRecord, day: string): Slot[] {
    const bookable = calendar.isWorkingDay(day) && !closed(day, s.code) && deps.offeredOn(s, calendar.at(day, '12:00')) && horizon().includes(day);
    const pattern = isLeader(s) ? withinSessions(patternOf(s.code), sessionsOf(day).map((r) => sessionSpan(r.time))) : patternOf(s.code);
    const at = now();
    return slotsOfDay(pattern, bookable, store.bookings.taken(s.code, day)).filter((slot) => calendar.at(day, slot.start) > at);
  }

  /** The bookable days of a service; a leader reception day says who receives, when and where. */
  function days(s: ServiceRecord): Array<{ day: string; slots: Slot[]; note?: string }> {
    return horizon()
      .map((day) => {
        const slots = daySlots(s, day);
        const sessions = isLeader(s) && slots.length > 0 ? sessionsOf(day) : [];
        const note = sessions.map((r) => `${r.leader}${r.title}接访（${r.time}，${r.place}）`).join('；');
        return { day, slots, ...(note ? { note } : {}) };
      })
      .filter((d) => d.slots.length > 0);
  }

  return {
    calendar,
    service,
    patternOf,
    daySlots,
    days,

    /** Services with a pattern: the ones a person may book. */
    bookableServices(): ServiceRecord[] {
      const patterns = store.bookings.patterns();
      return store.services.list().filter((s) => s.enabled && (patterns[s.code]?.length ?? 0) > 0);
    },

    /** `12月9日（星期三）09:30`: a slot as the person reads it. */
    slotText(day: string, start: string): string {
      return openingText(calendar.at(day, start), config.timeZone);
    },

    /** The first slot with a place left after the given one (or from the start when there is none after). */
    nextFree(s: ServiceRecord, after: { day: string; start: string }) {
      const all = days(s);
      return firstFree(all, after) ?? firstFree(all);
    },
  };
}
