// Personal data at rest: AES-256-GCM for the registration's identifying fields, and a keyed
// blind index (HMAC-SHA256) so the same person is recognised without decrypting anything.
// Both keys are derived from one master key (HKDF), kept outside the database.
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { dirname } from 'node:path';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface DataCipher {
  /** Encrypts a JSON value, bound to `context` (e.g. the row's id) so sealed values cannot be swapped. */
  seal(value: unknown, context: string): string;
  open<T>(sealed: string, context: string): T;
  /** The same input always gives the same index; without the key it reveals nothing. */
  blindIndex(kind: string, value: string): string;
}

export function createDataCipher(masterKey: Buffer): DataCipher {
  if (masterKey.length !== 32) throw new Error('the data key must be 32 bytes');
  const subkey = (info: string) => Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), `xinfang-hall/${info}`, 32));
  const encryptionKey = subkey('encryption/v1');
  const indexKey = subkey('blind-index/v1');
  return {
    seal(value, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return `${VERSION}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
    },
    open<T>(sealed: string, context: string): T {
      const [version, payload] = sealed.split('.');
      if (version !== VERSION || !payload) throw new Error('unknown sealed value format');
      const bytes = Buffer.from(payload, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, bytes.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      const plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
      return JSON.parse(plain.toString('utf8')) as T;
    },
    blindIndex(kind, value) {
      return createHmac('sha256', indexKey).update(`${kind}\0${value.trim().toUpperCase()}`).digest('base64url');
    },
  };
}

export class DataKeyError extends Error {}

/**
 * The master key: `HALL_DATA_KEY` (32 bytes, base64 or hex) if set, else the key file, created
 * with mode 0600 at first start. Losing it makes the stored registrations unreadable: back it up
 * apart from the database.
 */
export function loadDataKey(options: { fromEnv?: string; file: string }): Buffer {
  const { fromEnv, file } = options;
  if (fromEnv) return decodeKey(fromEnv, 'HALL_DATA_KEY');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    // `wx`: never overwrite a key another process created a moment ago.
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return decodeKey(readFileSync(file, 'utf8').trim(), file);
}

function decodeKey(text: string, source: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new DataKeyError(`${source}: the data key must be 32 bytes (base64 or 64 hex digits)`);
  return key;
}
