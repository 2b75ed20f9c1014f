// 报表: a report over a day, week, month, quarter, year or custom range, compared with the period
// before — figures, charts, tables, each table exported as CSV and all as XLSX — and printed as
// the A4 monthly report with the hall's name, the period and lines for signatures.
import { useEffect, useState } from 'preact/hooks';
import type { Report, ReportFigure, ReportPeriodKind, ReportQuery } from '../../common/contract/reports.ts';
import { serviceDayOf } from '../../common/time.ts';
import { api, ApiError } from '../../common/ui/api.ts';
import { LabelledInput, LabelledSelect } from '../ui/field.tsx';
import { ReportCharts } from './report-charts.tsx';
import { DrillPanel, type DrillTarget } from './report-drill.tsx';
import { ReportTableView, formatCell } from './report-table.tsx';

const KINDS: ReadonlyArray<{ value: ReportPeriodKind; label: string }> = [
  { value: 'day', label: '日报' },
  { value: 'week', label: '周报' },
  { value: 'month', label: '月报' },
  { value: 'quarter', label: '季报' },
  { value: 'year', label: '年报' },
  { value: 'custom', label: '自定义期间' },
];

const longDay = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
const spanText = (span: { from: string; to: string }) => (span.from === span.to ? longDay(span.from) : `${longDay(span.from)}至${longDay(span.to)}`);

function queryString(query: ReportQuery, extra: Record<string, string> = {}) {
  return new URLSearchParams({ ...query, ...extra } as Record<string, string>).toString();
}

/** The change against the previous period in words: percent for counts, points for rates. */
function change(f: ReportFigure): string {
  if (f.previous === null || f.value === null) return '';
  if (f.kind === 'percent') {
    const d = f.value - f.previous;
    return `上期 ${formatCell(f.previous, f.kind)}，${d === 0 ? '持平' : `${d > 0 ? '上升' : '下降'} ${Math.abs(d).toFixed(1)} 个百分点`}`;
  }
  if (f.previous === 0) return `上期 ${formatCell(f.previous, f.kind)}`;
  const pct = ((f.value - f.previous) / f.previous) * 100;
  return `上期 ${formatCell(f.previous, f.kind)}，${pct === 0 ? '持平' : `${pct > 0 ? '增加' : '减少'} ${Math.abs(pct).toFixed(1)}%`}`;
}

function Figures({ figures }: { figures: readonly ReportFigure[] }) {
  return (
    <div class="report-figures">
      {figures.map((f) => (
        <div class="figure" key={f.id} data-figure={f.id}>
          <span class="figure-label">{f.label}</span>
          <strong>{formatCell(f.value, f.kind)}</strong>
          <span class="muted">{change(f)}</span>
        </div>
      ))}
    </div>
  );
}

function PeriodForm({ initial, onQuery }: { initial: ReportQuery; onQuery: (q: ReportQuery) => void }) {
  const [kind, setKind] = useState<ReportPeriodKind>(initial.kind);
  const [date, setDate] = useState(initial.date);
  const [to, setTo] = useState(initial.to ?? initial.date);
  return (
    <form
      class="inline no-print report-period"
      onSubmit={(e) => {
        e.preventDefault();
        onQuery(kind === 'custom' ? { kind, date, to } : { kind, date });
      }}
    >
      <LabelledSelect id="report-kind" label="报表周期" value={kind} choices={KINDS} onValue={(v) => setKind(v as ReportPeriodKind)} />
      <LabelledInput id="report-date" label={kind === 'custom' ? '开始日期' : '所在日期'} type="date" value={date} onValue={setDate} required />
      {kind === 'custom' && <LabelledInput id="report-to" label="结束日期" type="date" value={to} onValue={setTo} required />}
      <button type="submit">查询</button>
    </form>
  );
}

export function ReportsPage({ timeZone }: { timeZone: string }) {
  const [query, setQuery] = useState<ReportQuery>(() => ({ kind: 'month', date: serviceDayOf(Date.now(), timeZone) }));
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  useEffect(() => {
    setError(null);
    setDrill(null);
    api<Report>('GET', `/api/reports?${queryString(query)}`).then(setReport, (e: unknown) =>
      setError(e instanceof ApiError ? e.message : '报表暂时无法生成，请稍后再试。'),
    );
  }, [queryString(query)]);

  const exportUrl = (extra: Record<string, string>) => `/api/reports/export?${queryString(query, extra)}`;
  const kindLabel = KINDS.find((k) => k.value === (report?.period.kind ?? query.kind))!.label;
  return (
    <section class="reports-page" aria-labelledby="report-title">
      <PeriodForm initial={query} onQuery={setQuery} />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {!report ? (
        !error && <p>正在生成报表…</p>
      ) : (
        <article class="report-sheet">
          <header class="report-head">
            <h2 id="report-title">
              {report.hallName}信访接待{kindLabel === '自定义期间' ? '报表' : kindLabel}
            </h2>
            <p>
              统计期间：{spanText(report.period)}
              <span class="muted">（对比上期：{spanText(report.previous)}）</span>
            </p>
            <p class="muted">生成时间：{new Date(report.generatedAt).toLocaleString('zh-CN', { timeZone, hour12: false })}</p>
            <div class="actions no-print">
              <a class="button secondary" href={exportUrl({ format: 'xlsx' })} download>
                导出全部表格（Excel）
              </a>
              <button type="button" class="secondary" onClick={() => print()}>
                打印报表
              </button>
            </div>
          </header>
          <ReportCharts report={report} />
          {report.sections.map((s) => (
            <section class="report-section" key={s.id} data-section={s.id}>
              <h3>{s.title}</h3>
              <Figures figures={s.figures} />
              {s.tables.map((t) => (
                <div key={t.id}>
                  <ReportTableView
                    table={t}
                    exportUrl={exportUrl({ format: 'csv', table: t.id })}
                    onDrill={t.drill && ((key, label) => setDrill({ table: t.id, field: t.drill!.field, key, label }))}
                  />
                  {drill?.table === t.id && <DrillPanel key={`${drill.field}-${drill.key}`} query={query} target={drill} onClose={() => setDrill(null)} />}
                </div>
              ))}
            </section>
          ))}
          <footer class="signatures">
            <span>填报人：</span>
            <span>审核人：</span>
            <span>负责人：</span>
            <span>日期：</span>
          </footer>
        </article>
      )}
    </section>
  );
}
