// Alerts raised to leaders and the desk at once (collective visits, medical emergencies, an ID
// number already waiting under another name): kept in the store for the day's list, published to
// staff sockets after the write commits.
import type { HallAlert } from '../common/contract/alerts.ts';
import { newId } from './ids.ts';
import type { Store } from './store/repositories.ts';

/**
 * Stores an alert about a ticket (or about the hall: `ticket` null, e.g. forwarding held) and
 * returns it, to be published once the transaction it is called in has committed. Coded facts
 * only: never a name or an ID number.
 */
export function raiseAlert(
  store: Store,
  at: number,
  ticket: { id: string; number: string; serviceCode: string } | null,
  alert: { kind: HallAlert['kind']; message: string; visitors?: number; category?: string },
): HallAlert {
  const raised: HallAlert = {
    id: newId(at),
    kind: alert.kind,
    at: new Date(at).toISOString(),
    ticketId: ticket?.id ?? '',
    number: ticket?.number ?? '',
    serviceCode: ticket?.serviceCode ?? '',
    visitors: alert.visitors ?? 0,
    category: alert.category ?? '',
    message: alert.message,
  };
  const { id, kind, ticketId, at: iso, ...details } = raised;
  store.alerts.insert({ id, kind, at: Date.parse(iso), ticketId: ticketId || null, details, handledAt: null, handledBy: null });
  return raised;
}
