// The reception window (接待窗口): take a window, call, recall, start, complete, set aside,
// transfer, call a chosen ticket; the registration of the ticket being served. One click or one
// key per action (hotkeys from the configuration), usable with the keyboard alone.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { QueueSnapshot, StaffTicket, TicketReply } from '../common/contract/queue.ts';
import type { StaffProfile } from '../common/contract/staff.ts';
import { waitingFor } from '../common/queue-state.ts';
import { RegistrationPanel } from './registration-panel.tsx';
import { WalkInForm } from './walk-in-form.tsx';
import { ActionMessage, useAction } from './use-action.tsx';

const STATUS: Record<string, string> = { called: '已叫号', serving: '办理中' };
type Hotkeys = Record<'callNext' | 'recall' | 'start' | 'complete' | 'noShow', string>;

export function WindowPage({ state, staff, hotkeys }: { state: QueueSnapshot; staff: StaffProfile; hotkeys: Hotkeys }) {
  const mine = state.windows.find((w) => w.onDuty?.staffNo === staff.staffNo);
  const [chosen, setChosen] = useState<number>(mine?.no ?? state.windows[0]?.no ?? 1);
  const [pauseReason, setPauseReason] = useState('');
  const [transferTo, setTransferTo] = useState('');
  const [walkIn, setWalkIn] = useState(false);
  const action = useAction();
  const window = mine ?? state.windows.find((w) => w.no === chosen);
  const current = window?.current as StaffTicket | null | undefined;
  const base = `/api/windows/${window?.no}`;

  const ticketAction = (path: string, done: string) =>
    action.run<TicketReply>('POST', `${base}/${path}`, {}, ({ ticket }) => `${ticket.number} ${done}`);
  const actions: Array<{ key: keyof Hotkeys; label: string; path: string; done: string; enabled: boolean }> = [
    { key: 'callNext', label: '叫下一位', path: 'call-next', done: '已叫号', enabled: !current && window?.state === 'open' },
    { key: 'recall', label: '重呼', path: 'recall', done: '已重新呼叫', enabled: current?.status === 'called' },
    { key: 'start', label: '开始办理', path: 'start', done: '开始办理', enabled: current?.status === 'called' },
    { key: 'complete', label: '办结', path: 'complete', done: '已办结', enabled: !!current },
    { key: 'noShow', label: '过号', path: 'no-show', done: '已过号', enabled: current?.status === 'called' },
  ];

  // Hotkeys work anywhere on the page except while typing in a field. One listener for the
  // page's life, reading the latest state through a ref, so no key is lost between renders.
  const onKey = useRef<(e: KeyboardEvent) => void>(() => undefined);
  onKey.current = (e) => {
    const target = e.target as HTMLElement;
    if (!mine || e.ctrlKey || e.altKey || e.metaKey || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
    const hit = actions.find((a) => a.enabled && hotkeys[a.key]?.toLowerCase() === e.key.toLowerCase());
    if (!hit || action.busy) return;
    e.preventDefault();
    void ticketAction(hit.path, hit.done);
  };
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey.current(e);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  if (!mine) {
    return (
      <section class="panel" aria-labelledby="take-title">
        <h2 id="take-title">选择您值守的窗口</h2>
        <label class="form-field" for="window-select">
          窗口
          <select id="window-select" value={chosen} onChange={(e) => setChosen(Number(e.currentTarget.value))}>
            {state.windows.map((w) => (
              <option key={w.no} value={w.no} disabled={!!w.onDuty}>
                {w.name}
                {w.onDuty ? `（${w.onDuty.displayName} 值守中）` : ''}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void action.run('POST', `/api/windows/${chosen}/open`, {}, () => '已开窗，窗口屏将显示您的姓名和工号。')}>
          开窗接待
        </button>
        <ActionMessage message={action.message} />
      </section>
    );
  }

  const waiting = waitingFor(state, mine.no) as StaffTicket[];
  return (
    <div class="window-page">
      <section class="panel" aria-labelledby="window-title">
        <h2 id="window-title">
          {mine.name} · {mine.state === 'open' ? '开放' : mine.state === 'paused' ? `暂停（${mine.pauseReason ?? ''}）` : '关闭'}
        </h2>
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
        <div class="actions" role="group" aria-label="窗口操作">
          {actions.map((a) => (
            <button type="button" key={a.key} disabled={!a.enabled || action.busy} onClick={() => void ticketAction(a.path, a.done)} aria-keyshortcuts={hotkeys[a.key]}>
              {a.label} <kbd>{hotkeys[a.key]?.toUpperCase()}</kbd>
            </button>
          ))}
        </div>
        {current && (
          <form
            class="inline"
            onSubmit={(e) => {
              e.preventDefault();
              const [kind, value] = transferTo.split(':');
              const body = kind === 'w' ? { windowNo: Number(value) } : { serviceCode: value };
              void action.run<TicketReply>('POST', `${base}/transfer`, body, ({ ticket }) => `${ticket.number} 已转移`);
            }}
          >
            <label class="form-field" for="transfer-to">
              转移到
              <select id="transfer-to" value={transferTo} onChange={(e) => setTransferTo(e.currentTarget.value)} required>
                <option value="">请选择业务或窗口</option>
                {state.services.map((s) => (
                  <option key={s.code} value={`s:${s.code}`}>
                    业务：{s.name}
                  </option>
                ))}
                {state.windows
                  .filter((w) => w.no !== mine.no)
                  .map((w) => (
                    <option key={w.no} value={`w:${w.no}`}>
                      窗口：{w.name}
                    </option>
                  ))}
              </select>
            </label>
            <button type="submit" class="secondary">
              转移
            </button>
          </form>
        )}
        <div class="inline">
          {mine.state === 'open' ? (
            <form
              class="inline"
              onSubmit={(e) => {
                e.preventDefault();
                void action.run('POST', `${base}/pause`, { reason: pauseReason }, () => '窗口已暂停，窗口屏显示“暂停服务”。');
              }}
            >
              <label class="form-field" for="pause-reason">
                暂停原因
                <input id="pause-reason" value={pauseReason} maxLength={20} onInput={(e) => setPauseReason(e.currentTarget.value)} required />
              </label>
              <button type="submit" class="secondary">
                暂停
              </button>
            </form>
          ) : (
            <button type="button" class="secondary" onClick={() => void action.run('POST', `${base}/resume`, {}, () => '窗口已恢复服务。')}>
              恢复服务
            </button>
          )}
          <button type="button" class="secondary" disabled={!!current} onClick={() => void action.run('POST', `${base}/close`, {}, () => '窗口已关闭。')}>
            关窗
          </button>
        </div>
        <ActionMessage message={action.message} />
      </section>
      {current && <RegistrationPanel ticketId={current.id} />}
      {!current && mine.state === 'open' && !walkIn && (
        <button type="button" class="secondary" onClick={() => setWalkIn(true)}>
          窗口登记（无号来访人）
        </button>
      )}
      {!current && walkIn && <WalkInForm state={state} window={mine} today={state.serviceDay} onDone={() => setWalkIn(false)} />}
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
                disabled={!!current || mine.state !== 'open'}
                onClick={() => void action.run<TicketReply>('POST', `${base}/call`, { ticketId: t.id }, ({ ticket }) => `${ticket.number} 已叫号（指定）`)}
              >
                叫这个号
              </button>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
