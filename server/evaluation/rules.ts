// 好差评 rules, pure: what a rating must hold, when a rectification is due and overdue, and the
// satisfaction rate. The service (service.ts) does the I/O.
import type { SatisfactionRow } from '../../common/contract/evaluation.ts';
import { isPoor } from '../../common/evaluation.ts';
import type { ErrorCode } from '../../common/errors.ts';
import type { EvaluationCriterion, EvaluationLevel } from '../../common/vocabulary.ts';
import { shiftDay } from '../calendar/hall-calendar.ts';
import type { EvaluationRecord, RectificationRecord } from '../store/records.ts';
import type { SatisfactionTally } from '../store/repositories.ts';

/** Why a rating cannot be recorded as it is, or null: a 差评 needs at least one reason. */
export function ratingProblem(level: EvaluationLevel, reasons: readonly EvaluationCriterion[]): ErrorCode | null {
  return isPoor(level) && reasons.length === 0 ? 'evaluation_reason_required' : null;
}

/** Whether the window's evaluator may still rate this row at `at`. */
export const invitationOpen = (row: EvaluationRecord, windowNo: number | null, at: number): boolean =>
  row.level === 'unrated' && row.windowNo === windowNo && at < row.inviteUntil;

/** Whether `today` is within `days` calendar days after the row's service day, when the kiosk takes ratings (0: never). */
export const withinKioskDays = (row: EvaluationRecord, today: string, days: number): boolean => days > 0 && today <= shiftDay(row.serviceDay, days);

/** A task still open after its due day. */
export const isOverdue = (task: Pick<RectificationRecord, 'state' | 'dueDay'>, today: string): boolean => task.state === 'open' && today > task.dueDay;

/** Satisfied ÷ rated in percent with one decimal; null with nothing rated. */
const satisfactionRate = (satisfied: number, rated: number): number | null => (rated > 0 ? Math.round((satisfied / rated) * 1000) / 10 : null);

export function satisfactionRow(tally: SatisfactionTally, label: string): SatisfactionRow {
  return { ...tally, label, rate: satisfactionRate(tally.satisfied, tally.rated) };
}

/** The tallies summed (the total row of a table). */
export function sumTallies(tallies: readonly SatisfactionTally[]): SatisfactionTally {
  const sum = (f: 'rated' | 'satisfied' | 'poor' | 'unrated') => tallies.reduce((n, t) => n + t[f], 0);
  return { key: 'total', rated: sum('rated'), satisfied: sum('satisfied'), poor: sum('poor'), unrated: sum('unrated') };
}
