// What a registration keeps sealed (encrypted at rest): only the receiving staff and the case
// system may read it. The shapes live here so registration and forwarding both depend on them.
import type { IntakeBody } from '../../common/domain.ts';

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
