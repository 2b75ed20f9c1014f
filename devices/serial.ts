// What both serial drivers share: port settings, the injectable port factory (the real
// `SerialPort`, or `SerialPortMock` in tests), and promise-shaped open/close.
import type { SerialPort, SerialPortMock } from 'serialport';

export interface SerialSettings {
  path: string;
  baudRate: number;
  dataBits?: 7 | 8;
  parity?: 'none' | 'even' | 'odd';
  rtscts?: boolean;
}

export type Port = SerialPort | SerialPortMock;
export type PortFactory = (settings: SerialSettings & { autoOpen: false }) => Port;

/** Opens a port; port errors are absorbed here because their effect arrives as `close` or a failed write. */
export async function openPort(createPort: PortFactory, settings: SerialSettings): Promise<Port> {
  const port = createPort({ ...settings, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
  // A device fault must never end the process.
  port.on('error', () => undefined);
  return port;
}

/** Writes bytes and resolves once they have left for the device. */
export function writeAll(port: Port | null, bytes: Buffer): Promise<void> {
  if (!port) return Promise.reject(new Error('port not open'));
  return new Promise((resolve, reject) => {
    port.write(bytes, (err) => {
      if (err) return reject(err);
      port.drain((drainErr) => (drainErr ? reject(drainErr) : resolve()));
    });
  });
}

export async function closePort(port: Port | null): Promise<void> {
  if (!port?.isOpen) return;
  await new Promise<void>((resolve) => port.close(() => resolve()));
}
