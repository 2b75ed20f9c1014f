// A hall server in a child process that a test kills with SIGKILL while a print job is
// unfinished: `node --import tsx tests/support/print-crash-child.ts DATA_DIR MODE`.
//   paper-out  the simulated printer P1 reports paper out; a kiosk ticket is issued and its job
//              waits (never sent).
//   mid-write  P1 is ready; a kiosk ticket is issued and the printer receives the first half of
//              its bytes (no cut, so no finished paper), then the write never completes.
// The process reports over IPC ({ type: 'issued', ticketId, number } and then
// { type: 'paper-out-waiting' | 'in-flight' }) and stays up until it is killed.
import { pairDevice, startHall } from './hall.ts';
import { registerAtKiosk } from './registration.ts';

export type CrashMode = 'paper-out' | 'mid-write';
export type CrashMessage =
  | { type: 'issued'; ticketId: string; number: string; printState: string }
  | { type: 'paper-out-waiting' | 'in-flight' };

const [dir, mode] = process.argv.slice(2) as [string, CrashMode];
const send = (message: CrashMessage) => process.send!(message);

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const hall = await startHall({}, dir);
const { fleet } = hall.app.hall;
const p1 = fleet.get('P1')!;
await until(() => fleet.condition('P1') === 'ready', 'P1 ready');

let inFlight: (() => void) | null = null;
if (mode === 'paper-out') {
  p1.simulated!.status[4] = 0x12 | 0x60; // paper end sensors
  await p1.printer.status();
  await until(() => fleet.condition('P1') === 'paper_out', 'P1 paper out');
} else {
  const print = p1.printer.print.bind(p1.printer);
  p1.printer.print = async (bytes: Buffer) => {
    await print(bytes.subarray(0, Math.floor(bytes.length / 2)));
    inFlight?.();
    await new Promise<never>(() => undefined); // the rest is never written: the process dies here
  };
}
const wroteHalf = new Promise<void>((resolve) => (inFlight = resolve));

const kiosk = await pairDevice(hall, 'kiosk');
const { ticket } = await registerAtKiosk(hall.app, kiosk);
send({ type: 'issued', ticketId: ticket.id, number: ticket.number, printState: ticket.printState });

if (mode === 'paper-out') {
  send({ type: 'paper-out-waiting' });
} else {
  await wroteHalf;
  send({ type: 'in-flight' });
}
