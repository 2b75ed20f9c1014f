// The hall's shared vocabulary: every closed list of names that crosses the wire or is stored
// (statuses, kinds, roles, event types, reasons). Schemas in contract/ and the server's records
// take their enums from here; nothing here imports anything.

export const STAFF_ROLES = ['admin', 'desk', 'reception', 'leader'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** `evaluator`: the small touchscreen at a window on which the person rates the service (好差评). */
export const DEVICE_KINDS = ['kiosk', 'display', 'window-screen', 'evaluator'] as const;
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
 * `rectification_overdue`: a rectification task (整改) of a poor evaluation passed its deadline without its 回访.
 */
export const ALERT_KINDS = ['collective', 'emergency', 'identity', 'print_late', 'forwarding_held', 'unfinished', 'unverified', 'rectification_overdue', 'case_deadline_approaching', 'case_deadline_overdue', 'clock'] as const;

/** A document for the case system in the outbox. */
export const OUTBOX_STATES = ['pending', 'delivered', 'dead'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** The national five levels of 好差评, best first; `unrated` (未评价) when the person did not rate in time. */
export const EVALUATION_LEVELS = ['very_satisfied', 'satisfied', 'basic', 'dissatisfied', 'very_dissatisfied'] as const;
export type EvaluationLevel = (typeof EVALUATION_LEVELS)[number];

/** What a rating speaks about: 整体满意度, 服务效率, 服务水平, 服务态度, 办事环境. */
export const EVALUATION_CRITERIA = ['overall', 'efficiency', 'competence', 'attitude', 'environment'] as const;
export type EvaluationCriterion = (typeof EVALUATION_CRITERIA)[number];

/** Where the person rated: the window's evaluator, or the kiosk with the ticket's code. */
/** Where the person rated: the window's evaluator, the kiosk by the ticket's code, or the phone page of its QR. */
const EVALUATION_CHANNELS = ['evaluator', 'kiosk', 'qr'] as const;
export type EvaluationChannel = (typeof EVALUATION_CHANNELS)[number];

/** A rectification task (整改): open until its 回访 is recorded. */
export const RECTIFICATION_STATES = ['open', 'closed'] as const;
export type RectificationState = (typeof RECTIFICATION_STATES)[number];

/**
 * A matter's life in the case system after the hall (docs/case-life.md): 已受理, 不予受理, 已转送,
 * 办理中, 已延期, 已答复, 复查中, 复核中, 已办结.
 */
export const CASE_STATES = ['accepted', 'not_accepted', 'transferred', 'handling', 'extended', 'answered', 'review', 'recheck', 'closed'] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** The time limits a case runs against: the decision on acceptance, the handling, the 复查 and 复核 opinions. */
export const CASE_DEADLINE_KINDS = ['acceptance', 'handling', 'review', 'recheck'] as const;
export type CaseDeadlineKind = (typeof CASE_DEADLINE_KINDS)[number];
