// An ESC/POS ticket printer on a serial port: status by DLE EOT polling, writes serialised,
// an unplugged cable reported as `disconnected` (the DeviceKeeper reopens it).
import { EventEmitter } from 'node:events';
import type { PrinterEvents, TicketPrinter } from '../driver.ts';
import { RequestChannel } from '../request-channel.ts';
import { closePort, openPort, writeAll, type Port, type PortFactory, type SerialSettings } from '../serial.ts';
import { applyStatusByte, canPrint, conditionOf, isStatusByte, READY, statusRequest, STATUS_KINDS, type PrinterCondition, type PrinterStatus, type StatusKind } from './status.ts';

export class PrinterNotReadyError extends Error {
  constructor(readonly condition: PrinterCondition) {
    super(`printer not ready: ${condition}`);
  }
}

/** The ticket reached the printer but the status after printing says it did not come out whole. */
export class PrintNotConfirmedError extends Error {
  constructor(readonly condition: PrinterCondition) {
    super(`ticket not confirmed as printed: ${condition}`);
  }
}

/** Bits on the wire per byte at 8N1 (start, 8 data, stop). */
const BITS_PER_BYTE = 10;

export type { PrinterEvents };

export class SerialTicketPrinter extends EventEmitter<PrinterEvents> implements TicketPrinter {
  condition: PrinterCondition = 'disconnected';
  private port: Port | null = null;
  private readonly channel: RequestChannel<number>;
  /** When the bytes written so far will have left the line, at the port's baud rate. */
  private wireBusyUntil = 0;

  /**
   * `replyMarginMs`: how long a status reply may take beyond the time the bytes still in flight
   * on the port need at its baud rate (a link that buffers holds the reply behind the ticket).
   */
  constructor(
    private readonly settings: SerialSettings,
    private readonly createPort: PortFactory,
    private readonly replyMarginMs = 500,
  ) {
    super();
    this.channel = new RequestChannel(replyMarginMs);
  }

  /** How long a reply may take now: the wire time of the bytes still in flight plus the margin. */
  replyTimeoutMs(): number {
    return Math.max(0, this.wireBusyUntil - Date.now()) + this.replyMarginMs;
  }

  get path(): string {
    return this.settings.path;
  }

  async open(): Promise<void> {
    const port = await openPort(this.createPort, this.settings);
    this.port = port;
    this.wireBusyUntil = 0;
    // A data listener keeps the port reading, which is how an unplug is noticed at all.
    port.on('data', (chunk: Buffer) => {
      for (const byte of chunk) if (isStatusByte(byte)) this.channel.deliver(byte);
    });
    port.on('close', (err?: Error & { disconnected?: boolean }) => {
      this.port = null;
      this.setCondition('disconnected');
      if (err?.disconnected) this.emit('disconnected', err);
    });
    await this.poll();
  }

  close(): Promise<void> {
    return closePort(this.port);
  }

  /** Asks the four status bytes; no answer means the printer is off or not listening. */
  poll(): Promise<PrinterCondition> {
    return this.channel.serialised(() => this.readStatus());
  }

  /** The driver interface's status round: one poll. */
  status(): Promise<PrinterCondition> {
    return this.poll();
  }

  /**
   * Sends a whole ticket and resolves only when the printer says it came out: the status is read
   * right before the write (a poll a few seconds old does not know the paper just ran out) and
   * again after it; paper end, an open cover, an error or no answer after printing rejects, so
   * the job waits and is printed again in full.
   */
  async print(bytes: Buffer): Promise<void> {
    await this.channel.serialised(async () => {
      const before = await this.readStatus();
      if (!canPrint(before)) throw new PrinterNotReadyError(before);
      await this.write(bytes);
      const after = await this.readStatus();
      if (!canPrint(after)) throw new PrintNotConfirmedError(after);
    });
  }

  /** Asks the four status bytes (inside the port's serialised work). */
  private async readStatus(): Promise<PrinterCondition> {
    let status: PrinterStatus = READY;
    try {
      for (const kind of Object.keys(STATUS_KINDS) as StatusKind[]) {
        const reply = this.channel.request(() => this.write(statusRequest(kind)), `DLE EOT ${STATUS_KINDS[kind]}`, () => this.replyTimeoutMs());
        status = applyStatusByte(status, kind, await reply);
      }
    } catch {
      if (!this.port) return this.condition;
      this.setCondition('offline');
      return this.condition;
    }
    this.setCondition(conditionOf(status));
    return this.condition;
  }

  /** Writes bytes and books their time on the line, which a following reply waits behind. */
  private write(bytes: Buffer): Promise<void> {
    const wireMs = (bytes.length * BITS_PER_BYTE * 1000) / this.settings.baudRate;
    this.wireBusyUntil = Math.max(Date.now(), this.wireBusyUntil) + wireMs;
    return writeAll(this.port, bytes);
  }

  private setCondition(condition: PrinterCondition): void {
    if (condition === this.condition) return;
    this.condition = condition;
    this.emit('status', condition);
  }
}
