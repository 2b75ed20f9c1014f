// Public facts about the hall: health, name and services (/api/hall), what the board shows besides
// the queue (/api/board).
import { Type, type Static } from 'typebox';
import { ServiceInfoSchema, WindowViewSchema } from './queue.ts';

export const HealthReplySchema = Type.Object({ status: Type.Literal('ok'), seq: Type.Integer() });

export const GreenReasonSchema = Type.Object({
  code: Type.String(),
  label: Type.String(),
  /** The desk must add a note (e.g. 其他). */
  needsNote: Type.Boolean(),
});

export const HallInfoSchema = Type.Object({
  name: Type.String(),
  serviceDay: Type.String(),
  services: Type.Array(ServiceInfoSchema),
  windows: Type.Array(WindowViewSchema),
  greenReasons: Type.Array(GreenReasonSchema),
});

/** A leader reception on the board: the configured schedule resolved to dates. */
const UpcomingReceptionSchema = Type.Object({
  date: Type.String(),
  time: Type.String(),
  leader: Type.String(),
  title: Type.String(),
  responsibilities: Type.String(),
  place: Type.String(),
});

export const BoardInfoSchema = Type.Object({
  timeZone: Type.String(),
  notices: Type.Array(Type.String()),
  recentCalls: Type.Integer(),
  /** Show and say the next number for the window after each call. */
  advanceCall: Type.Boolean(),
  voice: Type.Object({
    enabled: Type.Boolean(),
    volume: Type.Number(),
    times: Type.Integer(),
    quietHours: Type.Array(Type.Object({ from: Type.String(), to: Type.String() })),
    preferSpeechSynthesis: Type.Boolean(),
  }),
  leaderReceptions: Type.Array(UpcomingReceptionSchema),
});
/** What the hall board shows besides the queue: notices, leader receptions, voice settings. */
export type BoardInfo = Static<typeof BoardInfoSchema>;
