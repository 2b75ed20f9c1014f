// Registration on the wire: the kiosk's intake and its 一人一号 check, the form's lists, the
// administrative divisions, and the registration as the receiving staff member reads and verifies it.
import { Type, type Static } from 'typebox';
import { NotificationTextsSchema } from './notification.ts';
import { GENDERS, INTAKE_OUTCOMES, INTAKE_STATES } from '../vocabulary.ts';
import { Iso, Nullable } from './base.ts';
import { PublicTicketSchema, StaffTicketSchema, WaitEstimateSchema } from './queue.ts';

export const Text = (minLength: number, maxLength: number, description?: string) =>
  Type.String({ minLength, maxLength, pattern: '\\S', ...(description ? { description } : {}) });
/** A choice from a list that may still be empty (not coded yet): the rules say what is missing. */
const Choice = Type.String({ maxLength: 20 });
export const IdNumberField = Type.String({ pattern: '^\\d{17}[\\dXx]$', description: 'GB 11643 resident ID number' });
export const PhoneField = Type.String({ pattern: '^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$', description: 'Mobile or landline' });
const PlaceCode = Type.String({ pattern: '^\\d{6}$', description: 'GB/T 2260 county-level code' });

const RepresentativeSchema = Type.Object(
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
        gender: Type.Union([Type.Literal(GENDERS[0]), Type.Literal(GENDERS[1])], { description: 'Derived from the ID number' }),
        phone: PhoneField,
        address: Text(2, 80),
        occupation: Type.Optional(Type.String({ maxLength: 30 })),
        political: Type.Optional(Type.String({ maxLength: 20, description: '政治面貌, from `registration.politicalStatuses`' })),
        fromCard: Type.Boolean({ description: 'Identity read from the ID card reader' }),
        smsNotify: Type.Optional(Type.Boolean({ description: '是否接收短信通知：SMS to the phone given (登记回执, 受理告知, 办结告知, 评价邀请); absent = yes' })),
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
        topic: Type.Optional(Text(1, 20, 'The everyday topic the person picked at the kiosk')),
        category: Type.Optional(Text(1, 20, 'Official category: coded at the window; a walk-in carries it')),
        purpose: Type.Optional(Text(1, 20, 'Official purpose code; absent when the person did not know')),
        placeCode: PlaceCode,
        cause: Type.Optional(Text(1, 20, 'Official cause: coded at the window; a walk-in carries it')),
        problem: Text(5, 2000),
        demands: Text(2, 1000),
      },
      { additionalProperties: false },
    ),
    notificationAcknowledged: Type.Literal(true, { description: 'The one-time notification was read and acknowledged' }),
  },
  { additionalProperties: false },
);
export type IntakeBody = Static<typeof IntakeBodySchema>;

/** A kiosk registration's answer: the ticket (public view), how it was reached, the wait. */
export const IntakeReplySchema = Type.Object({
  outcome: Type.Enum(INTAKE_OUTCOMES),
  collective: Type.Boolean(),
  ticket: Type.Object({ ...PublicTicketSchema.properties, printState: Type.String(), serviceName: Type.String() }),
  ...WaitEstimateSchema.properties,
});
export type IntakeReply = Static<typeof IntakeReplySchema>;

/** 一人一号 asked right after the identity step: the identity and the service chosen. */
export const IdentityCheckBodySchema = Type.Object(
  {
    serviceCode: Type.String({ minLength: 1, maxLength: 16 }),
    petitioner: Type.Object({ name: Text(2, 30), idNumber: IdNumberField, phone: PhoneField }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type IdentityCheckBody = Static<typeof IdentityCheckBodySchema>;

/**
 * Not waiting: go on with the registration. Waiting (the same person): the ticket was printed
 * again and is answered exactly as a full registration answers it (`outcome: 'existing'`).
 */
export const IdentityCheckReplySchema = Type.Union([
  Type.Object({ waiting: Type.Literal(false) }),
  Type.Object({ waiting: Type.Literal(true), ...IntakeReplySchema.properties }),
]);
export type IdentityCheckReply = Static<typeof IdentityCheckReplySchema>;

/** A walk-in registered at the window: the new ticket, called there at once. */
export const WalkInReplySchema = Type.Object({ ticket: StaffTicketSchema });
export type WalkInReply = Static<typeof WalkInReplySchema>;

/** A plain answer the kiosk offers for the purpose, and the official code it stands for. */
const KioskPurposeSchema = Type.Object({ label: Type.String(), purpose: Type.String() });

export const RegistrationFormSchema = Type.Object({
  /** The everyday topics the kiosk offers (您要反映的事情和什么有关), and the official category each suggests. */
  topics: Type.Array(Type.String()),
  topicCategories: Type.Record(Type.String(), Type.String()),
  /** The kiosk's plain purposes (请求解决问题 → 求决, …); 说不清 is added by the kiosk and sends none. */
  kioskPurposes: Type.Array(KioskPurposeSchema),
  /** Official lists, coded by staff at the window. */
  categories: Type.Array(Type.String()),
  /** Completed by staff at the window: 所属系统, 热点问题. */
  systems: Type.Array(Type.String()),
  hotIssues: Type.Array(Type.String()),
  purposes: Type.Array(Type.String()),
  causes: Type.Array(Type.String()),
  helperPhrases: Type.Array(Type.String()),
  /** 职业 and 政治面貌 (optional for the petitioner). */
  occupations: Type.Array(Type.String()),
  politicalStatuses: Type.Array(Type.String()),
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
  /** From this age (read from the ID number) the kiosk says the desk gives priority (`hint`), or issues a green number (`green`). */
  /** The one-time notification's texts (一次性告知; with `materials` and `purposeMaterials`, see common/notification.ts). */
  notification: NotificationTextsSchema,
  elderly: Type.Object({ age: Type.Integer(), mode: Type.Union([Type.Literal('hint'), Type.Literal('green'), Type.Literal('off')]) }),
  /** The hall sends SMS (`notify.sms.enabled`): the identity step asks 是否接收短信通知 (default yes). */
  sms: Type.Boolean(),
});
export type RegistrationForm = Static<typeof RegistrationFormSchema>;

/** `GET /api/intakes/issuing`: whether the kiosk issues now (hall hours); if not, what to tell the person. */
export const KioskIssuingReplySchema = Type.Union([
  Type.Object({ open: Type.Literal(true) }),
  Type.Object({ open: Type.Literal(false), message: Type.String() }),
]);
export type KioskIssuingReply = Static<typeof KioskIssuingReplySchema>;

const DivisionSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  /** True when the person must still pick a level below (province → city → county). */
  hasChildren: Type.Boolean(),
});
export type Division = Static<typeof DivisionSchema>;

export const DivisionQuerySchema = Type.Object({ parent: Type.Optional(Type.String({ pattern: '^\\d{6}$' })) }, { additionalProperties: false });
/** The divisions below `parent`, and the path from the province down to it. */
export const DivisionListReplySchema = Type.Object({ divisions: Type.Array(DivisionSchema), path: Type.Array(DivisionSchema) });
export type DivisionListReply = Static<typeof DivisionListReplySchema>;

// --- Registration at the window (staff) ------------------------------------------------------

const PersonView = Type.Object({
  name: Type.String(),
  idNumber: Type.String(),
  birthDate: Type.String(),
  phone: Type.String(),
  address: Type.String(),
  occupation: Type.Optional(Type.String()),
  political: Type.Optional(Type.String()),
});

/** An earlier registration of the same person, so the staff answer consistently (口径一致). */
const PreviousVisitSchema = Type.Object({
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
    /** The person's own topic from the kiosk (null for a walk-in or an older registration). */
    topic: Nullable(Type.String()),
    /** Official coding; '' until the staff member codes it at verification. */
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
/** A registration decrypted for the receiving staff member. */
export type RegistrationView = Static<typeof RegistrationViewSchema>;

export const RegistrationViewQuerySchema = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 100, description: 'Why this registration is read (desk, leaders, admins)' })) },
  { additionalProperties: false },
);

/** What the staff member checks, corrects and completes at the window. */
export const VerifyBodySchema = Type.Object(
  {
    petitioner: Type.Object(
      {
        name: Text(2, 30),
        phone: PhoneField,
        address: Text(2, 80),
        occupation: Type.Optional(Type.String({ maxLength: 30 })),
        political: Type.Optional(Type.String({ maxLength: 20 })),
      },
      { additionalProperties: false },
    ),
    /** The number of visitors as staff counted them (at least the people registered). */
    visitors: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    matter: Type.Object(
      {
        // Required at verification: checked by the shared rules, which name what is missing.
        category: Choice,
        purpose: Choice,
        placeCode: Type.String({ pattern: '^\\d{6}$' }),
        cause: Choice,
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
export type VerifyBody = Static<typeof VerifyBodySchema>;
