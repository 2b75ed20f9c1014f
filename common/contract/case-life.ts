// The case system's status reports (callback and polled feed) and the 时限 page (docs/case-life.md).
import { Type, type Static } from 'typebox';
import { CASE_DEADLINE_KINDS, CASE_STATES } from '../vocabulary.ts';
import { Iso } from './base.ts';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/** One state of a case (format `xinfang-hall/case-status`, version 1); every text is for the person to read. */
export const CaseStatusBodySchema = Type.Object(
  {
    format: Type.Literal('xinfang-hall/case-status'),
    version: Type.Literal(1),
    /** The idempotency key of the forwarded registration (`xfh-<intake id>`). */
    intakeKey: Type.String({ pattern: '^xfh-[0-9A-HJKMNP-TV-Z]{26}$' }),
    caseNumber: Type.String({ minLength: 1, maxLength: 40, pattern: '^[0-9A-Za-z-]+$' }),
    state: Type.Enum(CASE_STATES),
    /** When the case reached the state, in the case system's time: the latest wins. */
    at: Iso,
    /** 不予受理: why, and where to go instead. */
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    goTo: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    /** 已转送: the office it went to. */
    office: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    /** 已延期: the new due day. */
    dueDay: Type.Optional(Day),
  },
  { additionalProperties: false },
);
export type CaseStatusBody = Static<typeof CaseStatusBodySchema>;

export const CaseStatusReplySchema = Type.Object({
  /** True when this idempotency key was already recorded (nothing changed). */
  duplicate: Type.Boolean(),
  /** The case's state now (the latest by the case system's time). */
  state: Type.Union([Type.Enum(CASE_STATES), Type.Null()]),
});

/** The polled feed's answer: reports after the cursor, each with its idempotency key and sequence number. */
export const CaseFeedSchema = Type.Object({
  events: Type.Array(Type.Object({ idempotencyKey: Type.String({ minLength: 1, maxLength: 100 }), seq: Type.Integer({ minimum: 1 }), status: CaseStatusBodySchema })),
});


const DEADLINE_CONDITIONS = ['overdue', 'approaching', 'running'] as const;

const DeadlineRowSchema = Type.Object({
  intakeId: Type.String(),
  caseNumber: Type.String(),
  serviceDay: Day,
  ticketNumber: Type.String(),
  kind: Type.Enum(CASE_DEADLINE_KINDS),
  state: Type.Union([Type.Enum(CASE_STATES), Type.Null()]),
  startDay: Day,
  dueDay: Day,
  /** Calendar days to the due day (negative: overdue by so many). */
  daysLeft: Type.Integer(),
  condition: Type.Enum(DEADLINE_CONDITIONS),
});
export type DeadlineRow = Static<typeof DeadlineRowSchema>;

export const DeadlineListQuerySchema = Type.Object(
  { show: Type.Optional(Type.Union([Type.Literal('attention'), Type.Literal('all')], { default: 'attention' })) },
  { additionalProperties: false },
);

export const DeadlineListReplySchema = Type.Object({
  today: Day,
  warnDaysBefore: Type.Integer(),
  counts: Type.Object({ overdue: Type.Integer(), approaching: Type.Integer(), running: Type.Integer() }),
  deadlines: Type.Array(DeadlineRowSchema),
});
export type DeadlineListReply = Static<typeof DeadlineListReplySchema>;
