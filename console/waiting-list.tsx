// The tickets waiting for a window, beside its controls: number, how long each has waited, the
// green-channel reason, and a button to call one out of turn.
import { useEffect, useState } from 'preact/hooks';
import type { QueueSnapshot, StaffTicket, TicketReply, WindowView } from '../common/contract/queue.ts';
import type { ConsoleSettings } from '../common/contract/staff.ts';
import { waitingFor } from '../common/queue-state.ts';
import type { Action } from './use-action.tsx';

/** Minutes since `iso`, refreshed every half minute. */
function useMinutesSince() {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return (iso: string) => Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
}

export function WaitingList(props: { state: QueueSnapshot; mine: WindowView; busyWithTicket: boolean; action: Action; greenReasons: ConsoleSettings['greenReasons'] }) {
  const { state, mine, busyWithTicket, action, greenReasons } = props;
  const minutes = useMinutesSince();
  const waiting = waitingFor(state, mine.no) as StaffTicket[];
  const reasonOf = (t: StaffTicket) => greenReasons.find((r) => r.code === t.greenReason)?.label ?? t.greenReason ?? '';
  return (
    <section class="panel side" aria-labelledby="waiting-title">
      <h2 id="waiting-title">本窗口等候（{waiting.length}）</h2>
      {waiting.length === 0 && <p class="muted">目前没有等候的号。</p>}
      <ol class="waiting" data-testid="waiting-list">
        {waiting.map((t) => (
          <li key={t.id}>
            <span class={t.green ? 'number green' : 'number'}>{t.number}</span>
            {t.green && (
              <span class="green-mark" title="绿色通道">
                绿 {reasonOf(t)}
                {t.greenNote ? `：${t.greenNote}` : ''}
              </span>
            )}
            <span class="muted waited">已等 {minutes(t.issuedAt)} 分钟</span>
            <button
              type="button"
              class="link"
              disabled={busyWithTicket || mine.state !== 'open'}
              onClick={() => void action.run<TicketReply>('POST', `/api/windows/${mine.no}/call`, { ticketId: t.id }, ({ ticket }) => `${ticket.number} 已叫号（指定）`)}
            >
              叫这个号
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
