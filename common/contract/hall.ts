// Public facts about the hall: health, name and services (/api/hall), what the board shows besides
// the queue (/api/board).
import { Type, type Static } from 'typebox';
import { Nullable } from './base.ts';
import { ServiceInfoSchema, WindowViewSchema } from './queue.ts';

export const HealthReplySchema = Type.Object({
  status: Type.Literal('ok'),
  seq: Type.Integer(),
  /** A trivial query answered. */
  database: Type.Object({ ok: Type.Boolean() }),
  /** Each configured printer and card reader: its condition now. */
  devices: Type.Array(
    Type.Object({ kind: Type.Union([Type.Literal('printer'), Type.Literal('reader')]), id: Type.String(), condition: Type.String(), ready: Type.Boolean() }),
  ),
  forwarding: Type.Object({
    pending: Type.Integer(),
    /** Age of the oldest message still to deliver (0: none). */
    oldestPendingSeconds: Type.Number(),
    /** The case system refuses the hall: forwarding waits for staff. */
    held: Type.Boolean(),
  }),
  /** The system clock: NTP synchronised (null: the system cannot tell), and the last jump seen. */
  clock: Type.Object({
    synchronized: Nullable(Type.Boolean()),
    lastJump: Nullable(Type.Object({ at: Type.String(), seconds: Type.Integer() })),
  }),
});

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
  /** The hall's hours as the board says them: `周一至周五 09:00–17:30（法定节假日除外）`; the kiosks' daily cut-off (`17:00`), null when kiosks issue at any hour. */
  hours: Type.Object({ text: Type.String(), kioskUntil: Type.Union([Type.String(), Type.Null()]) }),
});
/** What the hall board shows besides the queue: notices, leader receptions, voice settings. */
export type BoardInfo = Static<typeof BoardInfoSchema>;
