// The queue on the wire: tickets, windows, services offered, snapshots and change events, and the
// requests and replies of /api/tickets, /api/windows and /api/queue.
import { Type, type Static } from 'typebox';
import { PRINT_STATES, QUEUE_EVENT_TYPES, TICKET_SOURCE_KINDS, TICKET_STATUSES, WINDOW_STATES } from '../vocabulary.ts';
import { Iso, Nullable, UlidPattern } from './base.ts';

const TicketStatusSchema = Type.Enum(TICKET_STATUSES);
const WindowStateSchema = Type.Enum(WINDOW_STATES);
const PrintStateSchema = Type.Enum(PRINT_STATES);

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
  /** Issued at the check-in of a booking (预约); present only then. Screens mark it by text. */
  booked: Type.Optional(Type.Literal(true)),
});
/**
 * A ticket as public screens may show it: no petitioner data, no green-channel reason
 * (the reason is health information), only the number and where to go.
 */
export type PublicTicket = Static<typeof PublicTicketSchema>;

export const StaffTicketSchema = Type.Object({
  ...PublicTicketSchema.properties,
  serviceDay: Type.String(),
  greenReason: Nullable(Type.String()),
  greenNote: Nullable(Type.String()),
  source: Type.Object({
    kind: Type.Enum(TICKET_SOURCE_KINDS),
    id: Type.String(),
    name: Type.String(),
  }),
  printState: PrintStateSchema,
  servingAt: Nullable(Iso),
  finishedAt: Nullable(Iso),
  cancelReason: Nullable(Type.String()),
});
/** A ticket as staff see it. */
export type StaffTicket = Static<typeof StaffTicketSchema>;

export const ServiceInfoSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  offeredToday: Type.Boolean(),
});
export type ServiceInfo = Static<typeof ServiceInfoSchema>;

export const WindowViewSchema = Type.Object({
  no: Type.Integer(),
  name: Type.String(),
  services: Type.Array(Type.String()),
  state: WindowStateSchema,
  pauseReason: Nullable(Type.String()),
  onDuty: Nullable(Type.Object({ displayName: Type.String(), staffNo: Type.String() })),
  current: Nullable(PublicTicketSchema),
});
/** The staff member on duty is public by design: the window screen shows name and staff number (挂牌上岗). */
export type WindowView = Static<typeof WindowViewSchema>;
export type OnDuty = NonNullable<WindowView['onDuty']>;

const Counts = Type.Record(Type.String(), Type.Integer());

const QueueSnapshotSchema = Type.Object({
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
export type QueueSnapshot = Static<typeof QueueSnapshotSchema>;

const StaffSnapshotSchema = Type.Object({
  ...QueueSnapshotSchema.properties,
  waiting: Type.Array(StaffTicketSchema),
  recentCalls: Type.Array(StaffTicketSchema),
});
export type StaffSnapshot = Static<typeof StaffSnapshotSchema>;

/** GET /api/queue/snapshot: staff get the staff view, everyone else the public one. */
export const SnapshotReplySchema = Type.Union([StaffSnapshotSchema, QueueSnapshotSchema]);

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
const QueueEventSchema = Type.Object({ ...queueEventFields, ticket: Nullable(PublicTicketSchema) });
export type QueueEvent = Static<typeof QueueEventSchema>;
const StaffQueueEventSchema = Type.Object({ ...queueEventFields, ticket: Nullable(StaffTicketSchema) });
export type StaffQueueEvent = Static<typeof StaffQueueEventSchema>;

export const WaitEstimateSchema = Type.Object({
  ahead: Type.Integer({ description: 'Waiting tickets of the same service called before this one' }),
  waitMinutes: Type.Integer({ description: 'Estimated wait in minutes' }),
});

// --- /api/tickets ------------------------------------------------------------------------------

export const TicketIdParams = Type.Object({ id: Type.String({ pattern: UlidPattern, description: 'Ticket ULID' }) });

export const IssueBodySchema = Type.Object(
  {
    serviceCode: Type.String({ minLength: 1, maxLength: 16 }),
    priority: Type.Optional(Type.Union([Type.Literal('normal'), Type.Literal('green')], { default: 'normal' })),
    greenReason: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
    greenNote: Type.Optional(Type.String({ maxLength: 100 })),
    print: Type.Optional(Type.Boolean({ default: true, description: 'Print a ticket' })),
    printerId: Type.Optional(Type.String({ maxLength: 16, description: "Printer to use (default: the desk's)" })),
  },
  { additionalProperties: false },
);

/** A ticket with the estimated wait: issuing one, or reading one. */
export const EstimatedTicketReplySchema = Type.Object({ ticket: StaffTicketSchema, ...WaitEstimateSchema.properties });
export type EstimatedTicketReply = Static<typeof EstimatedTicketReplySchema>;

export const TicketListQuerySchema = Type.Object(
  {
    status: Type.Optional(TicketStatusSchema),
    serviceCode: Type.Optional(Type.String({ maxLength: 16 })),
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 200 }),
  },
  { additionalProperties: false },
);
export const TicketListReplySchema = Type.Object({ tickets: Type.Array(StaffTicketSchema) });
export type TicketListReply = Static<typeof TicketListReplySchema>;

/** The reply of every action on one ticket. */
export const TicketReplySchema = Type.Object({ ticket: StaffTicketSchema });
export type TicketReply = Static<typeof TicketReplySchema>;

/** 办结: a reason from `registration.closeReasons` when the registration is not verified. */
export const CompleteBodySchema = Type.Object(
  { closeReason: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })) },
  { additionalProperties: false },
);

export const CancelBodySchema = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });

export const ReprintBodySchema = Type.Object({ printerId: Type.Optional(Type.String({ maxLength: 16 })) }, { additionalProperties: false });

/** To another service, or to one named window; the ticket keeps its place by arrival. */
export const TransferBodySchema = Type.Object(
  {
    serviceCode: Type.Optional(Type.String({ minLength: 1, maxLength: 16 })),
    windowNo: Type.Optional(Type.Integer({ minimum: 1, maximum: 999 })),
  },
  { additionalProperties: false },
);

// --- /api/windows ------------------------------------------------------------------------------

export const WindowNoParams = Type.Object({ no: Type.Integer({ minimum: 1, maximum: 999 }) });

export const WindowListReplySchema = Type.Object({ windows: Type.Array(WindowViewSchema) });

/** The reply of every action on one window. */
export const WindowReplySchema = Type.Object({ window: WindowViewSchema });

export const WindowDefinitionSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 20 }),
    services: Type.Array(Type.String({ minLength: 1, maxLength: 16 }), { minItems: 1, uniqueItems: true, description: 'Tie-break order' }),
  },
  { additionalProperties: false },
);

export const NewWindowBodySchema = Type.Object(
  { no: Type.Integer({ minimum: 1, maximum: 999 }), ...WindowDefinitionSchema.properties },
  { additionalProperties: false },
);

export const PauseBodySchema = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false });

export const CallTicketBodySchema = Type.Object({ ticketId: Type.String({ pattern: UlidPattern }) }, { additionalProperties: false });
