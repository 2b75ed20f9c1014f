// Socket.IO protocol: event names, payloads and the handshake, typed once for server and clients.
import type { HallAlert } from './contract/alerts.ts';
import type { EvaluationInvite } from './contract/evaluation.ts';
import type { CardIdentity } from './contract/devices.ts';
import type { QueueEvent, QueueSnapshot, StaffQueueEvent, StaffSnapshot } from './contract/queue.ts';
import type { AgentClientToServerEvents, AgentServerToClientEvents } from './contract/agent.ts';
import type { JsonBytes } from './wire.ts';

export type { StaffSnapshot };

/** What a client puts in `io(url, { auth })`. Staff sockets authenticate by their session cookie. */
export interface HandshakeAuth {
  /** Device token (kiosk, display, window screen) from enrolment. */
  token?: string;
  /** The kiosk's device agent (devices/agent/), not its browser page: a kiosk token only. */
  agent?: boolean;
  /** A window screen names its window; boards and kiosks leave it out. */
  windowNo?: number;
}

export interface DeviceStatus {
  kind: 'printer' | 'reader';
  id: string;
  name: string;
  /** printers: ready, paper_near_end, paper_out, cover_open, cutter_error, error, offline, disconnected;
   *  readers: ready, sam_error, offline, disconnected;
   *  a printer or reader run by a kiosk's device agent: `agent_offline` while that agent is not connected */
  condition: string;
  at: string;
}

/** The queue state as staff or the public see it, as JSON bytes. */
type SnapshotBytes = JsonBytes<QueueSnapshot | StaffSnapshot>;

/** One acknowledgement envelope for every client → server request. */
type Ack<T> = { ok: true; data: T } | { ok: false; error: string; message: string };

export interface ServerToClientEvents extends AgentServerToClientEvents {
  /** Sent on connect (as JSON bytes shared by every socket: `decodeJson`). */
  snapshot: (snapshot: SnapshotBytes) => void;
  /** Public queue change (rooms `board`, `window:<n>`, `kiosk`). */
  queue: (event: QueueEvent) => void;
  /** Full queue change for staff (room `staff`). */
  'queue:staff': (event: StaffQueueEvent) => void;
  /** A device's condition changed (room `staff`): e.g. a printer ran out of paper. */
  'device:status': (status: DeviceStatus) => void;
  /** Raised at once to staff (leaders, desk, windows): e.g. a collective visit registered. */
  alert: (alert: HallAlert) => void;
  /** An admin changed notices, the leader schedule or the registration lists (every socket). */
  'settings:changed': (key: string) => void;
  /** Places of a service's day changed (booked, cancelled, checked in, patterns): consoles refresh (room `staff`). */
  'booking:changed': (change: { serviceCode: string; day: string }) => void;
  /** A card read on the kiosk's own reader (room `kiosk:<device id>` only). */
  'card:read': (identity: CardIdentity) => void;
  /**
   * A card on the kiosk's own reader could not be read (room `kiosk:<device id>` only): `message`
   * asks the person politely to place it again. Never carries personal data.
   */
  'card:error': (error: { error: 'card_unreadable'; message: string }) => void;
  /**
   * Whether the device agent running this kiosk's printer or reader is connected (room
   * `kiosk:<device id>` only; sent on connect and on every change, and only to kiosks whose
   * printer or reader is run by an agent).
   */
  'devices:agent': (status: { online: boolean }) => void;
  /**
   * The window completed a ticket: its evaluators invite the person to rate (room
   * `evaluator:<window>`; sent again on connect while an invitation is open). No personal data.
   */
  'evaluation:invite': (invite: EvaluationInvite) => void;
}

export interface ClientToServerEvents extends AgentClientToServerEvents {
  /**
   * A fresh snapshot. Refused with `snapshot_pending` while the previous one is still on its way
   * to this socket (it arrives, followed by every later event), with `rate_limited` when asked
   * too often (try again a few seconds later).
   */
  'snapshot:get': (ack: (reply: Ack<SnapshotBytes>) => void) => void;
}

export const ROOMS = {
  board: 'board',
  staff: 'staff',
  desk: 'desk',
  kiosk: 'kiosk',
  kioskDevice: (id: string) => `kiosk:${id}`,
  /** The device agent of a kiosk (its print jobs). */
  agent: (id: string) => `agent:${id}`,
  window: (no: number) => `window:${no}`,
  /** The evaluators (好差评) of a window. */
  evaluator: (no: number) => `evaluator:${no}`,
  /** Every socket of one sign-in (by the session's token hash), closed at logout. */
  session: (tokenHash: string) => `session:${tokenHash}`,
  /** Every socket of one staff member, closed when disabled, reset or given other roles. */
  staffMember: (id: string) => `staff:${id}`,
  /** Every socket of one paired device, closed when it is revoked. */
  device: (id: string) => `device:${id}`,
} as const;
