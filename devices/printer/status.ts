// ESC/POS real-time status (DLE EOT n): the request bytes and the meaning of each reply byte.
// A reply always has bits 1 and 4 set and bits 0 and 7 clear (fixed pattern 0x12 under 0x93).

export const STATUS_KINDS = { printer: 1, offline: 2, error: 3, paper: 4 } as const;
export type StatusKind = keyof typeof STATUS_KINDS;

export function statusRequest(kind: StatusKind): Buffer {
  return Buffer.from([0x10, 0x04, STATUS_KINDS[kind]]);
}

export function isStatusByte(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

export interface PrinterStatus {
  online: boolean;
  coverOpen: boolean;
  /** Printing stopped because the paper ran out. */
  paperOut: boolean;
  paperNearEnd: boolean;
  cutterError: boolean;
  unrecoverableError: boolean;
  autoRecoverableError: boolean;
}

export const READY: PrinterStatus = {
  online: true,
  coverOpen: false,
  paperOut: false,
  paperNearEnd: false,
  cutterError: false,
  unrecoverableError: false,
  autoRecoverableError: false,
};

/** Applies one reply byte of the given kind to a status; throws on a byte that is not a status reply. */
export function applyStatusByte(status: PrinterStatus, kind: StatusKind, byte: number): PrinterStatus {
  if (!isStatusByte(byte)) throw new Error(`not an ESC/POS status byte: 0x${byte.toString(16)}`);
  switch (kind) {
    case 'printer':
      return { ...status, online: (byte & 0x08) === 0 };
    case 'offline':
      return { ...status, coverOpen: (byte & 0x04) !== 0, paperOut: (byte & 0x20) !== 0 };
    case 'error':
      return {
        ...status,
        cutterError: (byte & 0x08) !== 0,
        unrecoverableError: (byte & 0x20) !== 0,
        autoRecoverableError: (byte & 0x40) !== 0,
      };
    case 'paper':
      return { ...status, paperNearEnd: (byte & 0x0c) !== 0, paperOut: status.paperOut || (byte & 0x60) !== 0 };
  }
}

export type PrinterCondition =
  | 'ready'
  | 'paper_near_end'
  | 'paper_out'
  | 'cover_open'
  | 'cutter_error'
  | 'error'
  | 'offline'
  | 'disconnected'
  /** Run by a kiosk's device agent that is not connected to the server now. */
  | 'agent_offline';

/** The one condition staff need to see, most urgent first. Near end still prints. */
export function conditionOf(status: PrinterStatus): PrinterCondition {
  if (status.coverOpen) return 'cover_open';
  if (status.paperOut) return 'paper_out';
  if (status.cutterError) return 'cutter_error';
  if (status.unrecoverableError || status.autoRecoverableError) return 'error';
  if (!status.online) return 'offline';
  if (status.paperNearEnd) return 'paper_near_end';
  return 'ready';
}

export const canPrint = (condition: PrinterCondition) => condition === 'ready' || condition === 'paper_near_end';
