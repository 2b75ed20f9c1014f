// Chooses a driver's implementation from configuration: a device on a serial port, or (no port
// configured) the simulator — the same serial driver talking to a simulated device over
// serialport's mock binding. The hall server and the kiosk's device agent both build their
// devices here; the port factory is injectable (tests pass a mock binding).
import { SerialPort } from 'serialport';
import { SimulatedIdReader } from './id-reader/simulated-reader.ts';
import { SerialIdCardReader } from './id-reader/serial-reader.ts';
import { SerialTicketPrinter } from './printer/serial-printer.ts';
import { simulatedPrinter, type SimulatedPrinter } from './printer/simulated-printer.ts';
import type { ChineseCodepage } from './printer/ticket-layout.ts';
import type { PortFactory, SerialSettings } from './serial.ts';

export const realPort: PortFactory = (settings) => new SerialPort(settings);

export interface PrinterSpec {
  /** No port: the simulated printer, writing a preview of every ticket into `previewDir`. */
  port?: SerialSettings;
  codepage: ChineseCodepage;
  replyMarginMs?: number;
}

export interface ReaderSpec {
  /** No port: the simulated reader (a test card can be placed on it). */
  port?: SerialSettings;
}

export function createPrinterDriver(spec: PrinterSpec, previewDir: string, createPort: PortFactory = realPort) {
  const simulated: SimulatedPrinter | null = spec.port ? null : simulatedPrinter(previewDir, spec.codepage);
  const settings = spec.port ?? { path: simulated!.path, baudRate: 9600 };
  const driver = new SerialTicketPrinter(settings, simulated?.factory ?? createPort, spec.replyMarginMs);
  return { driver, simulated };
}

export function createReaderDriver(spec: ReaderSpec, options: { readRetryMs?: readonly number[] } = {}, createPort: PortFactory = realPort) {
  const simulated = spec.port ? null : new SimulatedIdReader();
  const settings = spec.port ?? { path: simulated!.path, baudRate: 115200 };
  const driver = new SerialIdCardReader(settings, simulated?.factory ?? createPort, undefined, { readRetryMs: options.readRetryMs });
  return { driver, simulated };
}
