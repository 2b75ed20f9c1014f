// A resident ID card reader on a serial port: SAM check at open, then a poll loop that finds a
// card, reads it once, and waits for it to leave before reading again. Identities are emitted to
// the caller only (never logged); bad reads become `readError`, never a crash.
import { EventEmitter } from 'node:events';
import { RequestChannel } from '../request-channel.ts';
import { closePort, openPort, writeAll, type Port, type PortFactory, type SerialSettings } from '../serial.ts';
import { COMMANDS, commandFrame, ReplyParser, STATUS, type Reply } from './frame.ts';
import { CardReadError, parseTextBlock, splitReadReply, type CardIdentity } from './identity.ts';

export type ReaderCondition = 'ready' | 'sam_error' | 'offline' | 'disconnected';

export interface ReaderEvents {
  card: [identity: CardIdentity];
  readError: [error: Error];
  status: [condition: ReaderCondition];
}

export class SerialIdCardReader extends EventEmitter<ReaderEvents> {
  condition: ReaderCondition = 'disconnected';
  private port: Port | null = null;
  private readonly channel: RequestChannel<Reply>;
  private cardPresent = false;

  constructor(
    private readonly settings: SerialSettings,
    private readonly createPort: PortFactory,
    replyTimeoutMs = 1_000,
  ) {
    super();
    this.channel = new RequestChannel(replyTimeoutMs);
  }

  async open(): Promise<void> {
    const port = await openPort(this.createPort, this.settings);
    this.port = port;
    const parser = port.pipe(new ReplyParser());
    parser.on('data', (reply: Reply) => this.channel.deliver(reply));
    parser.on('frame-error', (err: Error) => this.emit('readError', err));
    port.on('close', () => {
      this.port = null;
      this.setCondition('disconnected');
    });
    try {
      const sam = await this.transact(COMMANDS.samStatus);
      this.setCondition(sam.sw3 === STATUS.ok ? 'ready' : 'sam_error');
    } catch {
      this.setCondition('offline');
    }
  }

  close(): Promise<void> {
    return closePort(this.port);
  }

  /** One round of the poll loop; returns the identity when a new card was read. */
  async poll(): Promise<CardIdentity | null> {
    try {
      const found = await this.transact(COMMANDS.findCard);
      if (found.sw3 !== STATUS.cardFound) {
        this.cardPresent = false;
        return null;
      }
      if (this.cardPresent) return null;
      const selected = await this.transact(COMMANDS.selectCard);
      if (selected.sw3 !== STATUS.ok) return null;
      const read = await this.transact(COMMANDS.readTextPhoto);
      if (read.sw3 !== STATUS.ok) throw new CardReadError(`read answered 0x${read.sw3.toString(16)}`);
      const identity = parseTextBlock(splitReadReply(read.data).text);
      this.cardPresent = true;
      this.setCondition('ready');
      this.emit('card', identity);
      return identity;
    } catch (err) {
      if (err instanceof CardReadError) this.emit('readError', err);
      else if (this.port) this.setCondition('offline');
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
