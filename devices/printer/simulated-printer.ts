// The printer `npm start` uses without hardware: a device behind serialport's mock binding that
// answers status requests (ready unless told otherwise, e.g. paper out in a test) and writes
// every ticket it receives to a text preview (and the raw bytes) under the given folder, so a
// person can see what would have printed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mockSerialDevice } from '../mock-serial-device.ts';
import type { PortFactory } from '../serial.ts';
import { previewTicket } from './preview.ts';
import type { ChineseCodepage } from './ticket-layout.ts';

const CUT = Buffer.from([0x1d, 0x56]);

export interface SimulatedPrinter {
  path: string;
  factory: PortFactory;
  /** Reply byte per DLE EOT n (1 printer, 2 offline cause, 3 error cause, 4 paper sensor). */
  status: Record<1 | 2 | 3 | 4, number>;
  /** Runs once after the next whole ticket came out (a test makes the paper run out there). */
  afterNextTicket: (() => void) | null;
}

export function simulatedPrinter(outDir: string, codepage: ChineseCodepage): SimulatedPrinter {
  // Previews show what the ticket shows (possibly a name): readable by the hall's user only.
  mkdirSync(outDir, { recursive: true, mode: 0o700 });
  let pending = Buffer.alloc(0);
  let count = 0;
  const status = { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12 };
  const simulated = { status, afterNextTicket: null as (() => void) | null };
  const device = mockSerialDevice((bytes, reply) => {
    if (bytes.length === 3 && bytes[0] === 0x10 && bytes[1] === 0x04) {
      return reply(Buffer.from([status[bytes[2] as 1 | 2 | 3 | 4] ?? 0x12]));
    }
    pending = Buffer.concat([pending, bytes]);
    for (let cut = pending.indexOf(CUT); cut !== -1; cut = pending.indexOf(CUT)) {
      const ticket = pending.subarray(0, cut + 3);
      pending = pending.subarray(cut + 3);
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${String(++count).padStart(4, '0')}`;
      writeFileSync(join(outDir, `${name}.txt`), previewTicket(ticket, codepage), { mode: 0o600 });
      writeFileSync(join(outDir, `${name}.bin`), ticket, { mode: 0o600 });
      const after = simulated.afterNextTicket;
      simulated.afterNextTicket = null;
      after?.();
    }
  });
  return Object.assign(simulated, device);
}
