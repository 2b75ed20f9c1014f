// Building blocks of the wire schemas: nullable fields, timestamps, the error reply.
import { Type, type Static, type TSchema } from 'typebox';

/**
 * `T | null` as `type: [T's type, 'null']` rather than anyOf: the response serializer handles a
 * type list directly, while anyOf makes it validate every alternative of every field.
 */
export const Nullable = <T extends TSchema & { type: string }>(schema: T) =>
  Type.Unsafe<Static<T> | null>({ ...schema, type: [schema.type, 'null'] });

/** An instant as ISO 8601 text (UTC). */
export const Iso = Type.String({ format: 'date-time' });

/** Ticket and registration ids are ULIDs. */
export const UlidPattern = '^[0-9A-HJKMNP-TV-Z]{26}$';

/** Every refusal: a machine code, polite Chinese text, and the field to correct when there is one. */
export const ErrorSchema = Type.Object({
  error: Type.String({ description: 'Machine code' }),
  message: Type.String({ description: 'Polite Simplified Chinese text for the person' }),
  field: Type.Optional(Type.String({ description: 'Path of the field to correct, e.g. petitioner.idNumber' })),
});
export type ErrorReply = Static<typeof ErrorSchema>;

/** The reply of a change that answers nothing (204). */
export const NoContentSchema = Type.Null();
