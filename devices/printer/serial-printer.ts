// An ESC/POS ticket printer on a serial port: status by DLE EOT polling, writes serialised,
// an unplugged cable reported as `disconnected` (the device manager reopens it).
import { EventEmitter } from 'node:events';
import { RequestChannel } from '../request-channel.ts';
import { closePort, openPort, writeAll, type Port, type PortFactory, type SerialSettings } from '../serial.ts';
import { applyStatusByte, canPrint, conditionOf, isStatusByte, READY, statusRequest, STATUS_KINDS, type PrinterCondition, type PrinterStatus, type StatusKind } from './status.ts';

export class PrinterNotReadyError extends Error {
  constructor(readonly condition: PrinterCondition) {
    super(`printer not ready: ${condition}`);
  }
}

export interface PrinterEvents {
  status: [condition: PrinterCondition, status: PrinterStatus | null];
  disconnected: [error: Error];
}

export class SerialTicketPrinter extends EventEmitter<PrinterEvents> {
  condition: PrinterCondition = 'disconnected';
  private port: Port | null = null;
  private readonly channel: RequestChannel<number>;

  constructor(
    private readonly settings: SerialSettings,
    private readonly createPort: PortFactory,
    replyTimeoutMs = 500,
  ) {
    super();
    this.channel = new RequestChannel(replyTimeoutMs);
  }

  async open(): Promise<void> {
    const port = await openPort(this.createPort, this.settings);
    this.port = port;
    // A data listener keeps the port reading, which is how an unplug is noticed at all.
    port.on('data', (chunk: Buffer) => {
      for (const byte of chunk) if (isStatusByte(byte)) this.channel.deliver(byte);
    });
    port.on('close', (err?: Error & { disconnected?: boolean }) => {
      this.port = null;
      this.setCondition('disconnected', null);
      if (err?.disconnected) this.emit('disconnected', err);
    });
    await this.poll();
  }

  close(): Promise<void> {
    return closePort(this.port);
  }

  /** Asks the four status bytes; no answer means the printer is off or not listening. */
  poll(): Promise<PrinterCondition> {
    return this.channel.serialised(async () => {
      let status: PrinterStatus = READY;
      try {
        for (const kind of Object.keys(STATUS_KINDS) as StatusKind[]) {
          const reply = this.channel.request(() => writeAll(this.port, statusRequest(kind)), `DLE EOT ${STATUS_KINDS[kind]}`);
          status = applyStatusByte(status, kind, await reply);
        }
      } catch {
        if (!this.port) return this.condition;
        this.setCondition('offline', null);
        return this.condition;
      }
      this.setCondition(conditionOf(status), status);
      return this.condition;
    });
  }

  /** Sends a whole ticket once the printer can print it; re-reads the status afterwards. */
  async print(bytes: Buffer): Promise<void> {
    await this.channel.serialised(async () => {
      if (!canPrint(this.condition)) throw new PrinterNotReadyError(this.condition);
      await writeAll(this.port, bytes);
    });
    await this.poll();
  }

  private setCondition(condition: PrinterCondition, status: PrinterStatus | null): void {
    if (condition === this.condition) return;
    this.condition = condition;
    this.emit('status', condition, status);
  }
}
