// 转送与当日办: verified, forwarded and forwarded the same day, delivery states; and 领导接访:
// the days a leader received people, with the matters and how far they went.
import type { SectionInput } from './section-input.ts';
import { count, figure, people, percent, rate, stateName, table, tallyTable, text } from './table-kit.ts';

export function forwardingSection({ reports, span, previous }: SectionInput) {
  const now = reports.intakeTotals(span);
  const before = reports.intakeTotals(previous);
  const sameDay = (t: typeof now) => rate(t.forwardedSameDay, t.verified);
  const outbox = reports.outboxByState(span);
  return {
    figures: [
      figure('verified', '已核对', now.verified, before.verified),
      figure('forwarded', '已转送', now.forwarded, before.forwarded),
      figure('same-day-rate', '当日办率', sameDay(now), sameDay(before), 'percent'),
      figure('dead', '送达失败', outbox.find((o) => o.key === 'dead')?.n ?? 0, reports.outboxByState(previous).find((o) => o.key === 'dead')?.n ?? 0),
    ],
    tables: [
      table(
        'same-day',
        '当日办',
        [text('key', '项目'), count('n', '本期'), count('previous', '上期')],
        [
          ['登记', now.registrations, before.registrations],
          ['已核对', now.verified, before.verified],
          ['当日转送', now.forwardedSameDay, before.forwardedSameDay],
          ['已转送', now.forwarded, before.forwarded],
          ['已受理（有案号）', now.acknowledged, before.acknowledged],
          ['当日办率（%）', sameDay(now), sameDay(before)],
        ],
      ),
      tallyTable('by-state', '登记办理状态', '状态', reports.intakesByState(span), reports.intakesByState(previous), stateName),
      tallyTable('delivery', '转送送达情况', '送达', outbox, reports.outboxByState(previous), stateName),
    ],
  };
}

export function leaderSection({ reports, span, leaderService }: SectionInput) {
  if (!leaderService) return null;
  const days = reports.leaderDays(span, leaderService);
  if (!days.length) return null;
  const total = (key: 'received' | 'people' | 'matters') => days.reduce((n, d) => n + d[key], 0);
  return {
    figures: [
      figure('leader-days', '接访天数', days.length, null),
      figure('leader-people', '接待人数', total('people'), null, 'people'),
      figure('leader-matters', '登记事项', total('matters'), null),
    ],
    tables: [
      table(
        'leader-days',
        '领导接访日',
        [
          text('day', '日期'),
          count('tickets', '取号'),
          count('received', '接待'),
          people('people', '人数'),
          count('matters', '登记事项'),
          count('forwarded', '已转送'),
          count('acknowledged', '已受理'),
          count('closed', '未登记即办结'),
          percent('rate', '转送率'),
        ],
        days.map((d) => [d.day, d.tickets, d.received, d.people, d.matters, d.forwarded, d.acknowledged, d.closedUnverified, rate(d.forwarded, d.matters)]),
      ),
    ],
  };
}
