// A whole hall server on a temporary store, listening on an ephemeral port, with helpers to
// sign in, pair devices and open real socket.io clients.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { decodeJson } from '../../common/wire.ts';
import { buildApp, DEFAULT_UI_DIR, type HallApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config/load.ts';
import { REDACTED } from '../../server/ops/logging.ts';

export const ADMIN_PASSWORD = 'admin-password-for-tests';

export interface Hall {
  app: HallApp;
  url: string;
  dir: string;
  admin: string;
  close(options?: { keepData?: boolean }): Promise<void>;
}

/**
 * `logLines`, when given, receives every line the server logs (at info level and above);
 * `serveUi` serves the built browser apps (dist/) for browser tests; `port` (default: any free
 * one) lets a test restart a hall where its browsers will reconnect; `now` is the hall's clock.
 */
export async function startHall(
  overrides: Record<string, unknown> = {},
  dir = mkdtempSync(join(tmpdir(), 'hall-it-')),
  logLines?: string[],
  { serveUi = false, port = 0, now }: { serveUi?: boolean; port?: number; now?: () => number } = {},
): Promise<Hall> {
  // The server's own redaction, so the tests that read the log check what a hall would write.
  const logger = logLines ? { level: 'info', redact: REDACTED, stream: { write: (line: string) => void logLines.push(line) } } : false;
  const uiDir = serveUi ? DEFAULT_UI_DIR : join(dir, 'no-ui');
  // Kiosks issue at any hour unless a test sets the hall's hours.
  const app = await buildApp(loadConfig({}, { dataDir: dir, hours: { kioskLimited: false }, ...overrides }), { uiDir, logger, checkSchemas: true, ...(now ? { now } : {}) });
  await app.hall.staffAuth.ensureFirstAdmin(ADMIN_PASSWORD);
  await app.listen({ port, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const admin = await login(app, 'admin', ADMIN_PASSWORD);
  return {
    app,
    url,
    dir,
    admin,
    async close({ keepData = false } = {}) {
      await app.close();
      if (!keepData) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in and returns the `cookie` header value. */
export async function login(app: HallApp, username: string, password: string): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
  return String(response.headers['set-cookie']).split(';')[0]!;
}

/** Creates a staff member with the given roles and returns their cookie. */
export async function staffCookie(hall: Hall, username: string, roles: string[]): Promise<string> {
  const password = `${username}-password-1`;
  const response = await hall.app.inject({
    method: 'POST',
    url: '/api/staff',
    headers: { cookie: hall.admin },
    payload: { username, displayName: `${username}姓名`, staffNo: `N-${username}`.slice(0, 16), roles, password },
  });
  if (response.statusCode !== 201) throw new Error(`create ${username}: ${response.body}`);
  return login(hall.app, username, password);
}

/** What an admin pairs a device as (the body of POST /api/devices/pairing-codes). */
export interface DeviceToPair {
  kind: 'kiosk' | 'display' | 'window-screen' | 'evaluator';
  name: string;
  windowNo?: number;
  printerId?: string;
  readerId?: string;
}

/** A pairing code an admin issued, for a browser to open `…/?pair=<code>` or an agent to enrol with. */
export async function pairingCode(hall: Hall, device: DeviceToPair): Promise<string> {
  const response = await hall.app.inject({ method: 'POST', url: '/api/devices/pairing-codes', headers: { cookie: hall.admin }, payload: device });
  if (response.statusCode >= 300) throw new Error(`pairing code: ${response.body}`);
  return response.json().code;
}

/** A device paired and enrolled: its token. */
export async function enrolDevice(hall: Hall, device: DeviceToPair): Promise<string> {
  const enrol = await hall.app.inject({ method: 'POST', url: '/api/devices/enrol', payload: { code: await pairingCode(hall, device) } });
  if (enrol.statusCode !== 201) throw new Error(`enrol: ${enrol.body}`);
  return enrol.json().token;
}

export const pairDevice = (hall: Hall, kind: DeviceToPair['kind'], windowNo?: number): Promise<string> =>
  enrolDevice(hall, { kind, name: `测试${kind}`, ...(windowNo ? { windowNo } : {}) });

export interface RecordingSocket {
  socket: Socket;
  frames: Array<{ event: string; payload: unknown }>;
  /** Resolves once `predicate` holds for some received frame. */
  waitFor(predicate: (frame: { event: string; payload: any }) => boolean, timeoutMs?: number): Promise<{ event: string; payload: any }>;
  close(): void;
}

/** A real socket.io client that records every frame; resolves after its first snapshot. */
export function connectSocket(url: string, options: { token?: string; windowNo?: number; cookie?: string } = {}): Promise<RecordingSocket> {
  const socket = io(url, {
    auth: { token: options.token, windowNo: options.windowNo },
    extraHeaders: options.cookie ? { cookie: options.cookie } : {},
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  const frames: RecordingSocket['frames'] = [];
  const waiters = new Set<() => void>();
  socket.onAny((event, payload) => {
    // Snapshots travel as JSON bytes: record what they say.
    frames.push({ event, payload: event === 'snapshot' ? decodeJson(payload) : payload });
    waiters.forEach((check) => check());
  });
  const recording: RecordingSocket = {
    socket,
    frames,
    waitFor(predicate, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = frames.find(predicate);
          if (found) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching frame in ${timeoutMs} ms; got ${frames.map((f) => f.event).join(', ')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => socket.close(),
  };
  return new Promise((resolve, reject) => {
    socket.once('connect_error', reject);
    recording.waitFor((f) => f.event === 'snapshot').then(() => resolve(recording), reject);
  });
}

/** The tickets printed on the simulated printer P1 (text files in the hall's folder) that show `number`. */
export function papersWith(hall: Hall, number: string): string[] {
  const dir = join(hall.dir, 'printed', 'P1');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .filter((paper) => paper.includes(` ${number}`) || paper.includes(`${number}\n`));
}
