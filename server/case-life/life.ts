// A matter's life after the hall, derived (pure) from the states the case system reported: the
// current state is the one with the latest case-system time (out-of-order reports settle by it),
// and the time limits run from the days the states were reached.
import type { CaseDeadlineKind, CaseState } from '../../common/vocabulary.ts';
import type { Day } from '../calendar/hall-calendar.ts';
import { dueDay, type TimeLimits } from './rules.ts';

/** What the case system may tell about a state, every field meant for the person to read. */
interface CaseDetails {
  /** 不予受理: why. */
  reason?: string;
  /** 不予受理: where to go instead. */
  goTo?: string;
  /** 已转送: to which office. */
  office?: string;
  /** 已延期: the new due day. */
  dueDay?: string;
}

export interface CaseEvent {
  key: string;
  state: CaseState;
  /** The case system's time of the state (ms). */
  at: number;
  /** Its calendar day in the hall's zone. */
  day: Day;
  details: CaseDetails;
}

export interface Deadline {
  kind: CaseDeadlineKind;
  startDay: Day;
  dueDay: Day;
  /** The day the limit was kept (the decision, the answer), null while it runs. */
  metDay: Day | null;
}

export interface CaseLife {
  state: CaseState | null;
  events: CaseEvent[];
  deadlines: Deadline[];
}

type Calendar = Parameters<typeof dueDay>[2];

/** States that decide on acceptance (any later state implies the decision was taken). */
const ANSWERS: readonly CaseState[] = ['answered', 'closed'];

/** The events in the case system's order: by its time, then by key (a stable tie-break). */
const ordered = (events: readonly CaseEvent[]) => [...events].sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

export function deriveLife(receivedDay: Day, events: readonly CaseEvent[], limits: TimeLimits, calendar: Calendar): CaseLife {
  const sorted = ordered(events);
  const acceptance: Deadline = { kind: 'acceptance', startDay: receivedDay, dueDay: dueDay(receivedDay, limits.acceptance, calendar), metDay: null };
  const deadlines: Deadline[] = [acceptance];
  let running: Deadline | null = null;
  let extended = false;
  const open = (kind: CaseDeadlineKind, startDay: Day, due: Day) => {
    if (running && running.metDay === null) running.metDay = startDay;
    running = { kind, startDay, dueDay: due, metDay: null };
    deadlines.push(running);
  };
  for (const event of sorted) {
    acceptance.metDay ??= event.day;
    const current = running as Deadline | null;
    switch (event.state) {
      case 'accepted':
      case 'handling':
        if (!deadlines.some((d) => d.kind === 'handling')) open('handling', event.day, dueDay(event.day, limits.handling, calendar));
        break;
      case 'extended':
        if (current?.kind === 'handling' && current.metDay === null && !extended) {
          extended = true;
          current.dueDay = event.details.dueDay ?? dueDay(current.dueDay, limits.extension, calendar);
        }
        break;
      case 'review':
        open('review', event.day, dueDay(event.day, limits.review, calendar));
        break;
      case 'recheck':
        open('recheck', event.day, dueDay(event.day, limits.recheck, calendar));
        break;
      case 'not_accepted':
      case 'transferred':
      case 'answered':
      case 'closed':
        break;
    }
    if (ANSWERS.includes(event.state) && current && current.metDay === null) current.metDay = event.day;
  }
  return { state: sorted.at(-1)?.state ?? null, events: sorted, deadlines };
}

/** The deadline still running (not kept yet), if any. */
export const runningDeadline = (life: CaseLife): Deadline | null => life.deadlines.find((d) => d.metDay === null) ?? null;
