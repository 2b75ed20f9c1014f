// Administration of appointments: each service's daily pattern of slots and single closed days.
// A change never drops a booking: those left over capacity, in a removed slot or on a closed day
// stay booked and are listed for staff to contact (and audited with the change).
import { shiftDay } from '../calendar/hall-calendar.ts';
import { badRequest } from '../errors.ts';
import type { Actor, BookingRecord, SlotPattern } from '../store/records.ts';
import type { BookingDeps, BookingService } from './booking-service.ts';
import { maskName, patternProblem } from './rules.ts';

interface Affected {
  code: string;
  serviceCode: string;
  day: string;
  start: string;
  name: string;
}

export function createBookingAdmin(core: BookingService, deps: BookingDeps) {
  const { store, config, now } = deps;
  const affected = (b: BookingRecord): Affected => ({ code: b.code, serviceCode: b.serviceCode, day: b.day, start: b.slotStart, name: maskName(core.openSealed(b).name) });

  /** Active bookings of a service from today on that the pattern no longer has room for (the latest booked first to go). */
  function overCapacity(serviceCode: string, pattern: readonly SlotPattern[]): BookingRecord[] {
    const out: BookingRecord[] = [];
    for (const day of upcomingDays(serviceCode)) {
      const bySlot = new Map<string, BookingRecord[]>();
      for (const b of store.bookings.ofDay(day, serviceCode)) {
        if (b.state !== 'active' && b.state !== 'checked_in') continue;
        bySlot.set(b.slotStart, [...(bySlot.get(b.slotStart) ?? []), b]);
      }
      for (const [start, list] of bySlot) {
        const capacity = pattern.find((s) => s.start === start)?.capacity ?? 0;
        out.push(...list.slice(capacity).filter((b) => b.state === 'active'));
      }
    }
    return out;
  }

  /** Days of the horizon with bookings of the service (even when the day offers no slot now). */
  function upcomingDays(serviceCode: string): string[] {
    const today = deps.engine.today();
    return Array.from({ length: config.booking.daysAhead + 1 }, (_, i) => shiftDay(today, i)).filter((day) => store.bookings.ofDay(day, serviceCode).length > 0);
  }

  return {
    patterns() {
      return {
        patterns: Object.entries(store.bookings.patterns()).map(([serviceCode, slots]) => ({ serviceCode, slots })),
        closures: store.bookings.closures(deps.engine.today()),
      };
    },

    setPattern(serviceCode: string, slots: SlotPattern[], actor: Actor): { affected: Affected[] } {
      if (!store.services.list().some((s) => s.code === serviceCode)) throw badRequest('service_unknown');
      const problem = patternProblem(slots, config.hours);
      if (problem) throw badRequest(problem);
      const result = store.transaction(() => {
        const at = now();
        store.bookings.setPattern(serviceCode, slots, at, actor.name);
        const left = overCapacity(serviceCode, slots);
        store.audit.append({ at, actor, action: 'booking.pattern_changed', target: serviceCode, details: { slots: slots.length, affected: left.map((b) => b.code) } });
        return left.map(affected);
      });
      core.announce([{ serviceCode, day: deps.engine.today() }]);
      return { affected: result };
    },

    setClosure(day: string, serviceCode: string, closed: boolean, reason: string, actor: Actor): { affected: Affected[] } {
      if (serviceCode !== '*' && !store.services.list().some((s) => s.code === serviceCode)) throw badRequest('service_unknown');
      const result = store.transaction(() => {
        const at = now();
        if (closed) store.bookings.setClosure({ day, serviceCode, reason: reason.trim() }, at, actor.name);
        else store.bookings.removeClosure(day, serviceCode);
        const left = closed ? store.bookings.ofDay(day, serviceCode === '*' ? undefined : serviceCode).filter((b) => b.state === 'active') : [];
        store.audit.append({ at, actor, action: closed ? 'booking.day_closed' : 'booking.day_reopened', target: day, details: { serviceCode, reason, affected: left.map((b) => b.code) } });
        return left.map(affected);
      });
      core.announce([{ serviceCode, day }]);
      return { affected: result };
    },
  };
}
