// 时限: the time limits of the period's registrations in the case system — kept in time or late,
// still running, approaching, overdue — by kind, and their cases by state. Aggregates only.
import { CASE_STATE_LABELS, DEADLINE_LABELS } from '../../common/case-life.ts';
import type { CaseState } from '../../common/vocabulary.ts';
import type { SectionInput } from './section-input.ts';
import { count, figure, percent, rate, table, text } from './table-kit.ts';

export function timelinessSection({ timeliness: { cases, today, warnUntil }, span }: SectionInput) {
  const kinds = cases.timeliness(span.from, span.to, today, warnUntil);
  const sum = (f: 'onTime' | 'late' | 'running' | 'approaching' | 'overdue') => kinds.reduce((n, k) => n + k[f], 0);
  const [onTime, late, overdue] = [sum('onTime'), sum('late'), sum('overdue')];
  const inTime = rate(onTime, onTime + late + overdue);
  return {
    figures: [
      figure('on-time-rate', '按时办结率', inTime, null, 'percent'),
      figure('on-time', '按期办结', onTime, null),
      figure('late', '超期办结', late, null),
      figure('approaching', '将到期', sum('approaching'), null),
      figure('overdue', '已逾期未办结', overdue, null),
    ],
    tables: [
      table(
        'timeliness-by-limit',
        '时限（按环节）',
        [text('key', '环节'), count('onTime', '按期'), count('late', '超期'), count('running', '办理中'), count('approaching', '将到期'), count('overdue', '已逾期'), percent('rate', '按期率')],
        kinds.map((k) => [DEADLINE_LABELS[k.key], k.onTime, k.late, k.running, k.approaching, k.overdue, rate(k.onTime, k.onTime + k.late + k.overdue)]),
      ),
      table(
        'timeliness-by-state',
        '案件办理情况',
        [text('key', '办理情况'), count('n', '件数')],
        cases.states(span.from, span.to).map((s) => [s.key ? CASE_STATE_LABELS[s.key as CaseState] : '待决定是否受理', s.n]),
      ),
    ],
  };
}
