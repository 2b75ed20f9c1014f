// 转送情况: the registrations on their way to the case system — every undelivered one whatever its
// day and today's delivered ones — by state and age, a page at a time; the reason of a failure in
// plain words, the hold when the case system refuses the hall, and for desk and admin: resend a
// selection or all failed ones, and send the waiting ones now (all audited).
import { hallTime } from '../common/time.ts';
import { useEffect, useState } from 'preact/hooks';
import type { ForwardingFilter, ForwardingMessage, ForwardingOverview, ForwardingQuery, ResendManyReply, SendNowReply } from '../common/contract/forwarding.ts';
import { api } from '../common/ui/api.ts';
import { LabelledSelect } from './ui/field.tsx';
import { ActionMessage, useAction, type Action } from './use-action.tsx';

const STATE = { pending: '等待转送', delivered: '已转送', dead: '转送失败' } as const;
const FILTERS: ReadonlyArray<{ value: ForwardingFilter; label: string }> = [
  { value: 'all', label: '全部（未送达的和今天已转送的）' },
  { value: 'undelivered', label: '未送达' },
  { value: 'dead', label: '转送失败' },
  { value: 'pending', label: '等待转送' },
  { value: 'delivered', label: '今天已转送' },
];
const ORDERS = [
  { value: 'newest', label: '最新的在前' },
  { value: 'oldest', label: '最早的在前' },
];
const PAGE = 50;

/** One page of the outbox with its counts, refreshed every `seconds` (and after an action). */
function useForwarding(query: Partial<ForwardingQuery>, seconds = 30): [ForwardingOverview | null, () => void] {
  const [overview, setOverview] = useState<ForwardingOverview | null>(null);
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  const load = () => void api<ForwardingOverview>('GET', `/api/forwarding?${search}`).then(setOverview, () => undefined);
  useEffect(() => {
    load();
    const timer = setInterval(load, seconds * 1000);
    return () => clearInterval(timer);
  }, [search]);
  return [overview, load];
}

/** 当日办: shown on every page while registrations are still not delivered near closing, from earlier days, or held. */
export function ForwardingWarning() {
  const [overview] = useForwarding({ state: 'dead', limit: 1 }, 60);
  if (!overview?.warning) return null;
  return (
    <p class="warn" role="alert" data-testid="forwarding-warning">
      {overview.warning}
    </p>
  );
}

export function ForwardingPage({ canResend, timeZone }: { canResend: boolean; timeZone: string }) {
  const [state, setState] = useState<ForwardingFilter>('all');
  const [order, setOrder] = useState<'newest' | 'oldest'>('newest');
  const [offset, setOffset] = useState(0);
  const [chosen, setChosen] = useState<number[]>([]);
  const [overview, reload] = useForwarding({ state, order, offset, limit: PAGE });
  const action = useAction();
  if (!overview) return <p>正在加载…</p>;
  const { counts, page } = overview;
  const after = (done: unknown) => {
    if (done) setChosen([]);
    reload();
  };
  const resend = (body: { ids: number[] } | { allDead: true }) =>
    void action.run<ResendManyReply>('POST', '/api/forwarding/resend', body, (r) => `已重新发送 ${r.resent} 份登记`).then(after);
  const sendNow = () => void action.run<SendNowReply>('POST', '/api/forwarding/send-now', {}, (r) => `已立即发送等待中的 ${r.pending} 份登记`).then(after);
  const refilter = (apply: () => void) => {
    apply();
    setOffset(0);
    setChosen([]);
  };
  return (
    <section class="panel" aria-labelledby="forwarding-title">
      <h2 id="forwarding-title">
        转送情况：今天已转送 {counts.delivered}，等待 {counts.pending}，失败 {counts.dead}
        {counts.earlier > 0 && `（其中前几天未送达 ${counts.earlier}）`}
      </h2>
      {overview.held && (
        <p class="warn" role="alert" data-testid="forwarding-held">
          转送已暂停（自 {hallTime(overview.held.since, timeZone)}）：{overview.held.reason}系统会在 {hallTime(overview.held.nextProbeAt, timeZone)} 再试，配置改正后自动补送。
        </p>
      )}
      <ActionMessage message={action.message} />
      <div class="toolbar">
        <LabelledSelect id="forwarding-state" label="显示" value={state} choices={FILTERS} onValue={(v) => refilter(() => setState(v as ForwardingFilter))} />
        <LabelledSelect id="forwarding-order" label="排序" value={order} choices={ORDERS} onValue={(v) => refilter(() => setOrder(v as 'newest' | 'oldest'))} />
        {canResend && (
          <>
            <button type="button" disabled={action.busy || counts.pending === 0} onClick={sendNow}>
              立即发送等待中的登记
            </button>
            <button type="button" disabled={action.busy || chosen.length === 0} onClick={() => resend({ ids: chosen })}>
              重新发送所选（{chosen.length}）
            </button>
            <button type="button" disabled={action.busy || counts.dead === 0} onClick={() => resend({ allDead: true })}>
              全部失败的重新发送（{counts.dead}）
            </button>
          </>
        )}
      </div>
      <MessageTable messages={overview.messages} canResend={canResend} timeZone={timeZone} chosen={chosen} setChosen={setChosen} action={action} reload={reload} />
      <nav class="pager" aria-label="翻页">
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          上一页
        </button>
        <span>{page.total === 0 ? '没有符合条件的登记' : `第 ${offset + 1}–${offset + overview.messages.length} 份，共 ${page.total} 份`}</span>
        <button type="button" disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)}>
          下一页
        </button>
      </nav>
    </section>
  );
}

function MessageTable(props: {
  messages: ForwardingMessage[];
  canResend: boolean;
  timeZone: string;
  chosen: number[];
  setChosen: (ids: number[]) => void;
  action: Action;
  reload: () => void;
}) {
  const { messages, canResend, timeZone, chosen, setChosen, action, reload } = props;
  const time = (iso: string | null) => (iso ? hallTime(iso, timeZone) : '');
  const today = hallTime(Date.now(), timeZone, { withDate: true }).slice(0, 10);
  // The day is shown for documents verified before today: they are the ones most at risk.
  const verifiedAt = (iso: string) => {
    const full = hallTime(iso, timeZone, { withDate: true });
    return full.startsWith(today) ? time(iso) : full;
  };
  return (
    <table>
      <thead>
        <tr>
          {canResend && <th>选择</th>}
          <th>号码</th><th>核对时间</th><th>状态</th><th>尝试次数</th><th>案件编号 / 说明</th><th>操作</th>
        </tr>
      </thead>
      <tbody>
        {messages.map((m) => (
          <tr key={m.id} class={m.state === 'dead' ? 'attention' : ''} data-testid={`forwarding-${m.ticketNumber}`}>
            {canResend && (
              <td>
                {m.state === 'dead' && (
                  <input
                    type="checkbox"
                    aria-label={`选择 ${m.ticketNumber}`}
                    checked={chosen.includes(m.id)}
                    onChange={(e) => setChosen(e.currentTarget.checked ? [...chosen, m.id] : chosen.filter((id) => id !== m.id))}
                  />
                )}
              </td>
            )}
            <td>{m.ticketNumber}</td>
            <td>{verifiedAt(m.createdAt)}</td>
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
  );
}
