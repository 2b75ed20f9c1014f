// A printer at the far end of a mock serial port: answers DLE EOT with the status it is given,
// keeps what it prints, and can be unplugged mid-write. With `lineBaudRate` set it behaves like a
// slow line that buffers: a reply leaves only after every byte written before it has drained;
// `lineLatencyMs` adds a link's own delay (e.g. a serial-over-network server's packing timer) to each reply.
import { mockSerialDevice } from '../../devices/mock-serial-device.ts';

export class FakeEscPosPrinter {
  /** Reply byte per DLE EOT n (n = 1..4); all "ready" by default. */
  status: Record<1 | 2 | 3 | 4, number> = { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12 };
  silent = false;
  unplugDuringNextPrint = false;
  /** Runs once the next ticket has been received (e.g. the paper runs out while printing it). */
  afterNextPrint: (() => void) | null = null;
  /** Baud rate of a line that buffers (null: bytes arrive at once). */
  lineBaudRate: number | null = null;
  /** Delay a reply takes on the link beyond the line's drain time. */
  lineLatencyMs = 0;
  readonly printed: Buffer[] = [];
  readonly path: string;
  readonly factory;
  private lineBusyUntil = 0;

  constructor() {
    ({ path: this.path, factory: this.factory } = mockSerialDevice((bytes, reply) => {
      const drained = this.occupyLine(bytes.length);
      if (bytes.length === 3 && bytes[0] === 0x10 && bytes[1] === 0x04) {
        if (this.silent) return;
        const answer = Buffer.from([this.status[bytes[2] as 1 | 2 | 3 | 4]]);
        const wait = drained + this.lineLatencyMs - Date.now();
        if (wait > 0) setTimeout(() => reply(answer), wait);
        else reply(answer);
        return;
      }
      if (this.unplugDuringNextPrint) {
        this.unplugDuringNextPrint = false;
        throw Object.assign(new Error('device unplugged'), { code: 'EIO' });
      }
      this.printed.push(Buffer.from(bytes));
      const after = this.afterNextPrint;
      this.afterNextPrint = null;
      after?.();
    }));
  }

  /** When the bytes just written will have reached the printer. */
  private occupyLine(length: number): number {
    if (this.lineBaudRate === null) return Date.now();
    this.lineBusyUntil = Math.max(Date.now(), this.lineBusyUntil) + (length * 10 * 1000) / this.lineBaudRate;
    return this.lineBusyUntil;
  }
}
