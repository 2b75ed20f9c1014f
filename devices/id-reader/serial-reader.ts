// A resident ID card reader on a serial port: SAM check at open, then a poll loop that finds a
// card, reads it once, and waits for it to leave before reading again. Identities are emitted to
// the caller only (never logged); a bad read becomes one `readError` (its message names no
// personal data), and the same card is tried again only after a pause, or at once when put back.
// A reader that stopped answering is `offline` until it answers again (SAM re-checked).
import { EventEmitter } from 'node:events';
import type { IdCardReader, ReaderCondition, ReaderEvents } from '../driver.ts';
import { RequestChannel } from '../request-channel.ts';
import { closePort, openPort, writeAll, type Port, type PortFactory, type SerialSettings } from '../serial.ts';
import { COMMANDS, commandFrame, ReplyParser, STATUS, type Reply } from './frame.ts';
import { CardReadError, parseTextBlock, splitReadReply, type CardIdentity } from './identity.ts';

export type { ReaderCondition, ReaderEvents };

export interface ReaderOptions {
  /** Pauses before reading a card again that failed to read while it stays on the reader. */
  readRetryMs?: readonly number[];
}

export class SerialIdCardReader extends EventEmitter<ReaderEvents> implements IdCardReader {
  condition: ReaderCondition = 'disconnected';
  private port: Port | null = null;
  private readonly channel: RequestChannel<Reply>;
  private readonly readRetryMs: readonly number[];
  private cardPresent = false;
  /** Failed reads of the card lying on the reader, and when to try it again. */
  private failedReads = 0;
  private retryAt = 0;

  constructor(
    private readonly settings: SerialSettings,
    private readonly createPort: PortFactory,
    replyTimeoutMs = 1_000,
    options: ReaderOptions = {},
  ) {
    super();
    this.channel = new RequestChannel(replyTimeoutMs);
    this.readRetryMs = options.readRetryMs ?? [3_000, 10_000, 30_000];
  }

  /** The configured port, for messages about it. */
  get path(): string {
    return this.settings.path;
  }

  async open(): Promise<void> {
    const port = await openPort(this.createPort, this.settings);
    this.port = port;
    const parser = port.pipe(new ReplyParser());
    parser.on('data', (reply: Reply) => this.channel.deliver(reply));
    // A corrupt frame is never delivered: the command waiting for it times out (a read error
    // while reading a card, `offline` otherwise).
    parser.on('frame-error', () => undefined);
    port.on('close', (err?: Error & { disconnected?: boolean }) => {
      this.port = null;
      this.setCondition('disconnected');
      if (err?.disconnected) this.emit('disconnected', err);
    });
    await this.checkSam();
  }

  /** Asks the SAM module's status: `ready`, `sam_error`, or `offline` without a proper answer. */
  private async checkSam(): Promise<void> {
    try {
      const sam = await this.transact(COMMANDS.samStatus);
      this.setCondition(sam.sw3 === STATUS.ok ? 'ready' : 'sam_error');
    } catch {
      if (this.port) this.setCondition('offline');
    }
  }

  close(): Promise<void> {
    return closePort(this.port);
  }

  /** The driver interface's status round: one round of the poll loop. */
  async status(): Promise<ReaderCondition> {
    await this.poll();
    return this.condition;
  }

  /** One round of the poll loop; returns the identity when a new card was read. */
  async poll(): Promise<CardIdentity | null> {
    if (this.condition === 'offline' || this.condition === 'sam_error') {
      await this.checkSam();
      if ((this.condition as ReaderCondition) !== 'ready') return null;
    }
    let found: Reply;
    try {
      found = await this.transact(COMMANDS.findCard);
    } catch {
      if (this.port) this.setCondition('offline');
      return null;
    }
    if (found.sw3 !== STATUS.cardFound) {
      this.cardPresent = false;
      this.failedReads = 0;
      return null;
    }
    if (this.cardPresent || (this.failedReads > 0 && Date.now() < this.retryAt)) return null;
    try {
      const selected = await this.transact(COMMANDS.selectCard);
      if (selected.sw3 !== STATUS.ok) return null;
      const read = await this.transact(COMMANDS.readTextPhoto);
      if (read.sw3 !== STATUS.ok) throw new CardReadError(`read answered 0x${read.sw3.toString(16)}`);
      const identity = parseTextBlock(splitReadReply(read.data).text);
      this.cardPresent = true;
      this.failedReads = 0;
      this.emit('card', identity);
      return identity;
    } catch (err) {
      if (!this.port) return null;
      // The reader answered the find, so the card (or its reply) is at fault, not the reader.
      this.retryAt = Date.now() + this.readRetryMs[Math.min(this.failedReads, this.readRetryMs.length - 1)]!;
      this.failedReads++;
      this.emit('readError', err instanceof CardReadError ? err : new CardReadError(`no proper reply to a read (${(err as Error).message})`));
      return null;
    }
  }

  private setCondition(condition: ReaderCondition): void {
    if (condition === this.condition) return;
    this.condition = condition;
    this.emit('status', condition);
  }

  /** One command and its reply; commands are serialised and the timeout starts after the write. */
  private transact(command: readonly [number, number]): Promise<Reply> {
    const what = `command ${command.map((b) => b.toString(16).padStart(2, '0')).join(' ')}`;
    return this.channel.serialised(() => this.channel.request(() => writeAll(this.port, commandFrame(command)), what));
  }
}
