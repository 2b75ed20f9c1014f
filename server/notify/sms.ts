// The hall's SMS (告知) in one service: the notices that queue messages, the worker that sends them
// through the configured gateway (HTTP, or the log in a demo), and the gateway's inbound 退订.
import type { HallConfig } from '../config/schema.ts';
import type { DataCipher } from '../privacy/cipher.ts';
import type { Store } from '../store/repositories.ts';
import { httpSmsGateway, logSmsGateway } from './gateway.ts';
import { createSmsNotices } from './notices.ts';
import { createSmsSender } from './sms-sender.ts';

export type HallSms = ReturnType<typeof createHallSms>;

export function createHallSms(deps: {
  store: Store;
  config: HallConfig;
  cipher: DataCipher;
  now: () => number;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}) {
  const sms = deps.config.notify.sms;
  const gateway = !sms.enabled ? null : sms.gateway === 'log' ? logSmsGateway(deps.log) : httpSmsGateway(sms, deps.now);
  // The notices poke the sender, which asks them whether a message is still wanted.
  const notices = createSmsNotices({ ...deps, poke: () => sender.poke() });
  const sender = createSmsSender({ ...deps, gateway, unwanted: notices.unwanted, log: deps.log });
  return { ...notices, sender };
}
