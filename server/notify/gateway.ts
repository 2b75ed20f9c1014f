// Where SMS go: an HTTP SMS gateway (POST JSON, signed with HMAC like forwarding or with an API
// key), or the server log in a demo. The gateway deduplicates by the idempotency key.
import type { HallConfig } from '../config/schema.ts';
import { signature } from '../forwarding/adapters.ts';
import { maskPhone } from './templates.ts';

/** What the gateway receives: the number, the text, the template's code and the key; nothing else. */
interface SmsToSend {
  key: string;
  template: string;
  to: string;
  text: string;
}

export interface SmsGateway {
  send(message: SmsToSend, signal: AbortSignal): Promise<void>;
}

/** A failed attempt in plain words for staff; `permanent` ones are not retried. */
export class SmsSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

type SmsConfig = HallConfig['notify']['sms'];

/** The headers that authenticate the hall: HMAC over `<timestamp>.<key>.<body>`, or the API key. */
function authHeaders(sms: SmsConfig, key: string, body: string, now: number): Record<string, string> {
  if (sms.auth === 'apiKey') return { [sms.apiKeyHeader]: sms.secret! };
  const timestamp = String(Math.floor(now / 1000));
  return { 'x-timestamp': timestamp, 'x-signature': signature(sms.secret!, timestamp, key, body) };
}

export function httpSmsGateway(sms: SmsConfig, now: () => number = Date.now): SmsGateway {
  return {
    async send(message, signal) {
      const body = JSON.stringify(message);
      let response: Response;
      try {
        response = await fetch(sms.url!, {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8', 'idempotency-key': message.key, ...authHeaders(sms, message.key, body, now()) },
          body,
          signal,
        });
        await response.text();
      } catch {
        throw new SmsSendError(signal.aborted ? '短信网关没有按时答复（超时），稍后自动重试。' : '暂时连不上短信网关，稍后自动重试。', false);
      }
      if (response.ok) return;
      // 408 and 429 mean "later"; other 4xx mean this message will never be accepted as it is.
      const permanent = response.status >= 400 && response.status < 500 && ![401, 403, 408, 429].includes(response.status);
      throw new SmsSendError(permanent ? `短信网关拒收（${response.status}）。` : `短信网关暂时出错（${response.status}），稍后自动重试。`, permanent);
    },
  };
}

/** The demo gateway: each message is logged (number masked) and counts as sent. */
export function logSmsGateway(log: { info(obj: object, msg: string): void }): SmsGateway {
  return {
    async send(message) {
      log.info({ sms: { key: message.key, template: message.template, to: maskPhone(message.to), text: message.text } }, 'SMS (log gateway: not sent)');
    },
  };
}
