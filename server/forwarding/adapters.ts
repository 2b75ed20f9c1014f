// Where verified registrations go: the case system over HTTP (signed JSON), or a folder of JSON
// files for bureaus that exchange files. Both are idempotent per key.
import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { join } from 'node:path';

interface Delivered {
  caseNumber: string | null;
}

export interface CaseSystemAdapter {
  deliver(idempotencyKey: string, body: string, signal: AbortSignal): Promise<Delivered>;
}

/**
 * A failed attempt, in plain words for the staff; `permanent` ones are not retried. `auth`: the
 * case system refused the hall itself (401/403, a configuration fault), not this document.
 * `retryAfterMs`: the case system asked to wait this long (429/503 `Retry-After`).
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly extra: { auth?: boolean; retryAfterMs?: number } = {},
  ) {
    super(message);
  }
}

/**
 * `X-Signature` = hex HMAC-SHA256 of `<timestamp>.<idempotency key>.<body>` with the shared
 * secret: the key is signed with the body, so a receiver can trust that this body is the one for
 * this key.
 */
export function signature(secret: string, timestamp: string, key: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${key}.${body}`).digest('hex');
}

/** `Retry-After` in milliseconds: delay-seconds or an HTTP date (null: absent or unreadable). */
export function retryAfterMs(value: string | null, now: number): number | null {
  if (!value) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export function httpAdapter(options: { url: string; secret: string; now?: () => number }): CaseSystemAdapter {
  const now = options.now ?? Date.now;
  return {
    async deliver(key, body, signal) {
      const timestamp = String(Math.floor(now() / 1000));
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'idempotency-key': key,
            'x-timestamp': timestamp,
            'x-signature': signature(options.secret, timestamp, key, body),
          },
          body,
          signal,
        });
      } catch (err) {
        if (signal.aborted) throw new DeliveryError('案件系统没有按时答复（超时），稍后自动重试。', false);
        const cause = (err as { cause?: { code?: string } }).cause?.code;
        throw new DeliveryError(`暂时连不上案件系统${cause ? `（${cause}）` : ''}，稍后自动重试。`, false);
      }
      let text: string;
      try {
        text = await response.text();
      } catch {
        // The answer was cut off: the case system may or may not have the document, so it is sent
        // again under the same key (the case system deduplicates).
        throw new DeliveryError(
          signal.aborted ? '案件系统没有按时答复（超时），稍后自动重试。' : `案件系统的答复不完整（${response.status}），稍后用同一编号重新发送。`,
          false,
        );
      }
      if (response.ok) {
        // Only a readable acknowledgement delivers: a JSON object, optionally with the case number.
        let answer: unknown;
        try {
          answer = JSON.parse(text);
        } catch {
          answer = undefined;
        }
        if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
          throw new DeliveryError(`案件系统的答复无法读取（${response.status}），稍后用同一编号重新发送。`, false);
        }
        const value = (answer as { caseNumber?: unknown }).caseNumber;
        return { caseNumber: typeof value === 'string' && value ? value : null };
      }
      const detail = text.slice(0, 200).replace(/\s+/g, ' ');
      if (response.status === 401 || response.status === 403) {
        throw new DeliveryError(`案件系统拒绝了本大厅的身份验证（${response.status}），请管理员核对转送密钥和地址。`, false, { auth: true });
      }
      if (response.status === 429 || response.status === 503) {
        const wait = retryAfterMs(response.headers.get('retry-after'), now());
        throw new DeliveryError(`案件系统暂时繁忙（${response.status}），稍后自动重试。`, false, wait === null ? {} : { retryAfterMs: wait });
      }
      // 408 means "later"; other 4xx mean this document will never be accepted as it is.
      const permanent = response.status >= 400 && response.status < 500 && response.status !== 408;
      throw new DeliveryError(
        permanent ? `案件系统拒收（${response.status}）：${detail}` : `案件系统暂时出错（${response.status}），稍后自动重试。`,
        permanent,
      );
    },
  };
}

/** One `<key>.json` per registration, written to a temporary name, flushed, then renamed: never half a file. */
export function fileDropAdapter(directory: string): CaseSystemAdapter {
  return {
    async deliver(key, body) {
      mkdirSync(directory, { recursive: true, mode: 0o700 });
      const final = join(directory, `${key}.json`);
      if (existsSync(final)) return { caseNumber: null };
      const temporary = join(directory, `.${key}.${process.pid}.tmp`);
      try {
        const fd = openSync(temporary, 'w', 0o600);
        try {
          writeFileSync(fd, body);
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        renameSync(temporary, final);
      } catch (err) {
        throw new DeliveryError(`转送文件夹暂时无法写入（${(err as NodeJS.ErrnoException).code ?? 'error'}），稍后自动重试。`, false);
      }
      return { caseNumber: null };
    },
  };
}

const DAY_MS = 86_400_000;
const KEY = /^xfh-[0-9A-Za-z]{1,64}$/;

/** The case system's acknowledgements in the drop folder: `<key>.ack`, optionally `{ "caseNumber": "…" }`. */
export function readFileAcks(directory: string): Array<{ key: string; caseNumber: string | null }> {
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((name) => name.endsWith('.ack') && KEY.test(name.slice(0, -'.ack'.length)))
    .map((name) => {
      let caseNumber: string | null = null;
      try {
        const value = (JSON.parse(readFileSync(join(directory, name), 'utf8')) as { caseNumber?: unknown }).caseNumber;
        if (typeof value === 'string' && /^[\w-]{1,64}$/u.test(value)) caseNumber = value;
      } catch {
        // an empty or unreadable acknowledgement still acknowledges
      }
      return { key: name.slice(0, -'.ack'.length), caseNumber };
    });
}

/**
 * Removes dropped files the case system has acknowledged, `retainDays` after the acknowledgement:
 * the case system acknowledges `<key>.json` by writing `<key>.ack` next to it once it has imported
 * the document (see docs/forwarding.md). Leftover temporary files of an interrupted write older
 * than a day go too. Unacknowledged files are never touched. Returns the keys removed.
 */
export function sweepFileDrop(directory: string, options: { retainDays: number; now: number }): string[] {
  if (!existsSync(directory)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (name.startsWith('.') && name.endsWith('.tmp')) {
      if (options.now - statSync(path).mtimeMs >= DAY_MS) rmSync(path, { force: true });
      continue;
    }
    if (!name.endsWith('.ack')) continue;
    const key = name.slice(0, -'.ack'.length);
    if (!KEY.test(key)) continue;
    if (options.now - statSync(path).mtimeMs < options.retainDays * DAY_MS) continue;
    rmSync(join(directory, `${key}.json`), { force: true });
    rmSync(path, { force: true });
    removed.push(key);
  }
  return removed;
}
