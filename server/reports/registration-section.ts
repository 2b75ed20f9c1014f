// 来访登记: registrations by category, purpose, 所属系统, 热点问题 and place; first and repeat,
// individual and collective visits with their people; green channel by reason.
import { figure, people, table, tallyTable, text } from './table-kit.ts';
import type { SectionInput } from './section-input.ts';

const orNone = (label: string) => (key: string) => key || label;

// Longer than ~40 lines: one table per figure the bureau reads.
export function registrationSection({ reports, span, previous, labels }: SectionInput) {
  const now = reports.intakeTotals(span);
  const before = reports.intakeTotals(previous);
  const by = (field: Parameters<typeof reports.intakesBy>[1]) => [reports.intakesBy(span, field), reports.intakesBy(previous, field)] as const;
  const place = (level: 2 | 4 | 6) => [reports.intakesByPlace(span, level), reports.intakesByPlace(previous, level)] as const;
  const kinds = (t: typeof now) => [
    ['初访', t.registrations - t.repeat, t.people - t.repeatPeople],
    ['重复访', t.repeat, t.repeatPeople],
    ['个体访', t.registrations - t.collective, t.people - t.collectivePeople],
    ['集体访', t.collective, t.collectivePeople],
  ] as const;
  const beforeKinds = kinds(before);
  return {
    figures: [
      figure('registrations', '登记', now.registrations, before.registrations),
      figure('people', '来访人数', now.people, before.people, 'people'),
      figure('collective', '集体访', now.collective, before.collective),
      figure('repeat', '重复访', now.repeat, before.repeat),
    ],
    tables: [
      table(
        'visit-kinds',
        '初访与重复访、个体访与集体访',
        [text('key', '类型'), { key: 'n', label: '本期', kind: 'count' }, people('people', '人数'), { key: 'previous', label: '上期', kind: 'count' }],
        kinds(now).map(([label, n, p], i) => [label, n, p, beforeKinds[i]![1]]),
      ),
      tallyTable('by-day', '每日登记', '日期', reports.intakesByDay(span), [], (d) => d),
      tallyTable('by-category', '按内容分类', '内容分类', ...by('category'), orNone('未分类'), { drill: 'category' }),
      tallyTable('by-purpose', '按来访目的', '来访目的', ...by('purpose'), orNone('未选择'), { drill: 'purpose' }),
      tallyTable('by-system', '按所属系统', '所属系统', ...by('responsible_system'), orNone('未填写')),
      tallyTable('by-hot-issue', '按热点问题', '热点问题', ...by('hot_issue'), orNone('非热点')),
      tallyTable('by-province', '按问题属地（省）', '省', ...place(2), (c) => labels.place(c), { drill: 'placeCode' }),
      tallyTable('by-city', '按问题属地（市）', '市', ...place(4), (c) => labels.place(c, true), { drill: 'placeCode' }),
      tallyTable('by-county', '按问题属地（县区）', '县区', ...place(6), (c) => labels.place(c, true), { drill: 'placeCode' }),
      table(
        'place-category',
        '属地 × 内容分类（人数）',
        [text('place', '县区'), text('category', '内容分类'), { key: 'n', label: '登记', kind: 'count' }, people('people', '人数')],
        reports.placeByCategory(span).map((r) => [labels.place(r.key, true), r.category || '未分类', r.n, r.people]),
        true,
      ),
      tallyTable('green', '绿色通道（按原因）', '原因', reports.greenByReason(span), reports.greenByReason(previous), labels.greenReason, { withPeople: false }),
    ],
  };
}
