// TypeBox schemas of everything that crosses the wire. The TypeScript types in domain.ts are
// derived from these, so the validator, the OpenAPI document and the code cannot disagree.
import { Type, type Static, type TSchema } from 'typebox';
import { DEVICE_KINDS, PRINT_STATES, QUEUE_EVENT_TYPES, STAFF_ROLES, TICKET_STATUSES, WINDOW_STATES } from './domain.ts';

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
