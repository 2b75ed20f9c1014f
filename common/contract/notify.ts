// The SMS gateway's inbound callback (a person's reply, e.g. 退订) and its acknowledgement.
import { Type } from 'typebox';

export const SmsInboundBodySchema = Type.Object(
  {
    from: Type.String({ pattern: '^\\+?\\d{6,20}$', description: 'The number the reply came from' }),
    text: Type.String({ maxLength: 500, description: 'What the person wrote; 退订, TD, STOP or N alone declines SMS' }),
    id: Type.Optional(Type.String({ maxLength: 100, description: "The gateway's id of the reply (logged nowhere, ignored)" })),
  },
  { additionalProperties: false },
);

export const SmsInboundReplySchema = Type.Object({
  ok: Type.Literal(true),
  optedOut: Type.Boolean({ description: 'The reply declined SMS: nothing more is sent to this number' }),
});
