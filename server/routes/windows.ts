import { NoContentSchema } from '../../common/contract/base.ts';
import {
  CallTicketBodySchema,
  CompleteBodySchema,
  NewWindowBodySchema,
  PauseBodySchema,
  TicketReplySchema,
  TransferBodySchema,
  WindowDefinitionSchema,
  WindowListReplySchema,
  WindowNoParams,
  WindowReplySchema,
} from '../../common/contract/queue.ts';
import { actorOf, PERMISSIONS } from '../auth/principal.ts';
import { guard } from '../http/auth-hooks.ts';
import { Errors, operatorOf, routePlugin } from './route-kit.ts';

/** One-click ticket actions at a window: same shape, one engine call each. */
const TICKET_ACTIONS: Array<[path: string, summary: string, action: 'callNext' | 'recall' | 'noShow' | 'start']> = [
  ['call-next', 'Call the next ticket for this window (green first, then by arrival)', 'callNext'],
  ['recall', 'Call the current ticket again', 'recall'],
  ['no-show', 'Set the current ticket aside (after the minimum number of calls)', 'noShow'],
  ['start', 'Start serving the current ticket', 'start'],
];

const WINDOW_ACTIONS: Array<[path: string, summary: string, action: 'openWindow' | 'resumeWindow' | 'closeWindow']> = [
  ['open', 'Take the window and open it (the staff member on duty shows on its screen)', 'openWindow'],
  ['resume', 'Resume a paused window', 'resumeWindow'],
  ['close', 'Close the window (refused while it holds a ticket)', 'closeWindow'],
];

export default routePlugin('windows-routes', ['engine'], async (app, { engine }) => {
  app.get(
    '/api/windows',
    { schema: { tags: ['windows'], response: { 200: WindowListReplySchema } } },
    async () => ({ windows: engine.snapshot().windows }),
  );

  app.post(
    '/api/windows',
    {
      preValidation: guard(PERMISSIONS.manageHall),
      schema: {
        tags: ['windows'],
        summary: 'Add a window (admin; audited); boards show it at once',
        body: NewWindowBodySchema,
        response: { 201: WindowReplySchema, ...Errors },
      },
    },
    async (request, reply) => {
      return reply.code(201).send({ window: engine.defineWindow(request.body, actorOf(request.principal), 'add') });
    },
  );

  app.put(
    '/api/windows/:no',
    {
      preValidation: guard(PERMISSIONS.manageHall),
      schema: { tags: ['windows'], summary: "Change a window's name or services (admin; audited)", params: WindowNoParams, body: WindowDefinitionSchema, response: { 200: WindowReplySchema, ...Errors } },
    },
    async (request) => {
      return { window: engine.defineWindow({ no: request.params.no, ...request.body }, actorOf(request.principal), 'change') };
    },
  );

  app.delete(
    '/api/windows/:no',
    {
      preValidation: guard(PERMISSIONS.manageHall),
      schema: { tags: ['windows'], summary: 'Remove a closed window from the hall (admin; audited)', params: WindowNoParams, response: { 204: NoContentSchema, ...Errors } },
    },
    async (request, reply) => {
      engine.removeWindow(request.params.no, actorOf(request.principal));
      return reply.code(204).send(null);
    },
  );

  for (const [path, summary, action] of TICKET_ACTIONS) {
    app.post(
      `/api/windows/:no/${path}`,
      {
        preValidation: guard(PERMISSIONS.operateWindow),
        schema: { tags: ['windows'], summary, params: WindowNoParams, response: { 200: TicketReplySchema, ...Errors } },
      },
      async (request) => ({ ticket: engine[action](request.params.no, operatorOf(request)) }),
    );
  }

  app.post(
    '/api/windows/:no/complete',
    {
      // A bare POST (no body) still completes a ticket that needs no reason.
      preValidation: [guard(PERMISSIONS.operateWindow), async (request) => void (request.body ??= {})],
      schema: {
        tags: ['windows'],
        summary: 'Complete the current ticket; an unverified registration needs a reason from `registration.closeReasons` (audited)',
        description: 'Without a body, or without `closeReason` while the registration is still to verify: 409 `intake_unverified`.',
        params: WindowNoParams,
        body: CompleteBodySchema,
        response: { 200: TicketReplySchema, ...Errors },
      },
    },
    async (request) => ({ ticket: engine.complete(request.params.no, operatorOf(request), request.body?.closeReason) }),
  );

  for (const [path, summary, action] of WINDOW_ACTIONS) {
    app.post(
      `/api/windows/:no/${path}`,
      {
        preValidation: guard(PERMISSIONS.operateWindow),
        schema: { tags: ['windows'], summary, params: WindowNoParams, response: { 200: WindowReplySchema, ...Errors } },
      },
      async (request) => {
        engine[action](request.params.no, operatorOf(request));
        return { window: engine.window(request.params.no) };
      },
    );
  }

  app.post(
    '/api/windows/:no/pause',
    {
      preValidation: guard(PERMISSIONS.operateWindow),
      schema: {
        tags: ['windows'],
        summary: 'Pause calling; the reason is shown politely on the screens',
        params: WindowNoParams,
        body: PauseBodySchema,
        response: { 200: WindowReplySchema, ...Errors },
      },
    },
    async (request) => {
      engine.pauseWindow(request.params.no, request.body.reason.trim(), operatorOf(request));
      return { window: engine.window(request.params.no) };
    },
  );

  app.post(
    '/api/windows/:no/call',
    {
      preValidation: guard(PERMISSIONS.operateWindow),
      schema: {
        tags: ['windows'],
        summary: 'Call a specific ticket out of order (audited)',
        params: WindowNoParams,
        body: CallTicketBodySchema,
        response: { 200: TicketReplySchema, ...Errors },
      },
    },
    async (request) => ({ ticket: engine.callTicket(request.params.no, request.body.ticketId, operatorOf(request)) }),
  );

  app.post(
    '/api/windows/:no/transfer',
    {
      preValidation: guard(PERMISSIONS.operateWindow),
      schema: {
        tags: ['windows'],
        summary: "Transfer the window's current ticket to a service or a window, keeping its arrival order",
        params: WindowNoParams,
        body: TransferBodySchema,
        response: { 200: TicketReplySchema, ...Errors },
      },
    },
    async (request) => ({ ticket: engine.transferHeld(request.params.no, request.body, operatorOf(request)) }),
  );
});
