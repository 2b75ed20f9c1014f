// A printer or ID card reader on a kiosk PC, run by that kiosk's device agent (devices/agent/):
// the server's stand-in implements the same driver interface as a local device, so the fleet,
// the print worker and the realtime bridge treat both alike. Its condition is what the agent
// last reported, or `agent_offline` while no agent is connected. A print job is handed to the
// agent and counts as printed only when the agent answers that the printer's status after
// printing confirmed it; a connection lost while the job is out rejects it, so the job stays
// pending and is handed again once the agent is back (its journal keeps a re-handed job that
// already came out from printing twice).
import { EventEmitter } from 'node:events';
import type { PrintJobAck, PrintJobOrder } from '../../common/contract/agent.ts';
import type { CardIdentity } from '../../common/contract/devices.ts';
import type { IdCardReader, PrintOptions, PrinterEvents, ReaderCondition, ReaderEvents, TicketPrinter } from '../../devices/driver.ts';
import { CardReadError } from '../../devices/id-reader/identity.ts';
import { PrinterNotReadyError, PrintNotConfirmedError } from '../../devices/printer/serial-printer.ts';
import { canPrint, type PrinterCondition } from '../../devices/printer/status.ts';

/** The connection to one agent, as the stand-ins need it. */
export interface AgentLink {
  /** The agent's device id, for log lines. */
  deviceId: string;
  /** Hands a job to the agent and waits for its answer (rejects after `timeoutMs`). */
  sendJob(job: PrintJobOrder, timeoutMs: number): Promise<PrintJobAck>;
}

/** How long the agent may take to print one ticket and confirm it (several status rounds and the ticket's wire time). */
export const AGENT_ACK_TIMEOUT_MS = 30_000;

/** The connection an agent stand-in is using, and what to do when it goes. */
class AgentAttachment<Condition extends string> {
  link: AgentLink | null = null;
  private readonly inFlight = new Set<(err: Error) => void>();

  constructor(private readonly setCondition: (condition: Condition) => void, private readonly offline: Condition) {}

  attach(link: AgentLink): void {
    if (this.link && this.link !== link) this.detach(this.link);
    this.link = link;
  }

  /** The agent went away: jobs out with it are not printed as far as the server knows. */
  detach(link: AgentLink): void {
    if (link !== this.link) return;
    this.link = null;
    for (const reject of this.inFlight) reject(new Error('device agent disconnected'));
    this.inFlight.clear();
    this.setCondition(this.offline);
  }

  /** Waits for `work`, or rejects as soon as the agent goes. */
  whileAttached<T>(work: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const lost = (err: Error) => reject(err);
      this.inFlight.add(lost);
      work.then(resolve, reject).finally(() => this.inFlight.delete(lost));
    });
  }
}

export class AgentPrinter extends EventEmitter<PrinterEvents> implements TicketPrinter {
  condition: PrinterCondition = 'agent_offline';
  readonly agent = new AgentAttachment<PrinterCondition>((c) => this.setCondition(c), 'agent_offline');

  constructor(
    readonly printerId: string,
    private readonly ackTimeoutMs = AGENT_ACK_TIMEOUT_MS,
  ) {
    super();
  }

  get path(): string {
    return `agent:${this.agent.link?.deviceId ?? '-'}`;
  }

  async open(): Promise<void> {}

  async status(): Promise<PrinterCondition> {
    return this.condition;
  }

  async close(): Promise<void> {
    if (this.agent.link) this.agent.detach(this.agent.link);
  }

  /** The condition the agent reported for its printer. */
  report(link: AgentLink, condition: PrinterCondition): void {
    if (link === this.agent.link) this.setCondition(condition);
  }

  async print(bytes: Buffer, options: PrintOptions = {}): Promise<void> {
    const link = this.agent.link;
    if (!link || !canPrint(this.condition)) throw new PrinterNotReadyError(this.condition);
    const key = options.key ?? `unkeyed-${Date.now()}`;
    const reply = await this.agent.whileAttached(link.sendJob({ key, printerId: this.printerId, bytes }, this.ackTimeoutMs));
    if (!reply.ok) throw new PrintNotConfirmedError((reply.error as PrinterCondition) ?? 'error');
  }

  private setCondition(condition: PrinterCondition): void {
    if (condition === this.condition) return;
    this.condition = condition;
    this.emit('status', condition);
  }
}

export class AgentReader extends EventEmitter<ReaderEvents> implements IdCardReader {
  condition: ReaderCondition = 'agent_offline';
  readonly agent = new AgentAttachment<ReaderCondition>((c) => this.setCondition(c), 'agent_offline');

  constructor(readonly readerId: string) {
    super();
  }

  get path(): string {
    return `agent:${this.agent.link?.deviceId ?? '-'}`;
  }

  async open(): Promise<void> {}

  async status(): Promise<ReaderCondition> {
    return this.condition;
  }

  async close(): Promise<void> {
    if (this.agent.link) this.agent.detach(this.agent.link);
  }

  report(link: AgentLink, condition: ReaderCondition): void {
    if (link === this.agent.link) this.setCondition(condition);
  }

  /** A card the agent read on this reader. */
  card(link: AgentLink, identity: CardIdentity): void {
    if (link === this.agent.link) this.emit('card', identity);
  }

  /** A card on this reader the agent could not read. */
  readFailed(link: AgentLink): void {
    if (link === this.agent.link) this.emit('readError', new CardReadError('the card could not be read at the kiosk (reported by its device agent)'));
  }

  private setCondition(condition: ReaderCondition): void {
    if (condition === this.condition) return;
    this.condition = condition;
    this.emit('status', condition);
  }
}
