// ESC/POS bytes → a readable text preview, for the simulated printer: what a person would see
// on the paper, with the QR code and the cut marked.
import iconv from 'iconv-lite';
import type { ChineseCodepage } from './ticket-layout.ts';

/** Commands with a fixed length (first bytes → total length) that print nothing. */
const FIXED: Array<[number[], number]> = [
  [[0x1b, 0x40], 2],
  [[0x1b, 0x61], 3],
  [[0x1b, 0x45], 3],
  [[0x1b, 0x64], 3],
  [[0x1d, 0x21], 3],
  [[0x1d, 0x42], 3],
  [[0x10, 0x04], 3],
  [[0x1c, 0x26], 2],
  [[0x1c, 0x2e], 2],
];

export function previewTicket(bytes: Buffer, codepage: ChineseCodepage = 'gb18030'): string {
  const out: string[] = [];
  let text: number[] = [];
  const flush = () => {
    if (text.length) out.push(iconv.decode(Buffer.from(text), codepage));
    text = [];
  };
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const fixed = FIXED.find(([head]) => head.every((h, k) => bytes[i + k] === h));
    if (fixed) {
      i += fixed[1];
      continue;
    }
    if (b === 0x1d && bytes[i + 1] === 0x28 && bytes[i + 2] === 0x6b) {
      // GS ( k pL pH cn fn …: QR code functions; fn 0x50 stores the data.
      const length = bytes[i + 3]! + bytes[i + 4]! * 256;
      if (bytes[i + 6] === 0x50) {
        flush();
        out.push(`[二维码： ${bytes.subarray(i + 8, i + 5 + length).toString('latin1')}]\n`);
      }
      i += 5 + length;
      continue;
    }
    if (b === 0x1d && bytes[i + 1] === 0x56) {
      flush();
      out.push('\n-------- 切纸 --------\n');
      i += 3;
      continue;
    }
    if (b === 0x0a) {
      flush();
      out.push('\n');
    } else if (b >= 0x20) {
      text.push(b);
    }
    i += 1;
  }
  flush();
  return out.join('').replace(/\n{3,}/g, '\n\n');
}
