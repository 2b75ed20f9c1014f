// `npx tsx tests/bench/agent-printing.ts` — not a test. Printing through a kiosk's device agent
// against the same printer attached to the server (both the simulated printer: the same serial
// driver over serialport's mock binding, no line delay, so the figures are the software's):
//  1. time from submitting a registration at the kiosk to the ticket's cut reaching the printer
//     (median and worst of 20, one at a time);
//  2. tickets per second: 50 jobs queued while the paper is out, then paper in, until the 50th cut.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startAgent } from '../../devices/agent/agent.ts';
import type { SimulatedPrinter } from '../../devices/printer/simulated-printer.ts';
import { enrolDevice, startHall, type Hall } from '../support/hall.ts';
import { idNumber, registerAtKiosk } from '../support/registration.ts';

let person = 0;
/** Someone not yet waiting (一人一号 would answer with their first ticket). */
const next = () => {
  const sequence = ++person;
  const day = String(1 + (sequence % 28)).padStart(2, '0');
  return { petitioner: { idNumber: idNumber(`196003${day}`, 100 + Math.floor(sequence / 28)), birthDate: `1960-03-${day}`, gender: (Math.floor(sequence / 28) % 2 === 1 ? 'male' : 'female') as 'male' | 'female' } };
};

const ROUNDS = 20;
const BURST = 50;

async function pairKiosk(h: Hall, name: string): Promise<string> {
  return enrolDevice(h, { kind: 'kiosk', name, printerId: 'P1', readerId: 'R1' });
}

const until = async (done: () => boolean) => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 2));
};

async function measure(viaAgent: boolean) {
  const hall = await startHall({
    printers: [{ id: 'P1', name: '1号', agent: viaAgent }],
    readers: [{ id: 'R1', name: '1号', agent: viaAgent }],
    printing: { lateAfterSeconds: 600, failAfterSeconds: 600 },
    auth: { kioskIssuePerMinute: 10_000 },
  });
  const kiosk = await pairKiosk(hall, '1号自助机');
  const agentDir = mkdtempSync(join(tmpdir(), 'bench-agent-'));
  let printer: SimulatedPrinter;
  let stop = async () => undefined as void;
  /** Asks the printer's status now (instead of waiting for the next poll). */
  let poll = () => hall.app.hall.fleet.get('P1')!.printer.status();
  if (viaAgent) {
    const agent = startAgent({
      server: hall.url,
      token: await pairKiosk(hall, '1号设备代理'),
      dir: agentDir,
      printer: { codepage: 'gb18030' },
      reader: {},
      log: { info: () => undefined, warn: () => undefined },
    });
    printer = agent.printer!.simulated!;
    poll = () => agent.printer!.driver.status();
    stop = () => agent.stop();
  } else {
    printer = hall.app.hall.fleet.get('P1')!.simulated!;
  }
  await until(() => hall.app.hall.fleet.condition('P1') === 'ready');

  let cuts = 0;
  const count = () => {
    cuts++;
    printer.afterNextTicket = count;
  };
  printer.afterNextTicket = count;

  const latencies: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const before = cuts;
    const start = performance.now();
    await registerAtKiosk(hall.app, kiosk, next());
    await until(() => cuts > before);
    latencies.push(performance.now() - start);
  }
  latencies.sort((a, b) => a - b);

  // The burst: queued while the paper is out (the printer is asked every 3 s), then printed.
  printer.status[4] = 0x12 | 0x60;
  await poll();
  await until(() => hall.app.hall.fleet.condition('P1') === 'paper_out');
  for (let i = 0; i < BURST; i++) await registerAtKiosk(hall.app, kiosk, next());
  const before = cuts;
  printer.status[4] = 0x12;
  const start = performance.now();
  await poll();
  await until(() => cuts - before >= BURST);
  const burstMs = performance.now() - start;

  await stop();
  await hall.close();
  rmSync(agentDir, { recursive: true, force: true });
  return { median: latencies[Math.floor(ROUNDS / 2)]!, worst: latencies.at(-1)!, perSecond: (BURST * 1000) / burstMs };
}

for (const viaAgent of [false, true]) {
  const r = await measure(viaAgent);
  console.log(
    `${viaAgent ? 'through the device agent' : 'server-attached         '}: submit → cut median ${r.median.toFixed(1)} ms, worst ${r.worst.toFixed(1)} ms; ${r.perSecond.toFixed(1)} tickets/s`,
  );
}
process.exit(0);
