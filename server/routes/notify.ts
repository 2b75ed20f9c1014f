// The SMS gateway's inbound callback: a person's reply such as 退订 declines every further SMS.
// The gateway authenticates as the hall does towards it (docs/notify.md): HMAC over
// `<timestamp>.<from>.<text>` within five minutes, or the API key.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { SmsInboundBodySchema, SmsInboundReplySchema } from '../../common/contract/notify.ts';
import { HallError } from '../errors.ts';
import { signature } from '../forwarding/adapters.ts';
import type { HallConfig } from '../config/schema.ts';
import { errorReplies, routePlugin } from './route-kit.ts';

const SKEW_SECONDS = 300;

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name.toLowerCase()];
  return typeof value === 'string' ? value : '';
};

/** Whether the request comes from the configured gateway. */
function fromGateway(sms: HallConfig['notify']['sms'], request: FastifyRequest, body: { from: string; text: string }, now: number): boolean {
  if (!sms.enabled || !sms.secret) return false;
  if (sms.auth === 'apiKey') return same(header(request, sms.apiKeyHeader), sms.secret);
  const timestamp = header(request, 'x-timestamp');
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now / 1000 - Number(timestamp)) > SKEW_SECONDS) return false;
  return same(header(request, 'x-signature'), signature(sms.secret, timestamp, body.from, body.text));
}

export default routePlugin('notify-routes', ['sms', 'config', 'now'], async (app, { sms, config, now }) => {
  app.post(
    '/api/notify/sms/inbound',
    {
      schema: {
        tags: ['notify'],
        summary: "The SMS gateway's inbound callback (a reply such as 退订 declines SMS); signed by the gateway",
        body: SmsInboundBodySchema,
        response: { 200: SmsInboundReplySchema, ...errorReplies(400, 401) },
      },
    },
    async (request) => {
      if (!fromGateway(config.notify.sms, request, request.body, now())) throw new HallError(401, 'sms_signature_invalid');
      return { ok: true as const, ...sms.inbound(request.body.from, request.body.text) };
    },
  );
});
