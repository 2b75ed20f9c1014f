// 好差评: the satisfaction rate per window, staff member, service and day; 差评 by reason and the
// rectification tasks they opened. Aggregates only: never who rated.
import { CRITERION_LABELS } from '../../common/evaluation.ts';
import type { EvaluationCriterion } from '../../common/vocabulary.ts';
import { groupNames, satisfactionFigures } from '../evaluation/figures.ts';
import type { SectionInput } from './section-input.ts';
import { count, figure, percent, table, text } from './table-kit.ts';

const GROUPS = [
  ['satisfaction-by-window', '按窗口', '窗口', 'window'],
  ['satisfaction-by-staff', '按工作人员', '工作人员', 'staff'],
  ['satisfaction-by-service', '按业务', '业务', 'service'],
  ['satisfaction-by-day', '按日', '日期', 'day'],
  ['satisfaction-by-month', '按月', '月份', 'month'],
] as const;

const COLUMNS = [count('rated', '已评价'), count('satisfied', '满意（含基本满意）'), count('poor', '差评'), count('unrated', '未评价'), percent('rate', '满意率')];

export function satisfactionSection({ satisfaction, span, previous }: SectionInput) {
  const names = groupNames(satisfaction);
  const of = (s: { from: string; to: string }, by: (typeof GROUPS)[number][3]) => satisfactionFigures(satisfaction, names, { from: s.from, to: s.to, by });
  const now = of(span, 'window').total;
  const before = of(previous, 'window').total;
  const tasks = satisfaction.rectifications.counts(span.from, span.to, satisfaction.today);
  return {
    figures: [
      figure('rate', '满意率', now.rate, before.rate, 'percent'),
      figure('rated', '已评价', now.rated, before.rated),
      figure('poor', '差评', now.poor, before.poor),
      figure('rectified', '整改已回访', tasks.closed, null),
      figure('overdue', '整改逾期', tasks.overdue, null),
    ],
    tables: [
      ...GROUPS.map(([id, title, label, by]) => {
        const { rows, total } = of(span, by);
        return table(id, `满意度（${title}）`, [text('key', label), ...COLUMNS], [...rows, total].map((r) => [r.label, r.rated, r.satisfied, r.poor, r.unrated, r.rate]));
      }),
      table(
        'satisfaction-poor-reasons',
        '差评原因',
        [text('key', '方面'), count('n', '差评')],
        satisfaction.evaluations.poorReasons(span.from, span.to).map((r) => [CRITERION_LABELS[r.key as EvaluationCriterion] ?? r.key, r.n]),
      ),
    ],
  };
}
