import type { HallAlert } from '../../common/contract/alerts.ts';
import {
  CancelBodySchema,
  EstimatedTicketReplySchema,
  IssueBodySchema,
  ReprintBodySchema,
  TicketIdParams,
  TicketListQuerySchema,
  TicketListReplySchema,
  TicketReplySchema,
  TransferBodySchema,
} from '../../common/contract/queue.ts';
import { raiseAlert } from '../alerts.ts';
import { actorOf, isAllowed, PERMISSIONS } from '../auth/principal.ts';
import { badRequest, forbidden } from '../errors.ts';
import { guard } from '../http/auth-hooks.ts';
import { Errors, routePlugin } from './route-kit.ts';

export default routePlugin('tickets-routes', ['engine', 'config', 'fleet', 'store', 'publishAlert'], async (app, { engine, config, fleet, store, publishAlert }) => {
  app.post(
    '/api/tickets',
    {
      preValidation: guard(PERMISSIONS.issueNormal),
      schema: {
        tags: ['tickets'],
        summary: 'Issue a queue number at the desk or a window (green channel: desk and admin only); kiosks register instead',
        body: IssueBodySchema,
        response: { 201: EstimatedTicketReplySchema, ...Errors },
      },
    },
    async (request, reply) => {
      const { print = true, printerId: chosen, ...input } = request.body;
      const priority = input.priority ?? 'normal';
      if (priority === 'green' && !isAllowed(request.principal, PERMISSIONS.issueGreen)) throw forbidden();
      if (chosen !== undefined && !fleet.get(chosen)) throw badRequest('printer_unknown');
      // On the printer the staff member chose, or the desk's.
      const principal = request.principal;
      const printerId = print ? (chosen ?? config.printing.deskPrinter ?? config.printers[0]?.id) : undefined;
      const raised: HallAlert[] = [];
      // Answered after the group commit it shares with the tickets issued at the same moment.
      const issued = await engine.issueGrouped({ ...input, priority }, actorOf(principal), {
        printerId,
        // A medical emergency at the desk is reported to leaders and the desk at once.
        attach: (ticket) => {
          if (ticket.greenReason === null || !config.green.alertReasons.includes(ticket.greenReason)) return;
          const label = config.green.reasons.find((r) => r.code === ticket.greenReason)?.label ?? ticket.greenReason;
          const alert = raiseAlert(store, ticket.issuedAt, ticket, {
            kind: 'emergency',
            visitors: 1,
            message: `绿色通道（${label}）：${ticket.number} 号，请立即安排接待和救助。`,
          });
          raised.push(alert);
        },
      });
      raised.forEach(publishAlert);
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
        querystring: TicketListQuerySchema,
        response: { 200: TicketListReplySchema, ...Errors },
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
        params: TicketIdParams,
        response: { 200: EstimatedTicketReplySchema, ...Errors },
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
        params: TicketIdParams,
        body: CancelBodySchema,
        response: { 200: TicketReplySchema, ...Errors },
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
        params: TicketIdParams,
        response: { 200: TicketReplySchema, ...Errors },
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
        params: TicketIdParams,
        body: ReprintBodySchema,
        response: { 200: TicketReplySchema, ...Errors },
      },
    },
    async (request) => {
      const printerId = request.body.printerId ?? config.printing.deskPrinter ?? config.printers[0]?.id;
      if (!printerId || !fleet.get(printerId)) throw badRequest('printer_unknown');
      // The print worker is woken by the engine's `ticket.print_queued` event.
      return { ticket: engine.reprint(request.params.id, printerId, actorOf(request.principal)) };
    },
  );

  app.post(
    '/api/tickets/:id/transfer',
    {
      preValidation: guard(PERMISSIONS.manageTickets),
      schema: { tags: ['tickets'], params: TicketIdParams, body: TransferBodySchema, response: { 200: TicketReplySchema, ...Errors } },
    },
    async (request) => ({ ticket: engine.transfer(request.params.id, request.body, actorOf(request.principal)) }),
  );
});
