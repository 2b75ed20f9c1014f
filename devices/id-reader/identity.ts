// The 256-byte UCS-2LE text block of a resident ID card, as the reader returns it.
import type { CardIdentity } from '../../common/contract/devices.ts';
import { parseIdNumber } from '../../common/id-number.ts';

export type { CardIdentity };

/** Field widths in bytes, in block order. */
const FIELDS: Array<[keyof CardIdentity | 'reserved', number]> = [
  ['name', 30],
  ['genderCode', 2],
  ['nationCode', 4],
  ['birthDate', 16],
  ['address', 70],
  ['idNumber', 36],
  ['issuer', 30],
  ['validFrom', 16],
  ['validUntil', 16],
  ['reserved', 36],
];
const TEXT_BLOCK_BYTES = 256;

export class CardReadError extends Error {}

const yyyymmdd = (v: string) => (/^\d{8}$/.test(v) ? `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}` : v);

/** Parses and checks a text block; a read that does not hold together is an error, not an identity. */
export function parseTextBlock(block: Buffer): CardIdentity {
  if (block.length !== TEXT_BLOCK_BYTES) throw new CardReadError(`text block of ${block.length} bytes`);
  const out: Record<string, string> = {};
  let offset = 0;
  for (const [field, width] of FIELDS) {
    out[field] = block.toString('utf16le', offset, offset + width).replace(/[\s\u0000]+$/u, '').trim();
    offset += width;
  }
  const identity: CardIdentity = {
    name: out.name!,
    genderCode: out.genderCode!,
    nationCode: out.nationCode!,
    birthDate: yyyymmdd(out.birthDate!),
    address: out.address!,
    idNumber: out.idNumber!.toUpperCase(),
    issuer: out.issuer!,
    validFrom: yyyymmdd(out.validFrom!),
    validUntil: out.validUntil === '长期' ? '长期' : yyyymmdd(out.validUntil!),
  };
  const derived = parseIdNumber(identity.idNumber);
  if (!derived) throw new CardReadError('ID number check failed');
  if (derived.birthDate !== identity.birthDate) throw new CardReadError('birth date does not match the ID number');
  if ((derived.gender === 'male' ? '1' : '2') !== identity.genderCode) throw new CardReadError('gender does not match the ID number');
  if (!identity.name) throw new CardReadError('no name');
  return identity;
}

/** Builds a text block (for simulators and tests). */
export function encodeTextBlock(identity: CardIdentity): Buffer {
  const block = Buffer.alloc(TEXT_BLOCK_BYTES, 0x20);
  let offset = 0;
  for (const [field, width] of FIELDS) {
    const raw = field === 'reserved' ? '' : identity[field];
    const value = /Date|valid/.test(field) && raw !== '长期' ? raw.replace(/-/g, '') : raw;
    const bytes = Buffer.from(value.padEnd(width / 2, ' '), 'utf16le').subarray(0, width);
    bytes.copy(block, offset);
    offset += width;
  }
  return block;
}

/** The data of a read-text-and-photo reply: text length, photo length (big-endian), text, photo. */
export function splitReadReply(data: Buffer): { text: Buffer; photoBytes: number } {
  if (data.length < 4) throw new CardReadError('reply too short');
  const textLength = data.readUInt16BE(0);
  const photoLength = data.readUInt16BE(2);
  if (data.length < 4 + textLength + photoLength) throw new CardReadError('reply shorter than announced');
  return { text: data.subarray(4, 4 + textLength), photoBytes: photoLength };
}
