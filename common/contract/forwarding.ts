// Forwarding to the case system on the wire (/api/forwarding): today's documents in the outbox.
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

export const ForwardingOverviewSchema = Type.Object({
  counts: Type.Object({ pending: Type.Integer(), delivered: Type.Integer(), dead: Type.Integer() }),
  /** Today's registrations not yet with the case system, when closing time is near (当日办). */
  warning: Nullable(Type.String()),
  messages: Type.Array(ForwardingMessageSchema),
});
export type ForwardingOverview = Static<typeof ForwardingOverviewSchema>;

export const OutboxIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const ResendReplySchema = Type.Object({ id: Type.Integer(), state: Type.String() });
