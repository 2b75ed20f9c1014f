// The report's charts as ECharts options built from its tables: a daily trend, bars by category
// and by place, the hour × weekday heat map of arrivals, the waiting-time distribution and the
// satisfaction rate per window. Pure
// (plain option objects, no ECharts import), so the charts a report gets are testable without a
// browser. A chart whose table the viewer does not get (or which has nothing to show) is left out.
import type { Report, ReportTable } from '../../common/contract/reports.ts';

export interface ChartSpec {
  id: string;
  title: string;
  /** An ECharts option (series, axes, visual map), animation off so print and tests see it at once. */
  option: Record<string, unknown>;
}

const COLORS = ['#0b5cd6', '#e8a33d', '#1a7f37', '#8250df', '#cf222e', '#57606a'];
const BASE = { animation: false, color: COLORS, tooltip: { trigger: 'axis' } };
const TOP = 10;

function tableIn(report: Report, id: string): ReportTable | undefined {
  return report.sections.flatMap((s) => s.tables).find((t) => t.id === id);
}

const column = (t: ReportTable, key: string) => t.columns.findIndex((c) => c.key === key);
const numbers = (t: ReportTable, index: number) => t.rows.map((r) => Number(r[index] ?? 0));
const labels = (t: ReportTable) => t.rows.map((r) => String(r[0]));

/** Every calendar day of the period, in order. */
function periodDays({ from, to }: Report['period']): string[] {
  const days: string[] = [];
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += 86_400_000) days.push(new Date(ms).toISOString().slice(0, 10));
  return days;
}

/** Tickets and registrations on each day of periods longer than a day (days without any show 0). */
function trend(report: Report): ChartSpec | null {
  const tickets = tableIn(report, 'tickets-by-day');
  const registrations = tableIn(report, 'by-day');
  const days = periodDays(report.period);
  if (days.length < 2 || (!tickets && !registrations)) return null;
  const perDay = (t: ReportTable | undefined, key: string) => {
    if (!t) return null;
    const byDay = new Map(t.rows.map((r) => [String(r[0]), Number(r[column(t, key)] ?? 0)]));
    return days.map((d) => byDay.get(d) ?? 0);
  };
  const series = [
    { name: '取号', data: perDay(tickets, 'issued') },
    { name: '登记', data: perDay(registrations, 'n') },
  ].flatMap((s) => (s.data ? [{ ...s, type: 'line', showSymbol: days.length <= 31 }] : []));
  return {
    id: 'trend',
    title: '每日取号与登记',
    option: { ...BASE, legend: { top: 0 }, grid: { left: 48, right: 16, top: 32, bottom: 32 }, xAxis: { type: 'category', data: days.map((d) => d.slice(5)) }, yAxis: { type: 'value', minInterval: 1 }, series },
  };
}

/** The busiest rows of a tally as horizontal bars, this period beside the previous one. */
function tallyBars(report: Report, tableId: string, id: string, title: string): ChartSpec | null {
  const t = tableIn(report, tableId);
  if (!t || t.rows.length === 0) return null;
  const rows = t.rows.slice(0, TOP).reverse();
  const n = column(t, 'n');
  const previous = column(t, 'previous');
  const top = { ...t, rows };
  return {
    id,
    title,
    option: {
      ...BASE,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: labels(top) },
      series: [
        { name: '本期', type: 'bar', data: numbers(top, n), label: { show: true, position: 'right' } },
        { name: '上期', type: 'bar', data: numbers(top, previous) },
      ],
    },
  };
}

/** Arrivals by weekday and hour, over the hours anyone came. */
function heat(report: Report): ChartSpec | null {
  const t = tableIn(report, 'arrivals-heat');
  if (!t) return null;
  const hours = t.columns.slice(1).map((_, h) => h).filter((h) => t.rows.some((r) => Number(r[h + 1]) > 0));
  if (hours.length === 0) return null;
  const data = t.rows.flatMap((r, day) => hours.map((h, x) => [x, day, Number(r[h + 1])]));
  const max = Math.max(...data.map((d) => d[2]!));
  return {
    id: 'heat',
    title: '到访热力（星期 × 时段）',
    option: {
      ...BASE,
      tooltip: { position: 'top' },
      grid: { left: 56, right: 16, top: 8, bottom: 84 },
      xAxis: { type: 'category', data: hours.map((h) => `${h}时`), splitArea: { show: true } },
      yAxis: { type: 'category', data: labels(t), inverse: true, splitArea: { show: true } },
      visualMap: { min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 160, inRange: { color: ['#f6f8fa', '#9ecbff', '#0b3d91'] } },
      series: [{ name: '到访', type: 'heatmap', data, label: { show: hours.length <= 12 } }],
    },
  };
}

/** Completed tickets by waiting time, one stacked bar per bucket, one colour per service. */
function waits(report: Report): ChartSpec | null {
  const t = tableIn(report, 'wait-distribution');
  if (!t || t.columns.length < 2 || t.rows.every((r) => r.slice(1).every((v) => !v))) return null;
  return {
    id: 'waits',
    title: '等候时间分布（已办结）',
    option: {
      ...BASE,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 32, bottom: 32 },
      xAxis: { type: 'category', data: labels(t) },
      yAxis: { type: 'value', minInterval: 1 },
      series: t.columns.slice(1).map((c, i) => ({ name: c.label, type: 'bar', stack: 'wait', data: numbers(t, i + 1) })),
    },
  };
}

/** 满意率 per window (rated services only; the total row left out), on a 0–100 % scale. */
function satisfaction(report: Report): ChartSpec | null {
  const t = tableIn(report, 'satisfaction-by-window');
  if (!t) return null;
  const rated = column(t, 'rated');
  const rows = t.rows.filter((r) => r[0] !== '合计' && Number(r[rated]) > 0);
  if (rows.length === 0) return null;
  const windows = { ...t, rows };
  return {
    id: 'satisfaction',
    title: '满意率（按窗口）',
    option: {
      ...BASE,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${v}%` },
      grid: { left: 48, right: 16, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: labels(windows) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [{ name: '满意率', type: 'bar', data: numbers(windows, column(t, 'rate')), label: { show: true, position: 'top', formatter: '{c}%' } }],
    },
  };
}

export function reportCharts(report: Report): ChartSpec[] {
  return [
    trend(report),
    tallyBars(report, 'by-category', 'category', '按内容分类（前十）'),
    tallyBars(report, 'by-county', 'place', '按问题属地（县区，前十）'),
    heat(report),
    waits(report),
    satisfaction(report),
  ].filter((c): c is ChartSpec => c !== null);
}
