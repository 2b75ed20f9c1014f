// Reading a registration: who may (need to know), who becomes its first receiver (首问), and the
// decrypted view with the person's earlier registrations and their answers.
import type { RegistrationView } from '../../common/contract/registration.ts';
import type { StaffRole } from '../../common/vocabulary.ts';
import { PERMISSIONS } from '../auth/principal.ts';
import type { HallConfig } from '../config/schema.ts';
import { forbidden, HallError } from '../errors.ts';
import type { DataCipher } from '../privacy/cipher.ts';
import type { Divisions } from '../reference/divisions.ts';
import type { Actor, IntakeRecord } from '../store/records.ts';
import type { Store } from '../store/repositories.ts';
import type { SealedRegistration, SealedReply } from './sealed.ts';
import type { Viewer } from './types.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

// Longer than ~80 lines as a whole: a factory of three small functions and the view mapping.
export function createRegistrationReader(deps: { store: Store; config: HallConfig; cipher: DataCipher; divisions: Divisions }) {
  const { store, config, cipher, divisions } = deps;

  const isAccusation = (intake: IntakeRecord) => config.privacy.accusationPurposes.includes(intake.purpose);
  const mayReadAccusations = (roles: readonly StaffRole[]) => roles.some((r) => (config.privacy.accusationRoles as readonly string[]).includes(r));

  /** Earlier registrations of the same person (by the blind index), newest first, at most ten. */
  function previousOf(intake: IntakeRecord, viewer: Viewer): RegistrationView['previous'] {
    return store.intakes
      .byPerson(intake.personIndex, 11)
      .filter((p) => p.id !== intake.id && p.createdAt < intake.createdAt)
      .slice(0, 10)
      .map((p) => ({
        date: p.serviceDay,
        number: store.tickets.get(p.ticketId)?.number ?? '',
        category: p.category,
        purpose: p.purpose,
        state: p.state,
        receiver: p.firstReceiverName,
        // An earlier accusation's answer stays with those who may read accusations or received it.
        ...(isAccusation(p) && !mayReadAccusations(viewer.roles) && p.firstReceiverId !== viewer.actor.id && p.verifiedBy !== viewer.actor.id
          ? { answer: null, confidential: true }
          : { answer: p.sealedReply ? cipher.open<SealedReply>(p.sealedReply, p.id).answer : null }),
      }));
  }

  return {
    /**
     * Why `viewer` may read this registration, or a polite refusal. `window`: they are on duty at
     * the window that holds the ticket, or called/served it at their window (ticket events);
     * `reason`: desk, leader or admin with a stated reason (an accusation: only the roles in
     * `privacy.accusationRoles`).
     */
    accessOf(intake: IntakeRecord, viewer: Viewer): 'window' | 'reason' {
      if (viewer.actor.kind !== 'staff') throw forbidden();
      const ticket = store.tickets.get(intake.ticketId);
      const window = ticket?.windowNo ? store.windows.get(ticket.windowNo) : undefined;
      if (window?.staffId === viewer.actor.id || store.ticketEvents.servedBy(intake.ticketId, viewer.actor.id)) return 'window';
      const mayAsk = viewer.roles.some((r) => (PERMISSIONS.viewRegistrationWithReason.roles as readonly string[]).includes(r));
      if (isAccusation(intake) && !(mayAsk && mayReadAccusations(viewer.roles))) throw forbidden('registration_confidential');
      if (!mayAsk) throw forbidden('registration_not_yours');
      const reason = viewer.reason?.trim() ?? '';
      if (reason.length < 2 || reason.length > 100) throw new HallError(400, 'view_reason_required', undefined, 'reason');
      return 'reason';
    },

    /** 首问: the first staff member to open it at the window that holds the ticket. */
    firstReceiver(intake: IntakeRecord, actor: Actor): IntakeRecord {
      if (intake.firstReceiverId !== null || actor.kind !== 'staff') return intake;
      const ticket = store.tickets.get(intake.ticketId);
      const window = ticket?.windowNo ? store.windows.get(ticket.windowNo) : undefined;
      if (window?.staffId !== actor.id) return intake;
      return store.intakes.update(intake.id, { firstReceiverId: actor.id, firstReceiverName: actor.name });
    },

    /** The decrypted view; the caller has checked (and audited) access. */
    render(intake: IntakeRecord, viewer: Viewer): RegistrationView {
      const sealed = cipher.open<SealedRegistration>(intake.sealed, intake.id);
      const reply = intake.sealedReply ? cipher.open<SealedReply>(intake.sealedReply, intake.id) : { remarks: '', answer: '' };
      return {
        id: intake.id,
        ticketId: intake.ticketId,
        number: store.tickets.get(intake.ticketId)?.number ?? '',
        state: intake.state,
        serviceCode: intake.serviceCode,
        visitors: intake.visitors,
        collective: intake.collective,
        declaredRepeat: intake.declaredRepeat,
        previousVisits: intake.previousVisits,
        fromCard: intake.fromCard,
        gender: intake.gender,
        petitioner: sealed.petitioner,
        representatives: sealed.representatives,
        matter: {
          topic: intake.topic,
          category: intake.category,
          purpose: intake.purpose,
          cause: intake.cause,
          placeCode: intake.placeCode,
          placeName: divisions.fullName(intake.placeCode) ?? intake.placeCode,
          problem: sealed.problem,
          demands: sealed.demands,
          responsibleSystem: intake.responsibleSystem,
          hotIssue: intake.hotIssue,
        },
        firstReceiver: intake.firstReceiverName,
        verifiedAt: iso(intake.verifiedAt),
        ...reply,
        previous: previousOf(intake, viewer),
        createdAt: new Date(intake.createdAt).toISOString(),
      };
    },
  };
}
