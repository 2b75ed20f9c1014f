// One error shape for every refusal: { error, message } with a polite Chinese message and a 4xx.
// 5xx details stay in the log; clients only get the polite text.
import type { FastifyError, FastifyInstance } from 'fastify';
import { ERROR_MESSAGES, type ErrorCode } from '../../common/errors.ts';
import { fieldLabel } from '../../common/registration.ts';
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
      const field = error.field !== undefined ? { field: error.field } : {};
      return reply.code(error.statusCode).send({ error: error.code, message: error.message, ...field });
    }
    if (error.validation) {
      const field = fieldOf(error);
      if (!field) return reply.code(400).send({ error: 'validation_failed', message: ERROR_MESSAGES.validation_failed });
      // The person sees the field's name; unknown fields (API clients) get their path.
      const label = fieldLabel(field);
      const message = label
        ? `请检查“${label}”:内容不完整或格式不对。`
        : `${ERROR_MESSAGES.validation_failed.replace(/。$/, '')}(${error.validationContext}.${field})。`;
      return reply.code(400).send({ error: 'validation_failed', message, field });
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
