// Building report tables and figures from grouped rows: labels, the previous period beside the
// current one, durations in minutes. Pure.
import type { DrillField, ReportColumn, ReportFigure, ReportTable } from '../../common/contract/reports.ts';
import type { Tally, Timing } from '../store/repositories.ts';

type Cell = string | number | null;
export const text = (key: string, label: string): ReportColumn => ({ key, label, kind: 'text' });
export const count = (key: string, label: string): ReportColumn => ({ key, label, kind: 'count' });
export const people = (key: string, label: string): ReportColumn => ({ key, label, kind: 'people' });
const minutes = (key: string, label: string): ReportColumn => ({ key, label, kind: 'minutes' });
export const percent = (key: string, label: string): ReportColumn => ({ key, label, kind: 'percent' });

export function table(id: string, title: string, columns: ReportColumn[], rows: Cell[][], suppressSmall = false): ReportTable {
  return { id, title, columns, rows, suppressSmall };
}

export const figure = (id: string, label: string, value: number | null, previous: number | null, kind: ReportColumn['kind'] = 'count'): ReportFigure => ({
  id,
  label,
  value,
  previous,
  kind,
});

/** Registration states (`closed`: completed without verification) and delivery states. */
const STATES: Record<string, string> = {
  submitted: '待核对',
  closed: '未登记即办结',
  verified: '已核对待转送',
  forwarded: '已转送',
  acknowledged: '已受理（有案号）',
  pending: '待送达',
  delivered: '已送达',
  dead: '送达失败',
};
/** A registration's or an outbox message's state as the report words it. */
export const stateName = (key: string) => STATES[key] ?? key;

/** Milliseconds as minutes with one decimal (null stays null). */
export const toMinutes = (ms: number | null): number | null => (ms === null ? null : Math.round(ms / 6_000) / 10);

/** A share in percent with one decimal; null when there is nothing to share. */
export const rate = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/**
 * Counts by key in the period, with the people they stand for and the previous period's count:
 * every key of either period, the busiest first. With `drill`, each row names the registrations
 * filter behind it (the drill-down).
 */
export function tallyTable(
  id: string,
  title: string,
  keyLabel: string,
  current: readonly Tally[],
  previous: readonly Tally[],
  name: (key: string) => string,
  { withPeople = true, drill }: { withPeople?: boolean; drill?: DrillField } = {},
): ReportTable {
  const before = new Map(previous.map((t) => [t.key, t.n]));
  const keys = [...current.map((t) => t.key), ...previous.filter((t) => !current.some((c) => c.key === t.key)).map((t) => t.key)];
  const now = new Map(current.map((t) => [t.key, t]));
  const rows = keys.map((key) => {
    const t = now.get(key);
    return [name(key), t?.n ?? 0, ...(withPeople ? [t?.people ?? 0] : []), before.get(key) ?? 0];
  });
  const columns = [text('key', keyLabel), count('n', '本期'), ...(withPeople ? [people('people', '人数')] : []), count('previous', '上期')];
  return { ...table(id, title, columns, rows), ...(drill ? { drill: { field: drill, keys } } : {}) };
}

/** Waiting and service times per group: median, 90th percentile and longest, in minutes. */
export function timingTable(id: string, title: string, keyLabel: string, rows: readonly Timing[]): ReportTable {
  return table(
    id,
    title,
    [
      text('key', keyLabel),
      count('n', '办结'),
      minutes('waitMedian', '等候中位数'),
      minutes('waitP90', '等候P90'),
      minutes('waitMax', '最长等候'),
      minutes('serviceMedian', '办理中位数'),
      minutes('serviceP90', '办理P90'),
      minutes('serviceMax', '最长办理'),
    ],
    rows.map((r) => [
      r.label,
      r.n,
      toMinutes(r.waitMedian),
      toMinutes(r.waitP90),
      toMinutes(r.waitMax),
      toMinutes(r.serviceMedian),
      toMinutes(r.serviceP90),
      toMinutes(r.serviceMax),
    ]),
  );
}
