// Registration at the kiosk: checks the rules, recognises a person by the blind index (repeat
// visits, one number per person and service a day), and writes the sealed registration with its
// ticket in one transaction, idempotent on the kiosk's request id.
import type { HallAlert } from '../../common/contract/alerts.ts';
import type { ProgressQuery, ProgressRecord } from '../../common/contract/progress.ts';
import type { StaffTicket } from '../../common/contract/queue.ts';
import type { IdentityCheckBody, IntakeBody, RegistrationView, VerifyBody } from '../../common/contract/registration.ts';
import type { IntakeOutcome, StaffRole } from '../../common/vocabulary.ts';
import { checkIdNumber, checkMatter, checkRegistration, isCollective } from '../../common/registration.ts';
import type { HallConfig } from '../config/schema.ts';
import { conflict, fieldError, forbidden, HallError, notFound } from '../errors.ts';
import { PERMISSIONS } from '../auth/principal.ts';
import { newId } from '../ids.ts';
import type { DataCipher } from '../privacy/cipher.ts';
import type { Operator, QueueEngine, WaitEstimate } from '../queue/engine.ts';
import type { Actor, IntakeRecord } from '../store/records.ts';
import type { Store } from '../store/repositories.ts';
import type { Divisions } from './divisions.ts';
import { buildPayload } from '../forwarding/payload.ts';
import { raiseAlert } from '../alerts.ts';
import type { HallSettings } from '../settings.ts';

/** What only the receiving staff and the case system may read. */
export interface SealedRegistration {
  petitioner: Omit<IntakeBody['petitioner'], 'fromCard' | 'gender'>;
  representatives: NonNullable<IntakeBody['representatives']>;
  problem: string;
  demands: string;
}

/** What the staff member adds at the window, sealed apart from the registration. */
interface SealedReply {
  remarks: string;
  answer: string;
}

export type SubmitOutcome = WaitEstimate & {
  /** `issued`: a new ticket; `replayed`: the same request again; `existing`: the person already waits. */
  outcome: IntakeOutcome;
  ticket: StaffTicket;
  collective: boolean;
};

export interface Submitter {
  actor: Actor;
  printerId: string | null;
}

const ID_INDEX = 'resident-id';

/** A name as typed or read off the card: width, spaces and the middle dot of some names do not count. */
const normalName = (name: string) => name.normalize('NFKC').replace(/\s+/g, '').replace(/[·•・.．]/g, '·');
const normalPhone = (phone: string) => phone.replace(/\D/g, '');

/** A staff member asking to read a registration, with the reason they stated (if any). */
export interface Viewer {
  actor: Actor;
  roles: readonly StaffRole[];
  reason?: string;
}

export type IntakeService = ReturnType<typeof createIntakeService>;

export function createIntakeService(deps: {
  store: Store;
  engine: QueueEngine;
  config: HallConfig;
  cipher: DataCipher;
  divisions: Divisions;
  now: () => number;
  onAlert: (alert: HallAlert) => void;
  /** A verified registration was queued for the case system. */
  onQueued?: () => void;
  settings: HallSettings;
}) {
  const { store, engine, config, cipher, divisions, now } = deps;
  // The lists an admin may edit come from the settings, the rest from the configuration.
  const rules = config.registration;
  const lists = () => ({ ...deps.settings.current(), isPlace: divisions.isPlace });

  const personIndexOf = (idNumber: string) => cipher.blindIndex(ID_INDEX, idNumber);

  function again(ticketId: string, outcome: 'replayed' | 'existing', collective: boolean): SubmitOutcome {
    return { outcome, collective, ...engine.estimateFor(ticketId) };
  }

  /** Whether a new submission carries the identity sealed with the registration of a waiting ticket. */
  function sameIdentity(ticketId: string, petitioner: Pick<IntakeBody['petitioner'], 'idNumber' | 'name' | 'phone'>): boolean {
    const earlier = store.intakes.byTicket(ticketId);
    if (!earlier) return false;
    const sealed = cipher.open<SealedRegistration>(earlier.sealed, earlier.id).petitioner;
    return (
      sealed.idNumber.toUpperCase() === petitioner.idNumber.trim().toUpperCase() &&
      normalName(sealed.name) === normalName(petitioner.name) &&
      (!sealed.phone || normalPhone(sealed.phone) === normalPhone(petitioner.phone))
    );
  }

  /**
   * Someone registers with the ID number of a person already waiting, under another name or phone:
   * no reprint, no number; the desk is alerted (coded facts only) and the refusal is audited.
   */
  function refuseOtherIdentity(ticketId: string, kiosk: Actor): never {
    // `kiosk` is the device (or, for a walk-in, the staff member registering at a window).
    const at = now();
    const alert = store.transaction(() => {
      const ticket = store.tickets.get(ticketId)!;
      const serviceName = store.services.list().find((s) => s.code === ticket.serviceCode)?.name ?? ticket.serviceCode;
      const raised = raiseAlert(store, at, ticket, {
        kind: 'identity',
        message:
          kiosk.kind === 'device'
            ? `一人一号核实：在“${kiosk.name}”登记的身份证号码与正在等候的 ${ticket.number} 号（${serviceName}）相同，但姓名或电话不一致，未补打号票。来访人已被请到服务台，请核实身份后协助办理。`
            : `一人一号核实：${kiosk.name}在窗口登记的身份证号码与正在等候的 ${ticket.number} 号（${serviceName}）相同，但姓名或电话不一致，未登记。请核实来访人身份。`,
      });
      store.audit.append({ at, actor: kiosk, action: 'intake.identity_mismatch', target: ticket.id, details: { number: ticket.number } });
      return raised;
    });
    deps.onAlert(alert);
    throw conflict('person_already_waiting');
  }

  /**
   * 一人一号: someone already waiting today for this service gets that ticket again, printed
   * again — only when ID number, name and phone match the earlier registration; otherwise a
   * polite 409 with no ticket data, the desk alerted, the refusal audited. Null: not waiting.
   */
  function alreadyWaiting(
    personIndex: string,
    serviceCode: string,
    petitioner: Pick<IntakeBody['petitioner'], 'idNumber' | 'name' | 'phone'>,
    by: Submitter,
    collective: boolean,
  ): SubmitOutcome | null {
    const waiting = store.intakes.waitingTicketOf(personIndex, engine.today(), serviceCode);
    if (!waiting) return null;
    // The ticket (with its query code) goes only to the same person, not to anyone who knows
    // their ID number.
    if (!sameIdentity(waiting, petitioner)) refuseOtherIdentity(waiting, by.actor);
    if (by.printerId) engine.reprint(waiting, by.printerId, by.actor);
    return again(waiting, 'existing', collective);
  }

  const isAccusation = (intake: IntakeRecord) => config.privacy.accusationPurposes.includes(intake.purpose);
  const mayReadAccusations = (roles: readonly StaffRole[]) => roles.some((r) => (config.privacy.accusationRoles as readonly string[]).includes(r));

  /**
   * Why `viewer` may read this registration, or a polite refusal. `window`: they are on duty at
   * the window that holds the ticket, or called/served it at their window (ticket events);
   * `reason`: desk, leader or admin with a stated reason (an accusation: only the roles in
   * `privacy.accusationRoles`).
   */
  function accessOf(intake: IntakeRecord, viewer: Viewer): 'window' | 'reason' {
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
  }

  /** 首问: the first staff member to open it at the window that holds the ticket. */
  function firstReceiver(intake: IntakeRecord, actor: Actor): IntakeRecord {
    if (intake.firstReceiverId !== null || actor.kind !== 'staff') return intake;
    const ticket = store.tickets.get(intake.ticketId);
    const window = ticket?.windowNo ? store.windows.get(ticket.windowNo) : undefined;
    if (window?.staffId !== actor.id) return intake;
    return store.intakes.update(intake.id, { firstReceiverId: actor.id, firstReceiverName: actor.name });
  }

  /** The decrypted view; the caller has checked (and audited) access. */
  function render(intake: IntakeRecord, viewer: Viewer): RegistrationView {
    const sealed = cipher.open<SealedRegistration>(intake.sealed, intake.id);
    const reply = intake.sealedReply ? cipher.open<SealedReply>(intake.sealedReply, intake.id) : { remarks: '', answer: '' };
    const numberOf = (id: string) => store.tickets.get(id)?.number ?? '';
    const previous = store.intakes
      .byPerson(intake.personIndex, 11)
      .filter((p) => p.id !== intake.id && p.createdAt < intake.createdAt)
      .slice(0, 10)
      .map((p) => ({
        date: p.serviceDay,
        number: numberOf(p.ticketId),
        category: p.category,
        purpose: p.purpose,
        state: p.state,
        receiver: p.firstReceiverName,
        // An earlier accusation's answer stays with those who may read accusations or received it.
        ...(isAccusation(p) && !mayReadAccusations(viewer.roles) && p.firstReceiverId !== viewer.actor.id && p.verifiedBy !== viewer.actor.id
          ? { answer: null, confidential: true }
          : { answer: p.sealedReply ? cipher.open<SealedReply>(p.sealedReply, p.id).answer : null }),
      }));
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    return {
      id: intake.id,
      ticketId: intake.ticketId,
      number: numberOf(intake.ticketId),
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
      previous,
      createdAt: new Date(intake.createdAt).toISOString(),
    };
  }

  return {
    personIndexOf,

    /** Synchronous from the replay check to the commit, so two submits cannot interleave. */
    submit(body: IntakeBody, by: Submitter): SubmitOutcome {
      const replay = store.intakes.byRequest(by.actor.id, body.requestId);
      if (replay) return again(replay.ticketId, 'replayed', replay.collective);

      const problem = checkRegistration(body, lists(), engine.today());
      if (problem) throw fieldError(problem.code, problem.field);

      const { petitioner, visit, matter } = body;
      const representatives = body.representatives ?? [];
      const collective = isCollective(visit.visitors, body.serviceCode, rules.collectiveService);
      const serviceCode = collective ? rules.collectiveService : body.serviceCode;
      const personIndex = personIndexOf(petitioner.idNumber);

      const existing = alreadyWaiting(personIndex, serviceCode, petitioner, by, collective);
      if (existing) return existing;

      const raised: HallAlert[] = [];
      const issued = engine.issue({ serviceCode, priority: 'normal' }, by.actor, {
        printerId: by.printerId,
        attach: (ticket) => {
          const at = ticket.issuedAt;
          const id = newId(at);
          const sealed: SealedRegistration = {
            petitioner: {
              name: petitioner.name.trim(),
              idNumber: petitioner.idNumber.toUpperCase(),
              birthDate: petitioner.birthDate,
              phone: petitioner.phone,
              address: petitioner.address.trim(),
              ...(petitioner.occupation?.trim() ? { occupation: petitioner.occupation.trim() } : {}),
            },
            representatives: representatives.map((r) => ({ ...r, name: r.name.trim(), idNumber: r.idNumber.toUpperCase() })),
            problem: matter.problem.trim(),
            demands: matter.demands.trim(),
          };
          const intake: IntakeRecord = {
            id,
            ticketId: ticket.id,
            sourceId: by.actor.id,
            requestId: body.requestId,
            serviceDay: ticket.serviceDay,
            serviceCode,
            state: 'submitted',
            visitors: visit.visitors,
            collective,
            representatives: representatives.length + 1,
            declaredRepeat: visit.repeat,
            previousVisits: store.intakes.countByPerson(personIndex),
            fromCard: petitioner.fromCard,
            gender: petitioner.gender,
            birthYear: Number(petitioner.birthDate.slice(0, 4)),
            category: matter.category,
            purpose: matter.purpose,
            cause: matter.cause,
            placeCode: matter.placeCode,
            personIndex,
            sealed: cipher.seal(sealed, id),
            responsibleSystem: null,
            hotIssue: null,
            firstReceiverId: null,
            firstReceiverName: null,
            verifiedAt: null,
            verifiedBy: null,
            sealedReply: null,
            caseNumber: null,
            forwardedAt: null,
            acceptanceDue: null,
            answerDue: null,
            createdAt: at,
            updatedAt: at,
          };
          store.intakes.insert(intake);
          if (collective) {
            const alert = raiseAlert(store, at, ticket, {
              kind: 'collective',
              visitors: visit.visitors,
              category: matter.category,
              message: `集体访：${ticket.number} 号，共 ${visit.visitors} 人来访，内容分类“${matter.category}”，请及时安排接待。`,
            });
            raised.push(alert);
          }
        },
      });
      raised.forEach(deps.onAlert);
      return { outcome: 'issued', collective, ...issued };
    },

    /**
     * 一人一号 asked as soon as the kiosk has the identity, before the person fills in five more
     * steps: the same answer (reprint, or refusal and desk alert) a full registration would get
     * now, or null to go on. The full submission checks again (the person may register meanwhile
     * at another kiosk). The ticket's collective flag is the waiting registration's own.
     */
    checkIdentity(body: IdentityCheckBody, by: Submitter): SubmitOutcome | null {
      const { petitioner } = body;
      if (!checkIdNumber(petitioner.idNumber, engine.today())) throw fieldError('id_number_invalid', 'petitioner.idNumber');
      const personIndex = personIndexOf(petitioner.idNumber);
      const waiting = store.intakes.waitingTicketOf(personIndex, engine.today(), body.serviceCode);
      const collective = waiting ? (store.intakes.byTicket(waiting)?.collective ?? false) : false;
      return alreadyWaiting(personIndex, body.serviceCode, petitioner, by, collective);
    },

    /**
     * A walk-in without a kiosk registration (e.g. someone who cannot use the kiosk), registered by
     * the staff member at their window and called there at once. No ticket is printed.
     */
    walkIn(body: IntakeBody, windowNo: number, op: Operator): StaffTicket {
      const window = store.windows.get(windowNo);
      if (!window?.active) throw notFound('window_unknown');
      if (!op.override && window.staffId !== op.actor.id) throw forbidden('window_not_yours');
      if (window.state !== 'open') throw conflict('window_not_open');
      if (store.tickets.heldBy(windowNo)) throw conflict('window_busy');
      const { ticket } = this.submit(body, { actor: op.actor, printerId: null });
      if (ticket.status !== 'waiting') return ticket;
      // A service this window does not serve (e.g. routed to the collective queue): send it here.
      const served = window.services.includes(ticket.serviceCode) || ticket.targetWindowNo === windowNo;
      if (!served) engine.transfer(ticket.id, { windowNo }, op.actor);
      return engine.callTicket(windowNo, ticket.id, op);
    },

    /**
     * The registration behind a ticket, decrypted for one staff member, with the person's earlier
     * registrations (by the blind index) and their answers. Need to know: the staff member at the
     * window that holds or held the ticket, or desk/leader/admin with a stated reason (for an
     * accusation, only the roles in `privacy.accusationRoles`). Every view is audited.
     */
    view(ticketId: string, viewer: Viewer): RegistrationView {
      const intake = store.transaction(() => {
        const found = store.intakes.byTicket(ticketId);
        if (!found) throw notFound('intake_unknown');
        const access = accessOf(found, viewer);
        const reason = access === 'reason' ? viewer.reason!.trim() : undefined;
        store.audit.append({
          at: now(),
          actor: viewer.actor,
          action: 'intake.viewed',
          target: found.id,
          details: { ticketId, access, ...(reason ? { reason } : {}) },
        });
        return firstReceiver(found, viewer.actor);
      });
      return render(intake, viewer);
    },

    /**
     * The staff member at the window checks, corrects and completes the registration. Only while
     * their window holds the ticket (an admin may act for them) and before it was forwarded.
     */
    verify(ticketId: string, body: VerifyBody, op: Operator & { roles: readonly StaffRole[] }): RegistrationView {
      const verified = store.transaction(() => {
        const intake = store.intakes.byTicket(ticketId);
        if (!intake) throw notFound('intake_unknown');
        const ticket = store.tickets.get(ticketId);
        const window = ticket?.windowNo ? store.windows.get(ticket.windowNo) : undefined;
        if (!window) throw conflict('intake_not_at_window');
        if (!op.override && window.staffId !== op.actor.id) throw forbidden('window_not_yours');
        // Once an attempt was made the document may have reached the case system: its key must
        // never carry another body, so the registration can no longer change here.
        const queued = store.outbox.byIntake(intake.id);
        if (intake.state !== 'submitted' && intake.state !== 'verified') throw conflict('intake_forwarded');
        if (queued && (queued.attempts > 0 || queued.lastError !== null || queued.state !== 'pending')) throw conflict('intake_forwarded');
        const m = body.matter;
        const current = lists();
        const problem = checkMatter(m, current);
        if (problem) throw fieldError(problem.code, problem.field);
        if (!current.systems.includes(m.responsibleSystem)) throw fieldError('choice_unknown', 'matter.responsibleSystem');
        if (m.hotIssue && !current.hotIssues.includes(m.hotIssue)) throw fieldError('choice_unknown', 'matter.hotIssue');
        const sealed = cipher.open<SealedRegistration>(intake.sealed, intake.id);
        const corrected: SealedRegistration = {
          ...sealed,
          petitioner: { ...sealed.petitioner, ...body.petitioner, name: body.petitioner.name.trim(), address: body.petitioner.address.trim() },
          problem: m.problem.trim(),
          demands: m.demands.trim(),
        };
        const at = now();
        store.intakes.update(intake.id, {
          state: 'verified',
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
          sealedReply: cipher.seal({ remarks: body.remarks.trim(), answer: body.answer.trim() } satisfies SealedReply, intake.id),
          updatedAt: at,
        });
        store.audit.append({ at, actor: op.actor, action: 'intake.verified', target: intake.id, details: { ticketId } });

        // The transactional outbox: the document for the case system, in the same transaction.
        const key = `xfh-${intake.id}`;
        const document = buildPayload({
          idempotencyKey: key,
          hallName: deps.config.hall.name,
          intake: store.intakes.get(intake.id)!,
          registration: corrected,
          reply: { remarks: body.remarks.trim(), answer: body.answer.trim() },
          ticketNumber: ticket!.number,
          serviceName: store.services.list().find((s) => s.code === intake.serviceCode)?.name ?? intake.serviceCode,
          placeName: divisions.fullName(m.placeCode) ?? m.placeCode,
          verifiedBy: { name: op.actor.name, staffNo: store.staff.get(op.actor.id)?.staffNo ?? '' },
        });
        const sealedBody = cipher.seal(document, key);
        if (queued) store.outbox.update(queued.id, { body: sealedBody, nextAttemptAt: at });
        else {
          store.outbox.insert({
            intakeId: intake.id,
            idempotencyKey: key,
            body: sealedBody,
            state: 'pending',
            attempts: 0,
            nextAttemptAt: at,
            lastError: null,
            createdAt: at,
            deliveredAt: null,
          });
        }
        return store.intakes.get(intake.id)!;
      });
      deps.onQueued?.();
      return render(verified, { actor: op.actor, roles: op.roles });
    },

    /**
     * Progress of a person's registrations, by the ticket's query code or by ID number and the
     * last four digits of the phone. Any miss is the same polite 404: it reveals nothing.
     */
    progress(query: ProgressQuery): ProgressRecord[] {
      let found: IntakeRecord[];
      if ('queryCode' in query) {
        const ticket = store.tickets.byQueryCode(query.queryCode.toUpperCase());
        const intake = ticket && store.intakes.byTicket(ticket.id);
        found = intake ? [intake] : [];
      } else {
        found = store.intakes
          .byPerson(personIndexOf(query.idNumber), 5)
          .filter((i) => cipher.open<SealedRegistration>(i.sealed, i.id).petitioner.phone.endsWith(query.phoneLast4));
      }
      if (found.length === 0) throw notFound('progress_not_found');
      const services = store.services.list();
      return found.map((i) => ({
        date: i.serviceDay,
        number: store.tickets.get(i.ticketId)?.number ?? '',
        serviceName: services.find((s) => s.code === i.serviceCode)?.name ?? i.serviceCode,
        state: i.state,
        caseNumber: i.caseNumber,
        acceptanceDue: i.acceptanceDue,
        answerDue: i.answerDue,
      }));
    },

    /** The form's lists, as the kiosk shows them. */
    form() {
      return {
        ...(({ categories, systems, hotIssues, purposes, causes, helperPhrases, materials, purposeMaterials }) => ({
          categories,
          systems,
          hotIssues,
          purposes,
          causes,
          helperPhrases,
          materials,
          purposeMaterials,
        }))(deps.settings.current()),
        homePlace: divisions.path(rules.homeDivision) ?? [],
        collectiveService: rules.collectiveService,
        queryService: rules.queryService,
        cardServices: config.services
          .map((s) => s.code)
          .filter((code) => code !== rules.queryService && code !== rules.collectiveService && code !== rules.leaderService),
        idleSeconds: rules.idleSeconds,
        voice: config.kiosk.voice,
      };
    },
  };
}
