import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { INTAKE_STATES, type HallAlert } from '../../common/domain.ts';
import { dayStart } from '../../common/time.ts';
import {
  AlertSchema,
  DivisionSchema,
  ErrorSchema,
  IntakeBodySchema,
  PublicTicketSchema,
  RegistrationFormSchema,
  RepresentativeSchema,
  WaitEstimateSchema,
} from '../../common/schemas.ts';
import { actorOf, PERMISSIONS } from '../auth/principal.ts';
import type { RouteOptions } from '../context.ts';
import { notFound } from '../errors.ts';
import { guard } from '../http/auth-hooks.ts';
import { perKioskLimit } from '../http/rate-limits.ts';
import { toPublicTicket } from '../queue/views.ts';

const Errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };

const IntakeReply = Type.Object({
  outcome: Type.Union([Type.Literal('issued'), Type.Literal('replayed'), Type.Literal('existing')]),
  collective: Type.Boolean(),
  ticket: Type.Object({ ...PublicTicketSchema.properties, printState: Type.String(), serviceName: Type.String() }),
  ...WaitEstimateSchema.properties,
});

const registrationRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hall }) => {
  const { intakes, config, store, divisions } = hall;

  app.post(
    '/api/intakes',
    {
      preHandler: guard(PERMISSIONS.registerAtKiosk),
      config: perKioskLimit(config.auth.kioskIssuePerMinute),
      schema: {
        tags: ['registration'],
        summary: 'Register a visit at a kiosk and issue its queue number in the same step',
        description:
          'Idempotent on `requestId`: a retried submit answers 200 with the first ticket. Someone who already ' +
          'waits for the same service today gets that ticket again (reprinted), never a second one.',
        body: IntakeBodySchema,
        response: {
          200: IntakeReply,
          201: IntakeReply,
          ...Errors,
          429: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const principal = request.principal;
      if (principal.kind !== 'device') throw notFound();
      const printerId = principal.device.printerId ?? config.printers[0]?.id ?? null;
      const result = intakes.submit(request.body, { actor: actorOf(principal), printerId });
      const serviceName = store.services.list().find((s) => s.code === result.ticket.serviceCode)?.name ?? '';
      return reply.code(result.outcome === 'issued' ? 201 : 200).send({
        ...result,
        ticket: { ...toPublicTicket(result.ticket), printState: result.ticket.printState, serviceName },
      });
    },
  );

  app.get(
    '/api/registration/form',
    {
      preHandler: guard(PERMISSIONS.readRegistrationForm),
      schema: { tags: ['registration'], summary: 'Lists and texts the registration form shows', response: { 200: RegistrationFormSchema, ...Errors } },
    },
    async () => intakes.form(),
  );

  app.get(
    '/api/divisions',
    {
      preHandler: guard(PERMISSIONS.readRegistrationForm),
      schema: {
        tags: ['registration'],
        summary: 'Administrative divisions below `parent` (provinces without it)',
        querystring: Type.Object({ parent: Type.Optional(Type.String({ pattern: '^\\d{6}$' })) }, { additionalProperties: false }),
        response: { 200: Type.Object({ divisions: Type.Array(DivisionSchema), path: Type.Array(DivisionSchema) }), ...Errors },
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
      preHandler: guard(PERMISSIONS.viewRegistration),
      schema: {
        tags: ['registration'],
        summary: "The ticket's registration, decrypted for the receiving staff member (audited)",
        params: Type.Object({ id: Type.String({ pattern: '^[0-9A-HJKMNP-TV-Z]{26}$' }) }),
        response: {
          200: Type.Object({
            id: Type.String(),
            ticketId: Type.String(),
            state: Type.Enum(INTAKE_STATES),
            serviceCode: Type.String(),
            visitors: Type.Integer(),
            collective: Type.Boolean(),
            declaredRepeat: Type.Boolean(),
            previousVisits: Type.Integer(),
            fromCard: Type.Boolean(),
            gender: Type.String(),
            petitioner: Type.Object({
              name: Type.String(),
              idNumber: Type.String(),
              birthDate: Type.String(),
              phone: Type.String(),
              address: Type.String(),
              occupation: Type.Optional(Type.String()),
            }),
            representatives: Type.Array(RepresentativeSchema),
            matter: Type.Object({
              category: Type.String(),
              purpose: Type.String(),
              cause: Type.String(),
              placeCode: Type.String(),
              placeName: Type.String(),
              problem: Type.String(),
              demands: Type.String(),
            }),
            createdAt: Type.String({ format: 'date-time' }),
          }),
          ...Errors,
        },
      },
    },
    async (request) => {
      const intake = store.intakes.byTicket(request.params.id);
      if (!intake) throw notFound('intake_unknown');
      const sealed = intakes.open(intake);
      store.audit.append({
        at: hall.now(),
        actor: actorOf(request.principal),
        action: 'intake.viewed',
        target: intake.id,
        details: { ticketId: intake.ticketId },
      });
      return {
        id: intake.id,
        ticketId: intake.ticketId,
        state: intake.state,
        serviceCode: intake.serviceCode,
        visitors: intake.visitors,
        collective: intake.collective,
        declaredRepeat: intake.declaredRepeat,
        previousVisits: intake.previousVisits,
        fromCard: intake.fromCard,
        gender: intake.gender,
        petitioner: sealed.petitioner,
        representatives: sealed.representatives,
        matter: {
          category: intake.category,
          purpose: intake.purpose,
          cause: intake.cause,
          placeCode: intake.placeCode,
          placeName: divisions.fullName(intake.placeCode) ?? intake.placeCode,
          problem: sealed.problem,
          demands: sealed.demands,
        },
        createdAt: new Date(intake.createdAt).toISOString(),
      };
    },
  );

  app.get(
    '/api/alerts',
    {
      preHandler: guard(PERMISSIONS.viewAlerts),
      schema: { tags: ['registration'], summary: "Today's alerts, newest first", response: { 200: Type.Object({ alerts: Type.Array(AlertSchema) }), ...Errors } },
    },
    async () => ({
      alerts: store.alerts.since(dayStart(hall.now(), config.timeZone), 200).map((a) => ({
        ...(a.details as Omit<HallAlert, 'id' | 'kind' | 'at' | 'ticketId'>),
        id: a.id,
        kind: a.kind,
        at: new Date(a.at).toISOString(),
        ticketId: a.ticketId ?? '',
      })),
    }),
  );
};

export default registrationRoutes;
