// 补登记: the registration of a ticket issued without one (green channel, desk), made at the
// window that holds it or at the desk, with the kiosk's rules, in one transaction (audited).
import type { HallAlert } from '../../common/contract/alerts.ts';
import type { IntakeBody } from '../../common/contract/registration.ts';
import { checkRegistration, isCollective, type RegistrationLists } from '../../common/registration.ts';
import type { StaffRole } from '../../common/vocabulary.ts';
import type { HallConfig } from '../config/schema.ts';
import { conflict, fieldError, forbidden, notFound } from '../errors.ts';
import type { QueueEngine } from '../queue/engine.ts';
import type { Operator } from '../queue/types.ts';
import type { IntakeRecord, TicketRecord } from '../store/records.ts';
import type { Store } from '../store/repositories.ts';
import { checkPersonChoices } from './choices.ts';
import type { Submitter } from './types.ts';

/** A registration was written, in its transaction (the 登记回执 is queued there). */
export type Registered = (intake: IntakeRecord, ticket: TicketRecord, petitioner: IntakeBody['petitioner']) => void;

/** Tickets a registration may still be added to. */
const OPEN_STATUSES: readonly string[] = ['waiting', 'called', 'serving', 'no_show'];

export function createRegistrationForTicket(deps: {
  store: Store;
  engine: QueueEngine;
  now: () => number;
  rules: HallConfig['registration'];
  lists: () => RegistrationLists;
  personIndexOf: (idNumber: string) => string;
  intakeRecord: (body: IntakeBody, ticket: TicketRecord, by: Submitter, facts: { serviceCode: string; collective: boolean; personIndex: string; at?: number }) => IntakeRecord;
  collectiveAlert: (ticket: TicketRecord, at: number, body: IntakeBody) => HallAlert;
  onRegistered?: Registered | undefined;
}) {
  const { store, engine, now, rules, lists, personIndexOf, intakeRecord, collectiveAlert } = deps;
  /**
   * 补登记 of a ticket issued without a registration (green channel, desk): by the staff member
   * whose window holds it, or by the desk (or an admin) while it is open. Same rules as the
   * kiosk; idempotent on the request id. The window's staff member becomes the first receiver.
   */
  return function registerFor(ticketId: string, body: IntakeBody, op: Operator & { roles: readonly StaffRole[] }, raised: HallAlert[]): IntakeRecord {
    return store.transaction(() => {
      const replay = store.intakes.byRequest(op.actor.id, body.requestId);
      if (replay) {
        if (replay.ticketId !== ticketId) throw conflict('conflict');
        return replay;
      }
      const ticket = store.tickets.get(ticketId);
      if (!ticket || ticket.serviceDay !== engine.today()) throw notFound('ticket_unknown');
      if (!OPEN_STATUSES.includes(ticket.status)) throw conflict('ticket_finished');
      const window = ticket.windowNo ? store.windows.get(ticket.windowNo) : undefined;
      const atWindow = window !== undefined && window.staffId === op.actor.id;
      if (!atWindow && !op.roles.some((r) => r === 'desk' || r === 'admin')) throw forbidden('window_not_yours');
      if (store.intakes.byTicket(ticket.id)) throw conflict('intake_exists');
      const problem = checkRegistration(body, lists(), engine.today());
      if (problem) throw fieldError(problem.code, problem.field);
      checkPersonChoices(body.petitioner, rules);
      const at = now();
      const collective = isCollective(body.visit.visitors, ticket.serviceCode, rules.collectiveService);
      const personIndex = personIndexOf(body.petitioner.idNumber);
      const record = intakeRecord(body, ticket, { actor: op.actor, printerId: null }, { serviceCode: ticket.serviceCode, collective, personIndex, at });
      store.intakes.insert(atWindow ? { ...record, firstReceiverId: op.actor.id, firstReceiverName: op.actor.name } : record);
      deps.onRegistered?.(record, ticket, body.petitioner);
      store.audit.append({
        at,
        actor: op.actor,
        action: 'intake.registered_for_ticket',
        target: record.id,
        details: { ticketId: ticket.id, number: ticket.number, at: atWindow ? 'window' : 'desk' },
      });
      if (collective) raised.push(collectiveAlert(ticket, at, body));
      return store.intakes.get(record.id)!;
    });
  };
}
