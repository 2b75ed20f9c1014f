// A printer at the far end of a mock serial port: answers DLE EOT with the status it is given,
// keeps what it prints, and can be unplugged mid-write.
import { SerialPortMock } from 'serialport';
import type { PortFactory } from '../../devices/printer/serial-printer.ts';

/** The parts of @serialport/binding-mock's port this fake drives. */
interface MockPort {
  isOpen: boolean;
  write(buffer: Buffer): Promise<void>;
  emitData(data: Buffer): void;
}

export class FakeEscPosPrinter {
  /** Reply byte per DLE EOT n (n = 1..4); all "ready" by default. */
  status: Record<1 | 2 | 3 | 4, number> = { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12 };
  silent = false;
  unplugDuringNextPrint = false;
  readonly printed: Buffer[] = [];

  constructor(readonly path = `/dev/ttyFAKE${Math.floor(Math.random() * 1e6)}`) {
    // The mock binding serialport itself uses (a second copy of the package would not share ports).
    SerialPortMock.binding.createPort(path, { echo: false, record: false });
  }

  readonly factory: PortFactory = (settings) => {
    const port = new SerialPortMock({ ...settings, path: this.path });
    port.once('open', () => this.attach(port.port as unknown as MockPort));
    return port;
  };

  private attach(binding: MockPort): void {
    const write = binding.write.bind(binding);
    binding.write = async (buffer: Buffer) => {
      if (buffer.length === 3 && buffer[0] === 0x10 && buffer[1] === 0x04) {
        await write(buffer);
        if (!this.silent) setImmediate(() => binding.isOpen && binding.emitData(Buffer.from([this.status[buffer[2] as 1 | 2 | 3 | 4]])));
        return;
      }
      if (this.unplugDuringNextPrint) {
        this.unplugDuringNextPrint = false;
        throw Object.assign(new Error('device unplugged'), { code: 'EIO' });
      }
      await write(buffer);
      this.printed.push(Buffer.from(buffer));
    };
  }
}
