// Reply serialisers: Fastify's own (fast-json-stringify from the route's response schema), each
// built at its route's first reply of that status instead of all at `ready` — building them was
// about a twelfth of the server's start-up, and most routes answer rarely (reports, settings).
// `eager` builds them all at start, where a schema mistake shows at once (every test hall).
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

type Factory = NonNullable<NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildSerializer']>;

export function serializerFactory({ eager }: { eager: boolean }): Factory {
  const fastJson = SerializerSelector();
  return (externalSchemas, options) => {
    const build = fastJson(externalSchemas, options);
    if (eager) return build;
    return (route) => {
      let serialize: ((data: unknown) => string) | undefined;
      return (data) => (serialize ??= build(route))(data);
    };
  };
}
