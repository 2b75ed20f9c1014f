import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { HallAlert } from '../../common/contract/alerts.ts';
import { TICKET_STATUSES } from '../../common/vocabulary.ts';
import { ErrorSchema } from '../../common/contract/base.ts';
import { StaffTicketSchema, WaitEstimateSchema } from '../../common/contract/queue.ts';
import { actorOf, isAllowed, PERMISSIONS } from '../auth/principal.ts';
import type { RouteOptions } from '../context.ts';
import { badRequest, forbidden } from '../errors.ts';
import { guard } from '../http/auth-hooks.ts';
import { raiseAlert } from '../alerts.ts';

const Errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };
const TicketId = Type.Object({ id: Type.String({ pattern: '^[0-9A-HJKMNP-TV-Z]{26}$', description: 'Ticket ULID' }) });
export const TransferBody = Type.Object(
  {
    serviceCode: Type.Optional(Type.String({ minLength: 1, maxLength: 16 })),
    windowNo: Type.Optional(Type.Integer({ minimum: 1, maximum: 999 })),
  },
  { additionalProperties: false },
);
const TicketReply = Type.Object({ ticket: StaffTicketSchema });

const ticketRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hall }) => {
  const { engine, config } = hall;

  app.post(
    '/api/tickets',
    {
      preValidation: guard(PERMISSIONS.issueNormal),
      schema: {
        tags: ['tickets'],
        summary: 'Issue a queue number at the desk or a window (green channel: desk and admin only); kiosks register instead',
        body: Type.Object(
          {
            serviceCode: Type.String({ minLength: 1, maxLength: 16 }),
            priority: Type.Optional(Type.Union([Type.Literal('normal'), Type.Literal('green')], { default: 'normal' })),
            greenReason: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
            greenNote: Type.Optional(Type.String({ maxLength: 100 })),
            print: Type.Optional(Type.Boolean({ default: true, description: 'Print a ticket' })),
            printerId: Type.Optional(Type.String({ maxLength: 16, description: "Printer to use (default: the desk's)" })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ ticket: StaffTicketSchema, ...WaitEstimateSchema.properties }),
          ...Errors,
        },
      },
    },
    async (request, reply) => {
      const { print = true, printerId: chosen, ...input } = request.body;
      const priority = input.priority ?? 'normal';
      if (priority === 'green' && !isAllowed(request.principal, PERMISSIONS.issueGreen)) throw forbidden();
      if (chosen !== undefined && !hall.fleet.get(chosen)) throw badRequest('printer_unknown');
      // On the printer the staff member chose, or the desk's.
      const principal = request.principal;
      const printerId = print ? (chosen ?? config.printing.deskPrinter ?? config.printers[0]?.id) : undefined;
      const raised: HallAlert[] = [];
      const issued = engine.issue({ ...input, priority }, actorOf(principal), {
        printerId,
        // A medical emergency at the desk is reported to leaders and the desk at once.
        attach: (ticket) => {
          if (ticket.greenReason === null || !config.green.alertReasons.includes(ticket.greenReason)) return;
          const label = config.green.reasons.find((r) => r.code === ticket.greenReason)?.label ?? ticket.greenReason;
          const alert = raiseAlert(hall.store, ticket.issuedAt, ticket, {
            kind: 'emergency',
            visitors: 1,
            message: `绿色通道（${label}）：${ticket.number} 号，请立即安排接待和救助。`,
          });
          raised.push(alert);
        },
      });
      raised.forEach(hall.publishAlert);
      return reply.code(201).send({ ticket: issued.ticket, ahead: issued.ahead, waitMinutes: issued.waitMinutes });
    },
  );

  app.get(
    '/api/tickets',
    {
      preValidation: guard(PERMISSIONS.viewStaffQueue),
      schema: {
        tags: ['tickets'],
        summary: "Today's tickets, newest first",
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Enum(TICKET_STATUSES)),
            serviceCode: Type.Optional(Type.String({ maxLength: 16 })),
            limit: Type.Integer({ minimum: 1, maximum: 1000, default: 200 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ tickets: Type.Array(StaffTicketSchema) }), ...Errors },
      },
    },
    async (request) => ({ tickets: engine.listTickets(request.query) }),
  );

  app.get(
    '/api/tickets/:id',
    {
      preValidation: guard(PERMISSIONS.viewStaffQueue),
      schema: {
        tags: ['tickets'],
        params: TicketId,
        response: { 200: Type.Object({ ticket: StaffTicketSchema, ...WaitEstimateSchema.properties }), ...Errors },
      },
    },
    async (request) => engine.estimateFor(request.params.id),
  );

  app.post(
    '/api/tickets/:id/cancel',
    {
      preValidation: guard(PERMISSIONS.manageTickets),
      schema: {
        tags: ['tickets'],
        params: TicketId,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
        response: { 200: TicketReply, ...Errors },
      },
    },
    async (request) => ({
      ticket: engine.cancel(request.params.id, request.body.reason.trim(), actorOf(request.principal)),
    }),
  );

  app.post(
    '/api/tickets/:id/reinstate',
    {
      preValidation: guard(PERMISSIONS.manageTickets),
      schema: {
        tags: ['tickets'],
        summary: 'Put a no-show ticket back after the next K waiting tickets (audited)',
        params: TicketId,
        response: { 200: TicketReply, ...Errors },
      },
    },
    async (request) => ({ ticket: engine.reinstate(request.params.id, actorOf(request.principal)) }),
  );

  app.post(
    '/api/tickets/:id/reprint',
    {
      preValidation: guard(PERMISSIONS.issueGreen),
      schema: {
        tags: ['tickets'],
        summary: "Print a ticket again on the desk's (or a chosen) printer (audited)",
        params: TicketId,
        body: Type.Object({ printerId: Type.Optional(Type.String({ maxLength: 16 })) }, { additionalProperties: false }),
        response: { 200: TicketReply, ...Errors },
      },
    },
    async (request) => {
      const printerId = request.body.printerId ?? config.printing.deskPrinter ?? config.printers[0]?.id;
      if (!printerId || !hall.fleet.get(printerId)) throw badRequest('printer_unknown');
      // The print worker is woken by the engine's `ticket.print_queued` event.
      return { ticket: engine.reprint(request.params.id, printerId, actorOf(request.principal)) };
    },
  );

  app.post(
    '/api/tickets/:id/transfer',
    {
      preValidation: guard(PERMISSIONS.manageTickets),
      schema: { tags: ['tickets'], params: TicketId, body: TransferBody, response: { 200: TicketReply, ...Errors } },
    },
    async (request) => ({ ticket: engine.transfer(request.params.id, request.body, actorOf(request.principal)) }),
  );
};

export default ticketRoutes;
