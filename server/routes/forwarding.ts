import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ForwardingOverviewSchema, OutboxIdParams, ResendReplySchema } from '../../common/contract/forwarding.ts';
import { dayStart } from '../../common/time.ts';
import { actorOf, PERMISSIONS } from '../auth/principal.ts';
import type { RouteOptions } from '../context.ts';
import { conflict, notFound } from '../errors.ts';
import { guard } from '../http/auth-hooks.ts';
import { errorReplies, isoOrNull } from './route-kit.ts';

/** Minutes after local midnight of `ms` in the hall's zone. */
const localMinutes = (ms: number, timeZone: string) => Math.round((ms - dayStart(ms, timeZone)) / 60_000);

const forwardingRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hall }) => {
  const { store, config } = hall;

  /** Today's registrations not yet with the case system, when closing time is near (当日办). */
  const warning = () => {
    const at = hall.now();
    const counts = store.outbox.countsSince(dayStart(at, config.timeZone));
    const [h, m] = config.forwarding.closingTime.split(':').map(Number) as [number, number];
    const late = localMinutes(at, config.timeZone) >= h * 60 + m - config.forwarding.warnMinutesBeforeClose;
    const waiting = counts.pending + counts.dead;
    return {
      counts,
      warning: late && waiting > 0 ? `今天还有 ${waiting} 份已核对的登记没有转送到案件系统，请在 ${config.forwarding.closingTime} 前处理，确保当日转送。` : null,
    };
  };

  app.get(
    '/api/forwarding',
    {
      preValidation: guard(PERMISSIONS.viewForwarding),
      schema: {
        tags: ['forwarding'],
        summary: "Today's documents for the case system: pending, delivered, dead, with the last error in plain words",
        response: { 200: ForwardingOverviewSchema, ...errorReplies(401, 403) },
      },
    },
    async () => {
      const messages = store.outbox.since(dayStart(hall.now(), config.timeZone), 500).map((m) => {
        const intake = store.intakes.get(m.intakeId);
        return {
          id: m.id,
          ticketNumber: (intake && store.tickets.get(intake.ticketId)?.number) ?? '',
          state: m.state,
          attempts: m.attempts,
          lastError: m.lastError,
          nextAttemptAt: new Date(m.nextAttemptAt).toISOString(),
          createdAt: new Date(m.createdAt).toISOString(),
          deliveredAt: isoOrNull(m.deliveredAt),
          caseNumber: intake?.caseNumber ?? null,
        };
      });
      return { ...warning(), messages };
    },
  );

  app.post(
    '/api/forwarding/:id/resend',
    {
      preValidation: guard(PERMISSIONS.resendForwarding),
      schema: {
        tags: ['forwarding'],
        summary: 'Send a dead document again (same key, same body); audited',
        params: OutboxIdParams,
        response: { 200: ResendReplySchema, ...errorReplies(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const updated = store.transaction(() => {
        const message = store.outbox.get(request.params.id);
        if (!message) throw notFound();
        if (message.state !== 'dead') throw conflict('forwarding_not_dead');
        const at = hall.now();
        store.audit.append({ at, actor: actorOf(request.principal), action: 'forwarding.resent', target: message.intakeId, details: { outboxId: message.id } });
        // A fresh round of attempts; the key and the body stay the same.
        return store.outbox.update(message.id, { state: 'pending', attempts: 0, nextAttemptAt: at });
      });
      hall.forwarder.poke();
      return { id: updated.id, state: updated.state };
    },
  );
};

export default forwardingRoutes;
