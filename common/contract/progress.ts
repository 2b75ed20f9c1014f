// The progress query at the kiosk (电脑查询): what the petitioner asks with, and what they see.
import { Type, type Static } from 'typebox';
import { CASE_STATES, INTAKE_STATES } from '../vocabulary.ts';
import { Nullable } from './base.ts';
import { KioskEvaluationSchema } from './evaluation.ts';

/** By the ticket's QR code: the kiosk, and the phone page of the QR. */
export const ProgressByCodeSchema = Type.Object(
  { queryCode: Type.String({ pattern: '^[0-9A-Za-z]{6,20}$', description: "From the ticket's QR code" }) },
  { additionalProperties: false },
);

export const ProgressQuerySchema = Type.Union([
  ProgressByCodeSchema,
  Type.Object(
    {
      idNumber: Type.String({ pattern: '^\\d{17}[\\dXx]$' }),
      phoneLast4: Type.String({ pattern: '^\\d{4}$', description: 'Last four digits of the phone given at registration' }),
    },
    { additionalProperties: false },
  ),
]);
export type ProgressQuery = Static<typeof ProgressQuerySchema>;

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/** The matter's life in the case system, in the person's words (docs/case-life.md). */
const CaseLifeViewSchema = Type.Object({
  state: Type.Enum(CASE_STATES),
  stateLabel: Type.String(),
  /** Each state reported, oldest first, with its day. */
  steps: Type.Array(Type.Object({ day: Day, text: Type.String() })),
  /** The time limit now running: its last day and what happens by then. */
  due: Nullable(Type.Object({ day: Day, text: Type.String() })),
  /** What the person may do next (e.g. 请求复查 within 30 days), or null. */
  next: Nullable(Type.String()),
});
export type CaseLifeView = Static<typeof CaseLifeViewSchema>;

const ProgressRecordSchema = Type.Object({
  date: Type.String(),
  number: Type.String(),
  serviceName: Type.String(),
  state: Type.Enum(INTAKE_STATES),
  caseNumber: Nullable(Type.String()),
  acceptanceDue: Nullable(Type.String()),
  answerDue: Nullable(Type.String()),
  /** Null until the case system reports a state. */
  life: Nullable(CaseLifeViewSchema),
});
/** What the petitioner sees of a registration's progress: no personal data. */
export type ProgressRecord = Static<typeof ProgressRecordSchema>;

export const ProgressReplySchema = Type.Object({
  records: Type.Array(ProgressRecordSchema),
  /** Asked by the ticket's code, and its service may still be rated here (好差评); else null. */
  evaluation: Nullable(KioskEvaluationSchema),
});
export type ProgressReply = Static<typeof ProgressReplySchema>;
