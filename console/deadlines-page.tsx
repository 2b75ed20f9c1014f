// 时限: the time limits of forwarded matters not kept yet, for leaders and the desk — overdue and
// approaching first (as their alerts), or every running one — with the case's state and days left.
import { useEffect, useState } from 'preact/hooks';
import type { DeadlineListReply, DeadlineRow } from '../common/contract/case-life.ts';
import { CASE_STATE_LABELS, DEADLINE_LABELS } from '../common/case-life.ts';
import { api } from '../common/ui/api.ts';
import { LabelledSelect } from './ui/field.tsx';

const SHOWN = [
  { value: 'attention', label: '将到期和已逾期' },
  { value: 'all', label: '全部未办结' },
];

function leftText(row: DeadlineRow) {
  if (row.condition === 'overdue') return <strong class="error">已逾期 {-row.daysLeft} 天</strong>;
  if (row.daysLeft === 0) return <strong>今天到期</strong>;
  return row.condition === 'approaching' ? <strong>还剩 {row.daysLeft} 天</strong> : <span>还剩 {row.daysLeft} 天</span>;
}

export function DeadlinesPage() {
  const [shown, setShown] = useState('attention');
  const [list, setList] = useState<DeadlineListReply | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => void api<DeadlineListReply>('GET', `/api/case-life/deadlines?show=${shown}`).then(setList, () => setFailed(true)), [shown]);
  if (failed) return <p role="alert" class="error">时限信息未能加载，请稍后刷新页面。</p>;
  if (!list) return <p>正在加载…</p>;
  const { overdue, approaching, running } = list.counts;
  return (
    <section class="panel" aria-labelledby="deadlines-title">
      <h2 id="deadlines-title">时限：已逾期 {overdue} 项，将到期 {approaching} 项，其他办理中 {running} 项</h2>
      <p class="muted">到期前 {list.warnDaysBefore} 天提醒；今天是 {list.today}。</p>
      <div class="toolbar">
        <LabelledSelect id="deadlines-shown" label="显示" value={shown} choices={SHOWN} onValue={setShown} />
      </div>
      {list.deadlines.length === 0 ? (
        <p>目前没有将到期或已逾期的事项。</p>
      ) : (
        <table>
          <thead>
            <tr>
              {['案件编号', '登记日期', '号码', '办理情况', '时限', '起算日', '到期日', '剩余'].map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.deadlines.map((row) => (
              <tr key={`${row.intakeId}-${row.kind}`} class={row.condition === 'running' ? '' : 'attention'} data-testid="deadline">
                <td>{row.caseNumber}</td>
                <td>{row.serviceDay}</td>
                <td>{row.ticketNumber || '—'}</td>
                <td>{row.state ? CASE_STATE_LABELS[row.state] : '待决定是否受理'}</td>
                <td>{DEADLINE_LABELS[row.kind]}</td>
                <td>{row.startDay}</td>
                <td>{row.dueDay}</td>
                <td>{leftText(row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
