import type { DeviceKind, StaffRole } from '../../common/vocabulary.ts';
import type { Actor, DeviceRecord, StaffRecord } from '../store/records.ts';

/** Who is making a request or holds a socket. */
export type Principal =
  | { kind: 'staff'; staff: StaffRecord; sessionHash: string }
  | { kind: 'device'; device: DeviceRecord }
  | { kind: 'anonymous' };

export interface Permission {
  roles?: readonly StaffRole[];
  devices?: readonly DeviceKind[];
}

export function isAllowed(principal: Principal, permission: Permission): boolean {
  switch (principal.kind) {
    case 'staff':
      return principal.staff.roles.some((role) => permission.roles?.includes(role));
    case 'device':
      return permission.devices?.includes(principal.device.kind) ?? false;
    default:
      return false;
  }
}

export function actorOf(principal: Principal): Actor {
  switch (principal.kind) {
    case 'staff':
      return { kind: 'staff', id: principal.staff.id, name: principal.staff.displayName };
    case 'device':
      return { kind: 'device', id: principal.device.id, name: principal.device.name };
    default:
      return { kind: 'system', id: 'anonymous', name: '匿名' };
  }
}

export const hasRole = (principal: Principal, role: StaffRole) =>
  principal.kind === 'staff' && principal.staff.roles.includes(role);

/** Who may do what. Checked on the server for every route and socket. */
export const PERMISSIONS = {
  /** A bare number without a registration: staff only (kiosks register, POST /api/intakes). */
  issueNormal: { roles: ['admin', 'desk', 'reception'] },
  issueGreen: { roles: ['admin', 'desk'] },
  operateWindow: { roles: ['admin', 'reception'] },
  manageTickets: { roles: ['admin', 'desk', 'reception'] },
  viewStaffQueue: { roles: ['admin', 'desk', 'reception', 'leader'] },
  manageDevices: { roles: ['admin'] },
  manageStaff: { roles: ['admin'] },
  manageHall: { roles: ['admin'] },
  viewDevices: { roles: ['admin', 'desk'] },
  viewAudit: { roles: ['admin'] },
  registerAtKiosk: { devices: ['kiosk'] },
  readRegistrationForm: { roles: ['admin', 'desk', 'reception'], devices: ['kiosk'] },
  /** The 一次性告知单: staff for any registration, a kiosk for a ticket it issued today. */
  printNotice: { roles: ['admin', 'desk', 'reception'], devices: ['kiosk'] },
  /**
   * Decrypted registrations (each view audited). The route admits these roles; the intake service
   * then admits only the staff member at the window that holds or held the ticket, or one of
   * `viewRegistrationWithReason` who states a reason (need to know).
   */
  viewRegistration: { roles: ['admin', 'desk', 'reception', 'leader'] },
  viewRegistrationWithReason: { roles: ['admin', 'desk', 'leader'] },
  viewAlerts: { roles: ['admin', 'desk', 'reception', 'leader'] },
  viewStats: { roles: ['admin', 'leader'] },
  /** Reports: the desk gets the hall's operational sections (queue, forwarding); leaders and admins every section. */
  viewReports: { roles: ['admin', 'desk', 'leader'] },
  viewManagementReports: { roles: ['admin', 'leader'] },
  viewForwarding: { roles: ['admin', 'desk', 'reception', 'leader'] },
  resendForwarding: { roles: ['admin', 'desk'] },
  /** 好差评 at a window: its paired evaluator only. */
  evaluateAtWindow: { devices: ['evaluator'] },
  /** The 督办 page: rectification tasks of 差评 and their 回访. */
  superviseRectification: { roles: ['admin', 'desk', 'leader'] },
  assignRectification: { roles: ['admin', 'leader'] },
  viewSatisfaction: { roles: ['admin', 'leader'] },
  /** The 时限 page: case time limits approaching or past (their alerts go to the same roles and the windows). */
  watchDeadlines: { roles: ['admin', 'desk', 'leader'] },
  /** A booking taken by phone (预约接待). */
  bookAtDesk: { roles: ['admin', 'desk'] },
  /** The day's bookings, names masked: the desk, windows and the leaders' view. */
  viewBookings: { roles: ['admin', 'desk', 'reception', 'leader'] },
} as const satisfies Record<string, Permission>;
