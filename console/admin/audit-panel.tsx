// The audit log (审计日志) with a search by action and day, and green-channel use per person and day.
import { hallTime } from '../../common/time.ts';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../common/ui/api.ts';
import type { AuditListReply, GreenChannelReply } from '../../common/contract/audit.ts';
import type { ConsoleSettings } from '../../common/contract/staff.ts';
import { LabelledInput, LabelledSelect } from '../ui/field.tsx';
import { AUDIT_ACTIONS, auditLabel } from './audit-labels.ts';
import { useList } from './shared.ts';

export function AuditPanel({ reasons, timeZone }: { reasons: ConsoleSettings['greenReasons']; timeZone: string }) {
  const [action, setAction] = useState('');
  const [day, setDay] = useState('');
  const [events, setEvents] = useState<AuditListReply['events']>([]);
  const search = () => {
    const q = new URLSearchParams({ limit: '200' });
    if (action) q.set('action', action);
    if (day) {
      q.set('from', new Date(`${day}T00:00:00+08:00`).toISOString());
      q.set('to', new Date(`${day}T23:59:59.999+08:00`).toISOString());
    }
    void api<AuditListReply>('GET', `/api/audit?${q}`).then((r) => setEvents(r.events), () => undefined);
  };
  useEffect(search, []);
  return (
    <section class="panel" aria-labelledby="admin-audit">
      <h2 id="admin-audit">审计日志</h2>
      <form
        class="inline"
        onSubmit={(e) => {
          e.preventDefault();
          search();
        }}
      >
        <LabelledSelect id="audit-action" label="操作" value={action} empty="全部" choices={Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label }))} onValue={setAction} />
        <LabelledInput id="audit-day" label="日期" type="date" value={day} onValue={setDay} />
        <button type="submit">查询</button>
      </form>
      <table>
        <thead>
          <tr><th>时间</th><th>人员</th><th>操作</th><th>对象</th></tr>
        </thead>
        <tbody data-testid="audit-rows">
          {events.map((e) => (
            <tr key={e.id}>
              <td>{hallTime(e.at, timeZone, { withDate: true })}</td>
              <td>{e.actorName}</td>
              <td title={e.action}>{auditLabel(e.action)}</td>
              <td>{e.subject ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <GreenChannelUse reasons={reasons} />
    </section>
  );
}

/** Green-channel numbers issued in the last 31 days, per person and day, with their reasons. */
function GreenChannelUse({ reasons }: { reasons: ConsoleSettings['greenReasons'] }) {
  const [green] = useList<GreenChannelReply>('/api/audit/green-channel', 'rows');
  return (
    <>
      <h3>绿色通道取号（近31天，按人按日）</h3>
      <table>
        <thead>
          <tr><th>日期</th><th>人员</th><th>次数</th><th>原因</th></tr>
        </thead>
        <tbody>
          {green.map((g) => (
            <tr key={`${g.day}-${g.actorName}`}>
              <td>{g.day}</td>
              <td>{g.actorName}</td>
              <td>{g.count}</td>
              <td>{Object.entries(g.reasons).map(([r, n]) => `${reasons.find((x) => x.code === r)?.label ?? r} ${n}`).join('、')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
