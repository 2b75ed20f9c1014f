// Alerts raised to leaders and the desk at once (collective visits, medical emergencies): kept in
// the store for the day's list, published to staff sockets after the write commits.
import type { HallAlert } from '../common/domain.ts';
import type { Store } from './store/repositories.ts';

/** Stores an alert; call inside the transaction of what raised it. Coded facts only. */
export function saveAlert(store: Store, alert: HallAlert): void {
  const { id, kind, ticketId, at, ...details } = alert;
  store.alerts.insert({ id, kind, at: Date.parse(at), ticketId, details, handledAt: null, handledBy: null });
}
