// The hall's ticket printers from configuration: a real serial port, or the simulated printer
// that writes previews under <dataDir>/printed. Each is kept connected by a PrinterKeeper.
import { join } from 'node:path';
import { PrinterKeeper, DEFAULT_KEEPER, type KeeperOptions } from '../../devices/printer/printer-keeper.ts';
import { SerialTicketPrinter } from '../../devices/printer/serial-printer.ts';
import { simulatedPrinter, type SimulatedPrinter } from '../../devices/printer/simulated-printer.ts';
import type { PrinterCondition } from '../../devices/printer/status.ts';
import { serialPortFactory, type PortFactory } from '../../devices/serial.ts';
import type { HallConfig, PrinterConfig } from '../config/schema.ts';

export interface FleetPrinter {
  config: PrinterConfig;
  printer: SerialTicketPrinter;
  keeper: PrinterKeeper;
  /** The simulated device behind a printer configured without a port. */
  simulated: SimulatedPrinter | null;
}

export type PrinterFleet = ReturnType<typeof createPrinterFleet>;

const realPort: PortFactory = serialPortFactory;

export function createPrinterFleet(config: HallConfig, keeperOptions: KeeperOptions = DEFAULT_KEEPER) {
  const printers = new Map<string, FleetPrinter>();
  for (const printerConfig of config.printers) {
    const simulated = printerConfig.port ? null : simulatedPrinter(join(config.dataDir, 'printed', printerConfig.id), printerConfig.codepage);
    const settings = printerConfig.port ?? { path: simulated!.path, baudRate: 9600 };
    const printer = new SerialTicketPrinter(settings, simulated?.factory ?? realPort, printerConfig.replyMarginMs);
    printers.set(printerConfig.id, { config: printerConfig, printer, keeper: new PrinterKeeper(printer, keeperOptions), simulated });
  }
  return {
    get: (id: string) => printers.get(id),
    all: () => [...printers.values()],
    condition: (id: string): PrinterCondition => printers.get(id)?.printer.condition ?? 'disconnected',
    start: () => printers.forEach((p) => p.keeper.start()),
    stop: () => Promise.all([...printers.values()].map((p) => p.keeper.stop())),
  };
}
