// The registration as the case system receives it: one JSON document, versioned, documented in
// docs/forwarding.md. Pure: built from what the store and the cipher give it.
import type { SealedRegistration } from '../registration/sealed.ts';
import type { IntakeRecord } from '../store/records.ts';

const PAYLOAD_FORMAT = 'xinfang-hall/intake';
const PAYLOAD_VERSION = 1;

export interface PayloadInput {
  idempotencyKey: string;
  hallName: string;
  intake: IntakeRecord;
  registration: SealedRegistration;
  reply: { remarks: string; answer: string };
  ticketNumber: string;
  serviceName: string;
  placeName: string;
  verifiedBy: { name: string; staffNo: string };
}

/** The document for one intake, as a stable JSON string (the exact bytes sent under its key). */
export function buildPayload(input: PayloadInput): string {
  const { intake, registration: r } = input;
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return JSON.stringify({
    format: PAYLOAD_FORMAT,
    version: PAYLOAD_VERSION,
    idempotencyKey: input.idempotencyKey,
    hall: { name: input.hallName },
    intake: {
      id: intake.id,
      ticketNumber: input.ticketNumber,
      receivedAt: iso(intake.createdAt),
      serviceDay: intake.serviceDay,
      service: { code: intake.serviceCode, name: input.serviceName },
      visit: {
        visitors: intake.visitors,
        collective: intake.collective,
        declaredRepeat: intake.declaredRepeat,
        previousVisits: intake.previousVisits,
      },
      petitioner: {
        name: r.petitioner.name,
        idNumber: r.petitioner.idNumber,
        gender: intake.gender,
        birthDate: r.petitioner.birthDate,
        phone: r.petitioner.phone,
        address: r.petitioner.address,
        occupation: r.petitioner.occupation ?? null,
        political: r.petitioner.political ?? null,
        identityFromCard: intake.fromCard,
      },
      representatives: r.representatives.map((p) => ({ name: p.name, idNumber: p.idNumber, phone: p.phone ?? null })),
      matter: {
        // The person's own words for the topic (kiosk), beside the official coding done at the window.
        topic: intake.topic,
        category: intake.category,
        purpose: intake.purpose,
        cause: intake.cause,
        responsibleSystem: intake.responsibleSystem,
        hotIssue: intake.hotIssue,
        place: { code: intake.placeCode, name: input.placeName },
        problem: r.problem,
        demands: r.demands,
      },
      reception: {
        firstReceiver: intake.firstReceiverName,
        verifiedBy: input.verifiedBy,
        verifiedAt: iso(intake.verifiedAt),
        answerOnTheSpot: input.reply.answer,
        remarks: input.reply.remarks,
      },
    },
  });
}

const addDays = (day: string, days: number) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

/**
 * 信访工作条例 (2022): decide on acceptance within 15 days of receipt; finish within 60 days of
 * acceptance. The answer date is the latest possible one (acceptance on its last day).
 */
export function deadlinesFrom(receivedDay: string): { acceptanceDue: string; answerDue: string } {
  return { acceptanceDue: addDays(receivedDay, 15), answerDue: addDays(receivedDay, 15 + 60) };
}
