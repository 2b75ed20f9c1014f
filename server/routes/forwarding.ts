import {
  ForwardingOverviewSchema,
  ForwardingQuerySchema,
  OutboxIdParams,
  ResendManyBodySchema,
  ResendManyReplySchema,
  ResendReplySchema,
  SendNowReplySchema,
} from '../../common/contract/forwarding.ts';
import { dayStart } from '../../common/time.ts';
import { actorOf, PERMISSIONS } from '../auth/principal.ts';
import { conflict, notFound } from '../errors.ts';
import { guard } from '../http/auth-hooks.ts';
import { isNearClosing, sameDayStatus } from '../registration/same-day.ts';
import { errorReplies, isoOrNull, routePlugin } from './route-kit.ts';

export default routePlugin('forwarding-routes', ['store', 'config', 'now', 'forwarder', 'engine'], async (app, { store, config, now, forwarder, engine }) => {
  /**
   * Registrations not yet with the case system: every undelivered one of any day counts; the
   * warning comes near closing time (当日办), whenever earlier days' are still undelivered, and
   * while the queue is held.
   */
  const warning = () => {
    const at = now();
    const today = dayStart(at, config.timeZone);
    const { earlier, ...counts } = store.outbox.overview(today, today);
    const late = isNearClosing(at, config);
    const waiting = counts.pending + counts.dead;
    const hold = forwarder.hold();
    const notes: string[] = [];
    if (hold) notes.push(`转送已暂停：${hold.reason}`);
    if (late && waiting > 0) {
      notes.push(
        earlier > 0
          ? `还有 ${waiting} 份已核对的登记没有转送到案件系统（其中 ${earlier} 份是前几天的），请在 ${config.forwarding.closingTime} 前处理，确保当日转送。`
          : `今天还有 ${waiting} 份已核对的登记没有转送到案件系统，请在 ${config.forwarding.closingTime} 前处理，确保当日转送。`,
      );
    } else if (earlier > 0) {
      notes.push(`有 ${earlier} 份前几天已核对的登记至今没有转送到案件系统，请在“转送情况”中处理。`);
    }
    // Registrations not verified and tickets not finished cannot be forwarded yet either.
    const sameDay = sameDayStatus(store, config, engine.today(), at);
    if (sameDay.note) notes.push(sameDay.note);
    return {
      counts: { ...counts, earlier },
      warning: notes.length > 0 ? notes.join('') : null,
      held: hold ? { since: new Date(hold.since).toISOString(), reason: hold.reason, nextProbeAt: new Date(hold.nextProbeAt).toISOString() } : null,
    };
  };

  app.get(
    '/api/forwarding',
    {
      preValidation: guard(PERMISSIONS.viewForwarding),
      schema: {
        tags: ['forwarding'],
        summary: 'Documents for the case system (undelivered of any day, delivered today) by state and age, a page at a time; counts, warning, hold',
        querystring: ForwardingQuerySchema,
        response: { 200: ForwardingOverviewSchema, ...errorReplies(400, 401, 403) },
      },
    },
    async (request) => {
      const { state, order, offset, limit } = request.query;
      const page = store.outbox.page({ state, order, offset, limit, deliveredSince: dayStart(now(), config.timeZone) });
      const messages = page.messages.map((m) => {
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
      return { ...warning(), page: { total: page.total, offset, limit }, messages };
    },
  );

  app.post(
    '/api/forwarding/resend',
    {
      preValidation: guard(PERMISSIONS.resendForwarding),
      schema: {
        tags: ['forwarding'],
        summary: 'Send a selection of dead documents (or all dead ones) again, same keys and bodies; audited',
        body: ResendManyBodySchema,
        response: { 200: ResendManyReplySchema, ...errorReplies(400, 401, 403) },
      },
    },
    async (request) => {
      const body = request.body;
      const resent = store.transaction(() => {
        const at = now();
        const revived = store.outbox.resendDead('ids' in body ? body.ids : 'all', at);
        const actor = actorOf(request.principal);
        for (const m of revived) {
          store.audit.append({ at, actor, action: 'forwarding.resent', target: m.intakeId, details: { outboxId: m.id, bulk: true } });
        }
        return revived.length;
      });
      forwarder.poke();
      return { resent };
    },
  );

  app.post(
    '/api/forwarding/send-now',
    {
      preValidation: guard(PERMISSIONS.resendForwarding),
      schema: {
        tags: ['forwarding'],
        summary: 'Try every pending document now (backoff and Retry-After forgotten; a held queue is probed now); audited',
        response: { 200: SendNowReplySchema, ...errorReplies(401, 403) },
      },
    },
    async (request) => {
      const at = now();
      const pending = forwarder.sendNow();
      store.audit.append({ at, actor: actorOf(request.principal), action: 'forwarding.sent_now', target: null, details: { pending } });
      return { pending };
    },
  );

  app.post(
    '/api/forwarding/:id/resend',
    {
      preValidation: guard(PERMISSIONS.resendForwarding),
      schema: {
        tags: ['forwarding'],
        summary: 'Send one dead document again (same key, same body); audited',
        params: OutboxIdParams,
        response: { 200: ResendReplySchema, ...errorReplies(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const updated = store.transaction(() => {
        const message = store.outbox.get(request.params.id);
        if (!message) throw notFound();
        if (message.state !== 'dead') throw conflict('forwarding_not_dead');
        const at = now();
        store.audit.append({ at, actor: actorOf(request.principal), action: 'forwarding.resent', target: message.intakeId, details: { outboxId: message.id } });
        // A fresh round of attempts; the key and the body stay the same.
        return store.outbox.update(message.id, { state: 'pending', attempts: 0, nextAttemptAt: at });
      });
      forwarder.poke();
      return { id: updated.id, state: updated.state };
    },
  );
});
