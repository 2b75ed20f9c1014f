import { ERROR_MESSAGES, type ErrorCode } from '../common/errors.ts';
import { fieldLabel } from '../common/registration.ts';

/** An expected refusal: becomes `{ error, message, field? }` with its status code at the edge. */
export class HallError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string = ERROR_MESSAGES[code],
    readonly field?: string,
  ) {
    super(message);
    this.name = 'HallError';
  }
}

export const badRequest = (code: ErrorCode, message?: string) => new HallError(400, code, message);
export const forbidden = (code: ErrorCode = 'forbidden') => new HallError(403, code);
export const notFound = (code: ErrorCode = 'not_found') => new HallError(404, code);
export const conflict = (code: ErrorCode) => new HallError(409, code);

/** A refusal about one field; `{field}` in the message becomes the field's name as the person sees it. */
export const fieldError = (code: ErrorCode, field: string) =>
  new HallError(400, code, ERROR_MESSAGES[code].replace('{field}', fieldLabel(field) ?? field), field);
