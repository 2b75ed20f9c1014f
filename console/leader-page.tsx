// The leaders' live view (领导): queues, waits, windows, alerts, today's registrations and how
// many are already forwarded. Figures only; no personal data.
import { useEffect, useState } from 'preact/hooks';
import type { SatisfactionReply } from '../common/contract/evaluation.ts';
import type { QueueSnapshot } from '../common/contract/queue.ts';
import type { TodayStats } from '../common/contract/stats.ts';
import { api } from '../common/ui/api.ts';
import type { HallSocket } from '../common/ui/use-hall-socket.ts';
import { AlertList, useAlerts } from './use-alerts.tsx';

export function LeaderPage({ state, socket }: { state: QueueSnapshot; socket: HallSocket | null }) {
  const [stats, setStats] = useState<TodayStats | null>(null);
  const [month, setMonth] = useState<SatisfactionReply | null>(null);
  const [now, setNow] = useState(Date.now());
  const alerts = useAlerts(socket);
  useEffect(() => void api<TodayStats>('GET', '/api/stats/today').then(setStats, () => undefined), [state.seq]);
  // 好差评 of this month by day: today's row and the month's total (ratings come between queue events too).
  const day = state.serviceDay;
  useEffect(() => {
    const load = () => void api<SatisfactionReply>('GET', `/api/evaluations/satisfaction?from=${day.slice(0, 8)}01&to=${day}&by=day`).then(setMonth, () => undefined);
    load();
    const timer = setInterval(load, 60_000);
    return () => clearInterval(timer);
  }, [day, state.seq]);
  const rate = (row: SatisfactionReply['total'] | undefined) => (!month ? '…' : row?.rate == null ? '暂无评价' : `${row.rate}%`);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const waitMinutes = (code?: string) => {
    const oldest = state.waiting.filter((t) => !code || t.serviceCode === code).map((t) => Date.parse(t.issuedAt));
    return oldest.length ? Math.max(0, Math.round((now - Math.min(...oldest)) / 60_000)) : 0;
  };
  const count = (s: string) => state.windows.filter((w) => w.state === s).length;
  const figure = (label: string, value: number | string, testId?: string) => (
    <div class="figure">
      <span class="figure-label">{label}</span>
      <strong data-testid={testId}>{value}</strong>
    </div>
  );

  return (
    <div class="leader-page">
      <AlertList alerts={alerts} timeZone={state.timeZone} />
      <section class="panel" aria-labelledby="today-title">
        <h2 id="today-title">今日概况</h2>
        <div class="figures">
          {figure('登记', stats?.registrations ?? '…', 'stat-registrations')}
          {figure('已核对', stats?.verified ?? '…')}
          {figure('待核对', stats?.unverified ?? '…', 'stat-unverified')}
          {figure('已转送', stats?.forwarded ?? '…', 'stat-forwarded')}
          {figure('集体访', stats?.collective ?? '…')}
          {figure('重复访', stats?.repeat ?? '…', 'stat-repeat')}
          {figure('绿色通道', stats?.green ?? '…')}
          {figure('已办结', stats?.tickets.done ?? 0)}
          {figure('未办结', stats?.unfinished ?? '…', 'stat-unfinished')}
          {figure('等候中', state.waiting.length)}
          {figure('最长等候（分钟）', waitMinutes(), 'stat-longest-wait')}
          {figure('今日满意度', rate(month?.rows.find((r) => r.key === day)), 'stat-satisfaction-today')}
          {figure('本月满意度', rate(month?.total), 'stat-satisfaction-month')}
          {figure('窗口 开放/暂停/关闭', `${count('open')} / ${count('paused')} / ${count('closed')}`)}
        </div>
      </section>
      <section class="panel" aria-labelledby="queues-title">
        <h2 id="queues-title">各业务排队</h2>
        <table>
          <thead>
            <tr><th>业务</th><th>等候人数</th><th>最长等候（分钟）</th></tr>
          </thead>
          <tbody>
            {state.services.map((s) => (
              <tr key={s.code}>
                <td>{s.name}</td>
                <td>{state.waitingCounts[s.code] ?? 0}</td>
                <td>{waitMinutes(s.code)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
