// One error shape for every refusal: { error, message } with a polite Chinese message and a 4xx.
// 5xx details stay in the log; clients only get the polite text.
import type { FastifyError, FastifyInstance } from 'fastify';
import { ERROR_MESSAGES, type ErrorCode } from '../../common/errors.ts';
import { HallError } from '../errors.ts';

const BY_STATUS: Record<number, ErrorCode> = {
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** `/body/serviceCode` or a missing required property → the field's name, for the message. */
function fieldOf(error: FastifyError): string | null {
  const first = error.validation?.[0];
  if (!first) return null;
  const missing = (first.params as { missingProperty?: string }).missingProperty;
  const extra = (first.params as { additionalProperty?: string }).additionalProperty;
  const path = first.instancePath.split('/').filter(Boolean);
  if (missing) path.push(missing);
  if (extra) path.push(extra);
  return path.join('.') || null;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HallError, request, reply) => {
    if (error instanceof HallError) {
      return reply.code(error.statusCode).send({ error: error.code, message: error.message });
    }
    if (error.validation) {
      const field = fieldOf(error);
      const base = ERROR_MESSAGES.validation_failed;
      const message = field ? `${base.replace(/。$/, '')}(${error.validationContext}.${field})。` : base;
      return reply.code(400).send({ error: 'validation_failed', message });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = BY_STATUS[status] ?? 'bad_request';
      return reply.code(status).send({ error: code, message: ERROR_MESSAGES[code] });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ error: 'internal', message: ERROR_MESSAGES.internal });
  });

  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send({ error: 'not_found', message: ERROR_MESSAGES.not_found }),
  );
}
