import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorSchema } from '../../common/schemas.ts';
import { PERMISSIONS } from '../auth/principal.ts';
import type { RouteOptions } from '../context.ts';
import { guard } from '../http/auth-hooks.ts';

const AuditEventSchema = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actorKind: Type.String(),
  actorId: Type.String(),
  actorName: Type.String(),
  action: Type.String(),
  target: Type.Union([Type.String(), Type.Null()]),
  details: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
});

const auditRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hall }) => {
  app.get(
    '/api/audit',
    {
      preHandler: guard(PERMISSIONS.viewAudit),
      schema: {
        tags: ['audit'],
        summary: 'Audit events, newest first, by actor, action and time range',
        querystring: Type.Object(
          {
            actorId: Type.Optional(Type.String({ maxLength: 64 })),
            action: Type.Optional(Type.String({ maxLength: 64 })),
            from: Type.Optional(Type.String({ format: 'date-time' })),
            to: Type.Optional(Type.String({ format: 'date-time' })),
            limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ events: Type.Array(AuditEventSchema) }), 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema },
      },
    },
    async (request) => {
      const { from, to, ...rest } = request.query;
      const events = hall.store.audit.list({
        ...rest,
        from: from ? Date.parse(from) : undefined,
        to: to ? Date.parse(to) : undefined,
      });
      return { events: events.map((e) => ({ ...e, at: new Date(e.at).toISOString() })) };
    },
  );
};

export default auditRoutes;
