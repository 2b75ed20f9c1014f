// The reception window (接待窗口): take a window, call, recall, start, complete, set aside,
// transfer, call a chosen ticket; the registration of the ticket being served (or 补登记 when it
// has none). One click or one key per action (hotkeys from the configuration), usable with the
// keyboard alone. The waiting list stands beside the controls, visible without scrolling.
import { useEffect, useState } from 'preact/hooks';
import type { EstimatedTicketReply, QueueSnapshot, StaffTicket } from '../common/contract/queue.ts';
import type { ConsoleSettings, StaffProfile } from '../common/contract/staff.ts';
import { api } from '../common/ui/api.ts';
import { RegistrationPanel } from './registration-panel.tsx';
import { type Action, ActionMessage, useAction } from './use-action.tsx';
import { type Hotkeys, useWindowActions } from './use-window-actions.ts';
import { WaitingList } from './waiting-list.tsx';
import { WalkInForm } from './walk-in-form.tsx';
import { TakeWindow, TransferForm, WindowStateControls } from './window-controls.tsx';

const STATUS: Record<string, string> = { called: '已叫号', serving: '办理中' };

export function WindowPage({ state, staff, settings }: { state: QueueSnapshot; staff: StaffProfile; settings: ConsoleSettings }) {
  const hotkeys = settings.hotkeys as Hotkeys;
  const mine = state.windows.find((w) => w.onDuty?.staffNo === staff.staffNo);
  const [chosen, setChosen] = useState<number>(mine?.no ?? state.windows[0]?.no ?? 1);
  const [transferTo, setTransferTo] = useState('');
  const [walkIn, setWalkIn] = useState(false);
  /** The ticket this window completed last: its registration stays correctable until it is sent. */
  const [lastDone, setLastDone] = useState<StaffTicket | null>(null);
  const [correcting, setCorrecting] = useState(false);
  const action = useAction();
  const { current, actions, ticketAction } = useWindowActions(mine, hotkeys, action, settings.noShowMinCalls, (t) => (setLastDone(t), setCorrecting(false)));

  if (!mine) return <TakeWindow state={state} chosen={chosen} onChoose={setChosen} action={action} />;
  const hints = actions.flatMap((a) => (a.hint ? [a.hint] : []));

  return (
    <div class="window-page">
      <section class="panel" aria-labelledby="window-title">
        <h2 id="window-title">
          {mine.name} · {mine.state === 'open' ? '开放' : mine.state === 'paused' ? `暂停（${mine.pauseReason ?? ''}）` : '关闭'}
        </h2>
        <CurrentTicket current={current} greenReasons={settings.greenReasons} />
        <div class="actions" role="group" aria-label="窗口操作">
          {actions.map((a) => (
            <button
              type="button"
              key={a.key}
              disabled={!a.enabled || action.busy}
              title={a.hint}
              aria-describedby={a.hint ? 'action-hints' : undefined}
              onClick={() => void ticketAction(a.path, a.done)}
              aria-keyshortcuts={hotkeys[a.key]}
            >
              {a.label} <kbd>{hotkeys[a.key]?.toUpperCase()}</kbd>
            </button>
          ))}
        </div>
        {hints.length > 0 && (
          <p id="action-hints" class="muted" data-testid="action-hints">
            {hints.join(' ')}
          </p>
        )}
        {current && action.message?.code === 'intake_unverified' && (
          <CloseReasonForm reasons={settings.closeReasons} onClose={(closeReason) => void ticketAction('complete', '已办结（登记未核对，已记录原因）', { closeReason })} action={action} />
        )}
        {current && <TransferForm state={state} mine={mine} transferTo={transferTo} onTransferTo={setTransferTo} action={action} />}
        <WindowStateControls mine={mine} hasTicket={!!current} action={action} />
        {action.message?.code !== 'intake_unverified' && <ActionMessage message={action.message} />}
      </section>
      <WaitingList state={state} mine={mine} busyWithTicket={!!current} action={action} greenReasons={settings.greenReasons} />
      {current && <RegistrationPanel key={current.id} ticketId={current.id} number={current.number} state={state} />}
      {!current && lastDone && !walkIn && (correcting ? (
        <div class="reading">
          <RegistrationPanel key={lastDone.id} ticketId={lastDone.id} number={lastDone.number} />
          <button type="button" class="secondary" onClick={() => setCorrecting(false)}>
            关闭
          </button>
        </div>
      ) : (
        <button type="button" class="secondary" onClick={() => setCorrecting(true)}>
          更正刚办结的 {lastDone.number} 号登记（转送前可改）
        </button>
      ))}
      {!current && mine.state === 'open' && !walkIn && (
        <button type="button" class="secondary" onClick={() => setWalkIn(true)}>
          窗口登记（无号来访人）
        </button>
      )}
      {!current && walkIn && <WalkInForm state={state} target={{ kind: 'walk-in', window: mine }} onDone={() => setWalkIn(false)} />}
    </div>
  );
}

/** The ticket as staff see it (the window's view carries the public fields only): for the green reason. */
function useStaffTicket(current: StaffTicket | null | undefined): StaffTicket | null {
  const [ticket, setTicket] = useState<StaffTicket | null>(null);
  useEffect(() => {
    setTicket(null);
    if (current?.green) api<EstimatedTicketReply>('GET', `/api/tickets/${current.id}`).then((r) => setTicket(r.ticket), () => undefined);
  }, [current?.id]);
  return ticket;
}

function CurrentTicket({ current, greenReasons }: { current: StaffTicket | null | undefined; greenReasons: ConsoleSettings['greenReasons'] }) {
  const full = useStaffTicket(current);
  const code = full?.greenReason ?? current?.greenReason;
  const note = full?.greenNote ?? current?.greenNote;
  const reason = code ? (greenReasons.find((r) => r.code === code)?.label ?? code) : '';
  return (
    <div class="current" data-testid="current-ticket">
      {current ? (
        <>
          <span class={current.green ? 'big-number green' : 'big-number'}>{current.number}</span>
          <span>
            {STATUS[current.status] ?? current.status} · 第 {current.callCount} 次呼叫
            {current.green ? ` · 绿色通道${reason ? `（${reason}${note ? `：${note}` : ''}）` : ''}` : ''}
          </span>
        </>
      ) : (
        <span class="muted">当前没有正在办理的号</span>
      )}
    </div>
  );
}

/**
 * 办结 refused because the registration is not verified: verify it below, or choose why it is
 * completed without (the reason is kept and audited).
 */
function CloseReasonForm({ reasons, onClose, action }: { reasons: string[]; onClose: (reason: string) => void; action: Action }) {
  const [reason, setReason] = useState('');
  return (
    <form
      class="close-reason"
      data-testid="close-reason"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason) onClose(reason);
      }}
    >
      <p class="warn" role="alert">
        {action.message?.text} 核对请在下方“登记信息”中完成。
      </p>
      <fieldset class="reasons">
        <legend>不核对就办结的原因（将记录在案）</legend>
        {reasons.map((r) => (
          <label key={r} class="radio">
            <input type="radio" name="close-reason" value={r} checked={reason === r} onChange={() => setReason(r)} />
            {r}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={!reason || action.busy}>
        按此原因办结
      </button>
    </form>
  );
}
