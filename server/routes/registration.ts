import { NoticePrintBodySchema, NoticePrintReplySchema } from '../../common/contract/notification.ts';
import { ProgressQuerySchema, ProgressReplySchema } from '../../common/contract/progress.ts';
import { TicketIdParams, WindowNoParams } from '../../common/contract/queue.ts';
import {
  DivisionListReplySchema,
  DivisionQuerySchema,
  IdentityCheckBodySchema,
  IdentityCheckReplySchema,
  IntakeBodySchema,
  IntakeReplySchema,
  KioskIssuingReplySchema,
  RegistrationFormSchema,
  RegistrationViewQuerySchema,
  RegistrationViewSchema,
  VerifyBodySchema,
  WalkInReplySchema,
} from '../../common/contract/registration.ts';
import { actorOf, PERMISSIONS, type Principal } from '../auth/principal.ts';
import { notFound } from '../errors.ts';
import { guard } from '../http/auth-hooks.ts';
import { perKioskLimit } from '../http/rate-limits.ts';
import { toPublicTicket } from '../queue/views.ts';
import type { SubmitOutcome } from '../registration/types.ts';
import { errorReplies, Errors, operatorOf, routePlugin, viewerOf } from './route-kit.ts';
import { progressReply } from '../registration/progress-reply.ts';

export default routePlugin('registration-routes', ['intakes', 'evaluations', 'config', 'store', 'divisions', 'engine', 'noticePrinting'], async (app, { intakes, evaluations, config, store, divisions, engine, noticePrinting }) => {
  /** The kiosk registering, and the printer its tickets go to. */
  const kioskSubmitter = (principal: Extract<Principal, { kind: 'device' }>) => ({
    actor: actorOf(principal),
    printerId: principal.device.printerId ?? config.printers[0]?.id ?? null,
  });
  /** What a kiosk may see of a registration's ticket: the public view, its print state, the service. */
  const publicReply = (result: SubmitOutcome) => ({
    ...result,
    ticket: {
      ...toPublicTicket(result.ticket),
      printState: result.ticket.printState,
      serviceName: store.services.get(result.ticket.serviceCode)?.name ?? '',
    },
  });

  app.post(
    '/api/intakes',
    {
      preValidation: guard(PERMISSIONS.registerAtKiosk),
      config: perKioskLimit(config.auth.kioskIssuePerMinute),
      schema: {
        tags: ['registration'],
        summary: 'Register a visit at a kiosk and issue its queue number in the same step',
        description:
          'Idempotent on `requestId`: a retried submit answers 200 with the first ticket. Someone who already ' +
          'waits for the same service today gets that ticket again (reprinted), never a second one — only when ' +
          'ID number, name and phone match the earlier registration; otherwise 409 `person_already_waiting` ' +
          '(no ticket data) and the desk is alerted.',
        body: IntakeBodySchema,
        response: {
          200: IntakeReplySchema,
          201: IntakeReplySchema,
          ...errorReplies(400, 401, 403, 404, 409, 429),
        },
      },
    },
    async (request, reply) => {
      const principal = request.principal;
      if (principal.kind !== 'device') throw notFound();
      const result = intakes.submit(request.body, kioskSubmitter(principal));
      return reply.code(result.outcome === 'issued' ? 201 : 200).send(publicReply(result));
    },
  );

  app.post(
    '/api/intakes/identity-check',
    {
      preValidation: guard(PERMISSIONS.registerAtKiosk),
      // Whether an ID number waits today must not be found out by trying many: as slow as the progress query.
      config: perKioskLimit(config.auth.progressQueriesPerMinute),
      schema: {
        tags: ['registration'],
        summary: '一人一号 right after the identity step: is this person already waiting today for the service?',
        description:
          'Not waiting: `{ waiting: false }`, the kiosk goes on. The same person (ID number, name and phone match ' +
          'the earlier registration): the ticket is printed again (audited `ticket.reprinted`) and answered as ' +
          '`POST /api/intakes` answers it. The same ID number under another name or phone: 409 ' +
          '`person_already_waiting` (no ticket data), the desk alerted, `intake.identity_mismatch` audited. ' +
          'The full registration checks again.',
        body: IdentityCheckBodySchema,
        response: { 200: IdentityCheckReplySchema, ...errorReplies(400, 401, 403, 404, 409, 429) },
      },
    },
    async (request) => {
      const principal = request.principal;
      if (principal.kind !== 'device') throw notFound();
      const result = intakes.checkIdentity(request.body, kioskSubmitter(principal));
      return result ? { waiting: true as const, ...publicReply(result) } : { waiting: false as const };
    },
  );

  app.get(
    '/api/intakes/issuing',
    {
      preValidation: guard(PERMISSIONS.registerAtKiosk),
      schema: {
        tags: ['registration'],
        summary: "Whether kiosks issue numbers now (the hall's hours and the cut-off before closing), asked when a person starts",
        response: { 200: KioskIssuingReplySchema, ...Errors },
      },
    },
    async () => engine.kioskHours(),
  );

  app.post(
    '/api/windows/:no/walk-in',
    {
      preValidation: guard(PERMISSIONS.operateWindow),
      schema: {
        tags: ['registration'],
        summary: 'Register a walk-in at the window and call the new ticket there at once (the staff member on duty)',
        params: WindowNoParams,
        body: IntakeBodySchema,
        response: { 201: WalkInReplySchema, ...Errors },
      },
    },
    async (request, reply) => {
      return reply.code(201).send({ ticket: intakes.walkIn(request.body, request.params.no, operatorOf(request)) });
    },
  );

  app.post(
    '/api/progress',
    {
      preValidation: guard(PERMISSIONS.registerAtKiosk),
      // Guessing ID numbers and phone digits must be slow.
      config: perKioskLimit(config.auth.progressQueriesPerMinute),
      schema: {
        tags: ['registration'],
        summary: "Progress of a person's registrations (电脑查询): by the ticket's QR code, or ID number + last 4 phone digits",
        body: ProgressQuerySchema,
        response: { 200: ProgressReplySchema, ...errorReplies(400, 401, 403, 404, 409, 429) },
      },
    },
    async (request) => progressReply({ intakes, evaluations }, request.body),
  );

  app.get(
    '/api/registration/form',
    {
      preValidation: guard(PERMISSIONS.readRegistrationForm),
      schema: { tags: ['registration'], summary: 'Lists and texts the registration form shows', response: { 200: RegistrationFormSchema, ...Errors } },
    },
    async () => intakes.form(),
  );

  app.get(
    '/api/divisions',
    {
      preValidation: guard(PERMISSIONS.readRegistrationForm),
      schema: {
        tags: ['registration'],
        summary: 'Administrative divisions below `parent` (provinces without it)',
        querystring: DivisionQuerySchema,
        response: { 200: DivisionListReplySchema, ...Errors },
      },
    },
    async (request) => {
      const parent = request.query.parent ?? null;
      const children = divisions.children(parent);
      if (!children) throw notFound();
      const path = parent ? (divisions.path(parent) ?? []).map((code) => ({ code, name: divisions.nameOf(code), hasChildren: true })) : [];
      return { divisions: children, path };
    },
  );

  app.get(
    '/api/tickets/:id/registration',
    {
      preValidation: guard(PERMISSIONS.viewRegistration),
      schema: {
        tags: ['registration'],
        summary: "The ticket's registration and the person's earlier ones, decrypted on a need-to-know basis (audited)",
        description:
          'For the staff member at the window that holds or held the ticket. Desk, leaders and admins state a ' +
          '`reason` (2–100 characters, recorded in the `intake.viewed` audit event); 揭发控告 only for the roles in ' +
          '`privacy.accusationRoles`. Anyone else: 403.',
        params: TicketIdParams,
        querystring: RegistrationViewQuerySchema,
        response: { 200: RegistrationViewSchema, ...Errors },
      },
    },
    async (request) => intakes.view(request.params.id, { ...viewerOf(request.principal), reason: request.query.reason }),
  );

  app.post(
    '/api/tickets/:id/notice',
    {
      preValidation: guard(PERMISSIONS.printNotice),
      config: perKioskLimit(config.auth.kioskIssuePerMinute),
      schema: {
        tags: ['registration'],
        summary: 'Print the one-time notification slip (一次性告知单) of the ticket’s registration (audited)',
        description:
          'A kiosk prints on its own printer, for a ticket it issued today only; staff on the printer they name ' +
          '(default: the desk’s). The slip carries the five items for the matter’s category and no personal data.',
        params: TicketIdParams,
        body: NoticePrintBodySchema,
        response: { 200: NoticePrintReplySchema, ...Errors },
      },
    },
    async (request) => {
      const principal = request.principal;
      if (principal.kind === 'device') {
        const { printerId } = kioskSubmitter(principal);
        if (!printerId) throw notFound('printer_unknown');
        return noticePrinting.print(request.params.id, printerId, actorOf(principal), { kioskId: principal.device.id });
      }
      const printerId = request.body.printerId ?? config.printing.deskPrinter ?? config.printers[0]?.id ?? '';
      return noticePrinting.print(request.params.id, printerId, actorOf(principal));
    },
  );

  app.post(
    '/api/tickets/:id/registration',
    {
      preValidation: guard(PERMISSIONS.manageTickets),
      schema: {
        tags: ['registration'],
        summary: '补登记: register the person for a ticket issued without a registration (green channel, desk), same rules as the kiosk (audited)',
        description:
          'By the staff member whose window holds the ticket (they become its first receiver), or by the desk or an ' +
          'admin while the ticket is open. Idempotent on `requestId`. 409 `intake_exists` when the ticket has a ' +
          'registration, 409 `ticket_finished` once it is completed or cancelled, 403 `window_not_yours` for a ' +
          "reception account whose window does not hold it. `serviceCode` is the ticket's own.",
        params: TicketIdParams,
        body: IntakeBodySchema,
        response: { 201: RegistrationViewSchema, ...Errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(intakes.registerForTicket(request.params.id, request.body, { ...viewerOf(request.principal), ...operatorOf(request) })),
  );

  app.put(
    '/api/tickets/:id/registration',
    {
      preValidation: guard(PERMISSIONS.operateWindow),
      schema: {
        tags: ['registration'],
        summary: 'Verify and complete the registration at the window that holds the ticket (audited)',
        params: TicketIdParams,
        body: VerifyBodySchema,
        response: { 200: RegistrationViewSchema, ...Errors },
      },
    },
    async (request) =>
      intakes.verify(request.params.id, request.body, { ...viewerOf(request.principal), ...operatorOf(request) }),
  );
});
