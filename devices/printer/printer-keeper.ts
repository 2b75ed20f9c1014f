// Keeps one printer connected: opens it, polls its status, and after an unplug or a failed open
// tries again with growing pauses. Faults become status changes, never exceptions.
import { EventEmitter } from 'node:events';
import type { SerialTicketPrinter } from './serial-printer.ts';
import type { PrinterCondition } from './status.ts';

export interface KeeperOptions {
  pollIntervalMs: number;
  /** Pauses between reconnection attempts; the last one repeats. */
  backoffMs: readonly number[];
}

export const DEFAULT_KEEPER: KeeperOptions = { pollIntervalMs: 3_000, backoffMs: [500, 1_000, 2_000, 5_000, 10_000] };

export class PrinterKeeper extends EventEmitter<{ status: [PrinterCondition] }> {
  private timer: NodeJS.Timeout | null = null;
  private attempt = 0;
  private stopped = false;

  constructor(
    readonly printer: SerialTicketPrinter,
    private readonly options: KeeperOptions = DEFAULT_KEEPER,
  ) {
    super();
    printer.on('status', (condition) => this.emit('status', condition));
    printer.on('disconnected', () => this.schedule(this.nextBackoff(), () => this.connect()));
  }

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.printer.close();
  }

  private async connect(): Promise<void> {
    try {
      await this.printer.open();
      this.attempt = 0;
      this.schedule(this.options.pollIntervalMs, () => this.poll());
    } catch {
      this.schedule(this.nextBackoff(), () => this.connect());
    }
  }

  private async poll(): Promise<void> {
    await this.printer.poll();
    if (this.printer.condition !== 'disconnected') this.schedule(this.options.pollIntervalMs, () => this.poll());
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
