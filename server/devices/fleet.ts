// The hall's printers and ID card readers from configuration, each kept connected by the one
// DeviceKeeper (devices/keeper.ts). A device without a port is simulated (previews under
// <dataDir>/printed/<id>/, test cards placed through the API). What happens to the devices comes
// out as events for the realtime bridge (server/realtime/device-bridge.ts) and the print worker:
// a card read carries the reader's id only and is never logged here; a failed read is logged
// with its reason only (never a name or number).
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import type { IdCardReader, ReaderCondition, TicketPrinter } from '../../devices/driver.ts';
import { createPrinterDriver, createReaderDriver } from '../../devices/factory.ts';
import { AgentPrinter, AgentReader } from './agent-devices.ts';
import type { SimulatedIdReader } from '../../devices/id-reader/simulated-reader.ts';
import type { CardIdentity } from '../../devices/id-reader/identity.ts';
import { DeviceKeeper, KEEPER_DEFAULTS, type KeeperLog, type KeeperOptions } from '../../devices/keeper.ts';
import type { SimulatedPrinter } from '../../devices/printer/simulated-printer.ts';
import type { PrinterCondition } from '../../devices/printer/status.ts';
import type { PortFactory } from '../../devices/serial.ts';
import type { HallConfig, PrinterConfig, ReaderConfig } from '../config/schema.ts';

export interface FleetPrinter {
  config: PrinterConfig;
  printer: TicketPrinter;
  /** Keeps a local printer connected; null for a printer run by a kiosk's device agent. */
  keeper: DeviceKeeper<PrinterCondition> | null;
  /** The server's stand-in for a printer run by a kiosk's device agent. */
  agent: AgentPrinter | null;
  /** The simulated device behind a printer configured without a port. */
  simulated: SimulatedPrinter | null;
}

export interface FleetReader {
  config: ReaderConfig;
  reader: IdCardReader;
  keeper: DeviceKeeper<ReaderCondition> | null;
  agent: AgentReader | null;
  simulated: SimulatedIdReader | null;
}

export interface DeviceRef {
  kind: 'printer' | 'reader';
  id: string;
  name: string;
  /** Run by a kiosk's device agent. */
  agent: boolean;
}

export interface FleetEvents {
  /** A device's condition changed. */
  status: [device: DeviceRef, condition: PrinterCondition | ReaderCondition];
  /** A card was read on a reader (for the kiosks attached to it only). */
  card: [readerId: string, identity: CardIdentity];
  /** A card on a reader could not be read (already logged, reason only). */
  cardError: [readerId: string];
}

export interface FleetOptions {
  log?: KeeperLog;
  keeper?: Partial<Record<'printer' | 'reader', KeeperOptions>>;
  /** Pauses before re-reading a card that failed while it stays on the reader. */
  readRetryMs?: readonly number[];
  /** Opens real ports (tests pass serialport's mock binding). */
  createPort?: PortFactory;
}

export type DeviceFleet = ReturnType<typeof createDeviceFleet>;
export type PrinterFleet = DeviceFleet['printers'];
export type ReaderFleet = DeviceFleet['readers'];

export function createDeviceFleet(config: HallConfig, options: FleetOptions = {}) {
  const { log } = options;
  const events = new EventEmitter<FleetEvents>();
  const printers = new Map<string, FleetPrinter>();
  const readers = new Map<string, FleetReader>();

  for (const printerConfig of config.printers) {
    const { id, name } = printerConfig;
    const entry: FleetPrinter = printerConfig.agent
      ? (() => {
          const agent = new AgentPrinter(id);
          return { config: printerConfig, printer: agent, keeper: null, agent, simulated: null };
        })()
      : (() => {
          const { driver, simulated } = createPrinterDriver(printerConfig, join(config.dataDir, 'printed', id), options.createPort);
          const keeper = new DeviceKeeper(driver, options.keeper?.printer ?? KEEPER_DEFAULTS.printer, { label: `打印机 ${name}（${id}）`, fields: { printer: id }, log });
          return { config: printerConfig, printer: driver, keeper, agent: null, simulated };
        })();
    entry.printer.on('status', (condition) => events.emit('status', { kind: 'printer', id, name, agent: printerConfig.agent }, condition));
    printers.set(id, entry);
  }

  for (const readerConfig of config.readers) {
    const { id, name } = readerConfig;
    const entry: FleetReader = readerConfig.agent
      ? (() => {
          const agent = new AgentReader(id);
          return { config: readerConfig, reader: agent, keeper: null, agent, simulated: null };
        })()
      : (() => {
          const { driver, simulated } = createReaderDriver(readerConfig, { readRetryMs: options.readRetryMs }, options.createPort);
          const keeper = new DeviceKeeper(driver, options.keeper?.reader ?? KEEPER_DEFAULTS.reader, { label: `读卡器 ${name}（${id}）`, fields: { reader: id }, log });
          return { config: readerConfig, reader: driver, keeper, agent: null, simulated };
        })();
    const driver = entry.reader;
    driver.on('status', (condition) => events.emit('status', { kind: 'reader', id, name, agent: readerConfig.agent }, condition));
    driver.on('card', (identity) => events.emit('card', id, identity));
    driver.on('readError', (err) => {
      // The reason comes from the checks and the protocol, never from the card's text.
      log?.warn({ reader: id, reason: err.message }, `读卡器 ${name}（${id}）读卡失败，已请来访人重新放置身份证。`);
      events.emit('cardError', id);
    });
    readers.set(id, entry);
  }

  const keepers = () => [...[...printers.values()].map((p) => p.keeper), ...[...readers.values()].map((r) => r.keeper)].filter((k) => k !== null);
  const agentDrivers = () => [...[...printers.values()].map((p) => p.agent), ...[...readers.values()].map((r) => r.agent)].filter((a) => a !== null);

  return {
    events,
    printers: {
      get: (id: string) => printers.get(id),
      all: () => [...printers.values()],
      condition: (id: string): PrinterCondition => printers.get(id)?.printer.condition ?? 'disconnected',
    },
    readers: {
      get: (id: string) => readers.get(id),
      /** The simulated reader behind `id`, for placing a test card; undefined for real readers. */
      simulated: (id: string) => readers.get(id)?.simulated ?? undefined,
      conditions: () => [...readers.values()].map((r) => ({ id: r.config.id, name: r.config.name, condition: r.reader.condition })),
    },
    start: () => keepers().forEach((k) => k.start()),
    stop: () => Promise.all([...keepers().map((k) => k.stop()), ...agentDrivers().map((a) => a.close())]).then(() => undefined),
  };
}
