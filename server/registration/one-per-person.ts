// 一人一号: one number per person and service a day. Someone already waiting gets that ticket
// again (printed again) only when ID number, name and phone match the earlier registration;
// otherwise a polite 409 with no ticket data, the desk alerted and the refusal audited.
import type { HallAlert } from '../../common/contract/alerts.ts';
import type { IntakeBody } from '../../common/contract/registration.ts';
import { raiseAlert } from '../alerts.ts';
import { conflict } from '../errors.ts';
import type { DataCipher } from '../privacy/cipher.ts';
import type { QueueEngine } from '../queue/engine.ts';
import type { Actor } from '../store/records.ts';
import type { Store } from '../store/repositories.ts';
import type { SealedRegistration } from './sealed.ts';
import type { SubmitOutcome, Submitter } from './types.ts';

type Identity = Pick<IntakeBody['petitioner'], 'idNumber' | 'name' | 'phone'>;

/** A name as typed or read off the card: width, spaces and the middle dot of some names do not count. */
const normalName = (name: string) => name.normalize('NFKC').replace(/\s+/g, '').replace(/[·•・.．]/g, '·');
const normalPhone = (phone: string) => phone.replace(/\D/g, '');

export function createOnePerPerson(deps: {
  store: Store;
  engine: QueueEngine;
  cipher: DataCipher;
  now: () => number;
  onAlert: (alert: HallAlert) => void;
}) {
  const { store, engine, cipher, now } = deps;

  /** The answer for a request seen again, or for a person already waiting: their ticket as it is now. */
  function again(ticketId: string, outcome: 'replayed' | 'existing', collective: boolean): SubmitOutcome {
    return { outcome, collective, ...engine.estimateFor(ticketId) };
  }

  /** Whether a new submission carries the identity sealed with the registration of a waiting ticket. */
  function sameIdentity(ticketId: string, petitioner: Identity): boolean {
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
      const serviceName = store.services.get(ticket.serviceCode)?.name ?? ticket.serviceCode;
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

  return {
    again,

    /**
     * The waiting ticket of this person for this service today, reprinted, or the refusal (when
     * the identity does not match). Null: not waiting.
     */
    alreadyWaiting(personIndex: string, serviceCode: string, petitioner: Identity, by: Submitter, collective: boolean): SubmitOutcome | null {
      const waiting = store.intakes.waitingTicketOf(personIndex, engine.today(), serviceCode);
      if (!waiting) return null;
      // The ticket (with its query code) goes only to the same person, not to anyone who knows
      // their ID number.
      if (!sameIdentity(waiting, petitioner)) refuseOtherIdentity(waiting, by.actor);
      if (by.printerId) engine.reprint(waiting, by.printerId, by.actor);
      return again(waiting, 'existing', collective);
    },
  };
}
