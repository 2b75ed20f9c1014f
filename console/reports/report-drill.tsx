// The registrations behind one row of a report (明细): a separate action with a stated reason,
// recorded in the audit log; coded facts only, never names or ID numbers.
import { useState } from 'preact/hooks';
import type { DrillField, ReportDrillReply, ReportQuery } from '../../common/contract/reports.ts';
import { api, ApiError } from '../../common/ui/api.ts';
import { LabelledInput } from '../ui/field.tsx';

export interface DrillTarget {
  table: string;
  field: DrillField;
  key: string;
  label: string;
}

export function DrillPanel({ query, target, onClose }: { query: ReportQuery; target: DrillTarget; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [reply, setReply] = useState<ReportDrillReply | null>(null);
  const [error, setError] = useState<string | null>(null);
  const look = async () => {
    setError(null);
    try {
      setReply(await api<ReportDrillReply>('POST', '/api/reports/registrations', { ...query, reason, [target.field]: target.key }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '明细暂时无法查看，请稍后再试。');
    }
  };
  return (
    <div class="panel drill no-print" role="region" aria-label={`“${target.label}”的登记明细`}>
      <h4>“{target.label}”的登记明细</h4>
      {!reply ? (
        <form
          class="inline"
          onSubmit={(e) => {
            e.preventDefault();
            void look();
          }}
        >
          <LabelledInput id="drill-reason" label="查看原因（记入审计日志）" value={reason} onValue={setReason} minLength={2} maxLength={100} required />
          <button type="submit">查看明细</button>
          <button type="button" class="secondary" onClick={onClose}>
            取消
          </button>
        </form>
      ) : (
        <>
          <p class="muted">
            共 {reply.registrations.length} 件{reply.truncated ? '（只列出前 500 件，请缩小期间或条件）' : ''}。
            <button type="button" class="link" onClick={onClose}>
              关闭明细
            </button>
          </p>
          <div class="report-table">
            <table>
              <thead>
                <tr>
                  {['日期', '号码', '业务', '内容分类', '来访目的', '问题属地', '人数', '状态'].map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {reply.registrations.map((r) => (
                  <tr key={r.id}>
                    <td>{r.serviceDay}</td>
                    <td>{r.number}</td>
                    <td>{r.service}</td>
                    <td>{r.category}</td>
                    <td>{r.purpose}</td>
                    <td>{r.place}</td>
                    <td class="num">{r.visitors}</td>
                    <td>{r.state}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}
