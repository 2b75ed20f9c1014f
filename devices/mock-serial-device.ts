// A device simulated at the far end of serialport's mock binding: a port factory for a driver,
// and a handler that sees every write and can answer, fail (an unplug) or stay silent. Used by
// the simulated printer of `npm start` and by the tests' fake devices.
import { SerialPortMock } from 'serialport';
import type { PortFactory } from './serial.ts';

/** The parts of @serialport/binding-mock's port a fake device drives. */
interface MockPort {
  isOpen: boolean;
  write(buffer: Buffer): Promise<void>;
  emitData(data: Buffer): void;
}

export type WriteHandler = (bytes: Buffer, reply: (data: Buffer) => void) => void | Promise<void>;

export function mockSerialDevice(onWrite: WriteHandler): { path: string; factory: PortFactory } {
  const path = `/dev/ttyMOCK${Math.floor(Math.random() * 1e9)}`;
  // The mock binding serialport itself uses (a second copy of the package would not share ports).
  SerialPortMock.binding.createPort(path, { echo: false, record: false });
  const factory: PortFactory = (settings) => {
    const port = new SerialPortMock({ ...settings, path });
    port.once('open', () => {
      const binding = port.port as unknown as MockPort;
      const write = binding.write.bind(binding);
      binding.write = async (buffer: Buffer) => {
        await onWrite(buffer, (data) => setImmediate(() => binding.isOpen && binding.emitData(data)));
        await write(buffer);
      };
    });
    return port;
  };
  return { path, factory };
}
