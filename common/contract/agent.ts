// The device agent's Socket.IO protocol (devices/agent/ on a kiosk PC ↔ the hall server): the
// handshake flag, the events both ways, and the TypeBox schemas the server checks every payload
// from an agent against. Only a kiosk's device token may connect as an agent, and it is only
// given the print jobs of its own printer and heard only about its own printer and reader.
import { Type, type Static } from 'typebox';
import { CardIdentitySchema, type CardIdentity } from './devices.ts';

export const PRINTER_CONDITIONS = ['ready', 'paper_near_end', 'paper_out', 'cover_open', 'cutter_error', 'error', 'offline', 'disconnected'] as const;
export const READER_CONDITIONS = ['ready', 'sam_error', 'offline', 'disconnected'] as const;

/** `agent:status`: the local devices' conditions (a device the agent does not run is left out). */
export const AgentStatusSchema = Type.Object(
  {
    printer: Type.Optional(Type.Enum(PRINTER_CONDITIONS)),
    reader: Type.Optional(Type.Enum(READER_CONDITIONS)),
  },
  { additionalProperties: false },
);
export type AgentStatus = Static<typeof AgentStatusSchema>;

/** `agent:card`: a card read on the kiosk's reader. */
export const AgentCardSchema = CardIdentitySchema;

/** `agent:welcome` (server → agent, on connect): who the agent is for the server. */
export interface AgentWelcome {
  deviceId: string;
  name: string;
  /** The printer whose jobs this agent prints, when the server expects it to run one. */
  printer: { id: string; name: string } | null;
  reader: { id: string; name: string } | null;
}

/** `print:job` (server → agent, with ack): one ticket to print. */
export interface PrintJobOrder {
  /** Stable for this job across every hand-out (ticket id and job number): the agent's journal key. */
  key: string;
  printerId: string;
  /** The whole ticket as ESC/POS bytes. */
  bytes: Buffer;
}

/**
 * The agent answers only after the printer's status after printing confirmed the ticket (or its
 * journal says it already did): `{ ok: true, data: { printed: 'now' | 'before' } }`; otherwise
 * `{ ok: false, error: <printer condition>, message }` and the job waits on the server.
 */
export type PrintJobAck = { ok: true; data: { printed: 'now' | 'before' } } | { ok: false; error: string; message: string };

export interface AgentServerToClientEvents {
  'agent:welcome': (welcome: AgentWelcome) => void;
  'print:job': (job: PrintJobOrder, ack: (reply: PrintJobAck) => void) => void;
}

export interface AgentClientToServerEvents {
  'agent:status': (status: AgentStatus) => void;
  'agent:card': (identity: CardIdentity) => void;
  /** A card on the reader could not be read (no payload: no personal data leaves the PC). */
  'agent:card-error': () => void;
}
