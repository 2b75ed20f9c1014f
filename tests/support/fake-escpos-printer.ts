// A printer at the far end of a mock serial port: answers DLE EOT with the status it is given,
// keeps what it prints, and can be unplugged mid-write.
import { mockSerialDevice } from '../../devices/mock-serial-device.ts';

export class FakeEscPosPrinter {
  /** Reply byte per DLE EOT n (n = 1..4); all "ready" by default. */
  status: Record<1 | 2 | 3 | 4, number> = { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12 };
  silent = false;
  unplugDuringNextPrint = false;
  readonly printed: Buffer[] = [];
  readonly path: string;
  readonly factory;

  constructor() {
    ({ path: this.path, factory: this.factory } = mockSerialDevice((bytes, reply) => {
      if (bytes.length === 3 && bytes[0] === 0x10 && bytes[1] === 0x04) {
        if (!this.silent) reply(Buffer.from([this.status[bytes[2] as 1 | 2 | 3 | 4]]));
        return;
      }
      if (this.unplugDuringNextPrint) {
        this.unplugDuringNextPrint = false;
        throw Object.assign(new Error('device unplugged'), { code: 'EIO' });
      }
      this.printed.push(Buffer.from(bytes));
    }));
  }
}
