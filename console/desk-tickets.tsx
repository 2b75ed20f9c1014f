// Today's tickets at the desk (今日号票), searchable by number: reprint, read the registration,
// reinstate, cancel (asks once more).
import { useState } from 'preact/hooks';
import type { QueueSnapshot, StaffTicket } from '../common/contract/queue.ts';
import { InputAction } from './input-action.tsx';
import type { Action } from './use-action.tsx';

const TICKET_STATUS: Record<string, string> = {
  waiting: '等候中', called: '已叫号', serving: '办理中', done: '已办结', no_show: '过号', cancelled: '已取消', expired: '已过期',
};
const PRINT: Record<string, string> = { none: '未打印', pending: '打印中', printed: '已打印', failed: '未打出' };

export function DeskTickets(props: { state: QueueSnapshot; tickets: StaffTicket[]; printerId: string; action: Action; onRead: (ticket: StaffTicket) => void }) {
  const { state, printerId, action, onRead } = props;
  const [search, setSearch] = useState('');
  const wanted = search.trim().toUpperCase();
  const tickets = wanted ? props.tickets.filter((t) => t.number.includes(wanted)) : props.tickets;
  return (
    <section class="panel" aria-labelledby="tickets-title">
      <h2 id="tickets-title">今日号票</h2>
      <label class="form-field search" for="ticket-search">
        按号码查找
        <input id="ticket-search" type="search" value={search} maxLength={8} placeholder="例如 A012" onInput={(e) => setSearch(e.currentTarget.value)} />
      </label>
      {wanted && tickets.length === 0 && <p class="muted">今天没有包含“{search.trim()}”的号。</p>}
      <table>
        <thead>
          <tr><th>号码</th><th>业务</th><th>状态</th><th>打印</th><th>操作</th></tr>
        </thead>
        <tbody>
          {tickets.map((t) => (
            <tr key={t.id} data-testid={`ticket-${t.number}`}>
              <td class={t.green ? 'green' : ''}>
                {t.number}
                {t.green && <span class="green-mark">绿</span>}
              </td>
              <td>{state.services.find((s) => s.code === t.serviceCode)?.name ?? t.serviceCode}</td>
              <td>{TICKET_STATUS[t.status] ?? t.status}</td>
              <td>{PRINT[t.printState] ?? t.printState}</td>
              <td class="row-actions">
                <button type="button" class="link" onClick={() => void action.run('POST', `/api/tickets/${t.id}/reprint`, { printerId }, () => `${t.number} 已补打`)}>
                  补打
                </button>
                <button type="button" class="link" aria-label={`查看 ${t.number} 的登记信息`} onClick={() => onRead(t)}>
                  登记
                </button>
                {t.status === 'no_show' && (
                  <button type="button" class="link" onClick={() => void action.run('POST', `/api/tickets/${t.id}/reinstate`, {}, () => `${t.number} 已恢复排队`)}>
                    恢复排队
                  </button>
                )}
                {['waiting', 'no_show'].includes(t.status) && (
                  <InputAction
                    label={`取消 ${t.number} 的原因`}
                    placeholder="取消原因"
                    button="取消"
                    confirm={`确认取消 ${t.number}`}
                    onRun={(reason) => void action.run('POST', `/api/tickets/${t.id}/cancel`, { reason }, () => `${t.number} 已取消`)}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
