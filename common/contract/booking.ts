// Appointments (预约接待) on the wire: slots and their free places, the public and desk bookings,
// cancellation, the kiosk's check-in, the staff's day list and the administration of patterns.
import { Type, type Static } from 'typebox';
import { IdNumberField, PhoneField, Text } from './registration.ts';
import { PublicTicketSchema } from './queue.ts';

/** Booking codes: 8 characters without look-alikes (0/O, 1/I/L), easy to read out on the phone. */
export const BOOKING_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const BookingCode = Type.String({ pattern: `^[${BOOKING_CODE_ALPHABET}]{8}$`, description: 'The booking code given at booking' });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Clock = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' });
const ServiceCode = Type.String({ minLength: 1, maxLength: 16 });

const SlotSchema = Type.Object({ start: Clock, end: Clock, capacity: Type.Integer(), free: Type.Integer() });
const BookableDaySchema = Type.Object({
  day: Day,
  note: Type.Optional(Type.String({ description: 'On a leader reception day: who receives, when and where' })),
  slots: Type.Array(SlotSchema),
});

export const BookingServicesReplySchema = Type.Object({
  services: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), leader: Type.Boolean() })),
});
export type BookingServicesReply = Static<typeof BookingServicesReplySchema>;

export const AvailabilityQuerySchema = Type.Object({ service: ServiceCode }, { additionalProperties: false });
export const AvailabilityReplySchema = Type.Object({ serviceCode: Type.String(), days: Type.Array(BookableDaySchema) });
export type AvailabilityReply = Static<typeof AvailabilityReplySchema>;

export const ChallengeReplySchema = Type.Object({
  token: Type.String(),
  question: Type.String({ description: 'A small sum in Chinese, e.g. 3 加 4 等于几？' }),
});
export type ChallengeReply = Static<typeof ChallengeReplySchema>;

const BookingPersonSchema = Type.Object(
  { name: Text(2, 30), idNumber: IdNumberField, phone: PhoneField, summary: Text(2, 100, 'The matter in one line') },
  { additionalProperties: false },
);

const bookingFields = { serviceCode: ServiceCode, day: Day, start: Clock, person: BookingPersonSchema };

export const PublicBookingBodySchema = Type.Object(
  {
    ...bookingFields,
    challenge: Type.Object({ token: Type.String({ maxLength: 200 }), answer: Type.Integer({ minimum: 0, maximum: 100 }) }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type PublicBookingBody = Static<typeof PublicBookingBodySchema>;

export const DeskBookingBodySchema = Type.Object(bookingFields, { additionalProperties: false });
export type DeskBookingBody = Static<typeof DeskBookingBodySchema>;

export const BookingReplySchema = Type.Object({
  code: Type.String(),
  serviceCode: Type.String(),
  serviceName: Type.String(),
  day: Day,
  start: Clock,
  end: Clock,
  message: Type.String(),
});
export type BookingReply = Static<typeof BookingReplySchema>;

export const CancelBodySchema = Type.Object(
  { code: BookingCode, idTail: Type.String({ pattern: '^\\d{3}[\\dXx]$', description: 'The last 4 characters of the ID number' }) },
  { additionalProperties: false },
);
export const CancelReplySchema = Type.Object({ message: Type.String() });

export const CheckInBodySchema = Type.Union(
  [
    Type.Object({ code: BookingCode }, { additionalProperties: false }),
    Type.Object({ idNumber: IdNumberField }, { additionalProperties: false }),
  ],
  { description: 'By the booking code, or by the ID number read off the card' },
);
export type CheckInBody = Static<typeof CheckInBodySchema>;

export const CheckInReplySchema = Type.Object({
  ticket: Type.Object({ ...PublicTicketSchema.properties, printState: Type.String(), serviceName: Type.String() }),
  booking: Type.Object({ code: Type.String(), start: Clock, end: Clock, name: Type.String({ description: 'Masked' }) }),
  message: Type.String(),
});
export type CheckInReply = Static<typeof CheckInReplySchema>;

/** A booked ticket's booking, for the window to pre-fill the registration. */
export const TicketBookingReplySchema = Type.Object({
  code: Type.String(),
  start: Clock,
  end: Clock,
  person: Type.Object({ name: Type.String(), idNumber: Type.String(), phone: Type.String(), summary: Type.String() }),
});
export type TicketBookingReply = Static<typeof TicketBookingReplySchema>;

export const BookingDayQuerySchema = Type.Object({ day: Type.Optional(Day), service: Type.Optional(ServiceCode) }, { additionalProperties: false });

const BOOKING_STATES = ['active', 'checked_in', 'cancelled', 'missed'] as const;
const DayBookingSchema = Type.Object({
  code: Type.String(),
  serviceCode: Type.String(),
  start: Clock,
  end: Clock,
  state: Type.Enum(BOOKING_STATES),
  name: Type.String({ description: 'Masked to the surname' }),
  summary: Type.String(),
  channel: Type.Union([Type.Literal('public'), Type.Literal('desk')]),
  ticketNumber: Type.Union([Type.String(), Type.Null()]),
  missedBefore: Type.Integer({ description: 'Earlier bookings of the person marked 未到' }),
});

export const BookingDayReplySchema = Type.Object({
  day: Day,
  bookings: Type.Array(DayBookingSchema),
  figures: Type.Object({ active: Type.Integer(), checked_in: Type.Integer(), cancelled: Type.Integer(), missed: Type.Integer() }),
});
export type BookingDayReply = Static<typeof BookingDayReplySchema>;

const SlotPatternSchema = Type.Object({ start: Clock, end: Clock, capacity: Type.Integer({ minimum: 1, maximum: 500 }) }, { additionalProperties: false });
export const PatternBodySchema = Type.Object({ slots: Type.Array(SlotPatternSchema, { maxItems: 48 }) }, { additionalProperties: false });
export const ClosureBodySchema = Type.Object(
  { serviceCode: Type.String({ minLength: 1, maxLength: 16, description: "A service code, or '*' for every service" }), closed: Type.Boolean(), reason: Type.String({ maxLength: 60 }) },
  { additionalProperties: false },
);
export const DayParams = Type.Object({ day: Day });
export const ServiceParams = Type.Object({ code: ServiceCode });

/** Bookings a change leaves over capacity or on a closed day: kept, listed for staff to contact. */
export const AffectedReplySchema = Type.Object({ affected: Type.Array(Type.Object({ code: Type.String(), serviceCode: Type.String(), day: Day, start: Clock, name: Type.String() })) });
export type AffectedReply = Static<typeof AffectedReplySchema>;

export const PatternsReplySchema = Type.Object({
  patterns: Type.Array(Type.Object({ serviceCode: Type.String(), slots: Type.Array(Type.Object({ start: Clock, end: Clock, capacity: Type.Integer() })) })),
  closures: Type.Array(Type.Object({ day: Day, serviceCode: Type.String(), reason: Type.String() })),
});
export type PatternsReply = Static<typeof PatternsReplySchema>;
