// A stand-in for an HTTP SMS gateway for development and tests: `npm run sms-gateway:mock [--
// --port 4200 --secret …]`. It checks the hall's HMAC signature (or API key), keeps every message
// by idempotency key (a repeat of a key is acknowledged and not "sent" twice), prints what a phone
// would receive, and can be told to fail (500), reject (400) or answer slowly.
import { timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { signature } from '../server/forwarding/adapters.ts';
import { closeServer, listen, readBody } from './mock-http.ts';

type SmsMockMode = 'ok' | 'fail' | 'reject' | 'slow';

interface MockSms {
  key: string;
  template: string;
  to: string;
  text: string;
  /** The whole JSON body as received. */
  body: string;
  /** How often this key was received (repeats after a lost answer or a restart included). */
  received: number;
}

export interface MockSmsGateway {
  url: string;
  port: number;
  setMode(mode: SmsMockMode, options?: { slowMs?: number }): void;
  /** The messages "sent", one per key. */
  messages(): MockSms[];
  requests(): number;
  badSignatures(): number;
  close(): Promise<void>;
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export async function startMockSmsGateway(options: { port?: number; secret: string; auth?: 'hmac' | 'apiKey'; host?: string; quiet?: boolean }): Promise<MockSmsGateway> {
  const byKey = new Map<string, MockSms>();
  let mode: SmsMockMode = 'ok';
  let slowMs = 2_000;
  let requests = 0;
  let badSignatures = 0;

  const server = createServer(async (request, response) => {
    requests += 1;
    const body = await readBody(request);
    const key = String(request.headers['idempotency-key'] ?? '');
    const authentic =
      options.auth === 'apiKey'
        ? same(String(request.headers['x-api-key'] ?? ''), options.secret)
        : same(String(request.headers['x-signature'] ?? ''), signature(options.secret, String(request.headers['x-timestamp'] ?? ''), key, body));
    const answer = (status: number, value: object) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(value));
    };
    if (!authentic) {
      badSignatures += 1;
      return answer(401, { error: 'bad signature' });
    }
    if (mode === 'fail') return answer(500, { error: 'gateway failure (mock)' });
    if (mode === 'reject') return answer(400, { error: 'rejected (mock)' });
    if (mode === 'slow') await new Promise((r) => setTimeout(r, slowMs));
    const known = byKey.get(key);
    if (known) {
      known.received += 1;
      return answer(200, { messageId: key, duplicate: true });
    }
    const message = JSON.parse(body) as { template: string; to: string; text: string };
    byKey.set(key, { key, template: message.template, to: message.to, text: message.text, body, received: 1 });
    if (!options.quiet) console.log(`SMS to ${message.to}: ${message.text}`);
    return answer(200, { messageId: key });
  });

  const port = await listen(server, options.port, options.host);
  return {
    url: `http://127.0.0.1:${port}/sms`,
    port,
    setMode(next, { slowMs: ms = 2_000 } = {}) {
      mode = next;
      slowMs = ms;
    },
    messages: () => [...byKey.values()],
    requests: () => requests,
    badSignatures: () => badSignatures,
    close: () => closeServer(server),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { port, secret, mode, auth } = parseArgs({
    options: {
      port: { type: 'string', default: '4200' },
      secret: { type: 'string', default: process.env.HALL_SMS_SECRET ?? 'development-sms-secret' },
      auth: { type: 'string', default: 'hmac' },
      mode: { type: 'string', default: 'ok' },
    },
  }).values;
  const mock = await startMockSmsGateway({ port: Number(port), secret: secret!, auth: auth as 'hmac' | 'apiKey', host: '0.0.0.0' });
  mock.setMode(mode as SmsMockMode);
  const values = { mode, secret };
  console.log(`mock SMS gateway on ${mock.url} (mode ${values.mode})`);
  console.log(`run the hall with: HALL_SMS=1 HALL_SMS_URL=${mock.url} HALL_SMS_SECRET=${values.secret} npm start`);
}
