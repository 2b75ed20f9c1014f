// The queue rules, pure: no clock, no database. Every decision the engine takes about order and
// allowed transitions is made here, so it can be tested exhaustively without I/O.
import type { TicketStatus, WindowState } from '../../common/vocabulary.ts';
import type { QueueTicket } from '../store/records.ts';

export interface QueueWindow {
  no: number;
  services: string[];
  state: WindowState;
  greenStreak: number;
}

/** Spacing of ranks given at issue, leaving room to place reinstated tickets between them. */
export const RANK_STEP = 2 ** 20;

export type QueueAction =
  | 'call'
  | 'recall'
  | 'noShow'
  | 'start'
  | 'complete'
  | 'transfer'
  | 'reinstate'
  | 'cancel';

const ALLOWED: Record<QueueAction, readonly TicketStatus[]> = {
  call: ['waiting', 'no_show'],
  recall: ['called'],
  noShow: ['called'],
  start: ['called'],
  complete: ['called', 'serving'],
  // A no-show returns through reinstate (after K others), never by transfer to its old place.
  transfer: ['waiting', 'called', 'serving'],
  reinstate: ['no_show'],
  cancel: ['waiting', 'called', 'serving', 'no_show'],
};

export function canApply(action: QueueAction, status: TicketStatus): boolean {
  return ALLOWED[action].includes(status);
}

/** A ticket may be called by a window that serves its service, or only by the window it was sent to. */
export function isEligible(ticket: QueueTicket, window: Pick<QueueWindow, 'no' | 'services'>): boolean {
  return ticket.targetWindowNo !== null
    ? ticket.targetWindowNo === window.no
    : window.services.includes(ticket.serviceCode);
}

/**
 * Call order for one window: green before normal; then the earlier rank (arrival order, or the
 * place a reinstated ticket was given); the window's service order breaks ties; then the number.
 */
export function compareForWindow(services: readonly string[]) {
  const order = (code: string) => {
    const i = services.indexOf(code);
    return i === -1 ? services.length : i;
  };
  return (a: QueueTicket, b: QueueTicket): number =>
    classOf(a) - classOf(b) || a.rank - b.rank || order(a.serviceCode) - order(b.serviceCode) || a.seq - b.seq;
}

function classOf(t: QueueTicket): number {
  return t.priority === 'green' ? 0 : 1;
}

/**
 * The ticket a window calls next, or null. A window that is not open calls nothing. With
 * `greenInterleaveAfter` = K > 0, after K green calls in a row the oldest normal ticket goes next.
 */
export function pickNext<T extends QueueTicket>(
  window: QueueWindow,
  waiting: readonly T[],
  greenInterleaveAfter: number,
): T | null {
  if (window.state !== 'open') return null;
  const eligible = waiting.filter((t) => isEligible(t, window)).sort(compareForWindow(window.services));
  const first = eligible[0];
  if (!first) return null;
  if (first.priority === 'green' && greenInterleaveAfter > 0 && window.greenStreak >= greenInterleaveAfter) {
    return eligible.find((t) => t.priority === 'normal') ?? first;
  }
  return first;
}

/** The window's count of consecutive green calls after it calls `ticket`. */
export function nextGreenStreak(streak: number, called: Pick<QueueTicket, 'priority'>): number {
  return called.priority === 'green' ? streak + 1 : 0;
}

/** Tickets of the same queue and class as `ticket`, in call order (the queue it waits in). */
export function sameQueue<T extends QueueTicket>(ticket: QueueTicket, waiting: readonly T[]): T[] {
  return waiting
    .filter((t) => t.id !== ticket.id && t.serviceCode === ticket.serviceCode && t.priority === ticket.priority)
    .sort((a, b) => a.rank - b.rank || a.seq - b.seq);
}

/**
 * Rank for a reinstated ticket: right after the K-th ticket waiting in its queue (at the end if
 * fewer wait). Returns null when no integer is left between the neighbours: re-space, then retry.
 */
export function reinstateRank(queue: readonly QueueTicket[], after: number, dayMaxRank: number): number | null {
  if (queue.length === 0) return dayMaxRank + RANK_STEP;
  const k = Math.min(after, queue.length);
  const lo = k === 0 ? queue[0]!.rank - RANK_STEP : queue[k - 1]!.rank;
  const hi = k < queue.length ? queue[k]!.rank : lo + RANK_STEP;
  if (hi - lo < 2) return null;
  return lo + Math.floor((hi - lo) / 2);
}

/** Evenly re-spaced ranks preserving the given order. */
export function respace<T extends { id: string }>(ordered: readonly T[]): Array<{ id: string; rank: number }> {
  return ordered.map((t, i) => ({ id: t.id, rank: (i + 1) * RANK_STEP }));
}

/** Waiting tickets of the same service that will be called before `ticket`. */
export function aheadOf(ticket: QueueTicket, waiting: readonly QueueTicket[]): number {
  const cmp = compareForWindow([ticket.serviceCode]);
  return waiting.filter((t) => t.id !== ticket.id && t.serviceCode === ticket.serviceCode && cmp(t, ticket) < 0)
    .length;
}

/** Median of recent service durations in minutes, or the default when there are too few samples. */
export function medianServiceMinutes(durationsMs: readonly number[], defaultMinutes: number, minSamples = 3): number {
  const valid = durationsMs.filter((d) => Number.isFinite(d) && d >= 0).sort((a, b) => a - b);
  if (valid.length < minSamples) return defaultMinutes;
  const mid = valid.length >> 1;
  const median = valid.length % 2 ? valid[mid]! : (valid[mid - 1]! + valid[mid]!) / 2;
  return median / 60_000;
}

/**
 * Estimated wait in whole minutes: waiting ahead × median service time ÷ windows serving it
 * (open ones; if none is open yet, those that will open for it).
 */
export function estimateWaitMinutes(ahead: number, medianMinutes: number, servingWindows: number): number {
  return Math.ceil((ahead * medianMinutes) / Math.max(1, servingWindows));
}

/** Whether a service is offered on a weekday (1 = Monday). */
export function offeredOn(service: { enabled: boolean; weekdays: number[] | null }, weekday: number): boolean {
  return service.enabled && (service.weekdays === null || service.weekdays.includes(weekday));
}
