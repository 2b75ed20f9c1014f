import { AuditListReplySchema, AuditQuerySchema, GreenChannelReplySchema, type GreenChannelRow } from '../../common/contract/audit.ts';
import { serviceDayOf } from '../../common/time.ts';
import { PERMISSIONS } from '../auth/principal.ts';
import { guard } from '../http/auth-hooks.ts';
import { errorReplies, routePlugin } from './route-kit.ts';

export default routePlugin('audit-routes', ['store', 'now', 'config'], async (app, { store, now, config }) => {
  app.get(
    '/api/audit',
    {
      preValidation: guard(PERMISSIONS.viewAudit),
      schema: {
        tags: ['audit'],
        summary: 'Audit events, newest first, by actor, action and time range',
        querystring: AuditQuerySchema,
        response: { 200: AuditListReplySchema, ...errorReplies(400, 401, 403) },
      },
    },
    async (request) => {
      const { from, to, ...rest } = request.query;
      /** What the event is about, as staff know it: a ticket's number, a staff member's name. */
      const subjectOf = (target: string | null, details: Record<string, unknown> | null): string | null => {
        const numberOf = (ticketId: unknown) => (typeof ticketId === 'string' ? store.tickets.get(ticketId)?.number : undefined);
        const number =
          (typeof details?.number === 'string' ? details.number : undefined) ??
          numberOf(details?.ticketId) ??
          (target ? (numberOf(target) ?? numberOf(store.intakes.get(target)?.ticketId)) : undefined);
        if (number) return `${number} 号`;
        const staff = target ? store.staff.get(target) : undefined;
        return staff ? `${staff.displayName}（${staff.username}）` : null;
      };
      const events = store.audit.list({
        ...rest,
        from: from ? Date.parse(from) : undefined,
        to: to ? Date.parse(to) : undefined,
      });
      return { events: events.map((e) => ({ ...e, at: new Date(e.at).toISOString(), subject: subjectOf(e.target, e.details) })) };
    },
  );

  app.get(
    '/api/audit/green-channel',
    {
      preValidation: guard(PERMISSIONS.viewAudit),
      schema: {
        tags: ['audit'],
        summary: 'Green-channel numbers issued per staff member per day, by reason (the last 31 days)',
        response: { 200: GreenChannelReplySchema, ...errorReplies(401, 403) },
      },
    },
    async () => {
      const since = now() - 31 * 86_400_000;
      const rows = new Map<string, GreenChannelRow>();
      for (const e of store.audit.list({ action: 'ticket.green_issued', from: since, limit: 100_000 })) {
        const day = serviceDayOf(e.at, config.timeZone);
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
});
