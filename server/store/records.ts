// Rows as the domain sees them (timestamps in epoch milliseconds). The repository interfaces
// below are what the queue engine and the routes depend on; `sqlite/` implements them and a
// PostgreSQL implementation would implement the same interfaces.
import type { HallAlert } from '../../common/contract/alerts.ts';
import type { CaseDeadlineKind, CaseState, DeviceKind, EvaluationChannel, EvaluationCriterion, EvaluationLevel, Gender, IntakeState, OutboxState, Priority, PrintState, StaffRole, TicketSourceKind, TicketStatus, RectificationState, WindowState } from '../../common/vocabulary.ts';

export interface TicketRecord {
  id: string;
  serviceDay: string;
  series: string;
  seq: number;
  number: string;
  serviceCode: string;
  priority: Priority;
  greenReason: string | null;
  greenNote: string | null;
  sourceKind: TicketSourceKind;
  sourceId: string;
  sourceName: string;
  status: TicketStatus;
  rank: number;
  targetWindowNo: number | null;
  windowNo: number | null;
  callCount: number;
  printState: PrintState;
  /** Secret code printed as the ticket's QR; not part of any public view. */
  queryCode: string;
  cancelReason: string | null;
  /** Issued at the check-in of a booking (预约): called after green-channel numbers, before walk-ins. */
  booked: boolean;
  issuedAt: number;
  calledAt: number | null;
  servingAt: number | null;
  finishedAt: number | null;
  updatedAt: number;
}

/**
 * The fields of a ticket that the queue rules look at (and that the store's queue read returns):
 * declared here with the records so the store and the pure rules both depend on it.
 */
export type QueueTicket = Pick<TicketRecord, 'id' | 'serviceCode' | 'priority' | 'rank' | 'seq' | 'targetWindowNo'>;

export interface ServiceRecord {
  code: string;
  name: string;
  prefix: string;
  enabled: boolean;
  weekdays: number[] | null;
  sortOrder: number;
}

export interface WindowRecord {
  no: number;
  name: string;
  services: string[];
  sortOrder: number;
  active: boolean;
  state: WindowState;
  pauseReason: string | null;
  staffId: string | null;
  greenStreak: number;
  updatedAt: number;
}

export interface StaffRecord {
  id: string;
  username: string;
  displayName: string;
  staffNo: string;
  roles: StaffRole[];
  passwordHash: string;
  active: boolean;
  failedLogins: number;
  lockedUntil: number | null;
  createdAt: number;
}

export interface DeviceRecord {
  id: string;
  kind: DeviceKind;
  name: string;
  tokenHash: string;
  windowNo: number | null;
  /** The printer a kiosk prints its tickets on. */
  printerId: string | null;
  /** The ID card reader attached to a kiosk. */
  readerId: string | null;
  createdAt: number;
  lastSeen: number | null;
  revokedAt: number | null;
}

export interface PairingCodeRecord {
  codeHash: string;
  kind: DeviceKind;
  name: string;
  windowNo: number | null;
  printerId: string | null;
  readerId: string | null;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

type PrintJobState = 'pending' | 'printed' | 'failed';

export interface PrintJobRecord {
  id: number;
  /** `ticket`: the ticket itself; `notice`: the 一次性告知单 of its registration. */
  kind: 'ticket' | 'notice';
  ticketId: string;
  printerId: string;
  bytes: Buffer;
  state: PrintJobState;
  attempts: number;
  lastError: string | null;
  createdAt: number;
  expiresAt: number;
  finishedAt: number | null;
}

/** Who did something: recorded on ticket events and audit events. */
export interface Actor {
  kind: 'staff' | 'device' | 'system';
  id: string;
  name: string;
}

export interface AuditRecord {
  id: number;
  at: number;
  actorKind: Actor['kind'];
  actorId: string;
  actorName: string;
  action: string;
  target: string | null;
  details: Record<string, unknown> | null;
}

export interface AuditQuery {
  actorId?: string;
  action?: string;
  from?: number;
  to?: number;
  limit: number;
}

/**
 * A registration. Identifying data lives only in `sealed` (see server/privacy/cipher.ts); the
 * plain columns are coded fields for statistics and the blind index for recognising a person.
 */
export interface IntakeRecord {
  id: string;
  ticketId: string;
  /** The kiosk (device id) or staff member that submitted it. */
  sourceId: string;
  requestId: string;
  serviceDay: string;
  serviceCode: string;
  state: IntakeState;
  visitors: number;
  collective: boolean;
  /** People registered: the petitioner and the other representatives. */
  representatives: number;
  declaredRepeat: boolean;
  /** Earlier registrations of the same person (blind index) when this one was made. */
  previousVisits: number;
  fromCard: boolean;
  gender: Gender;
  birthYear: number;
  /** The everyday topic picked at the kiosk; null for a walk-in or a row older than migration 8. */
  topic: string | null;
  /** Official coding (内容分类, 信访目的, 产生原因): '' until coded at the window. */
  category: string;
  purpose: string;
  cause: string;
  placeCode: string;
  personIndex: string;
  sealed: string;
  /** Completed at the window (所属系统, 热点问题). */
  responsibleSystem: string | null;
  hotIssue: string | null;
  /** 首问负责制: who first received the person at a window. */
  firstReceiverId: string | null;
  firstReceiverName: string | null;
  verifiedAt: number | null;
  verifiedBy: string | null;
  /** Staff remarks and the answer given on the spot, sealed like `sealed`. */
  sealedReply: string | null;
  /** From the case system's acknowledgement. */
  caseNumber: string | null;
  forwardedAt: number | null;
  /** YYYY-MM-DD: acceptance decision due (receipt + 15 days), answer due at the latest (+ 60). */
  acceptanceDue: string | null;
  answerDue: string | null;
  /** Completed unverified with this reason chosen by the staff member (仅咨询无需登记, …). */
  closedReason: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface AlertRecord {
  id: string;
  kind: HallAlert['kind'];
  at: number;
  ticketId: string | null;
  /** Coded facts only (number, service, visitors, category): never personal data. */
  details: Record<string, unknown>;
  handledAt: number | null;
  handledBy: string | null;
}

export interface OutboxRecord {
  id: number;
  intakeId: string;
  idempotencyKey: string;
  /** The exact JSON sent, sealed. */
  body: string;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  createdAt: number;
  deliveredAt: number | null;
}

/** The SMS templates (告知) the hall sends. */
export type SmsTemplate = 'receipt' | 'accepted' | 'closed' | 'invite' | 'booking';

/** One SMS to a person, in the SMS outbox (server/notify/). */
export interface SmsRecord {
  id: number;
  /** One message per event: `sms-<template>-<id of what it is about>`. */
  idempotencyKey: string;
  template: SmsTemplate;
  /** Blind index of the phone number. */
  phoneIndex: string;
  /** `{ to, text }` sealed under the idempotency key; emptied once sent or skipped. */
  sealed: string;
  /** `skipped`: not sent on purpose (the person declined, or the number's daily limit). */
  state: 'pending' | 'sent' | 'dead' | 'skipped';
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  createdAt: number;
  sentAt: number | null;
}

/** 好差评 of one ticket: `unrated` (未评价) from its completion until the person rates. */
export interface EvaluationRecord {
  ticketId: string;
  serviceDay: string;
  windowNo: number;
  staffId: string | null;
  serviceCode: string;
  completedAt: number;
  /** The window's evaluator may rate until then. */
  inviteUntil: number;
  level: EvaluationLevel | 'unrated';
  reasons: EvaluationCriterion[];
  /** The person's own words, sealed under the ticket id. */
  sealedComment: string | null;
  channel: EvaluationChannel | null;
  deviceId: string | null;
  ratedAt: number | null;
}

/** 整改 of a 差评, closed by its 回访. */
export interface RectificationRecord {
  id: string;
  ticketId: string;
  openedAt: number;
  dueDay: string;
  ownerId: string | null;
  state: RectificationState;
  calledAt: number | null;
  calledBy: string | null;
  calledByName: string | null;
  /** The 回访's result, sealed under the task id (it may repeat the person's words). */
  sealedResult: string | null;
  satisfied: boolean | null;
  closedAt: number | null;
  overdueAlerted: boolean;
}

type BookingState = 'active' | 'checked_in' | 'cancelled' | 'missed';

/** An appointment (预约): the person's data sealed, recognised by the blind index of the ID number. */
export interface BookingRecord {
  id: string;
  /** The code the person keeps (to check in or cancel). */
  code: string;
  serviceCode: string;
  day: string;
  slotStart: string;
  slotEnd: string;
  startsAt: number;
  endsAt: number;
  state: BookingState;
  personIndex: string;
  sealed: string;
  channel: 'public' | 'desk';
  createdAt: number;
  createdBy: string;
  ticketId: string | null;
  checkedInAt: number | null;
  cancelledAt: number | null;
}

/** One slot of a service's daily pattern (local times). */
export interface SlotPattern {
  start: string;
  end: string;
  capacity: number;
}

export interface BookingClosure {
  day: string;
  /** A service code, or '*' for every service. */
  serviceCode: string;
  reason: string;
}

/** A state the case system reported for a registration (docs/case-life.md). */
export interface CaseEventRecord {
  /** The report's idempotency key: a repeat of it changes nothing. */
  key: string;
  intakeId: string;
  state: CaseState;
  /** The case system's time of the state (ms). */
  at: number;
  day: string;
  /** What the person may read: reason, goTo, office, dueDay. */
  details: { reason?: string; goTo?: string; office?: string; dueDay?: string };
  bodySha256: string;
  source: 'callback' | 'poll';
  receivedAt: number;
}

export interface CaseFileRecord {
  intakeId: string;
  caseNumber: string;
  /** The state with the latest case-system time; null before any report. */
  state: CaseState | null;
  stateAt: number | null;
  updatedAt: number;
}

export interface CaseDeadlineRecord {
  intakeId: string;
  kind: CaseDeadlineKind;
  startDay: string;
  dueDay: string;
  metDay: string | null;
  /** The last alert raised for this due day. */
  alerted: 'approaching' | 'overdue' | null;
}
