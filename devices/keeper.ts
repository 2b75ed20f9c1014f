// The one device keeper: keeps a driver connected whatever its kind. It opens it, asks its status
// at an interval, and after a failed open or a lost port tries again with growing pauses (the
// backoff lives here only). A port that will not open is logged once per reason, in plain words.
// Faults become status changes, never exceptions, and never end the process.
import { EventEmitter } from 'node:events';
import type { DeviceDriver } from './driver.ts';
import { describeOpenFailure, type OpenFailure } from './serial.ts';

export interface KeeperLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface KeeperOptions {
  pollIntervalMs: number;
  /** Pauses between reconnection attempts; the last one repeats. */
  backoffMs: readonly number[];
}

/** The steps per kind of device, in one place. */
export const KEEPER_DEFAULTS = {
  /** A printer is asked its status every 3 s; a lost one is reopened after 0.5 s, 1 s, 2 s, 5 s, then every 10 s. */
  printer: { pollIntervalMs: 3_000, backoffMs: [500, 1_000, 2_000, 5_000, 10_000] },
  /** A reader is polled for a card every 0.5 s; a lost one is reopened every 5 s. */
  reader: { pollIntervalMs: 500, backoffMs: [5_000] },
} satisfies Record<string, KeeperOptions>;

export interface KeeperIdentity {
  /** Names the device in log lines, e.g. `打印机 1号打印机（P1）`. */
  label: string;
  /** Extra fields for the log lines, e.g. `{ printer: 'P1' }`. */
  fields: object;
  log?: KeeperLog;
}

export class DeviceKeeper<Condition extends string> extends EventEmitter<{ status: [Condition] }> {
  private timer: NodeJS.Timeout | null = null;
  private attempt = 0;
  private stopped = true;
  /** Why the port last failed to open, so each change is logged once. */
  private openFailure: OpenFailure | null = null;

  constructor(
    readonly driver: DeviceDriver<Condition>,
    private readonly options: KeeperOptions,
    private readonly identity: KeeperIdentity = { label: driver.path, fields: {} },
  ) {
    super();
    driver.on('status', (condition) => {
      this.emit('status', condition);
      // A lost port (unplugged cable, closed by the device) is reopened after a pause.
      if (condition === 'disconnected') this.schedule(this.nextBackoff(), () => this.connect());
    });
  }

  get condition(): Condition {
    return this.driver.condition;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.driver.close();
  }

  private async connect(): Promise<void> {
    const { label, fields, log } = this.identity;
    try {
      await this.driver.open();
    } catch (err) {
      const failure = describeOpenFailure(this.driver.path, err as Error);
      if (failure.kind !== this.openFailure) {
        this.openFailure = failure.kind;
        log?.warn({ ...fields, port: this.driver.path, reason: failure.kind, error: (err as Error).message }, `${label}：${failure.message}`);
      }
      this.schedule(this.nextBackoff(), () => this.connect());
      return;
    }
    if (this.stopped) return void (await this.driver.close());
    if (this.openFailure) log?.info({ ...fields, port: this.driver.path }, `${label}的端口已能打开。`);
    this.openFailure = null;
    this.attempt = 0;
    this.schedule(this.options.pollIntervalMs, () => this.poll());
  }

  private async poll(): Promise<void> {
    const condition = await this.driver.status();
    // A lost port has already scheduled its reconnection (see the status listener).
    if (condition !== 'disconnected') this.schedule(this.options.pollIntervalMs, () => this.poll());
  }

  private nextBackoff(): number {
    const steps = this.options.backoffMs;
    return steps[Math.min(this.attempt++, steps.length - 1)]!;
  }

  private schedule(delayMs: number, work: () => Promise<void>): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void work(), delayMs);
    this.timer.unref();
  }
}
