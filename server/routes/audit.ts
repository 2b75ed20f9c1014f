import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorSchema } from '../../common/contract/base.ts';
import { serviceDayOf } from '../../common/time.ts';
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
      preValidation: guard(PERMISSIONS.viewAudit),
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

  app.get(
    '/api/audit/green-channel',
    {
      preValidation: guard(PERMISSIONS.viewAudit),
      schema: {
        tags: ['audit'],
        summary: 'Green-channel numbers issued per staff member per day, by reason (the last 31 days)',
        response: {
          200: Type.Object({
            rows: Type.Array(Type.Object({ day: Type.String(), actorName: Type.String(), count: Type.Integer(), reasons: Type.Record(Type.String(), Type.Integer()) })),
          }),
          401: ErrorSchema,
          403: ErrorSchema,
        },
      },
    },
    async () => {
      const since = hall.now() - 31 * 86_400_000;
      const rows = new Map<string, { day: string; actorName: string; count: number; reasons: Record<string, number> }>();
      for (const e of hall.store.audit.list({ action: 'ticket.green_issued', from: since, limit: 100_000 })) {
        const day = serviceDayOf(e.at, hall.config.timeZone);
        const key = `${day}\0${e.actorId}`;
        const row = rows.get(key) ?? { day, actorName: e.actorName, count: 0, reasons: {} };
        const reason = String(e.details?.reason ?? 'other');
        row.count += 1;
        row.reasons[reason] = (row.reasons[reason] ?? 0) + 1;
        rows.set(key, row);
      }
      return { rows: [...rows.values()] };
    },
  );
};

export default auditRoutes;
