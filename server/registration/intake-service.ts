// Registration at the kiosk: checks the rules, recognises a person by the blind index (repeat
// visits, one number per person and service a day), and writes the sealed registration with its
// ticket in one transaction, idempotent on the kiosk's request id. Reading (view.ts), 一人一号
// (one-per-person.ts) and verification with the outbox (verify.ts) are its parts.
import type { HallAlert } from '../../common/contract/alerts.ts';
import type { ProgressQuery, ProgressRecord } from '../../common/contract/progress.ts';
import type { StaffTicket } from '../../common/contract/queue.ts';
import type { IdentityCheckBody, IntakeBody, RegistrationView, VerifyBody } from '../../common/contract/registration.ts';
import type { StaffRole } from '../../common/vocabulary.ts';
import { ageOn } from '../../common/id-number.ts';
import { checkIdNumber, checkRegistration, isCollective, type MatterStage } from '../../common/registration.ts';
import { raiseAlert } from '../alerts.ts';
import type { HallConfig } from '../config/schema.ts';
import { fieldError, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import type { DataCipher } from '../privacy/cipher.ts';
import type { QueueEngine } from '../queue/engine.ts';
import type { Operator } from '../queue/types.ts';
import { activeWindow, requireOnDuty, requireOpenAndFree } from '../queue/window-guards.ts';
import type { Divisions } from '../reference/divisions.ts';
import type { HallSettings } from '../settings.ts';
import type { IntakeRecord, TicketRecord } from '../store/records.ts';
import type { Store } from '../store/repositories.ts';
import { checkPersonChoices } from './choices.ts';
import { createOnePerPerson } from './one-per-person.ts';
import { createRegistrationForTicket, type Registered } from './register-for-ticket.ts';
import { sealedFrom, type SealedRegistration } from './sealed.ts';
import type { SubmitOutcome, Submitter, Viewer } from './types.ts';
import { createVerification } from './verify.ts';
import { createRegistrationReader } from './view.ts';


/** The kind of the ID number's blind index (the same person across registrations and bookings). */
export const ID_INDEX = 'resident-id';

/** The matter as the alert names it: the official category (a walk-in), else the person's topic. */
const matterOf = (matter: IntakeBody['matter']) =>
  matter.category ? `内容分类“${matter.category}”` : matter.topic ? `事情类别“${matter.topic}”` : '事项待窗口分类';

export type IntakeService = ReturnType<typeof createIntakeService>;

// Longer than ~80 lines as a whole: a factory whose body is one small function per operation.
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
  /** A registration was written (in its transaction): the 登记回执 is queued here. */
  onRegistered?: Registered;
  settings: HallSettings;
  /** The time limits and the case system's states of an acknowledged registration (server/case-life). */
  caseProgress: (intake: IntakeRecord) => Pick<ProgressRecord, 'acceptanceDue' | 'answerDue' | 'life'>;
}) {
  const { store, engine, config, cipher, divisions, now } = deps;
  // The lists an admin may edit come from the settings, the rest from the configuration.
  const rules = config.registration;
  const lists = () => ({ ...deps.settings.current(), isPlace: divisions.isPlace });
  const personIndexOf = (idNumber: string) => cipher.blindIndex(ID_INDEX, idNumber);
  const onePerPerson = createOnePerPerson(deps);
  const reader = createRegistrationReader(deps);
  const verify = createVerification(deps);

  /** The registration row of a new ticket (its sealed part encrypted under its own id). */
  function intakeRecord(
    body: IntakeBody,
    ticket: TicketRecord,
    by: Submitter,
    facts: { serviceCode: string; collective: boolean; personIndex: string; at?: number },
  ): IntakeRecord {
    const at = facts.at ?? ticket.issuedAt;
    const id = newId(at);
    const { petitioner, visit, matter } = body;
    return {
      id,
      ticketId: ticket.id,
      sourceId: by.actor.id,
      requestId: body.requestId,
      serviceDay: ticket.serviceDay,
      serviceCode: facts.serviceCode,
      state: 'submitted',
      visitors: visit.visitors,
      collective: facts.collective,
      representatives: (body.representatives ?? []).length + 1,
      declaredRepeat: visit.repeat,
      previousVisits: store.intakes.countByPerson(facts.personIndex),
      fromCard: petitioner.fromCard,
      gender: petitioner.gender,
      birthYear: Number(petitioner.birthDate.slice(0, 4)),
      topic: matter.topic ?? null,
      category: matter.category ?? '',
      purpose: matter.purpose ?? '',
      cause: matter.cause ?? '',
      placeCode: matter.placeCode,
      personIndex: facts.personIndex,
      sealed: cipher.seal(sealedFrom(body) satisfies SealedRegistration, id),
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
      closedReason: null,
      createdAt: at,
      updatedAt: at,
    };
  }

  /** The alert for a collective visit, raised in the caller's transaction. */
  const collectiveAlert = (ticket: TicketRecord, at: number, body: IntakeBody) =>
    raiseAlert(store, at, ticket, {
      kind: 'collective',
      visitors: body.visit.visitors,
      category: body.matter.category ?? '',
      message: `集体访：${ticket.number} 号，共 ${body.visit.visitors} 人来访，${matterOf(body.matter)}，请及时安排接待。`,
    });

  const registerFor = createRegistrationForTicket({ store, engine, now, rules, lists, personIndexOf, intakeRecord, collectiveAlert, onRegistered: deps.onRegistered });

  return {
    personIndexOf,

    /** 补登记 for a ticket without a registration; answers the registration as its registrant reads it. */
    registerForTicket(ticketId: string, body: IntakeBody, op: Operator & { roles: readonly StaffRole[] }): RegistrationView {
      const raised: HallAlert[] = [];
      const intake = registerFor(ticketId, body, op, raised);
      raised.forEach(deps.onAlert);
      return reader.render(intake, { actor: op.actor, roles: op.roles });
    },

    /** Synchronous from the replay check to the commit, so two submits cannot interleave. */
    submit(body: IntakeBody, by: Submitter, stage: MatterStage = 'kiosk'): SubmitOutcome {
      const replay = store.intakes.byRequest(by.actor.id, body.requestId);
      if (replay) return onePerPerson.again(replay.ticketId, 'replayed', replay.collective);

      const problem = checkRegistration(body, lists(), engine.today(), stage);
      if (problem) throw fieldError(problem.code, problem.field);
      checkPersonChoices(body.petitioner, rules);

      const { petitioner, visit } = body;
      const collective = isCollective(visit.visitors, body.serviceCode, rules.collectiveService);
      const serviceCode = collective ? rules.collectiveService : body.serviceCode;
      const personIndex = personIndexOf(petitioner.idNumber);

      const existing = onePerPerson.alreadyWaiting(personIndex, serviceCode, petitioner, by, collective);
      if (existing) return existing;

      // An elderly petitioner at a kiosk of a hall that says so gets a green number (reason 老),
      // audited as issued by that kiosk like every green number.
      const elderly = config.kiosk.elderly;
      const green = elderly.mode === 'green' && by.actor.kind === 'device' && !collective && ageOn(petitioner.birthDate, engine.today()) >= elderly.age;
      const priority = green ? { priority: 'green' as const, greenReason: elderly.greenReason } : { priority: 'normal' as const };
      const raised: HallAlert[] = [];
      const issued = engine.issue({ serviceCode, ...priority }, by.actor, {
        printerId: by.printerId,
        attach: (ticket) => {
          const intake = intakeRecord(body, ticket, by, { serviceCode, collective, personIndex });
          store.intakes.insert(intake);
          deps.onRegistered?.(intake, ticket, body.petitioner);
          // 一次性告知 given and acknowledged (the five items for this category), on record with the registration.
          store.audit.append({
            at: ticket.issuedAt,
            actor: by.actor,
            action: 'intake.notified',
            target: intake.id,
            details: { ticketId: ticket.id, number: ticket.number, serviceCode, category: body.matter.category, purpose: body.matter.purpose },
          });
          if (collective) raised.push(collectiveAlert(ticket, ticket.issuedAt, body));
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
      engine.requireKioskHours(by.actor);
      if (!checkIdNumber(petitioner.idNumber, engine.today())) throw fieldError('id_number_invalid', 'petitioner.idNumber');
      const personIndex = personIndexOf(petitioner.idNumber);
      const waiting = store.intakes.waitingTicketOf(personIndex, engine.today(), body.serviceCode);
      const collective = waiting ? (store.intakes.byTicket(waiting)?.collective ?? false) : false;
      return onePerPerson.alreadyWaiting(personIndex, body.serviceCode, petitioner, by, collective);
    },

    /**
     * A walk-in without a kiosk registration (e.g. someone who cannot use the kiosk), registered by
     * the staff member at their window and called there at once. No ticket is printed.
     */
    walkIn(body: IntakeBody, windowNo: number, op: Operator): StaffTicket {
      // The same window checks the call makes, before anything is written.
      const window = activeWindow(store, windowNo);
      requireOnDuty(window, op);
      requireOpenAndFree(store, window);
      // Staff code the matter themselves: the official category, purpose and cause are required.
      const { ticket } = this.submit(body, { actor: op.actor, printerId: null }, 'window');
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
        const access = reader.accessOf(found, viewer);
        const reason = access === 'reason' ? viewer.reason!.trim() : undefined;
        store.audit.append({
          at: now(),
          actor: viewer.actor,
          action: 'intake.viewed',
          target: found.id,
          details: { ticketId, access, ...(reason ? { reason } : {}) },
        });
        return reader.firstReceiver(found, viewer.actor);
      });
      return reader.render(intake, viewer);
    },

    /**
     * The staff member at the window checks, corrects and completes the registration. Only while
     * their window holds the ticket (an admin may act for them) and before it was forwarded.
     */
    verify(ticketId: string, body: VerifyBody, op: Operator & { roles: readonly StaffRole[] }): RegistrationView {
      const verified = verify(ticketId, body, op);
      deps.onQueued?.();
      return reader.render(verified, { actor: op.actor, roles: op.roles });
    },

    /**
     * Progress of a person's registrations, by the ticket's query code or by ID number and the
     * last four digits of the phone. Any miss is the same polite 404 (it reveals nothing), unless
     * `allowNone` (the ticket exists and may be rated: see the route).
     */
    progress(query: ProgressQuery, allowNone = false): ProgressRecord[] {
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
      if (found.length === 0 && !allowNone) throw notFound('progress_not_found');
      const services = store.services.list();
      return found.map((i) => ({
        date: i.serviceDay,
        number: store.tickets.get(i.ticketId)?.number ?? '',
        serviceName: services.find((s) => s.code === i.serviceCode)?.name ?? i.serviceCode,
        state: i.state,
        caseNumber: i.caseNumber,
        ...deps.caseProgress(i),
      }));
    },

    /** The form's lists, as the kiosk shows them. */
    form() {
      const { topics, topicCategories, categories, systems, hotIssues, purposes, causes, helperPhrases, materials, purposeMaterials } = deps.settings.current();
      return {
        topics,
        topicCategories,
        kioskPurposes: rules.kioskPurposes,
        categories,
        systems,
        hotIssues,
        purposes,
        causes,
        helperPhrases,
        occupations: rules.occupations,
        politicalStatuses: rules.politicalStatuses,
        materials,
        purposeMaterials,
        homePlace: divisions.path(rules.homeDivision) ?? [],
        collectiveService: rules.collectiveService,
        queryService: rules.queryService,
        cardServices: config.services
          .map((s) => s.code)
          .filter((code) => code !== rules.queryService && code !== rules.collectiveService && code !== rules.leaderService),
        idleSeconds: rules.idleSeconds,
        voice: config.kiosk.voice,
        notification: rules.notification,
        elderly: { age: config.kiosk.elderly.age, mode: config.kiosk.elderly.mode },
        sms: config.notify.sms.enabled,
      };
    },
  };
}
