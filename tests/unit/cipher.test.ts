import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDataCipher, DataKeyError, loadDataKey } from '../../server/privacy/cipher.ts';

describe('data cipher', () => {
  const cipher = createDataCipher(randomBytes(32));

  it('round-trips a value bound to its row, and refuses it under another row or when altered', () => {
    const value = { name: '王秀兰', idNumber: '110101195803074526' };
    const sealed = cipher.seal(value, 'row-1');
    expect(sealed).not.toContain('王');
    expect(Buffer.from(sealed.slice(3), 'base64url').includes(Buffer.from('110101195803074526'))).toBe(false);
    expect(cipher.open(sealed, 'row-1')).toEqual(value);
    expect(() => cipher.open(sealed, 'row-2')).toThrow();
    const bytes = Buffer.from(sealed.slice(3), 'base64url');
    bytes[20]! ^= 1;
    expect(() => cipher.open(`v1.${bytes.toString('base64url')}`, 'row-1')).toThrow();
    expect(cipher.seal(value, 'row-1')).not.toBe(sealed); // a fresh IV every time
  });

  it('indexes the same person the same way (case-insensitive X), and differently under another key', () => {
    const a = cipher.blindIndex('resident-id', '11010119580307452x');
    expect(cipher.blindIndex('resident-id', '11010119580307452X')).toBe(a);
    expect(cipher.blindIndex('phone', '11010119580307452X')).not.toBe(a);
    expect(createDataCipher(randomBytes(32)).blindIndex('resident-id', '11010119580307452X')).not.toBe(a);
  });
});

describe('data key', () => {
  it('is created once with mode 0600 and read back the same', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hall-key-')), 'sub', 'hall.key');
    const first = loadDataKey({ file });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadDataKey({ file })).toEqual(first);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.toString('base64'));
  });

  it('comes from the environment when set (hex or base64), and must be 32 bytes', () => {
    const key = randomBytes(32);
    const file = join(mkdtempSync(join(tmpdir(), 'hall-key-')), 'unused.key');
    expect(loadDataKey({ fromEnv: key.toString('hex'), file })).toEqual(key);
    expect(loadDataKey({ fromEnv: key.toString('base64'), file })).toEqual(key);
    expect(() => loadDataKey({ fromEnv: 'c2hvcnQ=', file })).toThrow(DataKeyError);
  });
});
