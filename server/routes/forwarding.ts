import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ForwardingOverviewSchema, OutboxIdParams, ResendReplySchema } from '../../common/contract/forwarding.ts';
import { dayStart } from '../../common/time.ts';
import { actorOf, PERMISSIONS } from '../auth/principal.ts';
import type { RouteOptions } from '../context.ts';
import { conflict, notFound } from '../errors.ts';
import { guard } from '../http/auth-hooks.ts';
import { sameDayStatus } from '../registration/same-day.ts';
import { errorReplies, isoOrNull } from './route-kit.ts';

const forwardingRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { hall }) => {
  const { store, config } = hall;

  /** Today's registrations not yet with the case system, when closing time is near (当日办). */
  const warning = () => {
    const { counts, warning } = sameDayStatus(store, config, hall.engine.today(), hall.now());
    return { counts, warning };
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
