// Registration at the kiosk: checks the rules, recognises a person by the blind index (repeat
// visits, one number per person and service a day), and writes the sealed registration with its
// ticket in one transaction, idempotent on the kiosk's request id.
import type { HallAlert, IntakeBody, StaffTicket } from '../../common/domain.ts';
import { checkRegistration, isCollective } from '../../common/registration.ts';
import type { HallConfig } from '../config/schema.ts';
import { fieldError } from '../errors.ts';
import { newId } from '../ids.ts';
import type { DataCipher } from '../privacy/cipher.ts';
import type { QueueEngine, WaitEstimate } from '../queue/engine.ts';
import type { Actor, IntakeRecord } from '../store/records.ts';
import type { Store } from '../store/repositories.ts';
import type { Divisions } from './divisions.ts';

/** What only the receiving staff and the case system may read. */
export interface SealedRegistration {
  petitioner: Omit<IntakeBody['petitioner'], 'fromCard' | 'gender'>;
  representatives: NonNullable<IntakeBody['representatives']>;
  problem: string;
  demands: string;
}

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

const ID_INDEX = 'resident-id';

export type IntakeService = ReturnType<typeof createIntakeService>;

export function createIntakeService(deps: {
  store: Store;
  engine: QueueEngine;
  config: HallConfig;
  cipher: DataCipher;
  divisions: Divisions;
  now: () => number;
  onAlert: (alert: HallAlert) => void;
}) {
  const { store, engine, config, cipher, divisions, now } = deps;
  const rules = config.registration;
  const lists = { ...rules, isPlace: divisions.isPlace };

  const personIndexOf = (idNumber: string) => cipher.blindIndex(ID_INDEX, idNumber);

  function again(ticketId: string, outcome: 'replayed' | 'existing', collective: boolean): SubmitOutcome {
    return { outcome, collective, ...engine.estimateFor(ticketId) };
  }

  return {
    personIndexOf,

    /** Synchronous from the replay check to the commit, so two submits cannot interleave. */
    submit(body: IntakeBody, by: Submitter): SubmitOutcome {
      const replay = store.intakes.byRequest(by.actor.id, body.requestId);
      if (replay) return again(replay.ticketId, 'replayed', replay.collective);

      const problem = checkRegistration(body, lists, engine.today());
      if (problem) throw fieldError(problem.code, problem.field);

      const { petitioner, visit, matter } = body;
      const representatives = body.representatives ?? [];
      const collective = isCollective(visit.visitors, body.serviceCode, rules.collectiveService);
      const serviceCode = collective ? rules.collectiveService : body.serviceCode;
      const personIndex = personIndexOf(petitioner.idNumber);

      const waiting = store.intakes.waitingTicketOf(personIndex, engine.today(), serviceCode);
      if (waiting) {
        if (by.printerId) engine.reprint(waiting, by.printerId, by.actor);
        return again(waiting, 'existing', collective);
      }

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
            createdAt: at,
            updatedAt: at,
          };
          store.intakes.insert(intake);
          if (collective) {
            const alert: HallAlert = {
              id: newId(at),
              kind: 'collective',
              at: new Date(at).toISOString(),
              ticketId: ticket.id,
              number: ticket.number,
              serviceCode,
              visitors: visit.visitors,
              category: matter.category,
              message: `集体访:${ticket.number} 号,共 ${visit.visitors} 人来访,内容分类“${matter.category}”,请及时安排接待。`,
            };
            const { id: alertId, kind, ticketId, ...details } = alert;
            store.alerts.insert({ id: alertId, kind, at, ticketId, details, handledAt: null, handledBy: null });
            raised.push(alert);
          }
        },
      });
      raised.forEach(deps.onAlert);
      return { outcome: 'issued', collective, ...issued };
    },

    /** The registration behind a ticket, decrypted for the staff member (the caller audits the view). */
    open(intake: IntakeRecord): SealedRegistration {
      return cipher.open<SealedRegistration>(intake.sealed, intake.id);
    },

    /** The form's lists, as the kiosk shows them. */
    form() {
      return {
        categories: rules.categories,
        purposes: rules.purposes,
        causes: rules.causes,
        helperPhrases: rules.helperPhrases,
        materials: rules.materials,
        purposeMaterials: rules.purposeMaterials,
        homePlace: divisions.path(rules.homeDivision) ?? [],
        collectiveService: rules.collectiveService,
        idleSeconds: rules.idleSeconds,
      };
    },
  };
}
