// One error shape for every refusal: { error, message } with a polite Chinese message and a 4xx.
// 5xx details stay in the log; clients only get the polite text. Nothing the client sent (URL,
// header, field value) is ever echoed back. Three ways in: the route error handler, Fastify's
// framework errors (bad URL encoding, over-long path parameters), and the HTTP parser's client
// errors (malformed requests Node refuses before Fastify sees them).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import type { Socket } from 'node:net';
import { ERROR_MESSAGES, type ErrorCode } from '../../common/errors.ts';
import { fieldLabel } from '../../common/registration.ts';
import { HallError } from '../errors.ts';

const BY_STATUS: Record<number, ErrorCode> = {
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  408: 'request_timeout',
  409: 'conflict',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  431: 'headers_too_large',
  503: 'unavailable',
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

/**
 * Plain sentences for fields outside the registration form (whose names `fieldLabel` knows): the
 * person reads what to write, never a field path.
 */
const FIELD_RULES: Record<string, string> = {
  username: '用户名须为 2–32 位字母、数字或 _ . -，请重新输入。',
  password: '密码须为 10–200 位，请重新输入。',
  displayName: '姓名须为 1–20 个字，请重新输入。',
  staffNo: '工号须为 1–16 位字母、数字或 -，请重新输入。',
  roles: '请至少选择一个角色。',
  reason: '请填写原因（不超过 100 个字）。',
  closeReason: '请从列表中选择不核对就办结的原因。',
  name: '名称不完整或过长，请检查后重新输入。',
  code: '配对码或编码格式不对，请核对后重新输入。',
  limit: '查询的条数不对，请输入 1 到 1000 之间的数。',
};

/** A field name fit to show: schema-declared names are plain identifiers; anything else is not repeated. */
const SHOWABLE_FIELD = /^[A-Za-z0-9_.]{1,64}$/;

/** SQLite refused a write (UNIQUE, FOREIGN KEY, CHECK, NOT NULL): the request lost a race or clashes. */
function isConstraintViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
}

function send(reply: FastifyReply, status: number, code: ErrorCode, extra: Record<string, string> = {}) {
  return reply.code(status).send({ error: code, message: ERROR_MESSAGES[code], ...extra });
}

function handle(error: FastifyError | HallError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof HallError) {
    const field = error.field !== undefined ? { field: error.field } : {};
    return reply.code(error.statusCode).send({ error: error.code, message: error.message, ...field });
  }
  if (error.validation) {
    const field = fieldOf(error);
    if (!field || !SHOWABLE_FIELD.test(field)) return send(reply, 400, 'validation_failed');
    // The person reads a sentence: the field's rule or its name; API clients have `field`.
    const label = fieldLabel(field);
    const leaf = field.split('.').pop() ?? field;
    const message = label ? `请检查“${label}”：内容不完整或格式不对。` : (FIELD_RULES[field] ?? FIELD_RULES[leaf] ?? ERROR_MESSAGES.validation_failed);
    return reply.code(400).send({ error: 'validation_failed', message, field });
  }
  if (isConstraintViolation(error)) {
    // Logged for the operator; the client learns only that its change clashed with another.
    request.log.warn({ err: error }, 'write refused by a database constraint');
    return send(reply, 409, 'conflict');
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return send(reply, status, BY_STATUS[status] ?? 'bad_request');
  if (status === 503) return send(reply, 503, 'unavailable');
  request.log.error({ err: error }, 'request failed');
  return send(reply, 500, 'internal');
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(handle);
  app.setNotFoundHandler((_request, reply) => send(reply, 404, 'not_found'));
  // While shutting down, requests still arriving on open connections get our 503, not Fastify's
  // English one (the app is built with `return503OnClosing: false`).
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (closing) {
      reply.header('connection', 'close');
      throw new HallError(503, 'unavailable');
    }
  });
}

/**
 * Fastify's `frameworkErrors`: errors found while routing, before any hook (a URL that is not
 * valid percent-encoding, a path parameter over `maxParamLength`). Fastify's own answer would echo
 * the URL; ours does not.
 */
export const frameworkErrors: NonNullable<FastifyServerOptions['frameworkErrors']> = (error, request, reply) => {
  reply.header('cache-control', 'no-store');
  handle(error as FastifyError, request as FastifyRequest, reply as FastifyReply);
};

const CLIENT_ERROR_STATUS: Record<string, [number, ErrorCode, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'headers_too_large', 'Request Header Fields Too Large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request_timeout', 'Request Timeout'],
  ERR_HTTP_HEADERS_TIMEOUT: [408, 'request_timeout', 'Request Timeout'],
};

/**
 * Fastify's `clientErrorHandler` (the http server's `clientError`): Node's parser refused the
 * request (malformed request line or headers, Transfer-Encoding with Content-Length, headers too
 * large). Answers a complete HTTP/1.1 response in our shape, then closes the connection.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, code, reason] = CLIENT_ERROR_STATUS[error.code ?? ''] ?? [400, 'bad_request' as ErrorCode, 'Bad Request'];
  const body = JSON.stringify({ error: code, message: ERROR_MESSAGES[code] });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Cache-Control: no-store\r\n' +
      'X-Content-Type-Options: nosniff\r\n' +
      'Connection: close\r\n\r\n' +
      body,
  );
  // `end` lets the client read the answer; a client that never closes its side is cut off.
  setTimeout(() => socket.destroy(), 2_000).unref();
}
