// Alerts raised to leaders and the desk at once (/api/alerts and the `alert` socket event).
import { Type, type Static } from 'typebox';
import { ALERT_KINDS } from '../vocabulary.ts';
import { Iso } from './base.ts';

const AlertSchema = Type.Object({
  id: Type.String(),
  /** See ALERT_KINDS in vocabulary.ts. */
  kind: Type.Enum(ALERT_KINDS),
  at: Iso,
  /** '' for an alert about the hall rather than a ticket (forwarding held). */
  ticketId: Type.String(),
  number: Type.String(),
  serviceCode: Type.String(),
  visitors: Type.Integer(),
  /** The official category of a walk-in; '' for a kiosk registration (its topic is in the message). */
  category: Type.String(),
  message: Type.String(),
});
/** Raised to leaders and the desk at once (e.g. a collective visit); no personal data. */
export type HallAlert = Static<typeof AlertSchema>;

export const AlertListReplySchema = Type.Object({ alerts: Type.Array(AlertSchema) });
export type AlertListReply = Static<typeof AlertListReplySchema>;
