// Devices on the wire: pairing and enrolment, the paired devices, the printers' and readers'
// condition, and what an ID card reader reads off a card.
import { Type, type Static } from 'typebox';
import { DEVICE_KINDS } from '../vocabulary.ts';
import { Iso, Nullable } from './base.ts';

const DeviceKindSchema = Type.Enum(DEVICE_KINDS);

const CardText = (maxLength: number) => Type.String({ maxLength });
export const CardIdentitySchema = Type.Object(
  {
    name: CardText(15),
    /** GB/T 2261.1 code: 1 male, 2 female. */
    genderCode: Type.String({ pattern: '^[0-9]$' }),
    /** GB 3304 nation code, e.g. 01 汉. */
    nationCode: Type.String({ pattern: '^[0-9]{2}$' }),
    birthDate: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    address: CardText(35),
    idNumber: Type.String({ pattern: '^\\d{17}[\\dXx]$' }),
    issuer: CardText(15),
    validFrom: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    /** A date, or 长期 (no expiry). */
    validUntil: Type.String({ pattern: '^(\\d{4}-\\d{2}-\\d{2}|长期)$' }),
  },
  { additionalProperties: false },
);
/** What an ID card reader read off a resident ID card: personal data, for the kiosk's form only. */
export type CardIdentity = Static<typeof CardIdentitySchema>;

const DeviceInfoSchema = Type.Object({
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
export type DeviceInfo = Static<typeof DeviceInfoSchema>;

const DeviceRefPattern = '^[A-Za-z0-9_-]{1,16}$';
export const PairingCodeBodySchema = Type.Object(
  {
    kind: DeviceKindSchema,
    name: Type.String({ minLength: 1, maxLength: 40 }),
    windowNo: Type.Optional(Type.Integer({ minimum: 1, maximum: 999 })),
    printerId: Type.Optional(Type.String({ pattern: DeviceRefPattern, description: 'Printer a kiosk prints on' })),
    readerId: Type.Optional(Type.String({ pattern: DeviceRefPattern, description: 'ID card reader of a kiosk' })),
  },
  { additionalProperties: false },
);
export const PairingCodeReplySchema = Type.Object({ code: Type.String(), expiresAt: Iso });
export type PairingCodeReply = Static<typeof PairingCodeReplySchema>;

export const EnrolBodySchema = Type.Object({ code: Type.String({ pattern: '^\\d{8}$' }) }, { additionalProperties: false });
export const EnrolReplySchema = Type.Object({ token: Type.String(), device: DeviceInfoSchema });
export type EnrolReply = Static<typeof EnrolReplySchema>;

/** One device: the device asking about itself, or one just revoked. */
export const DeviceReplySchema = Type.Object({ device: DeviceInfoSchema });
export type DeviceReply = Static<typeof DeviceReplySchema>;
export const DeviceListReplySchema = Type.Object({ devices: Type.Array(DeviceInfoSchema) });
export type DeviceListReply = Static<typeof DeviceListReplySchema>;

export const DeviceIdParams = Type.Object({ id: Type.String({ maxLength: 26 }) });
export const ReaderIdParams = Type.Object({ id: Type.String({ maxLength: 16 }) });
export const TestCardBodySchema = Type.Object({ card: Type.Union([CardIdentitySchema, Type.Null()]) }, { additionalProperties: false });

/** A printer or reader and its condition (see DeviceStatus in events.ts for the names). */
const DeviceConditionSchema = Type.Object({ id: Type.String(), name: Type.String(), condition: Type.String() });

/** Printers and readers with their condition; kiosks and screens with whether they are connected now. */
export const DeviceOverviewSchema = Type.Object({
  printers: Type.Array(DeviceConditionSchema),
  readers: Type.Array(DeviceConditionSchema),
  devices: Type.Array(Type.Object({ ...DeviceInfoSchema.properties, online: Type.Boolean() })),
});
export type DeviceOverview = Static<typeof DeviceOverviewSchema>;
