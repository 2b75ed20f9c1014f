// Domain vocabulary shared by the server and the three browser apps. Wire types are derived
// from the TypeBox schemas in schemas.ts; this file holds the constants and those types.
import type { Static } from 'typebox';
import type {
  AlertSchema,
  BoardInfoSchema,
  DivisionSchema,
  HandwritingReplySchema,
  IdentityCheckBodySchema,
  IdentityCheckReplySchema,
  IntakeBodySchema,
  IntakeReplySchema,
  PublicTicketSchema,
  ProgressQuerySchema,
  ProgressRecordSchema,
  RegistrationFormSchema,
  RegistrationViewSchema,
  VerifyBodySchema,
  QueueEventSchema,
  QueueSnapshotSchema,
  ServiceInfoSchema,
  StaffQueueEventSchema,
  StaffProfileSchema,
  StaffSnapshotSchema,
  StaffTicketSchema,
  WindowViewSchema,
} from './schemas.ts';

export const STAFF_ROLES = ['admin', 'desk', 'reception', 'leader'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const DEVICE_KINDS = ['kiosk', 'display', 'window-screen'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'done', 'no_show', 'cancelled', 'expired'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const WINDOW_STATES = ['open', 'paused', 'closed'] as const;
export type WindowState = (typeof WINDOW_STATES)[number];

export const PRINT_STATES = ['none', 'pending', 'printed', 'failed'] as const;
export type PrintState = (typeof PRINT_STATES)[number];

export type Priority = 'normal' | 'green';

export const QUEUE_EVENT_TYPES = [
  'ticket.issued',
  'ticket.called',
  'ticket.recalled',
  'ticket.serving',
  'ticket.completed',
  'ticket.no_show',
  'ticket.reinstated',
  'ticket.transferred',
  'ticket.cancelled',
  'ticket.print_queued',
  'ticket.printed',
  'ticket.print_failed',
  'window.updated',
  'layout.changed',
  'day.rolled',
] as const;
export type QueueEventType = (typeof QUEUE_EVENT_TYPES)[number];

/**
 * A ticket as public screens may show it: no petitioner data, no green-channel reason
 * (the reason is health information), only the number and where to go.
 */
export type PublicTicket = Static<typeof PublicTicketSchema>;
/** A ticket as staff see it. */
export type StaffTicket = Static<typeof StaffTicketSchema>;
export type ServiceInfo = Static<typeof ServiceInfoSchema>;
/** The staff member on duty is public by design: the window screen shows name and staff number (挂牌上岗). */
export type WindowView = Static<typeof WindowViewSchema>;
export type OnDuty = NonNullable<WindowView['onDuty']>;
export type QueueSnapshot = Static<typeof QueueSnapshotSchema>;
export type StaffSnapshot = Static<typeof StaffSnapshotSchema>;
export type QueueEvent = Static<typeof QueueEventSchema>;
export type StaffQueueEvent = Static<typeof StaffQueueEventSchema>;
export type StaffProfile = Static<typeof StaffProfileSchema>;
export type IntakeBody = Static<typeof IntakeBodySchema>;
export type IntakeReply = Static<typeof IntakeReplySchema>;
export type IdentityCheckBody = Static<typeof IdentityCheckBodySchema>;
export type IdentityCheckReply = Static<typeof IdentityCheckReplySchema>;
/** What the hall board shows besides the queue: notices, leader receptions, voice settings. */
export type BoardInfo = Static<typeof BoardInfoSchema>;
export type RegistrationForm = Static<typeof RegistrationFormSchema>;
/** A registration decrypted for the receiving staff member. */
export type RegistrationView = Static<typeof RegistrationViewSchema>;
export type VerifyBody = Static<typeof VerifyBodySchema>;
export type ProgressQuery = Static<typeof ProgressQuerySchema>;
/** What the petitioner sees of a registration's progress: no personal data. */
export type ProgressRecord = Static<typeof ProgressRecordSchema>;
export type Division = Static<typeof DivisionSchema>;
/** Raised to leaders and the desk at once (e.g. a collective visit); no personal data. */
export type HallAlert = Static<typeof AlertSchema>;

export const INTAKE_STATES = ['submitted', 'verified', 'forwarded', 'acknowledged'] as const;
export type IntakeState = (typeof INTAKE_STATES)[number];

/** What an ID card reader read off a resident ID card: personal data, for the kiosk's form only. */
export interface CardIdentity {
  name: string;
  /** GB/T 2261.1 code: 1 male, 2 female. */
  genderCode: string;
  /** GB 3304 nation code, e.g. 01 汉. */
  nationCode: string;
  birthDate: string;
  address: string;
  idNumber: string;
  issuer: string;
  validFrom: string;
  /** A date, or 长期 (no expiry). */
  validUntil: string;
}

export interface GreenReason {
  code: string;
  label: string;
  /** The desk must add a note (e.g. 其他). */
  needsNote: boolean;
}

export type HandwritingReply = Static<typeof HandwritingReplySchema>;
