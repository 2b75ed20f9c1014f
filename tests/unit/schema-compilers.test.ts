// The server's validator and serialiser compilers: in production each route's are compiled at its
// first request, not at `ready` (docs/performance.md, cold start); test halls compile them all at
// start. Both ways answer the same.
import Fastify from 'fastify';
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { serializerFactory } from '../../server/http/serialization.ts';
import { validatorFactory } from '../../server/http/validation.ts';

function app(eager: boolean, broken: boolean) {
  const fastify = Fastify({
    schemaController: { compilersFactory: { buildValidator: validatorFactory({ checkSchemas: eager }), buildSerializer: serializerFactory({ eager }) } },
  });
  fastify.post(
    '/items',
    {
      schema: {
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1 })) }),
        body: Type.Object({ name: Type.String(), count: Type.Number() }),
        response: { 200: Type.Object({ name: Type.String(), limit: Type.Union([Type.Integer(), Type.Null()]) }) },
      },
    },
    async (request) => {
      const { name } = request.body as { name: string };
      const { limit } = request.query as { limit?: number };
      return { name, limit: limit ?? null, secret: 'not in the schema' };
    },
  );
  // A schema that cannot be compiled: compiled lazily, only a request to its route finds out.
  if (broken) fastify.post('/broken', { schema: { body: { $ref: 'missing#' }, response: { 200: { $ref: 'missing#' } } } }, async () => ({}));
  return fastify;
}

describe.each([false, true])('compiled at start: %s', (eager) => {
  it('validates, coerces the query string but not the body, refuses non-finite numbers and serialises by the schema', async () => {
    const fastify = app(eager, false);
    const post = (url: string, payload: string) => fastify.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json' } });
    const ok = await post('/items?limit=3', '{"name":"a","count":1}');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ name: 'a', limit: 3 });
    expect((await post('/items', '{"name":"a","count":2}')).json()).toEqual({ name: 'a', limit: null });
    expect((await post('/items', '{"name":"a","count":"1"}')).statusCode).toBe(400);
    expect((await post('/items?limit=0', '{"name":"a","count":1}')).statusCode).toBe(400);
    expect((await post('/items?limit=1e309', '{"name":"a","count":1}')).statusCode).toBe(400);
    expect((await post('/items', '{"name":"a","count":1e309}')).statusCode).toBe(400);
    await fastify.close();
  });
});

it('a schema that does not compile stops the start when compiled at start, else fails its own route only', async () => {
  const eager = app(true, true);
  await expect(eager.ready()).rejects.toThrow(/missing/);
  const lazy = app(false, true);
  await lazy.ready();
  expect((await lazy.inject({ method: 'POST', url: '/broken', payload: {} })).statusCode).toBe(500);
  expect((await lazy.inject({ method: 'POST', url: '/items', payload: { name: 'a', count: 1 } })).statusCode).toBe(200);
  await lazy.close();
});
