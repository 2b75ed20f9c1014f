// Case life: records each state the case system reports (signed callback or polled feed, once per
// idempotency key), keeps every registration's case file and time limits, tells the person where
// their matter stands, and alerts leaders and the desk to limits approaching or past.
import { createHash } from 'node:crypto';
import type { HallAlert } from '../../common/contract/alerts.ts';
import type { CaseStatusBody, DeadlineListReply, DeadlineRow } from '../../common/contract/case-life.ts';
import type { CaseLifeView } from '../../common/contract/progress.ts';
import { DEADLINE_LABELS } from '../../common/case-life.ts';
import { serviceDayOf } from '../../common/time.ts';
import type { CaseState } from '../../common/vocabulary.ts';
import { raiseAlert } from '../alerts.ts';
import type { createHallCalendar } from '../calendar/hall-calendar.ts';
import type { HallConfig } from '../config/schema.ts';
import { conflict, notFound } from '../errors.ts';
import { deadlinesFrom } from '../forwarding/payload.ts';
import { SYSTEM } from '../queue/types.ts';
import type { CaseEventRecord, IntakeRecord } from '../store/records.ts';
import type { RunningDeadline, Store } from '../store/repositories.ts';
import { deriveLife, type CaseLife } from './life.ts';
import { daysLeft, dueDay, timeLimitsOf } from './rules.ts';
import { tellLife } from './telling.ts';

export interface CaseLifeDeps {
  store: Store;
  config: HallConfig;
  calendar: ReturnType<typeof createHallCalendar>;
  now: () => number;
  onAlert: (alert: HallAlert) => void;
  /** A new state was recorded (inside its transaction): the person's 受理告知 / 办结告知 is queued here. */
  onReported?: (change: { intakeId: string; state: CaseState; at: number; caseNumber: string }) => void;
}

export type CaseLifeService = ReturnType<typeof createCaseLife>;

const CASE_SYSTEM = { ...SYSTEM, id: 'case-system', name: '案件系统' };
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function createCaseLife({ store, config, calendar, now, onAlert, onReported }: CaseLifeDeps) {
  const limits = timeLimitsOf(config.caseLife);
  const today = () => serviceDayOf(now(), config.timeZone);

  function lifeOf(intake: IntakeRecord): CaseLife {
    const events = store.caseLife.events(intake.id).map(({ key, state, at, day, details }) => ({ key, state, at, day, details }));
    return deriveLife(intake.serviceDay, events, limits, calendar);
  }

  /** Recomputes a case's file and limits from its events (inside the caller's transaction). */
  function rebuild(intake: IntakeRecord, caseNumber: string, at: number): CaseLife {
    const life = lifeOf(intake);
    store.caseLife.saveFile({ intakeId: intake.id, caseNumber, state: life.state, stateAt: life.events.at(-1)?.at ?? null, updatedAt: at });
    store.caseLife.saveDeadlines(intake.id, life.deadlines.map(({ kind, startDay, dueDay: due, metDay }) => ({ kind, startDay, dueDay: due, metDay })));
    return life;
  }

  /**
   * Records one reported state. A repeated key changes nothing (`duplicate`); the same key with
   * another body is refused. The case's state is the one with the latest case-system time.
   */
  function report(key: string, body: CaseStatusBody, source: CaseEventRecord['source']): { duplicate: boolean; state: CaseState | null } {
    // The validated body as JSON: the same report by callback or feed hashes the same.
    const bodySha256 = sha256(JSON.stringify(body));
    return store.transaction(() => {
      const known = store.caseLife.event(key);
      if (known) {
        if (known.bodySha256 !== bodySha256) throw conflict('case_report_conflict');
        return { duplicate: true, state: store.caseLife.file(known.intakeId)?.state ?? null };
      }
      const intake = store.intakes.get(body.intakeKey.slice(4));
      if (!intake || intake.state === 'submitted') throw notFound('case_unknown');
      if (intake.caseNumber && intake.caseNumber !== body.caseNumber) throw conflict('case_number_mismatch');
      const at = now();
      // A report is also an acknowledgement (a file drop may have brought no case number).
      const acknowledged = intake.caseNumber
        ? intake
        : store.intakes.update(intake.id, { state: 'acknowledged', caseNumber: body.caseNumber, ...deadlinesFrom(intake.serviceDay), updatedAt: at });
      const stateAt = Date.parse(body.at);
      const { reason, goTo, office, dueDay: newDue } = body;
      store.caseLife.insertEvent({
        key,
        intakeId: intake.id,
        state: body.state,
        at: stateAt,
        day: serviceDayOf(stateAt, config.timeZone),
        details: { ...(reason ? { reason } : {}), ...(goTo ? { goTo } : {}), ...(office ? { office } : {}), ...(newDue ? { dueDay: newDue } : {}) },
        bodySha256,
        source,
        receivedAt: at,
      });
      const life = rebuild(acknowledged, body.caseNumber, at);
      onReported?.({ intakeId: intake.id, state: body.state, at: stateAt, caseNumber: body.caseNumber });
      store.audit.append({ at, actor: CASE_SYSTEM, action: 'case.reported', target: intake.id, details: { caseNumber: body.caseNumber, state: body.state, source } });
      return { duplicate: false, state: life.state };
    });
  }

  /** Opens the case file (and its acceptance limit) of every acknowledged registration without one. */
  function openAcknowledged(): void {
    store.transaction(() => {
      for (const { intakeId, caseNumber } of store.caseLife.unopened(500)) rebuild(store.intakes.get(intakeId)!, caseNumber, now());
    });
  }

  const conditionOf = (left: number): DeadlineRow['condition'] =>
    left < 0 ? 'overdue' : left <= config.caseLife.warnDaysBefore ? 'approaching' : 'running';

  const rowOf = (d: RunningDeadline, day: string): DeadlineRow => {
    const left = daysLeft(day, d.dueDay);
    return {
      intakeId: d.intakeId,
      caseNumber: d.caseNumber,
      serviceDay: d.serviceDay,
      ticketNumber: store.tickets.get(d.ticketId)?.number ?? '',
      kind: d.kind,
      state: d.state,
      startDay: d.startDay,
      dueDay: d.dueDay,
      daysLeft: left,
      condition: conditionOf(left),
    };
  };

  function alertText(row: DeadlineRow): string {
    const what = `案件 ${row.caseNumber}（${row.serviceDay} ${row.ticketNumber} 号登记）应于 ${row.dueDay} 前${DEADLINE_LABELS[row.kind]}`;
    return row.condition === 'overdue'
      ? `时限已过：${what}，已超过 ${-row.daysLeft} 天，请督办。`
      : `时限将到：${what}，还剩 ${row.daysLeft} 天，请督办。`;
  }

  return {
    report,

    /** The person's view of a registration: its limits by the configured rules and its life. */
    progressOf(intake: IntakeRecord): { acceptanceDue: string | null; answerDue: string | null; life: CaseLifeView | null } {
      if (!intake.caseNumber) return { acceptanceDue: intake.acceptanceDue, answerDue: intake.answerDue, life: null };
      const acceptanceDue = dueDay(intake.serviceDay, limits.acceptance, calendar);
      const life = lifeOf(intake);
      const handling = life.deadlines.find((d) => d.kind === 'handling');
      return { acceptanceDue, answerDue: handling?.dueDay ?? dueDay(acceptanceDue, limits.handling, calendar), life: tellLife(life, limits, calendar) };
    },

    /** The 时限 page: limits not kept yet, due first; `attention` only those approaching or overdue. */
    deadlines(show: 'attention' | 'all'): DeadlineListReply {
      openAcknowledged();
      const day = today();
      const rows = store.caseLife.running(2000).map((d) => rowOf(d, day));
      const count = (c: DeadlineRow['condition']) => rows.filter((r) => r.condition === c).length;
      return {
        today: day,
        warnDaysBefore: config.caseLife.warnDaysBefore,
        counts: { overdue: count('overdue'), approaching: count('approaching'), running: count('running') },
        deadlines: show === 'all' ? rows : rows.filter((r) => r.condition !== 'running'),
      };
    },

    /** Alerts leaders and the desk once when a limit comes near and once more when it passes. */
    alertDeadlines(): number {
      openAcknowledged();
      const day = today();
      const raised = store.transaction(() =>
        store.caseLife
          .running(2000)
          .map((d) => ({ d, row: rowOf(d, day) }))
          // Approaching once, overdue once (an overdue limit never alerts as approaching afterwards).
          .filter(({ d, row }) => row.condition !== 'running' && d.alerted !== row.condition && d.alerted !== 'overdue')
          .map(({ d, row }) => {
            store.caseLife.markAlerted(d.intakeId, d.kind, row.condition as 'approaching' | 'overdue');
            const ticket = store.tickets.get(d.ticketId);
            return raiseAlert(store, now(), ticket ?? null, {
              kind: row.condition === 'overdue' ? 'case_deadline_overdue' : 'case_deadline_approaching',
              message: alertText(row),
            });
          }),
      );
      for (const alert of raised) onAlert(alert);
      return raised.length;
    },
  };
}
