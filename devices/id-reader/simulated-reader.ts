// An ID card reader simulated behind serialport's mock binding: it speaks the frame protocol and
// reads whatever card is placed on it. `npm start` uses it without hardware; tests use it too.
import { mockSerialDevice } from '../mock-serial-device.ts';
import type { PortFactory } from '../serial.ts';
import { encodeFrame, STATUS } from './frame.ts';
import { encodeTextBlock, type CardIdentity } from './identity.ts';

export class SimulatedIdReader {
  /** The card lying on the reader, if any. */
  card: CardIdentity | null = null;
  /** Answer reads with bytes that are not a frame at all. */
  garbage = false;
  /** Answer reads with a text block whose ID number fails its check character. */
  corruptText = false;
  /** Answer every command with bytes that are not a frame (a bad cable, the wrong baud rate). */
  noise = false;
  /** How many read commands it answered (a failing card must not be re-read every round). */
  reads = 0;
  readonly path: string;
  readonly factory: PortFactory;

  constructor() {
    ({ path: this.path, factory: this.factory } = mockSerialDevice((bytes, reply) => {
      const answer = (sw3: number, data: Buffer = Buffer.alloc(0)) =>
        reply(encodeFrame(Buffer.concat([Buffer.from([0x00, 0x00, sw3]), data])));
      if (this.noise) return reply(Buffer.from('\xaa\xaa\x00 noise \x96'));
      switch (`${bytes[7]?.toString(16)} ${bytes[8]?.toString(16)}`) {
        case '11 ff':
          return answer(STATUS.ok);
        case '20 1':
          return answer(this.card ? STATUS.cardFound : STATUS.noCard, Buffer.alloc(4));
        case '20 2':
          return answer(this.card ? STATUS.ok : STATUS.selectFailed, Buffer.alloc(8));
        case '30 1': {
          this.reads++;
          if (this.garbage) return reply(Buffer.from('\x00\xff garbage \x13\x37'));
          if (!this.card) return answer(STATUS.noCard);
          const card = this.corruptText ? { ...this.card, idNumber: `${this.card.idNumber.slice(0, 17)}0` } : this.card;
          const lengths = Buffer.from([0x01, 0x00, 0x04, 0x00]); // 256 bytes of text, 1024 of photo
          return answer(STATUS.ok, Buffer.concat([lengths, encodeTextBlock(card), Buffer.alloc(1024, 0x5a)]));
        }
      }
    }));
  }
}
