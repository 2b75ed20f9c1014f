// Today's figures for the leaders' live view (/api/stats/today). Counts only: no personal data.
import { Type, type Static } from 'typebox';

export const TodayStatsSchema = Type.Object({
  serviceDay: Type.String(),
  registrations: Type.Integer(),
  verified: Type.Integer(),
  forwarded: Type.Integer(),
  collective: Type.Integer(),
  repeat: Type.Integer(),
  /** Tickets per status (see TICKET_STATUSES). */
  tickets: Type.Record(Type.String(), Type.Integer()),
  green: Type.Integer(),
});
export type TodayStats = Static<typeof TodayStatsSchema>;
