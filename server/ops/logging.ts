// The server's log: JSON lines (pino) on standard output — the journal under systemd — or, when
// `server.log.file` is set, in a file rotated by day or hour and by size, the oldest deleted.
// Credentials are redacted; petitioner data is never logged at all (registration tests check it).
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { HallConfig } from '../config/schema.ts';

/** Request and reply fields that carry credentials. */
export const REDACTED = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'];

export function loggerOptions(config: HallConfig) {
  const base = { level: config.server.logLevel, redact: REDACTED };
  const { file, frequency, size, keep } = config.server.log;
  if (file === null) return base;
  const path = resolve(config.dataDir, file);
  // Made here, before the transport's thread links current.log into it.
  mkdirSync(dirname(path), { recursive: true });
  return {
    ...base,
    transport: {
      target: 'pino-roll',
      // hall.log → hall.2026-12-08.1.log, .2.log … within a day; `current.log` links to the file being written.
      options: { file: path, frequency, size, dateFormat: 'yyyy-MM-dd', limit: { count: keep }, mkdir: true, symlink: true },
    },
  };
}
