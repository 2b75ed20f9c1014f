// The hall's ID card readers from configuration, each polled while connected and reopened after
// a failure. A card read is handed to `onCard` with the reader's id only: personal data is never
// logged or broadcast here.
import { SerialPort } from 'serialport';
import type { CardIdentity } from '../../devices/id-reader/identity.ts';
import { SerialIdCardReader, type ReaderCondition } from '../../devices/id-reader/serial-reader.ts';
import { SimulatedIdReader } from '../../devices/id-reader/simulated-reader.ts';
import type { PortFactory } from '../../devices/serial.ts';
import type { HallConfig, ReaderConfig } from '../config/schema.ts';

interface FleetReader {
  config: ReaderConfig;
  reader: SerialIdCardReader;
  simulated: SimulatedIdReader | null;
  timer: NodeJS.Timeout | null;
}

export interface ReaderFleetOptions {
  pollIntervalMs: number;
  retryMs: number;
  onCard: (readerId: string, identity: CardIdentity) => void;
  onStatus: (readerId: string, condition: ReaderCondition) => void;
}

export type ReaderFleet = ReturnType<typeof createReaderFleet>;

const realPort: PortFactory = (settings) => new SerialPort(settings);

export function createReaderFleet(config: HallConfig, options: ReaderFleetOptions) {
  let stopped = false;
  const readers = config.readers.map((readerConfig): FleetReader => {
    const simulated = readerConfig.port ? null : new SimulatedIdReader();
    const settings = readerConfig.port ?? { path: simulated!.path, baudRate: 115200 };
    const reader = new SerialIdCardReader(settings, simulated?.factory ?? realPort);
    reader.on('card', (identity) => options.onCard(readerConfig.id, identity));
    reader.on('status', (condition) => options.onStatus(readerConfig.id, condition));
    return { config: readerConfig, reader, simulated, timer: null };
  });

  const schedule = (entry: FleetReader, delay: number, work: () => Promise<void>) => {
    if (stopped) return;
    entry.timer = setTimeout(() => void work(), delay);
    entry.timer.unref();
  };

  async function connect(entry: FleetReader): Promise<void> {
    try {
      await entry.reader.open();
      schedule(entry, options.pollIntervalMs, () => poll(entry));
    } catch {
      schedule(entry, options.retryMs, () => connect(entry));
    }
  }

  async function poll(entry: FleetReader): Promise<void> {
    await entry.reader.poll();
    if (entry.reader.condition === 'disconnected') schedule(entry, options.retryMs, () => connect(entry));
    else schedule(entry, options.pollIntervalMs, () => poll(entry));
  }

  return {
    start: () => readers.forEach((entry) => void connect(entry)),
    async stop(): Promise<void> {
      stopped = true;
      for (const entry of readers) if (entry.timer) clearTimeout(entry.timer);
      await Promise.all(readers.map((entry) => entry.reader.close()));
    },
    /** The simulated reader behind `id`, for placing a test card; undefined for real readers. */
    simulated: (id: string) => readers.find((entry) => entry.config.id === id)?.simulated ?? undefined,
    conditions: () => readers.map((entry) => ({ id: entry.config.id, name: entry.config.name, condition: entry.reader.condition })),
  };
}
