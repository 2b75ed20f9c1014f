// Appointments (预约接待): booking a slot (public page or the desk by phone), cancelling by code and
// ID digits, the staff's day list. Each change is one transaction; the capacity and the rule "one
// active booking per person and service" are checked inside it (the database's unique index holds
// the second too), so parallel requests for the last places never overbook. Check-in (check-in.ts)
// and the administration of patterns and closed days (booking-admin.ts) are its parts (bookings.ts).
import { randomInt } from 'node:crypto';
import type { BookingDayReply, BookingReply, DeskBookingBody } from '../../common/contract/booking.ts';
import { checkIdNumber } from '../../common/registration.ts';
import type { LeaderReception } from '../board/leader-schedule.ts';
import type { HallConfig } from '../config/schema.ts';
import { ERROR_MESSAGES } from '../../common/errors.ts';
import { conflict, HallError, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import type { DataCipher } from '../privacy/cipher.ts';
import type { QueueEngine } from '../queue/engine.ts';
import { ID_INDEX } from '../registration/intake-service.ts';
import type { Actor, BookingRecord, ServiceRecord } from '../store/records.ts';
import type { Store } from '../store/repositories.ts';
import { bookingCode, maskName } from './rules.ts';
import { createSlotBook } from './slots.ts';

/** What a booking keeps sealed. */
export interface SealedBooking {
  name: string;
  idNumber: string;
  phone: string;
  summary: string;
}

/** A change of places: consoles and the public page refresh that service's availability. */
export interface BookingChange {
  serviceCode: string;
  day: string;
}

export interface BookingDeps {
  store: Store;
  config: HallConfig;
  cipher: DataCipher;
  engine: QueueEngine;
  now: () => number;
  offeredOn: (service: ServiceRecord, at: number) => boolean;
  receptionsAt: (at: number) => LeaderReception[];
  /** A booking was written (in its transaction): the 预约确认 is queued here. */
  onBooked?: (booking: BookingRecord, person: SealedBooking, when: string) => void;
}

export type BookingService = ReturnType<typeof createBookingService>;

export function createBookingService(deps: BookingDeps) {
  const { store, config, cipher, now } = deps;
  const listeners = new Set<(change: BookingChange) => void>();
  const slots = createSlotBook({ ...deps, today: () => deps.engine.today() });
  const personIndexOf = (idNumber: string) => cipher.blindIndex(ID_INDEX, idNumber);
  const openSealed = (b: BookingRecord) => cipher.open<SealedBooking>(b.sealed, b.id);
  const announce = (changes: BookingChange[]) => {
    for (const change of changes) for (const listener of listeners) listener(change);
  };
  /** Active bookings whose check-in window has closed become 未到. */
  const sweep = () => store.bookings.markMissed(now() - config.booking.checkInAfterMinutes * 60_000);

  function requireService(code: string): ServiceRecord {
    const service = slots.bookableServices().find((s) => s.code === code);
    if (!service) throw new HallError(400, 'booking_not_bookable');
    return service;
  }

  function fullMessage(service: ServiceRecord, day: string, start: string): string {
    const next = slots.nextFree(service, { day, start });
    const asked = `您好，您选择的${slots.slotText(day, start)}时段已经约满了。`;
    return next
      ? `${asked}目前最近还有空位的是${slots.slotText(next.day, next.slot.start)}–${next.slot.end}的时段，欢迎您改约这个时段。`
      : `${asked}近期的时段都已约满，请您过几天再来预约，也可以直接来大厅取号办理。`;
  }

  function book(body: DeskBookingBody, channel: BookingRecord['channel'], actor: Actor): BookingReply {
    const person = body.person;
    if (!checkIdNumber(person.idNumber, deps.engine.today())) throw new HallError(400, 'id_number_invalid', ERROR_MESSAGES.id_number_invalid.replace('{field}', '身份证号码'), 'person.idNumber');
    const reply = store.transaction(() => {
      sweep();
      const at = now();
      const service = requireService(body.serviceCode);
      const slot = slots.daySlots(service, body.day).find((s) => s.start === body.start);
      if (!slot) throw conflict('booking_slot_unknown');
      const personIndex = personIndexOf(person.idNumber);
      if (store.bookings.activeOf(personIndex, service.code)) throw conflict('booking_person_active');
      if (slot.free <= 0) throw new HallError(409, 'booking_full', fullMessage(service, body.day, body.start));
      const id = newId(at);
      let code = bookingCode(randomInt);
      while (store.bookings.byCode(code)) code = bookingCode(randomInt);
      const sealed: SealedBooking = { name: person.name.trim(), idNumber: person.idNumber.toUpperCase(), phone: person.phone, summary: person.summary.trim() };
      const booking: BookingRecord = {
        id,
        code,
        serviceCode: service.code,
        day: body.day,
        slotStart: slot.start,
        slotEnd: slot.end,
        startsAt: slots.calendar.at(body.day, slot.start),
        endsAt: slots.calendar.at(body.day, slot.end),
        state: 'active',
        personIndex,
        sealed: cipher.seal(sealed, id),
        channel,
        createdAt: at,
        createdBy: actor.name,
        ticketId: null,
        checkedInAt: null,
        cancelledAt: null,
      };
      store.bookings.insert(booking);
      store.audit.append({ at, actor, action: 'booking.created', target: id, details: { code, serviceCode: service.code, day: body.day, start: slot.start, channel } });
      const when = `${slots.slotText(body.day, slot.start)}–${slot.end}`;
      deps.onBooked?.(booking, sealed, when);
      return {
        code,
        serviceCode: service.code,
        serviceName: service.name,
        day: body.day,
        start: slot.start,
        end: slot.end,
        message: `预约成功。您的预约码是 ${code}，预约时段为${when}。请在预约时段开始前${config.booking.checkInBeforeMinutes}分钟内到大厅自助机刷身份证或输入预约码签到。请妥善保存预约码。`,
      };
    });
    announce([{ serviceCode: reply.serviceCode, day: reply.day }]);
    return reply;
  }

  return {
    today: () => deps.engine.today(),
    personIndexOf,
    openSealed,
    sweep,
    announce,
    slots,
    book,

    onChange(listener: (change: BookingChange) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    services() {
      const leader = config.registration.leaderService;
      return { services: slots.bookableServices().map((s) => ({ code: s.code, name: s.name, leader: s.code === leader })) };
    },

    availability(code: string) {
      const service = requireService(code);
      return {
        serviceCode: service.code,
        days: slots.days(service).map(({ day, slots: list, note }) => ({ day, ...(note ? { note } : {}), slots: list.map(({ start, end, capacity, free }) => ({ start, end, capacity, free })) })),
      };
    },

    /** Cancels by code and the last 4 characters of the ID number; the place is free again once. */
    cancel(code: string, idTail: string, actor: Actor): { message: string } {
      const booking = store.transaction(() => {
        sweep();
        const b = store.bookings.byCode(code);
        if (!b || !openSealed(b).idNumber.endsWith(idTail.toUpperCase())) throw notFound('booking_unknown');
        if (b.state !== 'active') throw conflict('booking_not_active');
        const at = now();
        store.bookings.update(b.id, { state: 'cancelled', cancelledAt: at });
        store.audit.append({ at, actor, action: 'booking.cancelled', target: b.id, details: { code, serviceCode: b.serviceCode, day: b.day, start: b.slotStart } });
        return b;
      });
      announce([{ serviceCode: booking.serviceCode, day: booking.day }]);
      return { message: `您的预约（${slots.slotText(booking.day, booking.slotStart)}）已经取消。感谢您告知，欢迎您需要时再预约。` };
    },

    /** A day's bookings for staff: names masked, the one-line matter, check-ins and earlier no-shows. */
    day(day: string, serviceCode?: string): BookingDayReply {
      sweep();
      const list = store.bookings.ofDay(day, serviceCode);
      const figures = { active: 0, checked_in: 0, cancelled: 0, missed: 0 };
      for (const b of list) figures[b.state]++;
      return {
        day,
        figures,
        bookings: list.map((b) => {
          const sealed = openSealed(b);
          return {
            code: b.code,
            serviceCode: b.serviceCode,
            start: b.slotStart,
            end: b.slotEnd,
            state: b.state,
            name: maskName(sealed.name),
            summary: sealed.summary,
            channel: b.channel,
            ticketNumber: b.ticketId ? (store.tickets.get(b.ticketId)?.number ?? null) : null,
            missedBefore: store.bookings.missedCount(b.personIndex) - (b.state === 'missed' ? 1 : 0),
          };
        }),
      };
    },
  };
}
