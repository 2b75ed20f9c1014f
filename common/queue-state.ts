// The client side of the realtime protocol, pure: applies one queue event to a snapshot, or says
// that the client must reload the snapshot (gap in seq, new service day).
import type { PublicTicket, QueueEvent, QueueSnapshot } from './contract/queue.ts';

const RECENT_CALLS = 10;

/** Call order as the boards show it: green first, then by rank, then by number. */
function byCallOrder(a: PublicTicket, b: PublicTicket): number {
  return Number(b.green) - Number(a.green) || a.rank - b.rank || a.number.localeCompare(b.number);
}

export function applyQueueEvent<S extends QueueSnapshot>(state: S, event: QueueEvent): S | 'resync' {
  if (event.seq <= state.seq) return state;
  // A new day or a changed hall layout (windows added or removed): take a fresh snapshot.
  if (event.seq !== state.seq + 1 || event.type === 'day.rolled' || event.type === 'layout.changed') return 'resync';
  const ticket = event.ticket;
  let { waiting, recentCalls } = state;
  if (ticket) {
    waiting = waiting.filter((t) => t.id !== ticket.id);
    if (ticket.status === 'waiting') waiting = [...waiting, ticket].sort(byCallOrder);
    if (event.type === 'ticket.called' || event.type === 'ticket.recalled') {
      recentCalls = [ticket, ...recentCalls.filter((t) => t.id !== ticket.id)].slice(0, RECENT_CALLS);
    }
  }
  const changed = new Map(event.windows.map((w) => [w.no, w]));
  return {
    ...state,
    seq: event.seq,
    waiting,
    recentCalls,
    waitingCounts: event.waitingCounts,
    windows: state.windows.map((w) => changed.get(w.no) ?? w),
  };
}

/** Waiting tickets a window will call, in order (sent to it by name, or of a service it serves). */
export function waitingFor(state: QueueSnapshot, windowNo: number): PublicTicket[] {
  const window = state.windows.find((w) => w.no === windowNo);
  if (!window) return [];
  return state.waiting.filter((t) =>
    t.targetWindowNo !== null ? t.targetWindowNo === windowNo : window.services.includes(t.serviceCode),
  );
}
