// The ticket actions of a window (call, recall, start, complete, no-show) with their hotkeys.
import { useEffect, useRef } from 'preact/hooks';
import type { StaffTicket, TicketReply, WindowView } from '../common/contract/queue.ts';
import type { Action } from './use-action.tsx';

export type Hotkeys = Record<'callNext' | 'recall' | 'start' | 'complete' | 'noShow', string>;

interface WindowAction {
  key: keyof Hotkeys;
  label: string;
  path: string;
  done: string;
  enabled: boolean;
  /** Why it is not possible yet, shown beside the buttons (e.g. 过号 before enough calls). */
  hint?: string;
}

/**
 * The actions `mine` allows now, and how to run one; the hotkeys run them too. 过号 waits for
 * `noShowMinCalls` calls, as the server does, and says so.
 */
export function useWindowActions(mine: WindowView | undefined, hotkeys: Hotkeys, action: Action, noShowMinCalls = 1, onCompleted?: (ticket: StaffTicket) => void) {
  const current = mine?.current as StaffTicket | null | undefined;
  const ticketAction = (path: string, done: string, body: object = {}) =>
    action.run<TicketReply>('POST', `/api/windows/${mine?.no}/${path}`, body, ({ ticket }) => `${ticket.number} ${done}`).then((r) => {
      if (r && path === 'complete') onCompleted?.(r.ticket);
      return r;
    });
  const tooEarly = current?.status === 'called' && current.callCount < noShowMinCalls;
  const actions: WindowAction[] = [
    { key: 'callNext', label: '叫下一位', path: 'call-next', done: '已叫号', enabled: !current && mine?.state === 'open' },
    { key: 'recall', label: '重呼', path: 'recall', done: '已重新呼叫', enabled: current?.status === 'called' },
    { key: 'start', label: '开始办理', path: 'start', done: '开始办理', enabled: current?.status === 'called' },
    { key: 'complete', label: '办结', path: 'complete', done: '已办结', enabled: !!current },
    {
      key: 'noShow',
      label: '过号',
      path: 'no-show',
      done: '已过号',
      enabled: current?.status === 'called' && !tooEarly,
      ...(tooEarly ? { hint: `至少呼叫 ${noShowMinCalls} 次后才能过号（已呼叫 ${current.callCount} 次）。` } : {}),
    },
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
  return { current, actions, ticketAction };
}
