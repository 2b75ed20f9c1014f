// The reception window (接待窗口): take a window, call, recall, start, complete, set aside,
// transfer, call a chosen ticket; the registration of the ticket being served. One click or one
// key per action (hotkeys from the configuration), usable with the keyboard alone.
import { useState } from 'preact/hooks';
import type { QueueSnapshot, StaffTicket, TicketReply, WindowView } from '../common/contract/queue.ts';
import type { StaffProfile } from '../common/contract/staff.ts';
import { waitingFor } from '../common/queue-state.ts';
import { RegistrationPanel } from './registration-panel.tsx';
import { WalkInForm } from './walk-in-form.tsx';
import { type Action, ActionMessage, useAction } from './use-action.tsx';
import { type Hotkeys, useWindowActions } from './use-window-actions.ts';
import { TakeWindow, TransferForm, WindowStateControls } from './window-controls.tsx';

const STATUS: Record<string, string> = { called: '已叫号', serving: '办理中' };

export function WindowPage({ state, staff, hotkeys }: { state: QueueSnapshot; staff: StaffProfile; hotkeys: Hotkeys }) {
  const mine = state.windows.find((w) => w.onDuty?.staffNo === staff.staffNo);
  const [chosen, setChosen] = useState<number>(mine?.no ?? state.windows[0]?.no ?? 1);
  const [transferTo, setTransferTo] = useState('');
  const [walkIn, setWalkIn] = useState(false);
  const action = useAction();
  const { current, actions, ticketAction } = useWindowActions(mine, hotkeys, action);

  if (!mine) return <TakeWindow state={state} chosen={chosen} onChoose={setChosen} action={action} />;

  return (
    <div class="window-page">
      <section class="panel" aria-labelledby="window-title">
        <h2 id="window-title">
          {mine.name} · {mine.state === 'open' ? '开放' : mine.state === 'paused' ? `暂停（${mine.pauseReason ?? ''}）` : '关闭'}
        </h2>
        <CurrentTicket current={current} />
        <div class="actions" role="group" aria-label="窗口操作">
          {actions.map((a) => (
            <button type="button" key={a.key} disabled={!a.enabled || action.busy} onClick={() => void ticketAction(a.path, a.done)} aria-keyshortcuts={hotkeys[a.key]}>
              {a.label} <kbd>{hotkeys[a.key]?.toUpperCase()}</kbd>
            </button>
          ))}
        </div>
        {current && <TransferForm state={state} mine={mine} transferTo={transferTo} onTransferTo={setTransferTo} action={action} />}
        <WindowStateControls mine={mine} hasTicket={!!current} action={action} />
        <ActionMessage message={action.message} />
      </section>
      {current && <RegistrationPanel ticketId={current.id} />}
      {!current && mine.state === 'open' && !walkIn && (
        <button type="button" class="secondary" onClick={() => setWalkIn(true)}>
          窗口登记（无号来访人）
        </button>
      )}
      {!current && walkIn && <WalkInForm state={state} window={mine} today={state.serviceDay} onDone={() => setWalkIn(false)} />}
      <WaitingList state={state} mine={mine} busyWithTicket={!!current} action={action} />
    </div>
  );
}

function CurrentTicket({ current }: { current: StaffTicket | null | undefined }) {
  return (
    <div class="current" data-testid="current-ticket">
      {current ? (
        <>
          <span class={current.green ? 'big-number green' : 'big-number'}>{current.number}</span>
          <span>
            {STATUS[current.status] ?? current.status} · 第 {current.callCount} 次呼叫
            {current.greenReason ? ` · 绿色通道` : ''}
          </span>
        </>
      ) : (
        <span class="muted">当前没有正在办理的号</span>
      )}
    </div>
  );
}

/** The tickets waiting for this window, each of which can be called out of turn. */
function WaitingList({ state, mine, busyWithTicket, action }: { state: QueueSnapshot; mine: WindowView; busyWithTicket: boolean; action: Action }) {
  const waiting = waitingFor(state, mine.no) as StaffTicket[];
  return (
    <section class="panel" aria-labelledby="waiting-title">
      <h2 id="waiting-title">本窗口等候（{waiting.length}）</h2>
      <ol class="waiting">
        {waiting.map((t) => (
          <li key={t.id}>
            <span class={t.green ? 'green' : ''}>{t.number}</span>
            {t.green && <span class="green-mark">绿</span>}
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
