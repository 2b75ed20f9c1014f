import { describe, expect, it } from 'vitest';
import { idCheckCharacter, parseIdNumber } from '../../common/id-number.ts';
import { COMMANDS, commandFrame, encodeFrame, ReplyParser, STATUS, type Reply } from '../../devices/id-reader/frame.ts';
import { CardReadError, encodeTextBlock, parseTextBlock, splitReadReply, type CardIdentity } from '../../devices/id-reader/identity.ts';

// A made-up identity with a valid check character (not a real person).
const CARD: CardIdentity = {
  name: '张三丰',
  genderCode: '1',
  nationCode: '01',
  birthDate: '1990-03-07',
  address: '北京市东城区测试街道1号',
  idNumber: `11010119900307451${idCheckCharacter('11010119900307451')}`,
  issuer: '北京市公安局东城分局',
  validFrom: '2015-06-01',
  validUntil: '长期',
};

function parse(chunks: Buffer[]): { replies: Reply[]; errors: number } {
  const parser = new ReplyParser();
  const replies: Reply[] = [];
  let errors = 0;
  parser.on('data', (r: Reply) => replies.push(r));
  parser.on('frame-error', () => errors++);
  for (const chunk of chunks) parser.write(chunk);
  return { replies, errors };
}

describe('ID number (GB 11643)', () => {
  it('checks the check character and derives birth date and gender', () => {
    expect(idCheckCharacter('11010519491231002')).toBe('X');
    expect(parseIdNumber('11010519491231002X')).toEqual({ birthDate: '1949-12-31', gender: 'female' });
    expect(parseIdNumber('11010519491231002x')).not.toBeNull();
    expect(parseIdNumber('110105194912310021')).toBeNull();
    expect(parseIdNumber('110105194902300020')).toBeNull(); // 30 February
  });
});

describe('reader frames', () => {
  it('frames commands with preamble, length and XOR check', () => {
    expect(commandFrame(COMMANDS.findCard).toString('hex')).toBe('aaaaaa96690003200122');
    expect(commandFrame(COMMANDS.readTextPhoto).toString('hex')).toBe('aaaaaa96690003300132');
  });

  it('reassembles replies split across reads and after noise', () => {
    const found = encodeFrame(Buffer.from([0x00, 0x00, STATUS.cardFound, 0x00, 0x00, 0x00, 0x00]));
    const ok = encodeFrame(Buffer.from([0x00, 0x00, STATUS.ok, 0x01, 0x02]));
    const stream = Buffer.concat([Buffer.from([0x01, 0xaa, 0x55]), found, ok]);
    const chunks = [stream.subarray(0, 4), stream.subarray(4, 9), stream.subarray(9, 20), stream.subarray(20)];
    const { replies, errors } = parse(chunks);
    expect(errors).toBe(0);
    expect(replies.map((r) => r.sw3)).toEqual([STATUS.cardFound, STATUS.ok]);
    expect(replies[1]!.data.toString('hex')).toBe('0102');
  });

  it('reports a bad check byte without stopping, and keeps parsing what follows', () => {
    const bad = encodeFrame(Buffer.from([0x00, 0x00, STATUS.ok, 0x07]));
    bad[bad.length - 1]! ^= 0xff;
    const good = encodeFrame(Buffer.from([0x00, 0x00, STATUS.noCard]));
    const { replies, errors } = parse([bad, good, Buffer.from('garbage')]);
    expect(errors).toBe(1);
    expect(replies.map((r) => r.sw3)).toEqual([STATUS.noCard]);
  });
});

describe('card text block', () => {
  it('round-trips an identity with 长期 validity', () => {
    const text = encodeTextBlock(CARD);
    expect(text.length).toBe(256);
    const photo = Buffer.alloc(1024, 0x77);
    const data = Buffer.concat([Buffer.from([0x01, 0x00, 0x04, 0x00]), text, photo]);
    const split = splitReadReply(data);
    expect(split.photoBytes).toBe(1024);
    expect(parseTextBlock(split.text)).toEqual(CARD);
  });

  it('refuses a read whose ID number, birth date or gender does not hold together', () => {
    expect(() => parseTextBlock(encodeTextBlock({ ...CARD, idNumber: `${CARD.idNumber.slice(0, 17)}0` }))).toThrow(CardReadError);
    expect(() => parseTextBlock(encodeTextBlock({ ...CARD, birthDate: '1990-03-08' }))).toThrow(/birth date/);
    expect(() => parseTextBlock(encodeTextBlock({ ...CARD, genderCode: '2' }))).toThrow(/gender/);
    expect(() => parseTextBlock(Buffer.alloc(100))).toThrow(CardReadError);
    expect(() => splitReadReply(Buffer.from([0x01, 0x00, 0x04, 0x00, 0x00]))).toThrow(/shorter/);
  });
});
