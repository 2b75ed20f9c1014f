// Today's figures for the leaders' live view (/api/stats/today). Counts only: no personal data.
import { Type, type Static } from 'typebox';
import { Nullable } from './base.ts';

export const TodayStatsSchema = Type.Object({
  serviceDay: Type.String(),
  registrations: Type.Integer(),
  verified: Type.Integer(),
  /** Registrations still to verify (not closed with a reason): they cannot be forwarded yet. */
  unverified: Type.Integer(),
  forwarded: Type.Integer(),
  collective: Type.Integer(),
  repeat: Type.Integer(),
  /** Tickets per status (see TICKET_STATUSES). */
  tickets: Type.Record(Type.String(), Type.Integer()),
  green: Type.Integer(),
  /** Tickets not finished yet: waiting, at a window or set aside. */
  unfinished: Type.Integer(),
  /** Near closing time: registrations not verified and tickets not finished (also part of /api/forwarding's warning). */
  warning: Nullable(Type.String()),
});
export type TodayStats = Static<typeof TodayStatsSchema>;
