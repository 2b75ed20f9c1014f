// Repository interfaces: the only way domain code touches the database. Methods run inside the
// caller's transaction when there is one (`Store.transaction`).
import type {
  Actor,
  AlertRecord,
  BookingClosure,
  BookingRecord,
  SlotPattern,
  IntakeRecord,
  OutboxRecord,
  SmsRecord,
  AuditQuery,
  AuditRecord,
  CaseDeadlineRecord,
  CaseEventRecord,
  CaseFileRecord,
  EvaluationRecord,
  RectificationRecord,
  DeviceRecord,
  PairingCodeRecord,
  PrintJobRecord,
  QueueTicket,
  ServiceRecord,
  StaffRecord,
  TicketRecord,
  WindowRecord,
} from './records.ts';
import type { CaseDeadlineKind, CaseState, TicketStatus } from '../../common/vocabulary.ts';

export interface TicketRepository {
  insert(ticket: TicketRecord): void;
  get(id: string): TicketRecord | undefined;
  /** The ticket whose QR code carries this query code (progress query at the kiosk). */
  byQueryCode(code: string): TicketRecord | undefined;
  update(id: string, patch: Partial<Omit<TicketRecord, 'id'>>): TicketRecord;
  /** Waiting tickets of a day in rank order. */
  waiting(serviceDay: string): TicketRecord[];
  /** The same, with only the fields the queue rules read (cheap enough for every call). */
  queue(serviceDay: string): QueueTicket[];
  /**
   * Waiting tickets of the same service called before `ticket`: rules.aheadOf computed by the
   * database (the hot path of every issue; the randomized test checks the two agree).
   */
  countAhead(ticket: TicketRecord): number;
  /** Tickets currently held by windows (called or serving). */
  held(): TicketRecord[];
  heldBy(windowNo: number): TicketRecord | undefined;
  /** The latest calls, each with the window it was called to (even when finished since). */
  recentCalls(serviceDay: string, limit: number): TicketRecord[];
  list(filter: { serviceDay: string; statuses?: TicketStatus[]; serviceCode?: string; limit: number }): TicketRecord[];
  maxRank(serviceDay: string): number | null;
  /** Ranks of every ticket of the day, in rank order (for re-spacing). */
  ranks(serviceDay: string): Array<{ id: string; rank: number }>;
  setRanks(ranks: Array<{ id: string; rank: number }>): void;
  /** Unfinished tickets of earlier days. */
  openBefore(serviceDay: string): TicketRecord[];
  /** Service durations (ms) of the latest finished tickets of a service. */
  recentDurations(serviceCode: string, limit: number): number[];
  waitingCounts(serviceDay: string): Record<string, number>;
}

export interface CounterRepository {
  /** Allocates the next number of a series for a day; call inside the inserting transaction. */
  next(serviceDay: string, series: string): number;
}

export interface ServiceRepository {
  list(): ServiceRecord[];
  get(code: string): ServiceRecord | undefined;
  upsert(service: ServiceRecord): void;
  disableMissing(codes: string[]): void;
}

export interface WindowRepository {
  list(): WindowRecord[];
  get(no: number): WindowRecord | undefined;
  byStaff(staffId: string): WindowRecord | undefined;
  update(no: number, patch: Partial<Omit<WindowRecord, 'no'>>): WindowRecord;
  upsertDefinition(def: Pick<WindowRecord, 'no' | 'name' | 'services' | 'sortOrder'>, now: number): void;
  deactivateMissing(nos: number[]): void;
}

export interface MetaRepository {
  /** Increments and returns the realtime sequence number. */
  nextSeq(): number;
  seq(): number;
  /** Whether an admin has changed services or windows in the console (the store then owns them). */
  layoutManaged(): boolean;
  setLayoutManaged(): void;
}

export interface TicketEventRepository {
  append(event: {
    seq: number;
    ticketId: string | null;
    type: string;
    windowNo: number | null;
    actor: Actor;
    at: number;
    details: Record<string, unknown> | null;
  }): void;
  /** Whether `staffId` ever called, recalled, served, completed or marked a no-show for the ticket at a window. */
  servedBy(ticketId: string, staffId: string): boolean;
}

export interface StaffRepository {
  count(): number;
  get(id: string): StaffRecord | undefined;
  getByUsername(username: string): StaffRecord | undefined;
  list(): StaffRecord[];
  insert(staff: StaffRecord): void;
  update(id: string, patch: Partial<Omit<StaffRecord, 'id'>>): StaffRecord;
}

export interface SessionRepository {
  insert(session: { tokenHash: string; staffId: string; createdAt: number; expiresAt: number }): void;
  /** The session's staff member and when it ends. */
  get(tokenHash: string): { staff: StaffRecord; expiresAt: number } | undefined;
  extend(tokenHash: string, expiresAt: number): void;
  delete(tokenHash: string): void;
  deleteExpired(now: number): void;
  /** Signs a staff member out everywhere (account disabled, password reset). */
  deleteForStaff(staffId: string): void;
}

/** How counted wrong passwords turn into a lock (see docs/security.md, sign-in throttling). */
export interface LoginAttemptRule {
  at: number;
  /** The count at which the first lock starts. */
  threshold: number;
  /** The first lock; each further counted attempt doubles it. */
  baseMs: number;
  maxMs: number;
  /** Counts whose last failure is older than this start again from zero. */
  forgetBefore: number;
}

interface LoginAttemptRow {
  failed: number;
  lockedUntil: number | null;
  lastSuccessAt: number | null;
}

export interface LoginAttemptRepository {
  get(account: string, source: string): LoginAttemptRow | undefined;
  /**
   * Counts one password check before it is made, in one statement: undefined when
   * (account, source) is locked at `rule.at` (nothing is counted then); otherwise the new count
   * and the lock this attempt started (null: none).
   */
  count(account: string, source: string, rule: LoginAttemptRule): { failed: number; lockedUntil: number | null } | undefined;
  /** Takes back one counted attempt (it was the right password), with a lock it may have started below `threshold`. */
  uncount(account: string, source: string, threshold: number): void;
  /** The right password from this source: its count and lock end, and it is remembered as a source the account signs in from. */
  succeeded(account: string, source: string, at: number): void;
  /** Forgets every count and lock of an account (an admin set a new password). */
  clear(account: string): void;
  /** Drops rows with neither a recent failure, a lock nor a recent sign-in. */
  purge(failedBefore: number, succeededBefore: number, at: number): void;
}

export interface DeviceRepository {
  insert(device: DeviceRecord): void;
  get(id: string): DeviceRecord | undefined;
  getByTokenHash(tokenHash: string): DeviceRecord | undefined;
  list(): DeviceRecord[];
  update(id: string, patch: Partial<Omit<DeviceRecord, 'id'>>): DeviceRecord;
}

export interface PairingCodeRepository {
  insert(code: PairingCodeRecord): void;
  get(codeHash: string): PairingCodeRecord | undefined;
  markUsed(codeHash: string, at: number): void;
}

export interface PrintJobRepository {
  insert(job: Omit<PrintJobRecord, 'id'>): PrintJobRecord;
  /** The oldest job still waiting for a printer. */
  nextPending(printerId: string): PrintJobRecord | undefined;
  update(id: number, patch: Partial<Omit<PrintJobRecord, 'id'>>): PrintJobRecord;
  /** Pending jobs whose time ran out. */
  expired(now: number): PrintJobRecord[];
  /** Drops a ticket's pending ticket jobs (a reprint replaces them), without reporting a failure. */
  supersede(ticketId: string, now: number): void;
}

export interface AuditRepository {
  append(event: Omit<AuditRecord, 'id' | 'actorKind' | 'actorId' | 'actorName'> & { actor: Actor }): void;
  list(query: AuditQuery): AuditRecord[];
}

export interface IntakeRepository {
  insert(intake: IntakeRecord): void;
  get(id: string): IntakeRecord | undefined;
  byTicket(ticketId: string): IntakeRecord | undefined;
  update(id: string, patch: Partial<Omit<IntakeRecord, 'id'>>): IntakeRecord;
  /** The registration a kiosk already made with this request id (idempotent submit). */
  byRequest(sourceId: string, requestId: string): IntakeRecord | undefined;
  /** The id of a ticket the person still waits with for a service today (一人一号). */
  waitingTicketOf(personIndex: string, serviceDay: string, serviceCode: string): string | undefined;
  countByPerson(personIndex: string): number;
  /**
   * A day's registrations for the leaders' view: how many, verified, still to verify (not closed
   * with a reason), forwarded, collective, repeat (recognised or said so by the person).
   */
  dayCounts(serviceDay: string): { registrations: number; verified: number; unverified: number; forwarded: number; collective: number; repeat: number };
  /** A day's registrations still to verify: submitted and not closed with a reason. */
  unverifiedOf(serviceDay: string): IntakeRecord[];
  /** The person's registrations, newest first. */
  byPerson(personIndex: string, limit: number): IntakeRecord[];
}

export interface OutboxRepository {
  insert(message: Omit<OutboxRecord, 'id'>): OutboxRecord;
  get(id: number): OutboxRecord | undefined;
  byIntake(intakeId: string): OutboxRecord | undefined;
  update(id: number, patch: Partial<Omit<OutboxRecord, 'id'>>): OutboxRecord;
  /** Pending messages whose next attempt is due, oldest first. */
  due(now: number, limit: number): OutboxRecord[];
  /** When the next pending message is due, leaving out those being sent (null: none). */
  nextDueAt(exclude?: readonly number[]): number | null;
  countsSince(from: number): Record<'pending' | 'delivered' | 'dead', number>;
  /**
   * What staff must see: every undelivered message whatever its day, and those delivered since
   * `deliveredSince`; filtered by state, oldest or newest first, a page at a time.
   */
  page(query: OutboxPageQuery): { total: number; messages: OutboxRecord[] };
  /** Undelivered messages of every day, delivered ones since `deliveredSince`, undelivered ones created before `earlierThan`. */
  overview(deliveredSince: number, earlierThan: number): { pending: number; dead: number; delivered: number; earlier: number };
  /** Dead messages (these ids, or all) made pending for a fresh round of attempts; returns those changed. */
  resendDead(ids: readonly number[] | 'all', at: number): OutboxRecord[];
  /** Every pending message due at `at` at the latest (backoff forgotten); returns how many are pending. */
  makeDue(at: number): number;
}

interface OutboxPageQuery {
  state: 'all' | 'undelivered' | OutboxRecord['state'];
  deliveredSince: number;
  order: 'oldest' | 'newest';
  offset: number;
  limit: number;
}

export interface SmsRepository {
  /** Queues a message unless one with its key exists (one per event); returns whether it was new. */
  insert(message: Omit<SmsRecord, 'id'>): boolean;
  byKey(key: string): SmsRecord | undefined;
  update(id: number, patch: Partial<Omit<SmsRecord, 'id'>>): SmsRecord;
  /** Pending messages due at `now`, oldest first. */
  due(now: number, limit: number): SmsRecord[];
  /** When the next pending message is due (null: none). */
  nextDueAt(): number | null;
  /** Messages sent since `from` (all numbers, or one number's). */
  sentSince(from: number, phoneIndex?: string): number;
  /** Every pending message due at `at` at the latest; returns how many are pending. */
  makeDue(at: number): number;
  byState(): Record<string, number>;
  /** When the oldest pending message was queued (null: none). */
  oldestPendingAt(): number | null;
  optOut(phoneIndex: string, at: number, via: string): void;
  optedOut(phoneIndex: string): boolean;
  /** A number declined: its pending messages are skipped; returns how many. */
  skipPendingOf(phoneIndex: string, reason: string): number;
}

export interface SettingsRepository {
  /** Every stored setting (JSON values by key). */
  all(): Record<string, unknown>;
  set(key: string, value: unknown, at: number, by: string): void;
}

export interface AlertRepository {
  insert(alert: AlertRecord): void;
  /** Alerts raised at or after `from`, newest first. */
  since(from: number, limit: number): AlertRecord[];
}

export interface BookingRepository {
  insert(booking: BookingRecord): void;
  get(id: string): BookingRecord | undefined;
  byCode(code: string): BookingRecord | undefined;
  /** The booking checked in with this ticket. */
  byTicket(ticketId: string): BookingRecord | undefined;
  update(id: string, patch: Partial<Omit<BookingRecord, 'id'>>): BookingRecord;
  /** Places taken (active or checked in) per slot start of a service's day. */
  taken(serviceCode: string, day: string): Record<string, number>;
  /** The person's active booking for a service. */
  activeOf(personIndex: string, serviceCode: string): BookingRecord | undefined;
  /** The person's active bookings of a day (check-in by ID card). */
  activeOnDay(personIndex: string, day: string): BookingRecord[];
  /** A day's bookings (of one service, or all), by slot. */
  ofDay(day: string, serviceCode?: string): BookingRecord[];
  /** Active bookings whose slot ended at or before `endedBy` become missed (未到); returns how many. */
  markMissed(endedBy: number): number;
  /** How many bookings of the person were missed (repeated no-shows shown to staff). */
  missedCount(personIndex: string): number;
  patterns(): Record<string, SlotPattern[]>;
  setPattern(serviceCode: string, slots: SlotPattern[], at: number, by: string): void;
  closures(fromDay: string): BookingClosure[];
  setClosure(closure: BookingClosure, at: number, by: string): void;
  removeClosure(day: string, serviceCode: string): void;
}

export interface Store {
  bookings: BookingRepository;
  tickets: TicketRepository;
  counters: CounterRepository;
  services: ServiceRepository;
  windows: WindowRepository;
  meta: MetaRepository;
  ticketEvents: TicketEventRepository;
  staff: StaffRepository;
  sessions: SessionRepository;
  loginAttempts: LoginAttemptRepository;
  devices: DeviceRepository;
  pairingCodes: PairingCodeRepository;
  printJobs: PrintJobRepository;
  audit: AuditRepository;
  intakes: IntakeRepository;
  alerts: AlertRepository;
  outbox: OutboxRepository;
  sms: SmsRepository;
  settings: SettingsRepository;
  ops: OpsRepository;
  reports: ReportRepository;
  evaluations: EvaluationRepository;
  rectifications: RectificationRepository;
  caseLife: CaseLifeRepository;
  /** Runs `work` atomically (nested calls join the outer transaction). */
  transaction<T>(work: () => T): T;
  /**
   * Runs each of `works` in its own savepoint of one transaction, so a refused one is undone
   * alone, and commits them all at once (group commit: one synchronous write to disk for all).
   */
  transactionEach<T>(works: ReadonlyArray<() => T>): Array<{ ok: true; value: T } | { ok: false; error: unknown }>;
  close(): void;
}

/** Figures for monitoring, read at scrape time: counts only, never a record. */
export interface OpsRepository {
  /** A trivial query: the database answers. */
  ping(): boolean;
  /** Tickets issued on a service day and those waiting now, per service code. */
  ticketsByService(serviceDay: string): { service: string; issued: number; waiting: number }[];
  printJobsByState(): Record<string, number>;
  outboxByState(): Record<string, number>;
  /** When the oldest pending message was queued (null: none pending). */
  oldestPendingAt(): number | null;
}

/** The service days a report covers, each with its local start and end (ms) and ISO weekday. */
export interface ReportSpan {
  from: string;
  to: string;
  days: ReadonlyArray<{ day: string; start: number; next: number; weekday: number }>;
}

/** A grouped count: registrations (or tickets) and the people they stand for. */
export interface Tally {
  key: string;
  n: number;
  people: number;
}

/** Waiting and service times (ms) of finished tickets in a group. */
export interface Timing {
  key: string;
  label: string;
  n: number;
  waitMedian: number | null;
  waitP90: number | null;
  waitMax: number | null;
  serviceMedian: number | null;
  serviceP90: number | null;
  serviceMax: number | null;
}

export interface TicketTally {
  key: string;
  issued: number;
  done: number;
  noShow: number;
  cancelled: number;
  expired: number;
  open: number;
  green: number;
  transferred: number;
}

interface IntakeTotals {
  registrations: number;
  people: number;
  collective: number;
  collectivePeople: number;
  repeat: number;
  repeatPeople: number;
  verified: number;
  closedUnverified: number;
  forwarded: number;
  forwardedSameDay: number;
  acknowledged: number;
}

interface LeaderDay {
  day: string;
  tickets: number;
  received: number;
  people: number;
  matters: number;
  forwarded: number;
  acknowledged: number;
  closedUnverified: number;
}

/** A registration as a report lists it on drill-down: coded facts, never the sealed data. */
interface ReportRegistration {
  id: string;
  serviceDay: string;
  number: string;
  serviceCode: string;
  category: string;
  purpose: string;
  placeCode: string;
  visitors: number;
  state: string;
}

export type IntakeField = 'category' | 'purpose' | 'responsible_system' | 'hot_issue';

/** Report figures: SQL aggregates over a span of service days; never a personal field. */
export interface ReportRepository {
  /** Whether every one of these tables exists (a report section appears only with its data). */
  hasTables(names: readonly string[]): boolean;
  intakeTotals(span: ReportSpan): IntakeTotals;
  intakesBy(span: ReportSpan, field: IntakeField): Tally[];
  /** By place at a level: 2 = province, 4 = city, 6 = county (keys are 6-digit codes). */
  intakesByPlace(span: ReportSpan, level: 2 | 4 | 6): Tally[];
  placeByCategory(span: ReportSpan): Array<Tally & { category: string }>;
  intakesByDay(span: ReportSpan): Tally[];
  intakesByState(span: ReportSpan): Tally[];
  greenByReason(span: ReportSpan): Tally[];
  ticketsBy(span: ReportSpan, by: 'service' | 'day'): TicketTally[];
  /** Tickets issued per service and local hour of day. */
  ticketsByHour(span: ReportSpan): Array<{ service: string; hour: number; n: number }>;
  /** Arrivals per ISO weekday and local hour. */
  arrivals(span: ReportSpan): Array<{ weekday: number; hour: number; n: number }>;
  timings(span: ReportSpan, by: 'service' | 'window' | 'staff'): Timing[];
  /** Finished tickets per service and waiting-time bucket (WAIT_BUCKET_MINUTES, lower bound). */
  waitBuckets(span: ReportSpan): Array<{ service: string; bucket: number; n: number }>;
  outboxByState(span: ReportSpan): Tally[];
  leaderDays(span: ReportSpan, serviceCode: string): LeaderDay[];
  registrations(span: ReportSpan, filter: { category?: string; placeCode?: string; purpose?: string }, limit: number): ReportRegistration[];
}

/** A satisfaction figure of one group (window, staff member, service, day or month). */
export interface SatisfactionTally {
  key: string;
  rated: number;
  satisfied: number;
  poor: number;
  unrated: number;
}

export interface EvaluationRepository {
  /** The row of a completed ticket; a second insert for the same ticket does nothing. */
  insert(evaluation: EvaluationRecord): boolean;
  get(ticketId: string): EvaluationRecord | undefined;
  /** Records the rating once: false when the ticket was already rated. */
  rate(ticketId: string, patch: Pick<EvaluationRecord, 'level' | 'reasons' | 'sealedComment' | 'channel' | 'deviceId' | 'ratedAt'>): boolean;
  /** The latest ticket of a window its evaluator may still rate at `at`. */
  pendingAt(windowNo: number, at: number): EvaluationRecord | undefined;
  /** Figures over service days `from`–`to` (month: YYYY-MM), by group. */
  satisfaction(from: string, to: string, by: 'window' | 'staff' | 'service' | 'day' | 'month'): SatisfactionTally[];
  /** Poor ratings per reason over the days. */
  poorReasons(from: string, to: string): Array<{ key: string; n: number }>;
}

export interface RectificationRepository {
  insert(task: RectificationRecord): void;
  get(id: string): RectificationRecord | undefined;
  list(filter: { state?: RectificationRecord['state']; limit: number }): RectificationRecord[];
  update(id: string, patch: Partial<Omit<RectificationRecord, 'id' | 'ticketId'>>): RectificationRecord;
  /** Open tasks due before `day` whose leaders were not yet alerted. */
  overdueUnalerted(day: string): RectificationRecord[];
  /** Tasks of the evaluations of service days `from`–`to`: opened, closed, closed satisfied, overdue on `today`. */
  counts(from: string, to: string, today: string): { opened: number; closed: number; satisfied: number; overdue: number };
}

/** A running time limit with its case, for the 时限 page and the alerts. */
export interface RunningDeadline extends CaseDeadlineRecord {
  caseNumber: string;
  state: CaseState | null;
  serviceDay: string;
  ticketId: string;
}

/** Case life (docs/case-life.md): the reported states, the case files and their time limits. */
export interface CaseLifeRepository {
  event(key: string): CaseEventRecord | undefined;
  insertEvent(event: CaseEventRecord): void;
  events(intakeId: string): CaseEventRecord[];
  file(intakeId: string): CaseFileRecord | undefined;
  saveFile(file: CaseFileRecord): void;
  /** Replaces a case's limits; a limit whose due day is unchanged keeps its `alerted`. */
  saveDeadlines(intakeId: string, deadlines: Omit<CaseDeadlineRecord, 'intakeId' | 'alerted'>[]): void;
  deadlines(intakeId: string): CaseDeadlineRecord[];
  /** Limits not kept yet, due first. */
  running(limit: number): RunningDeadline[];
  markAlerted(intakeId: string, kind: CaseDeadlineKind, alerted: 'approaching' | 'overdue'): void;
  /** Acknowledged registrations (a case number) whose case file is not opened yet. */
  unopened(limit: number): Array<{ intakeId: string; caseNumber: string }>;
  pollCursor(): number;
  setPollCursor(cursor: number): void;
  /** The limits of the registrations of service days `from`–`to`, by kind: kept in time or late, running, approaching (due by `warnUntil`), overdue on `today`. */
  timeliness(from: string, to: string, today: string, warnUntil: string): TimelinessTally[];
  /** Their cases by state ('' before any report). */
  states(from: string, to: string): Array<{ key: string; n: number }>;
}

export interface TimelinessTally {
  key: CaseDeadlineKind;
  onTime: number;
  late: number;
  running: number;
  approaching: number;
  overdue: number;
}
