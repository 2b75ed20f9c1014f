// What a registration keeps sealed (encrypted at rest): only the receiving staff and the case
// system may read it. The shapes live here so registration and forwarding both depend on them.
import type { IntakeBody } from '../../common/contract/registration.ts';

/** The petitioner, representatives and the matter's free text of one registration. */
export interface SealedRegistration {
  petitioner: Omit<IntakeBody['petitioner'], 'fromCard' | 'gender'>;
  representatives: NonNullable<IntakeBody['representatives']>;
  problem: string;
  demands: string;
}

/** What the staff member adds at the window, sealed apart from the registration. */
export interface SealedReply {
  remarks: string;
  answer: string;
}

/** The sealed part of a submitted registration, trimmed and with ID numbers upper-cased. */
export function sealedFrom(body: IntakeBody): SealedRegistration {
  const { petitioner, matter } = body;
  return {
    petitioner: {
      name: petitioner.name.trim(),
      idNumber: petitioner.idNumber.toUpperCase(),
      birthDate: petitioner.birthDate,
      phone: petitioner.phone,
      address: petitioner.address.trim(),
      ...(petitioner.occupation?.trim() ? { occupation: petitioner.occupation.trim() } : {}),
      ...(petitioner.political?.trim() ? { political: petitioner.political.trim() } : {}),
      // The person declined SMS at registration (kept only when they did).
      ...(petitioner.smsNotify === false ? { smsNotify: false } : {}),
    },
    representatives: (body.representatives ?? []).map((r) => ({ ...r, name: r.name.trim(), idNumber: r.idNumber.toUpperCase() })),
    problem: matter.problem.trim(),
    demands: matter.demands.trim(),
  };
}
