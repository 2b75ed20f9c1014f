// The audit trail on the wire (/api/audit): events by actor, action and time, and the
// green-channel numbers per staff member per day.
import { Type, type Static } from 'typebox';
import { Iso, Nullable } from './base.ts';

const AuditEventSchema = Type.Object({
  id: Type.Integer(),
  at: Iso,
  actorKind: Type.String(),
  actorId: Type.String(),
  actorName: Type.String(),
  action: Type.String(),
  target: Nullable(Type.String()),
  /** What it is about as staff know it (a ticket's number, a staff member's name), when known. */
  subject: Type.Optional(Nullable(Type.String())),
  details: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
});

export const AuditQuerySchema = Type.Object(
  {
    actorId: Type.Optional(Type.String({ maxLength: 64 })),
    action: Type.Optional(Type.String({ maxLength: 64 })),
    from: Type.Optional(Iso),
    to: Type.Optional(Iso),
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
  },
  { additionalProperties: false },
);

export const AuditListReplySchema = Type.Object({ events: Type.Array(AuditEventSchema) });
export type AuditListReply = Static<typeof AuditListReplySchema>;

const GreenChannelRowSchema = Type.Object({
  day: Type.String(),
  actorName: Type.String(),
  count: Type.Integer(),
  /** Numbers issued per green-channel reason code. */
  reasons: Type.Record(Type.String(), Type.Integer()),
});
export type GreenChannelRow = Static<typeof GreenChannelRowSchema>;
export const GreenChannelReplySchema = Type.Object({ rows: Type.Array(GreenChannelRowSchema) });
export type GreenChannelReply = Static<typeof GreenChannelReplySchema>;
