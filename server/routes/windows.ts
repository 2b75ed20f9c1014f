import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ErrorSchema } from '../../common/contract/base.ts';
import { StaffTicketSchema, WindowViewSchema } from '../../common/contract/queue.ts';
import { actorOf, hasRole, PERMISSIONS } from '../auth/principal.ts';
import type { RouteOptions } from '../context.ts';
import { guard } from '../http/auth-hooks.ts';
import type { Operator } from '../queue/engine.ts';
import { TransferBody } from './tickets.ts';

const Errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };
const WindowNo = Type.Object({ no: Type.Integer({ minimum: 1, maximum: 999 }) });
const TicketReply = Type.Object({ ticket: StaffTicketSchema });
const WindowReply = Type.Object({ window: WindowViewSchema });

/** Staff on duty operate their own window; an admin may act for any window. */
const operatorOf = (request: FastifyRequest): Operator => ({
  actor: actorOf(request.principal),
  override: hasRole(request.principal, 'admin'),
});

/** One-click ticket actions at a window: same shape, one engine call each. */
const TICKET_ACTIONS: Array<[path: string, summary: string, action: 'callNext' | 'recall' | 'noShow' | 'start' | 'complete']> = [
  ['call-next', 'Call the next ticket for this window (green first, then by arrival)', 'callNext'],
  ['recall', 'Call the current ticket again', 'recall'],
  ['no-show', 'Set the current ticket aside (after the minimum number of calls)', 'noShow'],
  ['start', 'Start serving the current ticket', 'start'],
  ['complete', 'Complete the current ticket', 'complete'],
];

const WINDOW_ACTIONS: Array<[path: string, summary: string, action: 'openWindow' | 'resumeWindow' | 'closeWindow']> = [
  ['open', 'Take the window and open it (the staff member on duty shows on its screen)', 'openWindow'],
  ['resume', 'Resume a paused window', 'resumeWindow'],
  ['close', 'Close the window (refused while it holds a ticket)', 'closeWindow'],
];

const windowRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hall }) => {
  const { engine } = hall;

  app.get(
    '/api/windows',
    { schema: { tags: ['windows'], response: { 200: Type.Object({ windows: Type.Array(WindowViewSchema) }) } } },
    async () => ({ windows: engine.snapshot().windows }),
  );

  const WindowDefinition = Type.Object(
    {
      name: Type.String({ minLength: 1, maxLength: 20 }),
      services: Type.Array(Type.String({ minLength: 1, maxLength: 16 }), { minItems: 1, uniqueItems: true, description: 'Tie-break order' }),
    },
    { additionalProperties: false },
  );

  const ServiceRecordSchema = Type.Object({
    code: Type.String(),
    name: Type.String(),
    prefix: Type.String(),
    enabled: Type.Boolean(),
    weekdays: Type.Union([Type.Array(Type.Integer()), Type.Null()]),
  });
  const ServiceFields = {
    name: Type.String({ minLength: 1, maxLength: 20 }),
    enabled: Type.Boolean(),
    weekdays: Type.Union([Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { uniqueItems: true, minItems: 1 }), Type.Null()], {
      description: 'ISO weekdays it is offered; null = every day',
    }),
  };

  app.get(
    '/api/services',
    {
      preValidation: guard(PERMISSIONS.manageHall),
      schema: { tags: ['windows'], summary: 'All services, offered or not (admin)', response: { 200: Type.Object({ services: Type.Array(ServiceRecordSchema) }), ...Errors } },
    },
    async () => ({ services: hall.store.services.list().map(({ code, name, prefix, enabled, weekdays }) => ({ code, name, prefix, enabled, weekdays })) }),
  );

  app.put(
    '/api/services/:code',
    {
      preValidation: guard(PERMISSIONS.manageHall),
      schema: {
        tags: ['windows'],
        summary: 'Add a service (with its number prefix) or change its name and days (admin; audited)',
        params: Type.Object({ code: Type.String({ pattern: '^[A-Za-z0-9_-]{1,16}$' }) }),
        body: Type.Object({ ...ServiceFields, prefix: Type.Optional(Type.String({ pattern: '^[A-Z]{1,2}$' })) }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...Errors },
      },
    },
    async (request, reply) => {
      engine.defineService({ code: request.params.code, ...request.body }, actorOf(request.principal));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/windows',
    {
      preValidation: guard(PERMISSIONS.manageHall),
      schema: {
        tags: ['windows'],
        summary: 'Add a window (admin; audited); boards show it at once',
        body: Type.Object({ no: Type.Integer({ minimum: 1, maximum: 999 }), ...WindowDefinition.properties }, { additionalProperties: false }),
        response: { 201: WindowReply, ...Errors },
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
      schema: { tags: ['windows'], summary: "Change a window's name or services (admin; audited)", params: WindowNo, body: WindowDefinition, response: { 200: WindowReply, ...Errors } },
    },
    async (request) => {
      return { window: engine.defineWindow({ no: request.params.no, ...request.body }, actorOf(request.principal), 'change') };
    },
  );

  app.delete(
    '/api/windows/:no',
    {
      preValidation: guard(PERMISSIONS.manageHall),
      schema: { tags: ['windows'], summary: 'Remove a closed window from the hall (admin; audited)', params: WindowNo, response: { 204: Type.Null(), ...Errors } },
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
        schema: { tags: ['windows'], summary, params: WindowNo, response: { 200: TicketReply, ...Errors } },
      },
      async (request) => ({ ticket: engine[action](request.params.no, operatorOf(request)) }),
    );
  }

  for (const [path, summary, action] of WINDOW_ACTIONS) {
    app.post(
      `/api/windows/:no/${path}`,
      {
        preValidation: guard(PERMISSIONS.operateWindow),
        schema: { tags: ['windows'], summary, params: WindowNo, response: { 200: WindowReply, ...Errors } },
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
        params: WindowNo,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false }),
        response: { 200: WindowReply, ...Errors },
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
        params: WindowNo,
        body: Type.Object(
          { ticketId: Type.String({ pattern: '^[0-9A-HJKMNP-TV-Z]{26}$' }) },
          { additionalProperties: false },
        ),
        response: { 200: TicketReply, ...Errors },
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
        params: WindowNo,
        body: TransferBody,
        response: { 200: TicketReply, ...Errors },
      },
    },
    async (request) => ({ ticket: engine.transferHeld(request.params.no, request.body, operatorOf(request)) }),
  );
};

export default windowRoutes;
