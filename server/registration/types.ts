// What the registration service's callers pass in and get back.
import type { StaffTicket } from '../../common/contract/queue.ts';
import type { StaffRole } from '../../common/vocabulary.ts';
import type { WaitEstimate } from '../queue/types.ts';
import type { Actor } from '../store/records.ts';

export type SubmitOutcome = WaitEstimate & {
  /** `issued`: a new ticket; `replayed`: the same request again; `existing`: the person already waits. */
  outcome: 'issued' | 'replayed' | 'existing';
  ticket: StaffTicket;
  collective: boolean;
};

export interface Submitter {
  actor: Actor;
  printerId: string | null;
}

/** A staff member asking to read a registration, with the reason they stated (if any). */
export interface Viewer {
  actor: Actor;
  roles: readonly StaffRole[];
  reason?: string;
}
