// The one small interface every device driver offers (after zigbee-herdsman's adapters): open,
// status, close and typed events. The serial drivers (over a real port, or the simulators' mock
// port) implement it, and so does the server's stand-in for a printer or reader on a kiosk's
// device agent; the DeviceKeeper (keeper.ts) keeps any of them connected.
import type { CardIdentity } from './id-reader/identity.ts';
import type { PrinterCondition } from './printer/status.ts';

/**
 * What every driver offers. Its events: `status` when the condition changes, `disconnected` when
 * the port (or the agent) went away; a reader adds `card` and `readError`.
 */
export interface DeviceDriver<Condition extends string> {
  /** The port (or place) the device is on, for messages about it. */
  readonly path: string;
  /** The last known condition; `disconnected` until opened. */
  readonly condition: Condition;
  /** Opens the port and asks the first status; rejects when the port will not open. */
  open(): Promise<void>;
  /** One status round (a printer's DLE EOT requests, a reader's find-card poll); never rejects. */
  status(): Promise<Condition>;
  close(): Promise<void>;
  on(event: 'status', listener: (condition: Condition) => void): this;
  on(event: 'disconnected', listener: (error: Error) => void): this;
  off(event: 'status', listener: (condition: Condition) => void): this;
  off(event: 'disconnected', listener: (error: Error) => void): this;
}

/** `agent_offline`: run by a kiosk's device agent that is not connected to the server now. */
export type ReaderCondition = 'ready' | 'sam_error' | 'offline' | 'disconnected' | 'agent_offline';

export interface PrinterEvents {
  status: [condition: PrinterCondition];
  disconnected: [error: Error];
}

export interface ReaderEvents {
  /** A card was read (its identity goes to the caller only, never to a log). */
  card: [identity: CardIdentity];
  /** A card lies on the reader but could not be read; the message names no personal data. */
  readError: [error: Error];
  status: [condition: ReaderCondition];
  disconnected: [error: Error];
}

export interface PrintOptions {
  /** The same for every hand-out of one print job (a device agent's journal recognises a job it already printed). */
  key?: string;
}

export interface TicketPrinter extends DeviceDriver<PrinterCondition> {
  /**
   * Prints a whole ticket and resolves only when the printer's status after printing confirms
   * it; rejects otherwise (the job waits and is printed again in full).
   */
  print(bytes: Buffer, options?: PrintOptions): Promise<void>;
}

export interface IdCardReader extends DeviceDriver<ReaderCondition> {
  on(event: 'status', listener: (condition: ReaderCondition) => void): this;
  on(event: 'disconnected', listener: (error: Error) => void): this;
  on(event: 'card', listener: (identity: CardIdentity) => void): this;
  on(event: 'readError', listener: (error: Error) => void): this;
}
