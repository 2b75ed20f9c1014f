// The device agent on a kiosk PC: opens the kiosk's own printer and ID card reader with the same
// drivers and keeper as the server uses, and connects to the hall server over Socket.IO with the
// kiosk's device token (handshake `agent: true`). It reports the devices' conditions, hands card
// reads to the server (which sends them to this kiosk only), and prints the jobs the server
// hands it: the answer goes back only after the printer's status after printing confirmed the
// ticket, and the job's key is journaled first, so a job handed again after a lost answer is
// acknowledged without a second ticket. Socket.IO reconnects by itself with backoff and jitter.
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type { AgentClientToServerEvents, AgentServerToClientEvents, AgentStatus, AgentWelcome, PrintJobAck, PrintJobOrder } from '../../common/contract/agent.ts';
import { createPrinterDriver, createReaderDriver, type PrinterSpec, type ReaderSpec } from '../factory.ts';
import { DeviceKeeper, KEEPER_DEFAULTS, type KeeperOptions } from '../keeper.ts';
import type { PortFactory } from '../serial.ts';
import type { AgentLog } from './agent-log.ts';
import { PrintJournal } from './journal.ts';

export interface AgentOptions {
  server: string;
  token: string;
  /** Where the journal (and a simulated printer's previews) live. */
  dir: string;
  /** The kiosk's printer on this PC (null: none). */
  printer: PrinterSpec | null;
  reader: ReaderSpec | null;
  log: AgentLog;
  createPort?: PortFactory;
  keeper?: Partial<Record<'printer' | 'reader', KeeperOptions>>;
  /** Socket.IO's reconnection pauses: from `delayMs`, doubling (with jitter) up to `maxDelayMs`. */
  reconnect?: { delayMs: number; maxDelayMs: number };
}

export interface AgentEvents {
  welcome: [welcome: AgentWelcome];
  /** A job arrived (its key). */
  job: [key: string];
  /** A job came out of the printer, confirmed, and was journaled. */
  printed: [key: string];
  connected: [];
  disconnected: [reason: string];
}

export type DeviceAgent = ReturnType<typeof startAgent>;

export function startAgent(options: AgentOptions) {
  const { log } = options;
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const events = new EventEmitter<AgentEvents>();
  const journal = new PrintJournal(join(options.dir, 'printed-jobs.txt'));
  const printer = options.printer ? createPrinterDriver(options.printer, join(options.dir, 'printed'), options.createPort) : null;
  const reader = options.reader ? createReaderDriver(options.reader, {}, options.createPort) : null;
  const printerKeeper = printer
    ? new DeviceKeeper(printer.driver, options.keeper?.printer ?? KEEPER_DEFAULTS.printer, { label: `打印机（${printer.driver.path}）`, fields: { device: 'printer' }, log: logAdapter(log) })
    : null;
  const readerKeeper = reader
    ? new DeviceKeeper(reader.driver, options.keeper?.reader ?? KEEPER_DEFAULTS.reader, { label: `读卡器（${reader.driver.path}）`, fields: { device: 'reader' }, log: logAdapter(log) })
    : null;
  let killed = false;
  let stopped = false;

  const socket: Socket<AgentServerToClientEvents, AgentClientToServerEvents> = io(options.server, {
    auth: { token: options.token, agent: true },
    transports: ['websocket'],
    reconnectionDelay: options.reconnect?.delayMs ?? 500,
    reconnectionDelayMax: options.reconnect?.maxDelayMs ?? 10_000,
    randomizationFactor: 0.5,
  });

  const status = (): AgentStatus => {
    const s: AgentStatus = {};
    if (printer && printer.driver.condition !== 'agent_offline') s.printer = printer.driver.condition;
    if (reader && reader.driver.condition !== 'agent_offline') s.reader = reader.driver.condition;
    return s;
  };
  const report = () => {
    if (socket.connected) socket.emit('agent:status', status());
  };

  socket.on('connect', () => {
    retries = 0;
    log.info('已连接大厅服务器。', { server: options.server });
    report();
    events.emit('connected');
  });
  // Socket.IO reconnects by itself after a lost connection, but not after the server closed the
  // socket (a server restart or shutdown) or refused the handshake: then the agent tries again
  // itself, with the same growing pauses (a refused token only every minute).
  const backoff = options.reconnect ?? { delayMs: 500, maxDelayMs: 10_000 };
  let retries = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  const retryLater = (delayMs: number) => {
    if (killed || stopped || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (!socket.connected && !killed && !stopped) socket.connect();
    }, delayMs);
  };
  const nextDelay = () => Math.min(backoff.maxDelayMs, backoff.delayMs * 2 ** retries++) * (0.75 + Math.random() * 0.5);
  socket.on('disconnect', (reason) => {
    log.warn('与大厅服务器的连接已断开，正在自动重连。', { reason });
    events.emit('disconnected', reason);
    if (reason === 'io server disconnect') retryLater(nextDelay());
  });
  socket.on('connect_error', (err) => {
    const refused = err.message === 'device_revoked' || err.message === 'unauthenticated' || err.message === 'forbidden';
    if (refused) {
      log.warn('大厅服务器拒绝了本机的设备令牌（可能已被管理员注销）。请在控制台重新生成配对码，用 --pair 重新配对。', { error: err.message });
    } else {
      log.warn('连不上大厅服务器，稍后自动重试。', { error: err.message });
    }
    // `active` is false when the server refused the handshake: Socket.IO will not try again.
    if (!socket.active) retryLater(refused ? 60_000 : nextDelay());
  });
  socket.on('agent:welcome', (welcome) => {
    log.info(`大厅服务器确认：本机为自助机 ${welcome.name}。`, { printer: welcome.printer?.id ?? null, reader: welcome.reader?.id ?? null });
    if (welcome.printer && !printer) log.warn(`服务器由本机打印 ${welcome.printer.name} 的号票，但本机没有配置打印机。`);
    if (welcome.reader && !reader) log.warn(`服务器期待本机的读卡器 ${welcome.reader.name}，但本机没有配置读卡器。`);
    events.emit('welcome', welcome);
  });

  printerKeeper?.on('status', (condition) => {
    log.info('打印机状态变化。', { condition });
    report();
  });
  readerKeeper?.on('status', (condition) => {
    log.info('读卡器状态变化。', { condition });
    report();
  });
  // A card goes to the server right away, or nowhere (the person can type the number instead).
  reader?.driver.on('card', (identity) => {
    log.info('读到一张身份证，已交给本机自助机。');
    if (socket.connected) socket.emit('agent:card', identity);
  });
  reader?.driver.on('readError', (err) => {
    log.warn('读卡失败，已请来访人重新放置身份证。', { reason: err.message });
    if (socket.connected) socket.emit('agent:card-error');
  });

  const inFlight = new Map<string, Promise<PrintJobAck>>();
  async function printOnce(job: PrintJobOrder): Promise<PrintJobAck> {
    const driver = printer!.driver;
    if (killed) return new Promise<never>(() => undefined);
    try {
      await driver.print(Buffer.from(job.bytes));
    } catch (err) {
      log.warn('号票没有打出，等打印机恢复后服务器会重新发送。', { job: job.key, condition: driver.condition, reason: (err as Error).message });
      return { ok: false, error: driver.condition, message: (err as Error).message };
    }
    if (killed) return new Promise<never>(() => undefined); // a killed process says nothing more
    journal.add(job.key);
    log.info('号票已打出。', { job: job.key });
    events.emit('printed', job.key);
    return { ok: true, data: { printed: 'now' } };
  }
  socket.on('print:job', (job, ack) => {
    if (typeof ack !== 'function') return;
    events.emit('job', job.key);
    const answer = (reply: PrintJobAck) => void (killed || ack(reply));
    if (!printer) return answer({ ok: false, error: 'disconnected', message: 'no printer on this kiosk PC' });
    if (journal.has(job.key)) {
      log.info('这张号票已经打出过，不再重复打印。', { job: job.key });
      return answer({ ok: true, data: { printed: 'before' } });
    }
    let running = inFlight.get(job.key);
    if (!running) {
      running = printOnce(job).finally(() => inFlight.delete(job.key));
      inFlight.set(job.key, running);
    }
    void running.then(answer);
  });

  printerKeeper?.start();
  readerKeeper?.start();

  return {
    events,
    socket,
    printer,
    reader,
    /** Stops cleanly: disconnects and closes the ports. */
    async stop(): Promise<void> {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      socket.disconnect();
      await Promise.all([printerKeeper?.stop(), readerKeeper?.stop()]);
    },
    /** For tests: ends like a killed process — the connection drops, nothing more is answered or journaled. */
    async kill(): Promise<void> {
      killed = true;
      if (retryTimer) clearTimeout(retryTimer);
      socket.io.reconnection(false);
      socket.io.engine?.close();
      socket.disconnect();
      await Promise.all([printerKeeper?.stop(), readerKeeper?.stop()]);
    },
  };
}

function logAdapter(log: AgentLog) {
  return { info: (fields: object, msg: string) => log.info(msg, fields), warn: (fields: object, msg: string) => log.warn(msg, fields) };
}
