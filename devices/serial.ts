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

export async function closePort(port: Port | null): Promise<void> {
  if (!port?.isOpen) return;
  await new Promise<void>((resolve) => port.close(() => resolve()));
}
