// 好差评 (/api/evaluations, /api/evaluator, /api/rectifications) and the evaluator's invitation.
// The evaluated staff member never sees who rated: evaluations carry the ticket, not the person.
import { Type, type Static } from 'typebox';
import { EVALUATION_CRITERIA, EVALUATION_LEVELS, RECTIFICATION_STATES } from '../vocabulary.ts';
import { Iso, Nullable, UlidPattern } from './base.ts';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Level = Type.Enum(EVALUATION_LEVELS);

/** Sent to the evaluators of a window when it completes a ticket (socket `evaluation:invite`). */
const EvaluationInviteSchema = Type.Object({
  ticketId: Type.String(),
  number: Type.String(),
  windowNo: Type.Integer(),
  /** After this the evaluator goes back to idle and the ticket stays 未评价. */
  expiresAt: Iso,
  /** The same as seconds from the moment it was sent (screens count down by their own clock). */
  seconds: Type.Integer({ minimum: 0 }),
  /** How long the screen thanks the person after a rating. */
  thanksSeconds: Type.Integer({ minimum: 0 }),
});
export type EvaluationInvite = Static<typeof EvaluationInviteSchema>;

export const EvaluatorPendingReplySchema = Type.Object({ invite: Nullable(EvaluationInviteSchema) });

export const EvaluateBodySchema = Type.Object(
  {
    ticketId: Type.String({ pattern: UlidPattern }),
    level: Level,
    /** Required (at least one) for 不满意 and 非常不满意. */
    reasons: Type.Array(Type.Enum(EVALUATION_CRITERIA), { maxItems: EVALUATION_CRITERIA.length, uniqueItems: true, default: [] }),
    comment: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type EvaluateBody = Static<typeof EvaluateBodySchema>;

/** A rating at the kiosk: the ticket named by the code of its QR (as for the progress query). */
export const KioskEvaluateBodySchema = Type.Object(
  {
    queryCode: Type.String({ pattern: '^[0-9A-Za-z]{6,20}$' }),
    level: Level,
    reasons: EvaluateBodySchema.properties.reasons,
    comment: EvaluateBodySchema.properties.comment,
  },
  { additionalProperties: false },
);
export type KioskEvaluateBody = Static<typeof KioskEvaluateBodySchema>;

/** A ticket the kiosk may still have rated (in the progress reply when asked by the ticket's code). */
export const KioskEvaluationSchema = Type.Object({
  date: Day,
  number: Type.String(),
  windowNo: Type.Integer(),
  /** Rated already (at the window or here): the kiosk thanks instead of asking again. */
  rated: Type.Boolean(),
});
export type KioskEvaluation = Static<typeof KioskEvaluationSchema>;

export const EvaluateReplySchema = Type.Object({
  level: Level,
  /** A 差评 opened a rectification task. */
  rectification: Type.Boolean(),
});
export type EvaluateReply = Static<typeof EvaluateReplySchema>;

const FollowUpSchema = Type.Object({
  calledAt: Iso,
  byName: Type.String(),
  result: Type.String(),
  /** Satisfied after the rectification. */
  satisfied: Type.Boolean(),
});

const RectificationSchema = Type.Object({
  id: Type.String(),
  /** '' when the viewer is the evaluated staff member (they never learn who rated). */
  ticketId: Type.String(),
  number: Type.String(),
  serviceDay: Day,
  windowNo: Type.Integer(),
  staffName: Type.String(),
  serviceName: Type.String(),
  level: Level,
  /** The reasons as the person chose them (办事效率低 …). */
  reasons: Type.Array(Type.String()),
  comment: Type.String(),
  openedAt: Iso,
  dueDay: Day,
  overdue: Type.Boolean(),
  owner: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  state: Type.Enum(RECTIFICATION_STATES),
  followUp: Nullable(FollowUpSchema),
});
export type Rectification = Static<typeof RectificationSchema>;

export const RectificationIdParams = Type.Object({ id: Type.String({ pattern: UlidPattern }) });

export const RectificationListQuerySchema = Type.Object(
  { state: Type.Optional(Type.Enum([...RECTIFICATION_STATES, 'all'])) },
  { additionalProperties: false },
);

export const RectificationListReplySchema = Type.Object({
  today: Day,
  tasks: Type.Array(RectificationSchema),
  /** Who may be named owner: the active staff. */
  owners: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
});
export type RectificationListReply = Static<typeof RectificationListReplySchema>;

export const RectificationReplySchema = Type.Object({ task: RectificationSchema });

export const AssignOwnerBodySchema = Type.Object({ ownerId: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false });

export const FollowUpBodySchema = Type.Object(
  {
    /** When the person was called back; defaults to now. */
    calledAt: Type.Optional(Iso),
    result: Type.String({ minLength: 2, maxLength: 300 }),
    satisfied: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type FollowUpBody = Static<typeof FollowUpBodySchema>;

const SATISFACTION_GROUPS = ['window', 'staff', 'service', 'day', 'month'] as const;

export const SatisfactionQuerySchema = Type.Object(
  { from: Day, to: Day, by: Type.Enum(SATISFACTION_GROUPS) },
  { additionalProperties: false },
);
export type SatisfactionQuery = Static<typeof SatisfactionQuerySchema>;

const SatisfactionRowSchema = Type.Object({
  key: Type.String(),
  label: Type.String(),
  /** Ratings given (未评价 not counted). */
  rated: Type.Integer(),
  satisfied: Type.Integer(),
  poor: Type.Integer(),
  unrated: Type.Integer(),
  /** Satisfied ÷ rated, in percent with one decimal; null with no rating. */
  rate: Nullable(Type.Number()),
});
export type SatisfactionRow = Static<typeof SatisfactionRowSchema>;

export const SatisfactionReplySchema = Type.Object({ rows: Type.Array(SatisfactionRowSchema), total: SatisfactionRowSchema });
export type SatisfactionReply = Static<typeof SatisfactionReplySchema>;

/** The window screen's figure (evaluation.windowScreenMonthly): the on-duty staff member's satisfaction this month. */
export const WindowSatisfactionReplySchema = Type.Object({
  /** False when configured off or nobody is on duty: the screen shows nothing. */
  shown: Type.Boolean(),
  month: Type.String({ pattern: '^\\d{4}-\\d{2}$' }),
  rated: Type.Integer(),
  rate: Nullable(Type.Number()),
});
export type WindowSatisfactionReply = Static<typeof WindowSatisfactionReplySchema>;
