// The checks every window operation makes, in one place: the queue engine, the walk-in
// registration and the verification at a window all ask the same questions with the same answers.
// Each runs inside the caller's transaction.
import { conflict, forbidden, notFound } from '../errors.ts';
import type { TicketRecord, WindowRecord } from '../store/records.ts';
import type { Store } from '../store/repositories.ts';
import type { Operator } from './types.ts';

/** A window of the hall's layout (404 `window_unknown` for a removed or unknown one). */
export function activeWindow(store: Store, no: number): WindowRecord {
  const w = store.windows.get(no);
  if (!w || !w.active) throw notFound('window_unknown');
  return w;
}

/** 403 `window_not_yours` unless the operator is on duty at the window (or an admin acts for them). */
export function requireOnDuty(w: WindowRecord, op: Operator): void {
  if (!op.override && w.staffId !== op.actor.id) throw forbidden('window_not_yours');
}

/** The window, checked to be operated by its staff member on duty (or an admin). */
export function operatedWindow(store: Store, no: number, op: Operator): WindowRecord {
  const w = activeWindow(store, no);
  requireOnDuty(w, op);
  return w;
}

/** A window that may call someone: open and holding nobody. */
export function requireOpenAndFree(store: Store, w: WindowRecord): void {
  if (w.state !== 'open') throw conflict('window_not_open');
  if (store.tickets.heldBy(w.no)) throw conflict('window_busy');
}

/** The ticket a window holds (409 `window_idle` when none). */
export function heldTicket(store: Store, no: number): TicketRecord {
  const t = store.tickets.heldBy(no);
  if (!t) throw conflict('window_idle');
  return t;
}
