// An ESC/POS ticket printer on a serial port: status by DLE EOT polling, writes serialised,
// an unplugged cable reported as `disconnected` (the device manager reopens it).
import { EventEmitter } from 'node:events';
import { closePort, openPort, type Port, type PortFactory, type SerialSettings } from '../serial.ts';
import { applyStatusByte, canPrint, conditionOf, isStatusByte, READY, statusRequest, STATUS_KINDS, type PrinterCondition, type PrinterStatus, type StatusKind } from './status.ts';

export type { PortFactory, SerialSettings };

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
  private chain: Promise<unknown> = Promise.resolve();
  private waiter: ((byte: number) => void) | null = null;

  constructor(
    private readonly settings: SerialSettings,
    private readonly createPort: PortFactory,
    private readonly replyTimeoutMs = 500,
  ) {
    super();
  }

  async open(): Promise<void> {
    const port = await openPort(this.createPort, this.settings);
    this.port = port;
    // A data listener keeps the port reading, which is how an unplug is noticed at all.
    port.on('data', (chunk: Buffer) => {
      for (const byte of chunk) if (this.waiter && isStatusByte(byte)) this.waiter(byte);
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
    return this.serialised(async () => {
      let status: PrinterStatus = READY;
      try {
        for (const kind of Object.keys(STATUS_KINDS) as StatusKind[]) {
          status = applyStatusByte(status, kind, await this.ask(kind));
        }
      } catch (err) {
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
    await this.serialised(async () => {
      if (!canPrint(this.condition)) throw new PrinterNotReadyError(this.condition);
      await this.write(bytes);
    });
    await this.poll();
  }

  private setCondition(condition: PrinterCondition, status: PrinterStatus | null): void {
    if (condition === this.condition) return;
    this.condition = condition;
    this.emit('status', condition, status);
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work, work);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private write(bytes: Buffer): Promise<void> {
    const port = this.port;
    if (!port) return Promise.reject(new PrinterNotReadyError('disconnected'));
    return new Promise((resolve, reject) => {
      port.write(bytes, (err) => {
        if (err) return reject(err);
        port.drain((drainErr) => (drainErr ? reject(drainErr) : resolve()));
      });
    });
  }

  /** One status request; the timeout starts once the request is on the wire. */
  private async ask(kind: StatusKind): Promise<number> {
    const reply = new Promise<number>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      this.waiter = (byte) => {
        clearTimeout(timer);
        this.waiter = null;
        resolve(byte);
      };
      this.write(statusRequest(kind)).then(
        () => {
          timer = setTimeout(() => {
            this.waiter = null;
            reject(new Error(`no reply to DLE EOT ${STATUS_KINDS[kind]} within ${this.replyTimeoutMs} ms`));
          }, this.replyTimeoutMs);
        },
        (err) => {
          this.waiter = null;
          reject(err);
        },
      );
    });
    return reply;
  }
}
