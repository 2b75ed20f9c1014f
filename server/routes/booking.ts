import {
  AffectedReplySchema,
  AvailabilityQuerySchema,
  AvailabilityReplySchema,
  BookingDayQuerySchema,
  BookingDayReplySchema,
  BookingReplySchema,
  BookingServicesReplySchema,
  CancelBodySchema,
  CancelReplySchema,
  ChallengeReplySchema,
  CheckInBodySchema,
  CheckInReplySchema,
  ClosureBodySchema,
  DayParams,
  DeskBookingBodySchema,
  PatternBodySchema,
  PatternsReplySchema,
  PublicBookingBodySchema,
  ServiceParams,
  TicketBookingReplySchema,
} from '../../common/contract/booking.ts';
import { TicketIdParams } from '../../common/contract/queue.ts';
import { actorOf, PERMISSIONS } from '../auth/principal.ts';
import { HallError, notFound } from '../errors.ts';
import { guard } from '../http/auth-hooks.ts';
import { perAddressLimit, perKioskLimit } from '../http/rate-limits.ts';
import { toPublicTicket } from '../queue/views.ts';
import { errorReplies, Errors, operatorOf, routePlugin } from './route-kit.ts';

/** The person on the public page: nobody signs in there. */
const PUBLIC_ACTOR = { kind: 'system' as const, id: 'public-booking', name: '网上预约' };
const PublicErrors = errorReplies(400, 404, 409, 429);

/** Appointments (预约接待): the public page's routes, the desk's booking by phone, the kiosk's check-in, the staff's day list, the administration. */
export default routePlugin('booking-routes', ['bookings', 'challenges', 'config', 'store'], async (app, { bookings, challenges, config, store }) => {
  const publicLimit = perAddressLimit(config.booking.publicPerMinute);

  app.get(
    '/api/booking/services',
    { schema: { tags: ['booking'], summary: 'Services that take bookings (public)', response: { 200: BookingServicesReplySchema, ...PublicErrors } } },
    async () => bookings.services(),
  );

  app.get(
    '/api/booking/availability',
    {
      schema: {
        tags: ['booking'],
        summary: "A service's bookable days and slots with the places left (public)",
        querystring: AvailabilityQuerySchema,
        response: { 200: AvailabilityReplySchema, ...PublicErrors },
      },
    },
    async (request) => bookings.availability(request.query.service),
  );

  app.get(
    '/api/booking/challenge',
    { config: publicLimit, schema: { tags: ['booking'], summary: 'A simple human check for the public booking page', response: { 200: ChallengeReplySchema, ...PublicErrors } } },
    async () => challenges.issue(),
  );

  app.post(
    '/api/booking',
    {
      config: publicLimit,
      schema: {
        tags: ['booking'],
        summary: 'Book a slot on the public page (rate-limited per address; the human check answered)',
        description:
          'Exactly the capacity of a slot is booked, however many ask at once; a full slot is refused with 409 `booking_full` ' +
          'whose message names the next slot with a free place. One active booking per person and service (409 `booking_person_active`).',
        body: PublicBookingBodySchema,
        response: { 201: BookingReplySchema, ...PublicErrors },
      },
    },
    async (request, reply) => {
      const { challenge, ...booking } = request.body;
      if (!challenges.check(challenge.token, challenge.answer)) throw new HallError(400, 'booking_challenge_failed', undefined);
      return reply.code(201).send(bookings.book(booking, 'public', PUBLIC_ACTOR));
    },
  );

  app.post(
    '/api/booking/cancel',
    {
      config: publicLimit,
      schema: {
        tags: ['booking'],
        summary: 'Cancel a booking by its code and the last 4 characters of the ID number (public)',
        body: CancelBodySchema,
        response: { 200: CancelReplySchema, ...PublicErrors },
      },
    },
    async (request) => bookings.cancel(request.body.code, request.body.idTail, PUBLIC_ACTOR),
  );

  app.post(
    '/api/booking/desk',
    {
      preValidation: guard(PERMISSIONS.bookAtDesk),
      schema: { tags: ['booking'], summary: 'Enter a booking taken by phone (desk; audited)', body: DeskBookingBodySchema, response: { 201: BookingReplySchema, ...Errors } },
    },
    async (request, reply) => reply.code(201).send(bookings.book(request.body, 'desk', actorOf(request.principal))),
  );

  app.post(
    '/api/booking/check-in',
    {
      preValidation: guard(PERMISSIONS.registerAtKiosk),
      config: perKioskLimit(config.auth.progressQueriesPerMinute),
      schema: {
        tags: ['booking'],
        summary: 'Check a booking in at the kiosk (booking code or ID card): a ticket marked 预约, called before walk-ins',
        description: 'Too early: 409 `booking_too_early` saying when check-in opens; too late: 409 `booking_too_late` offering a normal number.',
        body: CheckInBodySchema,
        response: { 201: CheckInReplySchema, ...errorReplies(400, 401, 403, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      const principal = request.principal;
      if (principal.kind !== 'device') throw notFound();
      const printerId = principal.device.printerId ?? config.printers[0]?.id ?? null;
      const result = bookings.checkIn(request.body, actorOf(principal), printerId);
      const serviceName = store.services.get(result.ticket.serviceCode)?.name ?? '';
      return reply.code(201).send({ ...result, ticket: { ...toPublicTicket(result.ticket), printState: result.ticket.printState, serviceName } });
    },
  );

  app.get(
    '/api/tickets/:id/booking',
    {
      preValidation: guard(PERMISSIONS.operateWindow),
      schema: {
        tags: ['booking'],
        summary: "A booked ticket's booking (name, ID number, phone, summary) to pre-fill the registration: the window holding it (audited)",
        params: TicketIdParams,
        response: { 200: TicketBookingReplySchema, ...Errors },
      },
    },
    async (request) => bookings.bookingOfTicket(request.params.id, operatorOf(request)),
  );

  app.get(
    '/api/booking/day',
    {
      preValidation: guard(PERMISSIONS.viewBookings),
      schema: {
        tags: ['booking'],
        summary: "A day's bookings (names masked), check-ins, 未到 and earlier no-shows; the leaders' view of a reception day",
        querystring: BookingDayQuerySchema,
        response: { 200: BookingDayReplySchema, ...Errors },
      },
    },
    async (request) => bookings.day(request.query.day ?? bookings.today(), request.query.service),
  );

  app.get(
    '/api/booking/patterns',
    { preValidation: guard(PERMISSIONS.manageHall), schema: { tags: ['booking'], summary: 'Slot patterns and closed days (admin)', response: { 200: PatternsReplySchema, ...Errors } } },
    async () => bookings.patterns(),
  );

  app.put(
    '/api/booking/patterns/:code',
    {
      preValidation: guard(PERMISSIONS.manageHall),
      schema: {
        tags: ['booking'],
        summary: "Set a service's daily slots with their capacity (admin; audited); bookings left over capacity are listed, never dropped",
        params: ServiceParams,
        body: PatternBodySchema,
        response: { 200: AffectedReplySchema, ...Errors },
      },
    },
    async (request) => bookings.setPattern(request.params.code, request.body.slots, actorOf(request.principal)),
  );

  app.put(
    '/api/booking/closures/:day',
    {
      preValidation: guard(PERMISSIONS.manageHall),
      schema: {
        tags: ['booking'],
        summary: 'Close a single day for booking, or open it again (admin; audited); bookings of a closed day are listed to contact',
        params: DayParams,
        body: ClosureBodySchema,
        response: { 200: AffectedReplySchema, ...Errors },
      },
    },
    async (request) => {
      const { serviceCode, closed, reason } = request.body;
      return bookings.setClosure(request.params.day, serviceCode, closed, reason, actorOf(request.principal));
    },
  );
});
