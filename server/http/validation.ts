// Request validation: two Ajv compilers from Fastify's own compiler package. Query strings, path
// parameters and headers are text, so they keep Fastify's type coercion ("3" → 3); JSON bodies
// are typed already and are checked as sent — `null`, `0` or `true` never become a boolean, a
// number or a string the schema asks for (`{"active": null}` must not disable an account).
import { AjvCompiler } from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';

type Factory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildValidator'];

export const buildValidator: NonNullable<Factory> = (externalSchemas, options) => {
  const coercing = AjvCompiler()(externalSchemas, options);
  const strictOptions = { ...options, customOptions: { ...options?.customOptions, coerceTypes: false } } as typeof options;
  const strict = AjvCompiler()(externalSchemas, strictOptions);
  return (route) => (route.httpPart === 'body' ? strict : coercing)(route);
};
