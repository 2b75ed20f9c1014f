// The resident ID card reader's public serial frame protocol:
//   AA AA AA 96 69 | LEN (2, big-endian) | body … | CHK
// LEN counts the body and the check byte; CHK is the XOR of LEN and the body.
// Host → reader body: CMD PARA DATA…; reader → host body: SW1 SW2 SW3 DATA….
import { Transform, type TransformCallback } from 'node:stream';

const PREAMBLE = Buffer.from([0xaa, 0xaa, 0xaa, 0x96, 0x69]);

export const COMMANDS = {
  samStatus: [0x11, 0xff],
  findCard: [0x20, 0x01],
  selectCard: [0x20, 0x02],
  readTextPhoto: [0x30, 0x01],
} as const satisfies Record<string, readonly [number, number]>;

/** SW3 values the reader answers with. */
export const STATUS = { ok: 0x90, cardFound: 0x9f, noCard: 0x80, selectFailed: 0x81 } as const;

function xor(bytes: Uint8Array): number {
  let check = 0;
  for (const b of bytes) check ^= b;
  return check;
}

/** Frames a body (command + parameter + data, or a reply's status + data). */
export function encodeFrame(body: Uint8Array): Buffer {
  const length = Buffer.alloc(2);
  length.writeUInt16BE(body.length + 1);
  const checked = Buffer.concat([length, body]);
  return Buffer.concat([PREAMBLE, checked, Buffer.from([xor(checked)])]);
}

export function commandFrame(command: readonly [number, number], data: Uint8Array = new Uint8Array()): Buffer {
  return encodeFrame(Buffer.concat([Buffer.from(command), data]));
}

export interface Reply {
  sw1: number;
  sw2: number;
  sw3: number;
  data: Buffer;
}

class FrameError extends Error {}

/**
 * Reassembles frames from arbitrary chunks, re-synchronising on the preamble after noise;
 * emits each verified body as a Reply, and an 'error' event (not a crash) for a bad check byte.
 */
export class ReplyParser extends Transform {
  private pending = Buffer.alloc(0);

  constructor() {
    super({ readableObjectMode: true });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.pending = Buffer.concat([this.pending, chunk]);
    for (;;) {
      const start = this.pending.indexOf(PREAMBLE);
      if (start === -1) {
        // Keep a possible partial preamble at the end, drop the rest as noise.
        this.pending = this.pending.subarray(Math.max(0, this.pending.length - (PREAMBLE.length - 1)));
        break;
      }
      const frame = this.pending.subarray(start);
      if (frame.length < PREAMBLE.length + 2) break;
      const length = frame.readUInt16BE(PREAMBLE.length);
      const total = PREAMBLE.length + 2 + length;
      if (length < 4) {
        this.pending = frame.subarray(1);
        continue;
      }
      if (frame.length < total) break;
      const checked = frame.subarray(PREAMBLE.length, total - 1);
      this.pending = frame.subarray(total);
      if (xor(checked) !== frame[total - 1]) {
        this.emit('frame-error', new FrameError('check byte mismatch'));
        continue;
      }
      const body = checked.subarray(2);
      this.push({ sw1: body[0]!, sw2: body[1]!, sw3: body[2]!, data: Buffer.from(body.subarray(3)) } satisfies Reply);
    }
    done();
  }
}
