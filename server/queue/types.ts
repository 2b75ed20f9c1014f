// The queue engine's vocabulary, shared by its parts and by the services built on it
// (registration, printing, routes).
import type { PrintState, QueueEventType } from '../../common/vocabulary.ts';
import type { Actor, TicketRecord } from '../store/records.ts';

export interface IssueInput {
  serviceCode: string;
  priority: 'normal' | 'green';
  greenReason?: string;
  greenNote?: string;
  /** The rank of a booking checked in (预约): before every walk-in of the day (booking/rules.ts). */
  bookedRank?: number;
}

/**
 * Queues the printing of a newly issued ticket inside its issue transaction, so a ticket and its
 * print job are written together. Returns the ticket's print state.
 */
export interface PrintHook {
  enqueue(ticket: TicketRecord, ahead: number, printerId: string): PrintState;
}

export interface TransferTarget {
  serviceCode?: string;
  windowNo?: number;
}

export interface WaitEstimate {
  ahead: number;
  waitMinutes: number;
}

/** Who operates a window: the staff member on duty, or an admin acting for them. */
export interface Operator {
  actor: Actor;
  override: boolean;
}

/** Records one change inside the running operation; it is announced after commit. */
export type Recorder = (
  type: QueueEventType,
  ticket: TicketRecord | null,
  windowNos: number[],
  actor: Actor,
  details?: Record<string, unknown> | null,
) => void;

export const SYSTEM: Actor = { kind: 'system', id: 'system', name: '系统' };
