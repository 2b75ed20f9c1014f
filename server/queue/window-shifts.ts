// A window's shift: a staff member takes it and opens it (挂牌上岗: their name shows on its
// screen), pauses and resumes it, and closes it when nobody is held there.
import type { WindowView } from '../../common/contract/queue.ts';
import { conflict, forbidden } from '../errors.ts';
import type { QueueCore } from './core.ts';
import type { Operator } from './types.ts';
import { activeWindow, operatedWindow } from './window-guards.ts';

export function createWindowShifts(core: QueueCore) {
  const { store, now, mutate } = core;

  return {
    openWindow(windowNo: number, op: Operator): void {
      mutate((record) => {
        const w = activeWindow(store, windowNo);
        if (w.staffId && w.staffId !== op.actor.id && w.state !== 'closed' && !op.override) {
          throw forbidden('window_not_yours');
        }
        const other = store.windows.byStaff(op.actor.id);
        if (other && other.no !== windowNo) throw conflict('window_taken_by_you');
        if (w.state === 'open' && w.staffId === op.actor.id) return;
        const staffId = op.actor.kind === 'staff' ? op.actor.id : w.staffId;
        store.windows.update(windowNo, { state: 'open', pauseReason: null, staffId, updatedAt: now() });
        record('window.updated', null, [windowNo], op.actor, { state: 'open' });
      });
    },

    pauseWindow(windowNo: number, reason: string, op: Operator): void {
      mutate((record) => {
        const w = operatedWindow(store, windowNo, op);
        if (w.state !== 'open') throw conflict('window_not_open');
        store.windows.update(windowNo, { state: 'paused', pauseReason: reason, updatedAt: now() });
        record('window.updated', null, [windowNo], op.actor, { state: 'paused', reason });
      });
    },

    resumeWindow(windowNo: number, op: Operator): void {
      mutate((record) => {
        const w = operatedWindow(store, windowNo, op);
        if (w.state !== 'paused') throw conflict('ticket_state');
        store.windows.update(windowNo, { state: 'open', pauseReason: null, updatedAt: now() });
        record('window.updated', null, [windowNo], op.actor, { state: 'open' });
      });
    },

    closeWindow(windowNo: number, op: Operator): void {
      mutate((record) => {
        if (activeWindow(store, windowNo).state === 'closed') return;
        operatedWindow(store, windowNo, op);
        if (store.tickets.heldBy(windowNo)) throw conflict('window_has_ticket');
        store.windows.update(windowNo, { state: 'closed', pauseReason: null, staffId: null, greenStreak: 0, updatedAt: now() });
        record('window.updated', null, [windowNo], op.actor, { state: 'closed' });
      });
    },

    /** The public view of one window (state, staff on duty, current ticket). */
    window(no: number): WindowView {
      return core.windowView(no);
    },
  };
}
