// The hall's shared vocabulary: every closed list of names that crosses the wire or is stored
// (statuses, kinds, roles, event types, reasons). Schemas in contract/ and the server's records
// take their enums from here; nothing here imports anything.

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

/** `green`: the green channel (绿色通道), called before everyone else; its reason is health information. */
const PRIORITIES = ['normal', 'green'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Who issued a ticket: a paired device (kiosk) or a staff member. */
export const TICKET_SOURCE_KINDS = ['device', 'staff'] as const;
export type TicketSourceKind = (typeof TICKET_SOURCE_KINDS)[number];

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

export const INTAKE_STATES = ['submitted', 'verified', 'forwarded', 'acknowledged'] as const;
export type IntakeState = (typeof INTAKE_STATES)[number];

/** How a kiosk registration was answered: a new ticket, a retried submit, or the person's waiting ticket. */
export const INTAKE_OUTCOMES = ['issued', 'replayed', 'existing'] as const;

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

/**
 * `collective`: a collective visit registered. `emergency`: a green-channel reason that alerts at once.
 * `identity`: someone registered with the ID number of a person already waiting, under another name or phone.
 * `print_late`: a ticket's printer recovered too late (`printing.lateAfterSeconds`); not printed, the desk may reprint.
 * `forwarding_held`: the case system refused the hall (401/403); forwarding is held until the configuration is fixed (no ticket).
 * `unfinished`: at the day rollover, a ticket of the day before that was still open (now expired).
 * `unverified`: at the day rollover, a registration of the day before that was never verified (not forwarded).
 */
export const ALERT_KINDS = ['collective', 'emergency', 'identity', 'print_late', 'forwarding_held', 'unfinished', 'unverified'] as const;

/** A document for the case system in the outbox. */
export const OUTBOX_STATES = ['pending', 'delivered', 'dead'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];
