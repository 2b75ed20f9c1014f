// The hall's ID card readers from configuration, each polled while connected and reopened after
// a failure. A card read is handed to `onCard` with the reader's id only: personal data is never
// logged or broadcast here. A failed read is logged (the reason only, never a name or number) and
// handed to `onReadError`; a configured port that will not open is logged once per reason.
import type { CardIdentity } from '../../devices/id-reader/identity.ts';
import { SerialIdCardReader, type ReaderCondition } from '../../devices/id-reader/serial-reader.ts';
import { SimulatedIdReader } from '../../devices/id-reader/simulated-reader.ts';
import { describeOpenFailure, type OpenFailure, type PortFactory, serialPortFactory } from '../../devices/serial.ts';
import type { HallConfig, ReaderConfig } from '../config/schema.ts';

interface FleetReader {
  config: ReaderConfig;
  reader: SerialIdCardReader;
  simulated: SimulatedIdReader | null;
  timer: NodeJS.Timeout | null;
  /** Why the port last failed to open, so each change is logged once. */
  openFailure: OpenFailure | null;
}

interface ReaderLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface ReaderFleetOptions {
  pollIntervalMs: number;
  retryMs: number;
  onCard: (readerId: string, identity: CardIdentity) => void;
  onStatus: (readerId: string, condition: ReaderCondition) => void;
  /** A card on this reader could not be read (the person should place it again). */
  onReadError?: (readerId: string) => void;
  log?: ReaderLog;
  /** Pauses before re-reading a card that failed while it stays on the reader. */
  readRetryMs?: readonly number[];
}

/** What the kiosk shows when a card on its reader could not be read. */
export const CARD_UNREADABLE = '没有读出身份证信息，请将身份证取下，重新放一下。';

export type ReaderFleet = ReturnType<typeof createReaderFleet>;

const realPort: PortFactory = serialPortFactory;

export function createReaderFleet(config: HallConfig, options: ReaderFleetOptions) {
  let stopped = false;
  const readers = config.readers.map((readerConfig): FleetReader => {
    const simulated = readerConfig.port ? null : new SimulatedIdReader();
    const settings = readerConfig.port ?? { path: simulated!.path, baudRate: 115200 };
    const reader = new SerialIdCardReader(settings, simulated?.factory ?? realPort, undefined, { readRetryMs: options.readRetryMs });
    reader.on('card', (identity) => options.onCard(readerConfig.id, identity));
    reader.on('status', (condition) => options.onStatus(readerConfig.id, condition));
    reader.on('readError', (err) => {
      // The reason comes from the checks and the protocol, never from the card's text.
      options.log?.warn({ reader: readerConfig.id, reason: err.message }, `读卡器 ${readerConfig.name}（${readerConfig.id}）读卡失败，已请来访人重新放置身份证。`);
      options.onReadError?.(readerConfig.id);
    });
    return { config: readerConfig, reader, simulated, timer: null, openFailure: null };
  });

  const schedule = (entry: FleetReader, delay: number, work: () => Promise<void>) => {
    if (stopped) return;
    entry.timer = setTimeout(() => void work(), delay);
    entry.timer.unref();
  };

  async function connect(entry: FleetReader): Promise<void> {
    const { id, name } = entry.config;
    try {
      await entry.reader.open();
    } catch (err) {
      const failure = describeOpenFailure(entry.reader.path, err as Error);
      if (failure.kind !== entry.openFailure) {
        entry.openFailure = failure.kind;
        options.log?.warn({ reader: id, port: entry.reader.path, reason: failure.kind, error: (err as Error).message }, `读卡器 ${name}（${id}）：${failure.message}`);
      }
      schedule(entry, options.retryMs, () => connect(entry));
      return;
    }
    if (entry.openFailure) options.log?.info({ reader: id, port: entry.reader.path }, `读卡器 ${name}（${id}）的端口已能打开。`);
    entry.openFailure = null;
    schedule(entry, options.pollIntervalMs, () => poll(entry));
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
