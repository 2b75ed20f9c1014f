// The staff member at the window checks, corrects and completes the registration; in the same
// transaction its document for the case system is queued (the transactional outbox).
import type { VerifyBody } from '../../common/contract/registration.ts';
import type { StaffRole } from '../../common/vocabulary.ts';
import { checkMatter, isCollective } from '../../common/registration.ts';
import type { HallConfig } from '../config/schema.ts';
import { conflict, fieldError, notFound } from '../errors.ts';
import { forwardingStarted, queueForCaseSystem } from '../forwarding/outbox.ts';
import type { DataCipher } from '../privacy/cipher.ts';
import type { Operator } from '../queue/types.ts';
import { requireOnDuty } from '../queue/window-guards.ts';
import type { Divisions } from '../reference/divisions.ts';
import type { IntakeRecord, TicketRecord } from '../store/records.ts';
import type { Store } from '../store/repositories.ts';
import type { HallSettings } from '../settings.ts';
import { checkPersonChoices } from './choices.ts';
import type { SealedRegistration, SealedReply } from './sealed.ts';

// Just over 80 lines: the verifying transaction reads best in one piece (checks, write, outbox).
export function createVerification(deps: {
  store: Store;
  config: HallConfig;
  cipher: DataCipher;
  divisions: Divisions;
  settings: HallSettings;
  now: () => number;
}) {
  const { store, cipher, divisions, now } = deps;

  /** The corrected matter, checked against the lists as an admin keeps them now. */
  function checkedMatter(body: VerifyBody): VerifyBody['matter'] {
    const m = body.matter;
    const current = { ...deps.settings.current(), isPlace: divisions.isPlace };
    const problem = checkMatter(m, current, 'window');
    if (problem) throw fieldError(problem.code, problem.field);
    if (!current.systems.includes(m.responsibleSystem)) throw fieldError('choice_unknown', 'matter.responsibleSystem');
    if (m.hotIssue && !current.hotIssues.includes(m.hotIssue)) throw fieldError('choice_unknown', 'matter.hotIssue');
    return m;
  }

  /**
   * Who may verify or correct: the staff member whose window holds the ticket, or — once it is
   * completed — the one who received it (an admin may act for them). A ticket not yet called is
   * called first; anyone else is told who can.
   */
  function requireReceiver(ticket: TicketRecord | undefined, op: Operator): void {
    const window = ticket?.windowNo ? store.windows.get(ticket.windowNo) : undefined;
    if (window) return requireOnDuty(window, op);
    if (ticket?.status === 'waiting' || ticket?.status === 'no_show') throw conflict('intake_not_at_window');
    if (ticket?.status === 'done' && (op.override || store.ticketEvents.servedBy(ticket.id, op.actor.id))) return;
    throw conflict('intake_not_received');
  }

  /**
   * Only while the staff member's window holds the ticket (an admin may act for them) and before
   * it was forwarded, or after 办结 by its receiver (corrections until the document left). Returns the verified intake; the caller pokes the forwarder after commit.
   */
  return function verify(ticketId: string, body: VerifyBody, op: Operator & { roles: readonly StaffRole[] }): IntakeRecord {
    return store.transaction(() => {
      const intake = store.intakes.byTicket(ticketId);
      if (!intake) throw notFound('intake_unknown');
      const ticket = store.tickets.get(ticketId);
      requireReceiver(ticket, op);
      // Once an attempt was made the document may have reached the case system: its key must
      // never carry another body, so the registration can no longer change here.
      if (intake.state !== 'submitted' && intake.state !== 'verified') throw conflict('intake_forwarded');
      // Say what is true: after a crash mid-attempt nothing may have left the hall yet.
      const queued = store.outbox.byIntake(intake.id);
      if (forwardingStarted(queued)) throw conflict(queued!.state === 'delivered' ? 'intake_forwarded' : 'intake_queued');
      const m = checkedMatter(body);
      const sealed = cipher.open<SealedRegistration>(intake.sealed, intake.id);
      checkPersonChoices(body.petitioner, deps.config.registration);
      const visitors = body.visitors ?? intake.visitors;
      if (visitors < intake.representatives) throw fieldError('too_many_representatives', 'visitors');
      const { occupation, political, ...rest } = body.petitioner;
      const corrected: SealedRegistration = {
        ...sealed,
        petitioner: {
          idNumber: sealed.petitioner.idNumber,
          birthDate: sealed.petitioner.birthDate,
          ...rest,
          name: rest.name.trim(),
          address: rest.address.trim(),
          ...(occupation?.trim() ? { occupation: occupation.trim() } : {}),
          ...(political?.trim() ? { political: political.trim() } : {}),
          ...(sealed.petitioner.smsNotify === false ? { smsNotify: false } : {}),
        },
        problem: m.problem.trim(),
        demands: m.demands.trim(),
      };
      const reply: SealedReply = { remarks: body.remarks.trim(), answer: body.answer.trim() };
      const at = now();
      store.intakes.update(intake.id, {
        state: 'verified',
        visitors,
        collective: intake.collective || isCollective(visitors, intake.serviceCode, deps.config.registration.collectiveService),
        category: m.category,
        purpose: m.purpose,
        cause: m.cause,
        placeCode: m.placeCode,
        responsibleSystem: m.responsibleSystem,
        hotIssue: m.hotIssue || null,
        firstReceiverId: intake.firstReceiverId ?? op.actor.id,
        firstReceiverName: intake.firstReceiverName ?? op.actor.name,
        verifiedAt: at,
        verifiedBy: op.actor.id,
        sealed: cipher.seal(corrected, intake.id),
        sealedReply: cipher.seal(reply, intake.id),
        updatedAt: at,
      });
      store.audit.append({ at, actor: op.actor, action: 'intake.verified', target: intake.id, details: { ticketId, number: ticket!.number, ...(visitors !== intake.visitors ? { visitors: [intake.visitors, visitors] } : {}) } });
      queueForCaseSystem(
        { store, cipher },
        {
          hallName: deps.config.hall.name,
          intake: store.intakes.get(intake.id)!,
          registration: corrected,
          reply,
          ticketNumber: ticket!.number,
          serviceName: store.services.get(intake.serviceCode)?.name ?? intake.serviceCode,
          placeName: divisions.fullName(m.placeCode) ?? m.placeCode,
          verifiedBy: { name: op.actor.name, staffNo: store.staff.get(op.actor.id)?.staffNo ?? '' },
        },
        at,
      );
      return store.intakes.get(intake.id)!;
    });
  };
}
