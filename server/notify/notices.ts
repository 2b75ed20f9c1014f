// 告知: which SMS the hall sends, when. A registration (kiosk, window, desk) gets its 登记回执 and a
// booking its 预约确认, queued in the transaction that writes them; a completed ticket its 评价邀请
// (a while later, and only while it is not rated); the case system's 已受理 / 已办结 (case life)
// the 受理告知 / 办结告知. The person's choice at registration and 退订 from the gateway are honoured.
import { serviceDayOf } from '../../common/time.ts';
import type { HallConfig } from '../config/schema.ts';
import type { DataCipher } from '../privacy/cipher.ts';
import type { SealedRegistration } from '../registration/sealed.ts';
import type { BookingRecord, IntakeRecord, SmsRecord, TicketRecord } from '../store/records.ts';
import type { Store } from '../store/repositories.ts';
import { phoneIndexOf, queueSms, smsKeyOf } from './sms-outbox.ts';
import { genderOfIdNumber, isOptOut, politeName } from './templates.ts';
import type { CaseState } from '../../common/vocabulary.ts';

/** The case system's states that tell the person something (case life calls `caseStateChanged`). */
/** 已受理 → 受理告知; 已答复 or 已办结 → 办结告知 (whichever comes first). */
const CASE_NOTICES: Partial<Record<CaseState, 'accepted' | 'closed'>> = { accepted: 'accepted', answered: 'closed', closed: 'closed' };

export function createSmsNotices(deps: { store: Store; config: HallConfig; cipher: DataCipher; now: () => number; poke: () => void }) {
  const { store, config, cipher } = deps;
  const serviceName = (code: string) => store.services.get(code)?.name ?? code;
  const dateText = (at: number) => {
    const [y, m, d] = serviceDayOf(at, config.timeZone).split('-').map(Number);
    return `${y}年${m}月${d}日`;
  };
  const queued = (done: boolean) => {
    if (done) deps.poke();
    return done;
  };
  /** The registration's sealed petitioner, for a notice after the registration. */
  const petitionerOf = (intake: IntakeRecord) => cipher.open<SealedRegistration>(intake.sealed, intake.id).petitioner;

  return {
    /** 登记回执: in the transaction that writes the registration (kiosk, walk-in, 补登记). */
    registered(intake: IntakeRecord, ticket: TicketRecord, petitioner: { name: string; phone?: string; gender: 'male' | 'female'; smsNotify?: boolean }): boolean {
      return queued(
        queueSms(deps, {
          template: 'receipt',
          ref: intake.id,
          phone: petitioner.phone,
          optedIn: petitioner.smsNotify !== false,
          facts: { name: politeName(petitioner.name, petitioner.gender), number: ticket.number, service: serviceName(ticket.serviceCode) },
          at: intake.createdAt,
        }),
      );
    },

    /** 预约确认: in the transaction that writes the booking. */
    booked(booking: BookingRecord, person: { name: string; idNumber: string; phone: string }, when: string): boolean {
      return queued(
        queueSms(deps, {
          template: 'booking',
          ref: booking.id,
          phone: person.phone,
          optedIn: true,
          facts: { name: politeName(person.name, genderOfIdNumber(person.idNumber)), code: booking.code, service: serviceName(booking.serviceCode), when },
          at: booking.createdAt,
        }),
      );
    },

    /** 评价邀请 for a completed ticket with a registration, `inviteDelayMinutes` later (if still unrated then). */
    ticketCompleted(ticketId: string): boolean {
      const days = config.evaluation.kioskDays;
      const intake = store.intakes.byTicket(ticketId);
      const ticket = store.tickets.get(ticketId);
      if (days === 0 || !intake || !ticket) return false;
      const at = deps.now();
      const petitioner = petitionerOf(intake);
      return queued(
        queueSms(deps, {
          template: 'invite',
          ref: ticketId,
          phone: petitioner.phone,
          optedIn: petitioner.smsNotify !== false,
          facts: { name: politeName(petitioner.name, intake.gender), number: ticket.number, days: String(days) },
          at,
          dueAt: at + config.notify.sms.inviteDelayMinutes * 60_000,
        }),
      );
    },

    /**
     * The case system's answer for a registration changed (server/case-life/ calls this): 已受理 sends
     * the 受理告知, 已答复 or 已办结 the 办结告知 (once per registration each). Returns whether one was queued.
     */
    caseStateChanged(change: { intakeId: string; state: CaseState; at: number; caseNumber?: string | null }): boolean {
      const template = CASE_NOTICES[change.state];
      const intake = template && store.intakes.get(change.intakeId);
      if (!template || !intake) return false;
      const petitioner = petitionerOf(intake);
      return queued(
        queueSms(deps, {
          template,
          ref: intake.id,
          phone: petitioner.phone,
          optedIn: petitioner.smsNotify !== false,
          // The date is the case system's; the message is queued now.
          facts: { name: politeName(petitioner.name, intake.gender), date: dateText(change.at), caseNumber: change.caseNumber ?? intake.caseNumber ?? '' },
          at: deps.now(),
        }),
      );
    },

    /** A message from a person through the gateway: 退订 (or STOP, TD…) declines every further SMS. */
    inbound(from: string, text: string): { optedOut: boolean } {
      if (!isOptOut(text)) return { optedOut: false };
      const phoneIndex = phoneIndexOf(cipher, from);
      store.transaction(() => {
        store.sms.optOut(phoneIndex, deps.now(), 'sms');
        store.sms.skipPendingOf(phoneIndex, '对方已退订短信通知，未发送。');
      });
      return { optedOut: true };
    },

    /** Why a queued message is no longer wanted: the ticket of a 评价邀请 has been rated. */
    unwanted(message: SmsRecord): string | null {
      if (message.template !== 'invite') return null;
      const ticketId = message.idempotencyKey.slice(smsKeyOf('invite', '').length);
      const row = store.evaluations.get(ticketId);
      return row && row.level !== 'unrated' ? '已完成评价，不再发送评价邀请。' : null;
    },
  };
}
