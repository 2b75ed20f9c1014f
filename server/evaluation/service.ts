// 好差评: a row for each ticket a window completes (未评价 until rated), the invitation to the
// window's evaluator, the rating (once per ticket), and for each 差评 a rectification task (整改)
// due in working days, closed by its 回访; overdue tasks alert leaders and the desk.
import type { HallAlert } from '../../common/contract/alerts.ts';
import type { EvaluateBody, EvaluationInvite, FollowUpBody, KioskEvaluateBody, KioskEvaluation, Rectification, WindowSatisfactionReply } from '../../common/contract/evaluation.ts';
import type { StaffQueueEvent } from '../../common/contract/queue.ts';
import type { EvaluationChannel } from '../../common/vocabulary.ts';
import { isPoor, LEVEL_LABELS, reasonLabel } from '../../common/evaluation.ts';
import { serviceDayOf } from '../../common/time.ts';
import { raiseAlert } from '../alerts.ts';
import type { createHallCalendar } from '../calendar/hall-calendar.ts';
import type { HallConfig } from '../config/schema.ts';
import { badRequest, conflict, HallError, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import type { DataCipher } from '../privacy/cipher.ts';
import type { Actor, DeviceRecord, EvaluationRecord, RectificationRecord } from '../store/records.ts';
import type { Store } from '../store/repositories.ts';
import { invitationOpen, isOverdue, ratingProblem, satisfactionRow, withinKioskDays } from './rules.ts';

type InviteListener = (invite: EvaluationInvite) => void;

export interface EvaluationDeps {
  store: Store;
  config: HallConfig;
  cipher: DataCipher;
  calendar: ReturnType<typeof createHallCalendar>;
  now: () => number;
  onAlert: (alert: HallAlert) => void;
}

export type Evaluations = ReturnType<typeof createEvaluations>;

// Longer than ~80 lines as a whole: a factory whose body is one small function per step.
export function createEvaluations({ store, config, cipher, calendar, now, onAlert }: EvaluationDeps) {
  const listeners = new Set<InviteListener>();
  const today = () => serviceDayOf(now(), config.timeZone);
  const numberOf = (ticketId: string) => store.tickets.get(ticketId)?.number ?? '';
  const inviteOf = (row: EvaluationRecord, number: string): EvaluationInvite => ({
    ticketId: row.ticketId,
    number,
    windowNo: row.windowNo,
    expiresAt: new Date(row.inviteUntil).toISOString(),
    seconds: Math.max(0, Math.ceil((row.inviteUntil - now()) / 1000)),
    thanksSeconds: config.evaluation.thanksSeconds,
  });

  /** A completed ticket gets its 未评价 row and its window's evaluators are invited (after commit of the completion). */
  function completed(event: StaffQueueEvent): void {
    const windowNo = event.windows[0]?.no;
    if (event.type !== 'ticket.completed' || !event.ticket || windowNo === undefined) return;
    const at = now();
    const row: EvaluationRecord = {
      ticketId: event.ticket.id,
      serviceDay: event.serviceDay,
      windowNo,
      staffId: store.windows.get(windowNo)?.staffId ?? null,
      serviceCode: event.ticket.serviceCode,
      completedAt: at,
      inviteUntil: at + config.evaluation.evaluatorSeconds * 1000,
      level: 'unrated',
      reasons: [],
      sealedComment: null,
      channel: null,
      deviceId: null,
      ratedAt: null,
    };
    if (!store.evaluations.insert(row)) return;
    const invite = inviteOf(row, event.ticket.number);
    for (const listener of listeners) listener(invite);
  }

  /** Records a rating once; a 差评 opens its rectification task in the same transaction. */
  function rate(row: EvaluationRecord, body: EvaluateBody, channel: EvaluationChannel, actor: Actor, deviceId: string | null) {
    const reasons = body.reasons ?? [];
    const problem = ratingProblem(body.level, reasons);
    if (problem) throw badRequest(problem);
    const at = now();
    const comment = body.comment?.trim() ?? '';
    return store.transaction(() => {
      const sealedComment = comment ? cipher.seal(comment, row.ticketId) : null;
      if (!store.evaluations.rate(row.ticketId, { level: body.level, reasons, sealedComment, channel, deviceId, ratedAt: at })) throw conflict('evaluation_done');
      const poor = isPoor(body.level);
      if (poor) {
        store.rectifications.insert({
          id: newId(at),
          ticketId: row.ticketId,
          openedAt: at,
          dueDay: calendar.addWorkingDays(serviceDayOf(at, config.timeZone), config.evaluation.rectificationWorkingDays),
          ownerId: null,
          state: 'open',
          calledAt: null,
          calledBy: null,
          calledByName: null,
          sealedResult: null,
          satisfied: null,
          closedAt: null,
          overdueAlerted: false,
        });
      }
      // Coded facts only: who rated is not known, and the words stay sealed.
      store.audit.append({ at, actor, action: 'evaluation.rated', target: row.ticketId, details: { level: body.level, channel, windowNo: row.windowNo } });
      return { level: body.level, rectification: poor };
    });
  }

  function taskView(task: RectificationRecord, viewerId: string): Rectification {
    const e = store.evaluations.get(task.ticketId)!;
    const self = e.staffId !== null && e.staffId === viewerId;
    const level = e.level === 'unrated' ? 'dissatisfied' : e.level;
    const owner = task.ownerId ? store.staff.get(task.ownerId) : undefined;
    return {
      id: task.id,
      // The evaluated staff member never learns which ticket (so which person) rated them.
      ticketId: self ? '' : e.ticketId,
      number: self ? '' : numberOf(e.ticketId),
      serviceDay: e.serviceDay,
      windowNo: e.windowNo,
      staffName: (e.staffId && store.staff.get(e.staffId)?.displayName) || '（未值守）',
      serviceName: store.services.get(e.serviceCode)?.name ?? e.serviceCode,
      level,
      reasons: e.reasons.map((r) => reasonLabel(level, r)),
      comment: !self && e.sealedComment ? cipher.open<string>(e.sealedComment, e.ticketId) : '',
      openedAt: new Date(task.openedAt).toISOString(),
      dueDay: task.dueDay,
      overdue: isOverdue(task, today()),
      owner: owner ? { id: owner.id, name: owner.displayName } : null,
      state: task.state,
      followUp:
        task.calledAt === null
          ? null
          : {
              calledAt: new Date(task.calledAt).toISOString(),
              byName: task.calledByName ?? '',
              result: task.sealedResult ? cipher.open<string>(task.sealedResult, task.id) : '',
              satisfied: task.satisfied === true,
            },
    };
  }

  const openTask = (id: string) => {
    const task = store.rectifications.get(id);
    if (!task) throw notFound();
    return task;
  };

  return {
    completed,

    onInvite(listener: InviteListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** The invitation the evaluator of a window shows now (after a reload), or null. */
    pendingFor(windowNo: number): EvaluationInvite | null {
      const row = store.evaluations.pendingAt(windowNo, now());
      return row ? inviteOf(row, numberOf(row.ticketId)) : null;
    },

    /** A rating at the window's evaluator: only for a ticket its window completed, within the invitation. */
    rateAtWindow(device: DeviceRecord, body: EvaluateBody) {
      const row = store.evaluations.get(body.ticketId);
      if (row && row.level !== 'unrated') throw conflict('evaluation_done');
      if (!row || !invitationOpen(row, device.windowNo, now())) throw new HallError(409, 'evaluation_closed');
      return rate(row, body, 'evaluator', { kind: 'device', id: device.id, name: device.name }, device.id);
    },

    /** The ticket of a QR code while it may be rated by its code, at the kiosk or on the phone (rated already or not), else null. */
    ratableByCode(queryCode: string): KioskEvaluation | null {
      const ticket = store.tickets.byQueryCode(queryCode.toUpperCase());
      const row = ticket && store.evaluations.get(ticket.id);
      if (!row || !withinKioskDays(row, today(), config.evaluation.kioskDays)) return null;
      return { date: row.serviceDay, number: ticket.number, windowNo: row.windowNo, rated: row.level !== 'unrated' };
    },

    /**
     * A rating by the ticket's code, within `evaluation.kioskDays`: at a kiosk (`device`), or on the
     * phone page of the ticket's QR (no device); once per ticket, as everywhere.
     */
    rateByCode(device: DeviceRecord | null, body: KioskEvaluateBody) {
      const ticket = store.tickets.byQueryCode(body.queryCode.toUpperCase());
      const row = ticket && store.evaluations.get(ticket.id);
      if (!row) throw notFound('progress_not_found');
      if (row.level !== 'unrated') throw conflict('evaluation_done');
      if (!withinKioskDays(row, today(), config.evaluation.kioskDays)) throw new HallError(409, 'evaluation_closed');
      const { queryCode: _code, ...rating } = body;
      const actor: Actor = device ? { kind: 'device', id: device.id, name: device.name } : { kind: 'system', id: 'qr', name: '扫码评价' };
      return rate(row, { ...rating, ticketId: row.ticketId }, device ? 'kiosk' : 'qr', actor, device?.id ?? null);
    },

    /** The on-duty staff member's satisfaction this month, for the window screen (when configured). */
    monthlyAt(windowNo: number): WindowSatisfactionReply {
      const day = today();
      const month = day.slice(0, 7);
      const staffId = store.windows.get(windowNo)?.staffId;
      if (!config.evaluation.windowScreenMonthly || !staffId) return { shown: false, month, rated: 0, rate: null };
      const mine = store.evaluations.satisfaction(`${month}-01`, day, 'staff').find((t) => t.key === staffId);
      const row = satisfactionRow(mine ?? { key: staffId, rated: 0, satisfied: 0, poor: 0, unrated: 0 }, '');
      return { shown: true, month, rated: row.rated, rate: row.rate };
    },

    list(state: 'open' | 'closed' | 'all', viewerId: string) {
      const tasks = store.rectifications.list({ ...(state === 'all' ? {} : { state }), limit: 500 });
      const owners = store.staff.list().filter((s) => s.active).map((s) => ({ id: s.id, name: s.displayName }));
      return { today: today(), tasks: tasks.map((t) => taskView(t, viewerId)), owners };
    },

    assignOwner(id: string, ownerId: string, actor: Actor): Rectification {
      const task = store.transaction(() => {
        const found = openTask(id);
        const owner = store.staff.get(ownerId);
        if (!owner?.active) throw notFound('staff_unknown');
        store.audit.append({ at: now(), actor, action: 'rectification.assigned', target: id, details: { ownerId } });
        return store.rectifications.update(found.id, { ownerId });
      });
      return taskView(task, actor.id);
    },

    /** Records the 回访 (called back: when, by whom, result, satisfied) and closes the task. */
    followUp(id: string, body: FollowUpBody, actor: Actor): Rectification {
      const at = now();
      const calledAt = body.calledAt ? Date.parse(body.calledAt) : at;
      if (calledAt > at + 60_000) throw badRequest('validation_failed', '回访时间不能晚于现在，请核对后重试。');
      const task = store.transaction(() => {
        const found = openTask(id);
        if (found.state === 'closed') throw conflict('rectification_closed');
        store.audit.append({ at, actor, action: 'rectification.followed_up', target: id, details: { satisfied: body.satisfied } });
        return store.rectifications.update(found.id, {
          state: 'closed',
          calledAt,
          calledBy: actor.id,
          calledByName: actor.name,
          sealedResult: cipher.seal(body.result.trim(), found.id),
          satisfied: body.satisfied,
          closedAt: at,
        });
      });
      return taskView(task, actor.id);
    },

    /** Alerts leaders and the desk once to each task past its due day without its 回访. */
    alertOverdue(): number {
      const day = today();
      const raised = store.transaction(() =>
        store.rectifications.overdueUnalerted(day).map((task) => {
          store.rectifications.update(task.id, { overdueAlerted: true });
          const e = store.evaluations.get(task.ticketId)!;
          const ticket = store.tickets.get(task.ticketId)!;
          return raiseAlert(store, now(), ticket, {
            kind: 'rectification_overdue',
            message: `整改逾期：${e.serviceDay} ${e.windowNo}号窗口 ${ticket.number} 号的差评（${LEVEL_LABELS[e.level]}）整改应于 ${task.dueDay} 前完成回访，至今未办结，请督办。`,
          });
        }),
      );
      for (const alert of raised) onAlert(alert);
      return raised.length;
    },
  };
}
