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

/** A failed attempt, in plain words for the staff; `permanent` ones are not retried. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** `X-Signature` = hex HMAC-SHA256 of `<timestamp>.<body>` with the shared secret. */
export function signature(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
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
            'x-signature': signature(options.secret, timestamp, body),
          },
          body,
          signal,
        });
      } catch (err) {
        if (signal.aborted) throw new DeliveryError('案件系统没有按时答复（超时），稍后自动重试。', false);
        const cause = (err as { cause?: { code?: string } }).cause?.code;
        throw new DeliveryError(`暂时连不上案件系统${cause ? `（${cause}）` : ''}，稍后自动重试。`, false);
      }
      const text = await response.text().catch(() => '');
      if (response.ok) {
        const caseNumber = (() => {
          try {
            const value = (JSON.parse(text) as { caseNumber?: unknown }).caseNumber;
            return typeof value === 'string' && value ? value : null;
          } catch {
            return null;
          }
        })();
        return { caseNumber };
      }
      const detail = text.slice(0, 200).replace(/\s+/g, ' ');
      // 408 and 429 mean "later"; other 4xx mean this document will never be accepted as it is.
      const permanent = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
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
