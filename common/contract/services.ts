// The services (queues) as an admin keeps them (/api/services), offered today or not.
import { Type, type Static } from 'typebox';

const ServiceDefinitionSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  enabled: Type.Boolean(),
  /** ISO weekdays it is offered; null = every day. */
  weekdays: Type.Union([Type.Array(Type.Integer()), Type.Null()]),
});
export type ServiceDefinition = Static<typeof ServiceDefinitionSchema>;

export const ServiceListReplySchema = Type.Object({ services: Type.Array(ServiceDefinitionSchema) });
export type ServiceListReply = Static<typeof ServiceListReplySchema>;

export const ServiceCodeParams = Type.Object({ code: Type.String({ pattern: '^[A-Za-z0-9_-]{1,16}$' }) });

/** Add a service (with its number prefix) or change its name and days. */
export const ServiceDefinitionBodySchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 20 }),
    enabled: Type.Boolean(),
    weekdays: Type.Union([Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { uniqueItems: true, minItems: 1 }), Type.Null()], {
      description: 'ISO weekdays it is offered; null = every day',
    }),
    prefix: Type.Optional(Type.String({ pattern: '^[A-Z]{1,2}$' })),
  },
  { additionalProperties: false },
);
