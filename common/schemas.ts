// TypeBox schemas of everything that crosses the wire. The TypeScript types in domain.ts are
// derived from these, so the validator, the OpenAPI document and the code cannot disagree.
import { Type, type Static, type TSchema } from 'typebox';
import { INK_BOX, INK_LIMITS } from './ink.ts';
import { DEVICE_KINDS, INTAKE_STATES, PRINT_STATES, QUEUE_EVENT_TYPES, STAFF_ROLES, TICKET_STATUSES, WINDOW_STATES } from './domain.ts';

/**
 * `T | null` as `type: [T's type, 'null']` rather than anyOf: the response serializer handles a
 * type list directly, while anyOf makes it validate every alternative of every field.
 */
const Nullable = <T extends TSchema & { type: string }>(schema: T) =>
  Type.Unsafe<Static<T> | null>({ ...schema, type: [schema.type, 'null'] });
const Iso = Type.String({ format: 'date-time' });

export const TicketStatusSchema = Type.Enum(TICKET_STATUSES);
export const WindowStateSchema = Type.Enum(WINDOW_STATES);

export const PublicTicketSchema = Type.Object({
  id: Type.String(),
  number: Type.String(),
  serviceCode: Type.String(),
  green: Type.Boolean(),
  status: TicketStatusSchema,
  windowNo: Nullable(Type.Integer()),
  targetWindowNo: Nullable(Type.Integer()),
  callCount: Type.Integer(),
  rank: Type.Integer(),
  issuedAt: Iso,
  calledAt: Nullable(Iso),
});

export const StaffTicketSchema = Type.Object({
  ...PublicTicketSchema.properties,
  serviceDay: Type.String(),
  greenReason: Nullable(Type.String()),
  greenNote: Nullable(Type.String()),
  source: Type.Object({
    kind: Type.Union([Type.Literal('device'), Type.Literal('staff')]),
    id: Type.String(),
    name: Type.String(),
  }),
  printState: Type.Enum(PRINT_STATES),
  servingAt: Nullable(Iso),
  finishedAt: Nullable(Iso),
  cancelReason: Nullable(Type.String()),
});

export const ServiceInfoSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  offeredToday: Type.Boolean(),
});

export const WindowViewSchema = Type.Object({
  no: Type.Integer(),
  name: Type.String(),
  services: Type.Array(Type.String()),
  state: WindowStateSchema,
  pauseReason: Nullable(Type.String()),
  onDuty: Nullable(Type.Object({ displayName: Type.String(), staffNo: Type.String() })),
  current: Nullable(PublicTicketSchema),
});

const Counts = Type.Record(Type.String(), Type.Integer());

export const QueueSnapshotSchema = Type.Object({
  seq: Type.Integer(),
  serviceDay: Type.String(),
  /** The hall's zone (IANA name): screens show times as the hall reads them, whatever the PC's zone. */
  timeZone: Type.String(),
  hallName: Type.String(),
  services: Type.Array(ServiceInfoSchema),
  windows: Type.Array(WindowViewSchema),
  waiting: Type.Array(PublicTicketSchema),
  waitingCounts: Counts,
  recentCalls: Type.Array(PublicTicketSchema),
});

export const StaffSnapshotSchema = Type.Object({
  ...QueueSnapshotSchema.properties,
  waiting: Type.Array(StaffTicketSchema),
  recentCalls: Type.Array(StaffTicketSchema),
});

const queueEventFields = {
  seq: Type.Integer(),
  type: Type.Enum(QUEUE_EVENT_TYPES),
  at: Iso,
  serviceDay: Type.String(),
  /** Windows whose state changed with this event (e.g. the caller, the one left by a transfer). */
  windows: Type.Array(WindowViewSchema),
  waitingCounts: Counts,
};

/**
 * One committed change of queue state. `seq` increases by exactly one per change, across
 * restarts (it is stored with the change), so a client that sees a gap asks for a snapshot.
 */
export const QueueEventSchema = Type.Object({ ...queueEventFields, ticket: Nullable(PublicTicketSchema) });
export const StaffQueueEventSchema = Type.Object({ ...queueEventFields, ticket: Nullable(StaffTicketSchema) });

export const WaitEstimateSchema = Type.Object({
  ahead: Type.Integer({ description: 'Waiting tickets of the same service called before this one' }),
  waitMinutes: Type.Integer({ description: 'Estimated wait in minutes' }),
});

export const ErrorSchema = Type.Object({
  error: Type.String({ description: 'Machine code' }),
  message: Type.String({ description: 'Polite Simplified Chinese text for the person' }),
  field: Type.Optional(Type.String({ description: 'Path of the field to correct, e.g. petitioner.idNumber' })),
});

export const StaffRoleSchema = Type.Enum(STAFF_ROLES);
export const DeviceKindSchema = Type.Enum(DEVICE_KINDS);

export const StaffProfileSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  staffNo: Type.String(),
  roles: Type.Array(StaffRoleSchema),
  windowNo: Nullable(Type.Integer()),
  active: Type.Boolean(),
});

const CardText = (maxLength: number) => Type.String({ maxLength });
export const CardIdentitySchema = Type.Object(
  {
    name: CardText(15),
    genderCode: Type.String({ pattern: '^[0-9]$' }),
    nationCode: Type.String({ pattern: '^[0-9]{2}$' }),
    birthDate: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    address: CardText(35),
    idNumber: Type.String({ pattern: '^\\d{17}[\\dXx]$' }),
    issuer: CardText(15),
    validFrom: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    validUntil: Type.String({ pattern: '^(\\d{4}-\\d{2}-\\d{2}|长期)$' }),
  },
  { additionalProperties: false },
);

export const DeviceInfoSchema = Type.Object({
  id: Type.String(),
  kind: DeviceKindSchema,
  name: Type.String(),
  windowNo: Nullable(Type.Integer()),
  printerId: Nullable(Type.String()),
  readerId: Nullable(Type.String()),
  createdAt: Iso,
  lastSeen: Nullable(Iso),
  revoked: Type.Boolean(),
});

// --- Registration (kiosk intake) -------------------------------------------------------------

const Text = (minLength: number, maxLength: number) => Type.String({ minLength, maxLength, pattern: '\\S' });
const IdNumberField = Type.String({ pattern: '^\\d{17}[\\dXx]$', description: 'GB 11643 resident ID number' });
const PhoneField = Type.String({ pattern: '^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$', description: 'Mobile or landline' });

export const RepresentativeSchema = Type.Object(
  { name: Text(2, 30), idNumber: IdNumberField, phone: Type.Optional(PhoneField) },
  { additionalProperties: false },
);

export const IntakeBodySchema = Type.Object(
  {
    requestId: Type.String({
      pattern: '^[A-Za-z0-9_-]{16,64}$',
      description: 'Made by the kiosk once per registration; a retried submit reuses it',
    }),
    serviceCode: Type.String({ minLength: 1, maxLength: 16 }),
    petitioner: Type.Object(
      {
        name: Text(2, 30),
        idNumber: IdNumberField,
        birthDate: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Derived from the ID number' }),
        gender: Type.Union([Type.Literal('male'), Type.Literal('female')], { description: 'Derived from the ID number' }),
        phone: PhoneField,
        address: Text(2, 80),
        occupation: Type.Optional(Type.String({ maxLength: 30 })),
        fromCard: Type.Boolean({ description: 'Identity read from the ID card reader' }),
      },
      { additionalProperties: false },
    ),
    visit: Type.Object(
      {
        visitors: Type.Integer({ minimum: 1, maximum: 500 }),
        repeat: Type.Boolean({ description: 'The person says they came about this matter before' }),
      },
      { additionalProperties: false },
    ),
    representatives: Type.Optional(
      Type.Array(RepresentativeSchema, {
        maxItems: 4,
        description: 'Collective visit: the other representatives (at most 5 with the petitioner)',
      }),
    ),
    matter: Type.Object(
      {
        category: Text(1, 20),
        purpose: Text(1, 20),
        placeCode: Type.String({ pattern: '^\\d{6}$', description: 'GB/T 2260 county-level code' }),
        cause: Text(1, 20),
        problem: Text(5, 2000),
        demands: Text(2, 1000),
      },
      { additionalProperties: false },
    ),
    notificationAcknowledged: Type.Literal(true, { description: 'The one-time notification was read and acknowledged' }),
  },
  { additionalProperties: false },
);

/** A kiosk registration's answer: the ticket (public view), how it was reached, the wait. */
export const IntakeReplySchema = Type.Object({
  outcome: Type.Union([Type.Literal('issued'), Type.Literal('replayed'), Type.Literal('existing')]),
  collective: Type.Boolean(),
  ticket: Type.Object({ ...PublicTicketSchema.properties, printState: Type.String(), serviceName: Type.String() }),
  ...WaitEstimateSchema.properties,
});

/** 一人一号 asked right after the identity step: the identity and the service chosen. */
export const IdentityCheckBodySchema = Type.Object(
  {
    serviceCode: Type.String({ minLength: 1, maxLength: 16 }),
    petitioner: Type.Object({ name: Text(2, 30), idNumber: IdNumberField, phone: PhoneField }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

/**
 * Not waiting: go on with the registration. Waiting (the same person): the ticket was printed
 * again and is answered exactly as a full registration answers it (`outcome: 'existing'`).
 */
export const IdentityCheckReplySchema = Type.Union([
  Type.Object({ waiting: Type.Literal(false) }),
  Type.Object({ waiting: Type.Literal(true), ...IntakeReplySchema.properties }),
]);

export const RegistrationFormSchema = Type.Object({
  categories: Type.Array(Type.String()),
  /** Completed by staff at the window: 所属系统, 热点问题. */
  systems: Type.Array(Type.String()),
  hotIssues: Type.Array(Type.String()),
  purposes: Type.Array(Type.String()),
  causes: Type.Array(Type.String()),
  helperPhrases: Type.Array(Type.String()),
  /** One-time notification: materials per service code, and extra ones per purpose. */
  materials: Type.Record(Type.String(), Type.Array(Type.String())),
  purposeMaterials: Type.Record(Type.String(), Type.Array(Type.String())),
  /** The hall's own place (province, city, county codes) the place picker starts at. */
  homePlace: Type.Array(Type.String()),
  collectiveService: Type.String(),
  /** Its button first asks: look up progress, or register a repeat visit. */
  queryService: Type.String(),
  /**
   * Services an ID card placed on the welcome screen may start, in the configured order: all but
   * the query, collective and leader-reception services. The kiosk starts the first offered today.
   */
  cardServices: Type.Array(Type.String()),
  idleSeconds: Type.Integer(),
  /** Voice guidance at the kiosk (`kiosk.voice`): on/off and volume 0–1. */
  voice: Type.Object({ enabled: Type.Boolean(), volume: Type.Number() }),
});

export const DivisionSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  /** True when the person must still pick a level below (province → city → county). */
  hasChildren: Type.Boolean(),
});

export const AlertSchema = Type.Object({
  id: Type.String(),
  /**
   * `identity`: someone registered with the ID number of a person already waiting, under another name or phone.
   * `print_late`: a ticket's printer recovered too late (`printing.lateAfterSeconds`); not printed, the desk may reprint.
   */
  kind: Type.Union([Type.Literal('collective'), Type.Literal('emergency'), Type.Literal('identity'), Type.Literal('print_late')]),
  at: Iso,
  ticketId: Type.String(),
  number: Type.String(),
  serviceCode: Type.String(),
  visitors: Type.Integer(),
  category: Type.String(),
  message: Type.String(),
});

// --- Hall board ------------------------------------------------------------------------------

export const BoardInfoSchema = Type.Object({
  timeZone: Type.String(),
  notices: Type.Array(Type.String()),
  recentCalls: Type.Integer(),
  /** Show and say the next number for the window after each call. */
  advanceCall: Type.Boolean(),
  voice: Type.Object({
    enabled: Type.Boolean(),
    volume: Type.Number(),
    times: Type.Integer(),
    quietHours: Type.Array(Type.Object({ from: Type.String(), to: Type.String() })),
    preferSpeechSynthesis: Type.Boolean(),
  }),
  leaderReceptions: Type.Array(
    Type.Object({
      date: Type.String(),
      time: Type.String(),
      leader: Type.String(),
      title: Type.String(),
      responsibilities: Type.String(),
      place: Type.String(),
    }),
  ),
});

// --- Registration at the window (staff) ------------------------------------------------------

const PersonView = Type.Object({
  name: Type.String(),
  idNumber: Type.String(),
  birthDate: Type.String(),
  phone: Type.String(),
  address: Type.String(),
  occupation: Type.Optional(Type.String()),
});

/** An earlier registration of the same person, so the staff answer consistently (口径一致). */
export const PreviousVisitSchema = Type.Object({
  date: Type.String(),
  number: Type.String(),
  category: Type.String(),
  purpose: Type.String(),
  state: Type.Enum(INTAKE_STATES),
  receiver: Nullable(Type.String()),
  answer: Nullable(Type.String()),
  /** The answer of an earlier accusation (揭发控告), withheld from this viewer. */
  confidential: Type.Optional(Type.Boolean()),
});

export const RegistrationViewSchema = Type.Object({
  id: Type.String(),
  ticketId: Type.String(),
  number: Type.String(),
  state: Type.Enum(INTAKE_STATES),
  serviceCode: Type.String(),
  visitors: Type.Integer(),
  collective: Type.Boolean(),
  declaredRepeat: Type.Boolean(),
  previousVisits: Type.Integer(),
  fromCard: Type.Boolean(),
  gender: Type.String(),
  petitioner: PersonView,
  representatives: Type.Array(RepresentativeSchema),
  matter: Type.Object({
    category: Type.String(),
    purpose: Type.String(),
    cause: Type.String(),
    placeCode: Type.String(),
    placeName: Type.String(),
    problem: Type.String(),
    demands: Type.String(),
    responsibleSystem: Nullable(Type.String()),
    hotIssue: Nullable(Type.String()),
  }),
  firstReceiver: Nullable(Type.String()),
  verifiedAt: Nullable(Iso),
  remarks: Type.String(),
  answer: Type.String(),
  previous: Type.Array(PreviousVisitSchema),
  createdAt: Iso,
});

/** What the staff member checks, corrects and completes at the window. */
export const VerifyBodySchema = Type.Object(
  {
    petitioner: Type.Object(
      {
        name: Text(2, 30),
        phone: PhoneField,
        address: Text(2, 80),
        occupation: Type.Optional(Type.String({ maxLength: 30 })),
      },
      { additionalProperties: false },
    ),
    matter: Type.Object(
      {
        category: Text(1, 20),
        purpose: Text(1, 20),
        placeCode: Type.String({ pattern: '^\\d{6}$' }),
        cause: Text(1, 20),
        problem: Text(5, 2000),
        demands: Text(2, 1000),
        responsibleSystem: Text(1, 20),
        hotIssue: Type.Optional(Type.String({ maxLength: 20 })),
      },
      { additionalProperties: false },
    ),
    remarks: Type.String({ maxLength: 1000, default: '' }),
    answer: Text(2, 2000),
  },
  { additionalProperties: false },
);

// --- Progress query at the kiosk (电脑查询) ---------------------------------------------------

export const ProgressQuerySchema = Type.Union([
  Type.Object({ queryCode: Type.String({ pattern: '^[0-9A-Za-z]{6,20}$', description: "From the ticket's QR code" }) }, { additionalProperties: false }),
  Type.Object(
    {
      idNumber: Type.String({ pattern: '^\\d{17}[\\dXx]$' }),
      phoneLast4: Type.String({ pattern: '^\\d{4}$', description: 'Last four digits of the phone given at registration' }),
    },
    { additionalProperties: false },
  ),
]);

export const ProgressRecordSchema = Type.Object({
  date: Type.String(),
  number: Type.String(),
  serviceName: Type.String(),
  state: Type.Enum(INTAKE_STATES),
  caseNumber: Nullable(Type.String()),
  acceptanceDue: Nullable(Type.String()),
  answerDue: Nullable(Type.String()),
});

// --- Handwriting at the kiosk (手写输入) ----------------------------------------------------

const InkCoordinate = Type.Integer({ minimum: 0, maximum: INK_BOX });

export const HandwritingBodySchema = Type.Object(
  {
    strokes: Type.Array(
      Type.Array(Type.Tuple([InkCoordinate, InkCoordinate]), { minItems: 1, maxItems: INK_LIMITS.points, description: 'Points [x, y] in drawing order' }),
      { minItems: 1, maxItems: INK_LIMITS.strokes, description: 'Strokes in writing order' },
    ),
  },
  { additionalProperties: false },
);

export const HandwritingReplySchema = Type.Object({
  candidates: Type.Array(Type.String({ minLength: 1, maxLength: 2 }), { maxItems: 10, description: 'Best first' }),
});
