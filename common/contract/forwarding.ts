// Forwarding to the case system on the wire (/api/forwarding): documents in the outbox — every
// undelivered one whatever its day, and today's delivered ones — by state and age, a page at a time.
import { Type, type Static } from 'typebox';
import { OUTBOX_STATES } from '../vocabulary.ts';
import { Iso, Nullable } from './base.ts';

const ForwardingMessageSchema = Type.Object({
  id: Type.Integer(),
  ticketNumber: Type.String(),
  state: Type.Enum(OUTBOX_STATES),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  nextAttemptAt: Iso,
  createdAt: Iso,
  deliveredAt: Nullable(Iso),
  caseNumber: Nullable(Type.String()),
});
export type ForwardingMessage = Static<typeof ForwardingMessageSchema>;

/** Which documents: `all` (undelivered of any day + delivered today), `undelivered`, or one state. */
const FORWARDING_FILTERS = ['all', 'undelivered', ...OUTBOX_STATES] as const;
export type ForwardingFilter = (typeof FORWARDING_FILTERS)[number];

export const ForwardingQuerySchema = Type.Object({
  state: Type.Enum(FORWARDING_FILTERS, { default: 'all' }),
  /** By age: the oldest verification first, or the newest. */
  order: Type.Enum(['oldest', 'newest'] as const, { default: 'newest' }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
});
export type ForwardingQuery = Static<typeof ForwardingQuerySchema>;

export const ForwardingOverviewSchema = Type.Object({
  /** pending and dead: of every day; delivered: today; earlier: undelivered ones verified before today. */
  counts: Type.Object({ pending: Type.Integer(), delivered: Type.Integer(), dead: Type.Integer(), earlier: Type.Integer() }),
  /** Registrations not yet with the case system near closing time (当日办), from earlier days, or the queue held. */
  warning: Nullable(Type.String()),
  /** The case system refuses the hall (401/403): nothing is sent but a probe now and then. */
  held: Nullable(Type.Object({ since: Iso, reason: Type.String(), nextProbeAt: Iso })),
  page: Type.Object({ total: Type.Integer(), offset: Type.Integer(), limit: Type.Integer() }),
  messages: Type.Array(ForwardingMessageSchema),
});
export type ForwardingOverview = Static<typeof ForwardingOverviewSchema>;

export const OutboxIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const ResendReplySchema = Type.Object({ id: Type.Integer(), state: Type.String() });
export type ResendReply = Static<typeof ResendReplySchema>;

/** Resend a selection of dead documents, or all of them. */
export const ResendManyBodySchema = Type.Union([
  Type.Object({ ids: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 500, uniqueItems: true }) }, { additionalProperties: false }),
  Type.Object({ allDead: Type.Literal(true) }, { additionalProperties: false }),
]);
export const ResendManyReplySchema = Type.Object({ resent: Type.Integer() });
export type ResendManyReply = Static<typeof ResendManyReplySchema>;

/** Send now: how many pending documents were made due at once. */
export const SendNowReplySchema = Type.Object({ pending: Type.Integer() });
export type SendNowReply = Static<typeof SendNowReplySchema>;
