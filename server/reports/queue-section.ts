// 排队叫号: tickets per service and hour, arrivals by weekday and hour, waiting and service times
// per service, window and staff member, no-shows, transfers, tickets unfinished at closing.
import { WAIT_BUCKET_MINUTES } from '../../common/contract/reports.ts';
import type { TicketTally } from '../store/repositories.ts';
import type { SectionInput } from './section-input.ts';
import { count, figure, table, text, timingTable, toMinutes } from './table-kit.ts';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];
const hourLabel = (h: number) => `${String(h).padStart(2, '0')}时`;
const bucketLabel = (i: number) => {
  const from = WAIT_BUCKET_MINUTES[i]!;
  const to = WAIT_BUCKET_MINUTES[i + 1];
  return to === undefined ? `${from}分钟以上` : `${from}–${to}分钟`;
};

const sum = (rows: readonly TicketTally[], key: keyof Omit<TicketTally, 'key'>) => rows.reduce((n, r) => n + r[key], 0);

/** Rows × columns of counts from grouped rows (absent cells are 0). */
function grid<R>(rows: readonly R[], row: (r: R) => number, column: (r: R) => number, n: (r: R) => number, size: [number, number]) {
  const cells = Array.from({ length: size[0] }, () => Array<number>(size[1]).fill(0));
  for (const r of rows) cells[row(r)]![column(r)]! += n(r);
  return cells;
}

// Longer than ~40 lines: one table per figure the hall reads.
export function queueSection({ reports, span, previous, labels }: SectionInput) {
  const services = reports.ticketsBy(span, 'service');
  const before = reports.ticketsBy(previous, 'service');
  const codes = [...new Set(services.map((s) => s.key))];
  const hours = reports.ticketsByHour(span);
  const hourRange = hours.length ? [Math.min(...hours.map((h) => h.hour)), Math.max(...hours.map((h) => h.hour))] : [8, 17];
  const hourList = Array.from({ length: hourRange[1]! - hourRange[0]! + 1 }, (_, i) => hourRange[0]! + i);
  const perHour = grid(hours, (h) => h.hour - hourRange[0]!, (h) => codes.indexOf(h.service), (h) => h.n, [hourList.length, codes.length]);
  const heat = grid(reports.arrivals(span), (a) => a.weekday - 1, (a) => a.hour, (a) => a.n, [7, 24]);
  const buckets = reports.waitBuckets(span);
  const waitTimings = reports.timings(span, 'service');
  const allWait = waitTimings.length === 1 ? waitTimings[0]!.waitMedian : null;
  const tallyColumns = [
    count('issued', '取号'),
    count('done', '办结'),
    count('noShow', '过号'),
    count('transferred', '转办'),
    count('expired', '闭厅时未办结'),
    count('cancelled', '取消'),
    count('open', '办理中'),
    count('green', '绿色通道'),
  ];
  const tallyRow = (t: TicketTally) => [t.issued, t.done, t.noShow, t.transferred, t.expired, t.cancelled, t.open, t.green];
  return {
    figures: [
      figure('tickets', '取号', sum(services, 'issued'), sum(before, 'issued')),
      figure('done', '办结', sum(services, 'done'), sum(before, 'done')),
      figure('no-show', '过号', sum(services, 'noShow'), sum(before, 'noShow')),
      figure('transferred', '转办', sum(services, 'transferred'), sum(before, 'transferred')),
      figure('expired', '闭厅时未办结', sum(services, 'expired'), sum(before, 'expired')),
      ...(allWait !== null ? [figure('wait-median', '等候中位数（分钟）', toMinutes(allWait), null, 'minutes')] : []),
    ],
    tables: [
      table('tickets-by-day', '每日取号', [text('day', '日期'), ...tallyColumns], reports.ticketsBy(span, 'day').map((t) => [t.key, ...tallyRow(t)])),
      table(
        'tickets-by-service',
        '各业务取号与办理',
        [text('service', '业务'), ...tallyColumns, count('previous', '上期取号')],
        services.map((t) => [labels.service(t.key), ...tallyRow(t), before.find((b) => b.key === t.key)?.issued ?? 0]),
      ),
      table(
        'tickets-by-hour',
        '各时段取号',
        [text('hour', '时段'), ...codes.map((c) => count(c, labels.service(c)))],
        hourList.map((h, i) => [hourLabel(h), ...perHour[i]!]),
      ),
      table(
        'arrivals-heat',
        '到访热力（星期 × 时段）',
        [text('weekday', '星期'), ...Array.from({ length: 24 }, (_, h) => count(`h${h}`, hourLabel(h)))],
        heat.map((row, i) => [`星期${WEEKDAYS[i]}`, ...row]),
      ),
      table(
        'wait-distribution',
        '等候时间分布（已办结）',
        [text('bucket', '等候'), ...codes.map((c) => count(c, labels.service(c)))],
        WAIT_BUCKET_MINUTES.map((m, i) => [bucketLabel(i), ...codes.map((c) => buckets.find((b) => b.service === c && b.bucket === m)?.n ?? 0)]),
      ),
      timingTable('timing-by-service', '等候与办理时间（按业务，分钟）', '业务', waitTimings),
      timingTable('timing-by-window', '等候与办理时间（按窗口，分钟）', '窗口', reports.timings(span, 'window')),
      timingTable('timing-by-staff', '等候与办理时间（按工作人员，分钟）', '工作人员', reports.timings(span, 'staff')),
    ],
  };
}
