// The device agent of a kiosk PC against a real hall server (in-process, listening on a port):
// its simulated printer and reader are the same drivers over serialport's mock binding. Print,
// paper out → wait → print once, a card to its own kiosk only, the agent offline at the desk and
// the kiosk, and exactly one ticket on paper when the agent is killed mid-print, the network is
// cut or the server restarts while the job is out.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startAgent, type DeviceAgent } from '../../devices/agent/agent.ts';
import { SAMPLE_CARD } from '../../devices/id-reader/sample-card.ts';
import { connectSocket, enrolDevice, startHall, type Hall } from '../support/hall.ts';
import { registerAtKiosk } from '../support/registration.ts';

let hall: Hall | undefined;
let agents: DeviceAgent[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(agents.map((a) => a.stop()));
  agents = [];
  await hall?.close();
  hall = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const WAIT = { timeout: 10_000 };
const AGENT_HALL = {
  printers: [{ id: 'P1', name: '1号自助机打印机', agent: true }, { id: 'P2', name: '服务台打印机' }],
  readers: [{ id: 'R1', name: '1号自助机读卡器', agent: true }, { id: 'R2', name: '2号自助机读卡器' }],
  printing: { deskPrinter: 'P2' },
};

async function pairKiosk(h: Hall, printerId: string, readerId: string, name = '1号自助机'): Promise<string> {
  return enrolDevice(h, { kind: 'kiosk', name, printerId, readerId });
}

function runAgent(url: string, token: string, dir: string, reconnect = { delayMs: 100, maxDelayMs: 500 }): DeviceAgent {
  const agent = startAgent({
    server: url,
    token,
    dir,
    printer: { codepage: 'gb18030' }, // no port: the simulated printer, filing each ticket up to its cut
    reader: {},
    log: { info: () => undefined, warn: () => undefined },
    keeper: { printer: { pollIntervalMs: 200, backoffMs: [50, 100] }, reader: { pollIntervalMs: 100, backoffMs: [50] } },
    reconnect,
  });
  agents.push(agent);
  return agent;
}

/** The tickets that came out whole on the agent's printer. */
const papers = (dir: string) => {
  const folder = join(dir, 'printed');
  return readdirSync(folder)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(folder, f), 'utf8'));
};

async function setUp(reconnect?: { delayMs: number; maxDelayMs: number }) {
  hall = await startHall(AGENT_HALL);
  const kiosk = await pairKiosk(hall, 'P1', 'R1');
  const agentToken = await pairKiosk(hall, 'P1', 'R1', '1号自助机设备代理');
  const dir = mkdtempSync(join(tmpdir(), 'hall-agent-'));
  dirs.push(dir);
  const agent = runAgent(hall.url, agentToken, dir, reconnect);
  await vi.waitFor(() => expect(hall!.app.hall.fleet.condition('P1')).toBe('ready'), WAIT);
  return { kiosk, agentToken, dir, agent };
}

const printState = (ticketId: string) => hall!.app.hall.store.tickets.get(ticketId)!.printState;

describe('device agent', () => {
  it('prints a kiosk ticket on the kiosk PC and the server marks it printed', async () => {
    const { kiosk, dir } = await setUp();
    const { ticket } = await registerAtKiosk(hall!.app, kiosk);
    await vi.waitFor(() => expect(printState(ticket.id)).toBe('printed'), WAIT);
    const [paper, ...more] = papers(dir);
    expect(more).toEqual([]);
    expect(paper).toContain(ticket.number);
    expect(paper).toContain('切纸');
  });

  it('waits while the paper is out and prints the ticket once when paper is back', async () => {
    const { kiosk, dir, agent } = await setUp();
    const staff = await connectSocket(hall!.url, { cookie: hall!.admin });
    agent.printer!.simulated!.status[4] = 0x12 | 0x60; // paper out
    await staff.waitFor((f) => f.event === 'device:status' && f.payload.id === 'P1' && f.payload.condition === 'paper_out', 10_000);
    const { ticket } = await registerAtKiosk(hall!.app, kiosk);
    expect(ticket.printState).toBe('failed'); // the kiosk tells the person at once
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(papers(dir)).toEqual([]);
    agent.printer!.simulated!.status[4] = 0x12; // a new roll
    await vi.waitFor(() => expect(printState(ticket.id)).toBe('printed'), WAIT);
    expect(papers(dir)).toHaveLength(1);
    staff.close();
  });

  it('delivers a card to its own kiosk only; the desk and the kiosk see the agent go offline', async () => {
    const { kiosk, agent } = await setUp();
    const other = await pairKiosk(hall!, 'P2', 'R2', '2号自助机');
    const mine = await connectSocket(hall!.url, { token: kiosk });
    const theirs = await connectSocket(hall!.url, { token: other });
    const staff = await connectSocket(hall!.url, { cookie: hall!.admin });
    expect((await mine.waitFor((f) => f.event === 'devices:agent')).payload).toEqual({ online: true });

    agent.reader!.simulated!.card = SAMPLE_CARD;
    expect((await mine.waitFor((f) => f.event === 'card:read')).payload).toEqual(SAMPLE_CARD);
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const s of [theirs, staff]) expect(s.frames.map((f) => f.event)).not.toContain('card:read');
    expect(theirs.frames.map((f) => f.event)).not.toContain('devices:agent'); // its devices are the server's

    await agent.stop();
    await staff.waitFor((f) => f.event === 'device:status' && f.payload.id === 'P1' && f.payload.condition === 'agent_offline');
    await staff.waitFor((f) => f.event === 'device:status' && f.payload.id === 'R1' && f.payload.condition === 'agent_offline');
    await mine.waitFor((f) => f.event === 'devices:agent' && f.payload.online === false);
    [mine, theirs, staff].forEach((s) => s.close());
  });

  it('hears an agent only about its own kiosk’s devices, and a kiosk page not at all', async () => {
    const { kiosk } = await setUp();
    // A kiosk paired with the server's own printer and reader, pretending to run P1 and R1.
    const other = await pairKiosk(hall!, 'P2', 'R2', '2号自助机');
    const { io } = await import('socket.io-client');
    const intruder = io(hall!.url, { auth: { token: other, agent: true }, transports: ['websocket'], forceNew: true, reconnection: false });
    const welcome = await new Promise<{ printer: unknown; reader: unknown }>((resolve) => intruder.once('agent:welcome', resolve));
    expect(welcome).toMatchObject({ printer: null, reader: null }); // P2 and R2 are not agent-run
    intruder.emit('agent:status', { printer: 'paper_out', reader: 'sam_error' });
    intruder.emit('agent:card', SAMPLE_CARD);
    intruder.emit('agent:status', { printer: 'on fire' } as never); // malformed: ignored
    // The kiosk's browser page (same kind of token, no agent flag) cannot speak for the agent either.
    const page = await connectSocket(hall!.url, { token: kiosk });
    page.socket.emit('agent:status' as never, { printer: 'cover_open' });
    page.socket.emit('agent:card' as never, SAMPLE_CARD);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(hall!.app.hall.fleet.condition('P1')).toBe('ready');
    expect(hall!.app.hall.readers.conditions().find((r) => r.id === 'R1')!.condition).toBe('ready');
    expect(page.frames.map((f) => f.event)).not.toContain('card:read');
    intruder.close();
    page.close();
  });

  it('closes the agent of a revoked kiosk, and its printer goes offline', async () => {
    const { agentToken } = await setUp();
    const me = await hall!.app.inject({ method: 'GET', url: '/api/devices/me', headers: { authorization: `Bearer ${agentToken}` } });
    const revoke = await hall!.app.inject({ method: 'POST', url: `/api/devices/${me.json().device.id}/revoke`, headers: { cookie: hall!.admin } });
    expect(revoke.statusCode).toBeLessThan(300);
    await vi.waitFor(() => expect(hall!.app.hall.fleet.condition('P1')).toBe('agent_offline'), WAIT);
    await new Promise((resolve) => setTimeout(resolve, 800)); // its reconnection attempts are refused
    expect(hall!.app.hall.fleet.condition('P1')).toBe('agent_offline');
  });

  it('refuses an agent with a token that is not a kiosk’s', async () => {
    hall = await startHall(AGENT_HALL);
    const code = await hall.app.inject({ method: 'POST', url: '/api/devices/pairing-codes', headers: { cookie: hall.admin }, payload: { kind: 'display', name: '大屏' } });
    const display = (await hall.app.inject({ method: 'POST', url: '/api/devices/enrol', payload: { code: code.json().code } })).json().token;
    const dir = mkdtempSync(join(tmpdir(), 'hall-agent-'));
    dirs.push(dir);
    const agent = runAgent(hall.url, display, dir);
    const refused = await new Promise<Error>((resolve) => agent.socket.once('connect_error', resolve));
    expect(refused.message).toBe('forbidden');
    expect(hall.app.hall.fleet.condition('P1')).toBe('agent_offline');
  });
});

describe('exactly one ticket on paper through the agent', () => {
  it('when the agent is killed mid-print (half the ticket written) and started again', async () => {
    const { kiosk, agentToken, dir, agent } = await setUp();
    const driver = agent.printer!.driver;
    const print = driver.print.bind(driver);
    driver.print = async (bytes: Buffer) => {
      await print(bytes.subarray(0, Math.floor(bytes.length / 2))).catch(() => undefined);
      void agent.kill();
      await new Promise<never>(() => undefined);
    };
    const { ticket } = await registerAtKiosk(hall!.app, kiosk);
    await vi.waitFor(() => expect(hall!.app.hall.fleet.condition('P1')).toBe('agent_offline'), WAIT);
    expect(papers(dir)).toEqual([]); // half a ticket has no cut

    runAgent(hall!.url, agentToken, dir);
    await vi.waitFor(() => expect(printState(ticket.id)).toBe('printed'), WAIT);
    expect(papers(dir)).toHaveLength(1);
  });

  it('when the agent is killed after the ticket came out but before it answered (its journal)', async () => {
    const { kiosk, agentToken, dir, agent } = await setUp();
    agent.events.once('printed', () => void agent.kill());
    const { ticket } = await registerAtKiosk(hall!.app, kiosk);
    await vi.waitFor(() => expect(hall!.app.hall.fleet.condition('P1')).toBe('agent_offline'), WAIT);
    expect(printState(ticket.id)).not.toBe('printed');
    expect(papers(dir)).toHaveLength(1);

    const again = runAgent(hall!.url, agentToken, dir);
    const handed = new Promise((resolve) => again.events.once('job', resolve));
    await vi.waitFor(() => expect(printState(ticket.id)).toBe('printed'), WAIT);
    await handed; // the job was handed again, and acknowledged from the journal
    expect(papers(dir)).toHaveLength(1);
  });

  it('when the network is cut after printing, before the answer reached the server', async () => {
    const { kiosk, dir, agent } = await setUp();
    let handedOut = 0;
    agent.events.on('job', () => handedOut++);
    agent.events.once('printed', () => agent.socket.io.engine.close());
    const { ticket } = await registerAtKiosk(hall!.app, kiosk);
    await vi.waitFor(() => expect(printState(ticket.id)).toBe('printed'), WAIT);
    expect(handedOut).toBe(2);
    expect(papers(dir)).toHaveLength(1);
  });

  it('when the server is restarted (closing the agent’s socket) while the job waits for paper', async () => {
    const { kiosk, dir, agent } = await setUp();
    const port = Number(new URL(hall!.url).port);
    const hallDir = hall!.dir;
    agent.printer!.simulated!.status[4] = 0x12 | 0x60; // paper out
    await agent.printer!.driver.status();
    await vi.waitFor(() => expect(hall!.app.hall.fleet.condition('P1')).toBe('paper_out'), WAIT);
    const { ticket } = await registerAtKiosk(hall!.app, kiosk);
    await hall!.close({ keepData: true });
    hall = await startHall(AGENT_HALL, hallDir, undefined, { port });
    await vi.waitFor(() => expect(hall!.app.hall.fleet.condition('P1')).toBe('paper_out'), WAIT); // the agent is back
    expect(papers(dir)).toEqual([]);
    agent.printer!.simulated!.status[4] = 0x12;
    await vi.waitFor(() => expect(printState(ticket.id)).toBe('printed'), WAIT);
    expect(papers(dir)).toHaveLength(1);
  });

  it('when the server restarts while the job is out, and the agent reconnects by itself', async () => {
    const { kiosk, dir, agent } = await setUp();
    const port = Number(new URL(hall!.url).port);
    const hallDir = hall!.dir;
    const printed = new Promise<void>((resolve) =>
      agent.events.once('printed', () => {
        // The server goes down before it records the answer: its print worker is gone, and so is
        // the connection.
        hall!.app.hall.printWorker.stop();
        agent.socket.io.engine.close();
        resolve();
      }),
    );
    const { ticket } = await registerAtKiosk(hall!.app, kiosk);
    let handedOut = 0;
    agent.events.on('job', () => handedOut++);
    await printed;
    handedOut = 0;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(printState(ticket.id)).not.toBe('printed'); // the answer was never recorded
    await hall!.close({ keepData: true });
    hall = await startHall(AGENT_HALL, hallDir, undefined, { port });
    await vi.waitFor(() => expect(printState(ticket.id)).toBe('printed'), WAIT);
    expect(handedOut).toBeGreaterThanOrEqual(1); // handed again by the new server, answered from the journal
    expect(papers(dir)).toHaveLength(1);
  });
});
