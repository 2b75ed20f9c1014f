// What both serial drivers share: port settings, the injectable port factory (the real
// `SerialPort`, or `SerialPortMock` in tests), and promise-shaped open/close.
import { SerialPort, type SerialPortMock } from 'serialport';

export interface SerialSettings {
  path: string;
  baudRate: number;
  dataBits?: 7 | 8;
  parity?: 'none' | 'even' | 'odd';
  rtscts?: boolean;
}

export type Port = SerialPort | SerialPortMock;
export type PortFactory = (settings: SerialSettings & { autoOpen: false }) => Port;

/** The real serial port: the server gets it from here and never imports serialport itself. */
export const serialPortFactory: PortFactory = (settings) => new SerialPort(settings);

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

export type OpenFailure = 'missing' | 'permission' | 'busy' | 'other';

/**
 * Why a port would not open, from serialport's messages (`Error: No such file or directory,
 * cannot open …`, `Error Resource temporarily unavailable Cannot lock port`, the mock binding's
 * `Port does not exist` and `Port is locked`), in plain words for a technician or the log.
 */
export function describeOpenFailure(path: string, err: Error): { kind: OpenFailure; message: string } {
  const text = `${(err as NodeJS.ErrnoException).code ?? ''} ${err.message}`;
  if (/ENOENT|No such file|does not exist/i.test(text)) {
    return { kind: 'missing', message: `找不到端口 ${path}，请检查设备是否插好、端口名是否正确（可用 list 命令查看现有端口）。` };
  }
  if (/EACCES|EPERM|Permission denied/i.test(text)) {
    return {
      kind: 'permission',
      message: `没有权限打开端口 ${path}：请将运行程序的用户（大厅服务的服务用户）加入 dialout 组（sudo usermod -aG dialout 用户名），重新登录或重启服务后再试。`,
    };
  }
  if (/EBUSY|Cannot lock|locked|Resource temporarily unavailable|busy/i.test(text)) {
    return { kind: 'busy', message: `端口 ${path} 已被占用：某个程序（可能是正在运行的大厅服务）正在使用该端口，请先停止该程序后再试。` };
  }
  return { kind: 'other', message: `无法打开端口 ${path}（${err.message}）。` };
}
