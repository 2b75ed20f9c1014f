// Check-in at the kiosk, by the booking code or the ID card: inside the window (from
// `checkInBeforeMinutes` before the slot to `checkInAfterMinutes` after it) the person gets a
// ticket marked 预约, called after green-channel numbers and before the walk-ins of its service;
// too early → told when to come back; too late → offered a normal number. The registration is
// completed at the window (补登记), as for any ticket without one.
import type { CheckInBody } from '../../common/contract/booking.ts';
import type { StaffTicket } from '../../common/contract/queue.ts';
import { HallError, conflict, notFound } from '../errors.ts';
import type { Operator, WaitEstimate } from '../queue/types.ts';
import { requireOnDuty } from '../queue/window-guards.ts';
import type { Actor, BookingRecord } from '../store/records.ts';
import type { BookingDeps, BookingService } from './booking-service.ts';
import { bookedRank, checkInTiming, maskName } from './rules.ts';

const clock = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);

export interface CheckInOutcome extends WaitEstimate {
  ticket: StaffTicket;
  booking: { code: string; start: string; end: string; name: string };
  message: string;
}

export function createCheckIn(core: BookingService, deps: BookingDeps) {
  const { store, config, engine, now } = deps;
  const window = { before: config.booking.checkInBeforeMinutes, after: config.booking.checkInAfterMinutes };

  /** The booking to check in: by code (any state, to say why not), or the person's booking of today. */
  function find(body: CheckInBody): BookingRecord {
    if ('code' in body) {
      const b = store.bookings.byCode(body.code);
      if (!b || b.state === 'cancelled') throw notFound('booking_unknown');
      return b;
    }
    const today = store.bookings.activeOnDay(core.personIndexOf(body.idNumber), engine.today());
    // The first one whose window is open, else the next one still to come.
    const open = today.find((b) => checkInTiming(now(), b, window).state === 'open');
    const first = open ?? today.find((b) => checkInTiming(now(), b, window).state === 'early');
    if (!first) throw notFound('booking_none_today');
    return first;
  }

  function refuseUnlessOpen(b: BookingRecord): void {
    if (b.state === 'checked_in') throw conflict('booking_not_active');
    if (b.day !== engine.today()) {
      throw new HallError(409, b.day > engine.today() ? 'booking_too_early' : 'booking_too_late', b.day > engine.today() ? earlyMessage(b) : undefined);
    }
    const timing = checkInTiming(now(), b, window);
    if (timing.state === 'early') throw new HallError(409, 'booking_too_early', earlyMessage(b));
    if (timing.state === 'late' || b.state === 'missed') throw conflict('booking_too_late');
  }

  function earlyMessage(b: BookingRecord): string {
    const opens = b.startsAt - window.before * 60_000;
    const when = b.day === engine.today() ? `今天${clock(opens, config.timeZone)}` : `${core.slots.slotText(b.day, b.slotStart).replace(/\d{2}:\d{2}$/, '')}${clock(opens, config.timeZone)}`;
    return `您好，您预约的是${core.slots.slotText(b.day, b.slotStart)}–${b.slotEnd}的时段，签到从${when}开始。请您到时再来签到，也可以在大厅稍坐休息。`;
  }

  return {
    /**
     * What the person gave at booking, for the window that now holds the booked ticket to pre-fill
     * the registration (补登记); only the staff member on duty there (or an admin). Audited.
     */
    bookingOfTicket(ticketId: string, op: Operator) {
      return store.transaction(() => {
        const ticket = store.tickets.get(ticketId);
        const window = ticket?.windowNo ? store.windows.get(ticket.windowNo) : undefined;
        if (!ticket || !window) throw conflict('intake_not_at_window');
        requireOnDuty(window, op);
        const b = store.bookings.byTicket(ticketId);
        if (!b) throw notFound('booking_unknown');
        store.audit.append({ at: now(), actor: op.actor, action: 'booking.viewed', target: b.id, details: { code: b.code, number: ticket.number } });
        return { code: b.code, start: b.slotStart, end: b.slotEnd, person: core.openSealed(b) };
      });
    },

    /** Checks a booking in and issues its ticket (printed at the kiosk's printer) in one transaction. */
    checkIn(body: CheckInBody, actor: Actor, printerId: string | null): CheckInOutcome {
      core.sweep();
      const b = find(body);
      refuseUnlessOpen(b);
      const issued = engine.issue({ serviceCode: b.serviceCode, priority: 'normal', bookedRank: bookedRank(b.slotStart) }, actor, {
        printerId,
        attach: (ticket) => {
          // Read again inside the issue transaction: a second check-in of the same booking rolls back.
          if (store.bookings.get(b.id)?.state !== 'active') throw conflict('booking_not_active');
          const at = now();
          store.bookings.update(b.id, { state: 'checked_in', ticketId: ticket.id, checkedInAt: at });
          store.audit.append({ at, actor, action: 'booking.checked_in', target: b.id, details: { code: b.code, number: ticket.number } });
        },
      });
      core.announce([{ serviceCode: b.serviceCode, day: b.day }]);
      return {
        ...issued,
        booking: { code: b.code, start: b.slotStart, end: b.slotEnd, name: maskName(core.openSealed(b).name) },
        message: `签到成功，您的号码是 ${issued.ticket.number}（预约）。请留意大厅的叫号屏，到窗口后工作人员会和您一起完善登记信息。`,
      };
    },
  };
}
