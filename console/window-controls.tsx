// The controls of a reception window around its ticket actions: taking a window, transferring the
// current ticket, pausing, resuming and closing.
import { useState } from 'preact/hooks';
import type { QueueSnapshot, TicketReply, WindowView } from '../common/contract/queue.ts';
import { type Action, ActionMessage } from './use-action.tsx';
import { LabelledInput, LabelledSelect } from './ui/field.tsx';

/** For staff not yet on duty: choose a free window and open it. */
export function TakeWindow({ state, chosen, onChoose, action }: { state: QueueSnapshot; chosen: number; onChoose: (no: number) => void; action: Action }) {
  const choices = state.windows.map((w) => ({ value: w.no, label: `${w.name}${w.onDuty ? `（${w.onDuty.displayName} 值守中）` : ''}`, disabled: !!w.onDuty }));
  return (
    <section class="panel" aria-labelledby="take-title">
      <h2 id="take-title">选择您值守的窗口</h2>
      <LabelledSelect id="window-select" label="窗口" value={chosen} choices={choices} onValue={(no) => onChoose(Number(no))} />
      <button type="button" onClick={() => void action.run('POST', `/api/windows/${chosen}/open`, {}, () => '已开窗，窗口屏将显示您的姓名和工号。')}>
        开窗接待
      </button>
      <ActionMessage message={action.message} />
    </section>
  );
}

/** Moves the current ticket to another service or another window (`s:<code>` or `w:<no>`). */
export function TransferForm(props: { state: QueueSnapshot; mine: WindowView; transferTo: string; onTransferTo: (to: string) => void; action: Action }) {
  const { state, mine, transferTo, action } = props;
  const choices = [
    ...state.services.map((s) => ({ value: `s:${s.code}`, label: `业务：${s.name}` })),
    ...state.windows.filter((w) => w.no !== mine.no).map((w) => ({ value: `w:${w.no}`, label: `窗口：${w.name}` })),
  ];
  return (
    <form
      class="inline"
      onSubmit={(e) => {
        e.preventDefault();
        const [kind, value] = transferTo.split(':');
        const body = kind === 'w' ? { windowNo: Number(value) } : { serviceCode: value };
        void action.run<TicketReply>('POST', `/api/windows/${mine.no}/transfer`, body, ({ ticket }) => `${ticket.number} 已转移`);
      }}
    >
      <LabelledSelect id="transfer-to" label="转移到" value={transferTo} empty="请选择业务或窗口" choices={choices} onValue={props.onTransferTo} required />
      <button type="submit" class="secondary">
        转移
      </button>
    </form>
  );
}

/** Pause (with a reason shown on the window screen) or resume, and close when no ticket is open. */
export function WindowStateControls({ mine, hasTicket, action }: { mine: WindowView; hasTicket: boolean; action: Action }) {
  const [pauseReason, setPauseReason] = useState('');
  const base = `/api/windows/${mine.no}`;
  return (
    <div class="inline">
      {mine.state === 'open' ? (
        <form
          class="inline"
          onSubmit={(e) => {
            e.preventDefault();
            void action.run('POST', `${base}/pause`, { reason: pauseReason }, () => '窗口已暂停，窗口屏显示“暂停服务”。');
          }}
        >
          <LabelledInput id="pause-reason" label="暂停原因" value={pauseReason} maxLength={20} onValue={setPauseReason} required />
          <button type="submit" class="secondary">
            暂停
          </button>
        </form>
      ) : (
        <button type="button" class="secondary" onClick={() => void action.run('POST', `${base}/resume`, {}, () => '窗口已恢复服务。')}>
          恢复服务
        </button>
      )}
      <button type="button" class="secondary" disabled={hasTicket} onClick={() => void action.run('POST', `${base}/close`, {}, () => '窗口已关闭。')}>
        关窗
      </button>
    </div>
  );
}
