// 转送情况: today's registrations on their way to the case system — pending, delivered, dead with
// the reason in plain words, and a resend for the dead ones (desk, admin; audited).
import { hallTime } from '../common/time.ts';
import { useEffect, useState } from 'preact/hooks';
import type { ForwardingOverview } from '../common/contract/forwarding.ts';
import { api } from '../common/ui/api.ts';
import { ActionMessage, useAction } from './use-action.tsx';

const STATE = { pending: '等待转送', delivered: '已转送', dead: '转送失败' } as const;

/** Today's forwarding, refreshed every `seconds` (and after an action). */
function useForwarding(seconds = 30): [ForwardingOverview | null, () => void] {
  const [overview, setOverview] = useState<ForwardingOverview | null>(null);
  const load = () => void api<ForwardingOverview>('GET', '/api/forwarding').then(setOverview, () => undefined);
  useEffect(() => {
    load();
    const timer = setInterval(load, seconds * 1000);
    return () => clearInterval(timer);
  }, []);
  return [overview, load];
}

/** 当日办: shown on every page when today's registrations are still not delivered near closing. */
export function ForwardingWarning() {
  const [overview] = useForwarding(60);
  if (!overview?.warning) return null;
  return (
    <p class="warn" role="alert" data-testid="forwarding-warning">
      {overview.warning}
    </p>
  );
}

export function ForwardingPage({ canResend, timeZone }: { canResend: boolean; timeZone: string }) {
  const time = (iso: string | null) => (iso ? hallTime(iso, timeZone) : '');
  const [overview, reload] = useForwarding();
  const action = useAction();
  if (!overview) return <p>正在加载…</p>;
  const { counts } = overview;
  return (
    <section class="panel" aria-labelledby="forwarding-title">
      <h2 id="forwarding-title">
        今日转送：已转送 {counts.delivered}，等待 {counts.pending}，失败 {counts.dead}
      </h2>
      <ActionMessage message={action.message} />
      <table>
        <thead>
          <tr><th>号码</th><th>状态</th><th>尝试次数</th><th>案件编号 / 说明</th><th>操作</th></tr>
        </thead>
        <tbody>
          {overview.messages.map((m) => (
            <tr key={m.id} class={m.state === 'dead' ? 'attention' : ''} data-testid={`forwarding-${m.ticketNumber}`}>
              <td>{m.ticketNumber}</td>
              <td>{STATE[m.state]}</td>
              <td>{m.attempts}</td>
              <td>
                {m.state === 'delivered'
                  ? `${m.caseNumber ?? '（文件交换，无编号）'} · ${time(m.deliveredAt)}`
                  : `${m.lastError ?? '排队中'}${m.state === 'pending' && m.lastError ? `（下次 ${time(m.nextAttemptAt)}）` : ''}`}
              </td>
              <td>
                {m.state === 'dead' && canResend && (
                  <button type="button" class="link" onClick={() => void action.run('POST', `/api/forwarding/${m.id}/resend`, {}, () => `${m.ticketNumber} 已重新发送`).then(reload)}>
                    重新发送
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
