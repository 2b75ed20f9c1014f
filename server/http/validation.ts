// Request validation: two Ajv compilers from Fastify's own compiler package. Query strings, path
// parameters and headers are text, so they keep Fastify's type coercion ("3" → 3); JSON bodies
// are typed already and are checked as sent — `null`, `0` or `true` never become a boolean, a
// number or a string the schema asks for (`{"active": null}` must not disable an account).
// Neither lets a non-finite number through: Ajv accepts `?limit=1e309` (coerced to Infinity) as an
// integer within `maximum`, and JSON.parse turns `1e309` in a body into Infinity too.
import { AjvCompiler } from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';

type Factory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildValidator'];
type Validate = ((data: unknown) => unknown) & { errors?: unknown };

/** The path of the first number in `data` that is NaN or ±Infinity, or null. */
function nonFiniteAt(data: unknown): string | null {
  const stack: Array<[unknown, string]> = [[data, '']];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'number' && !Number.isFinite(value)) return path;
    if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) stack.push([child, `${path}/${key}`]);
    }
  }
  return null;
}

/** `validate` (compiled by `compile` at its first call) that also refuses non-finite numbers. */
function finiteOnly(compile: () => Validate): Validate {
  let validate: Validate | undefined;
  const wrapped: Validate = (data) => {
    validate ??= compile();
    const result = validate(data);
    wrapped.errors = validate.errors;
    if (result !== true) return result;
    const at = nonFiniteAt(data);
    if (at === null) return true;
    wrapped.errors = [{ keyword: 'type', instancePath: at, schemaPath: '#/finite', params: { type: 'number' }, message: 'must be a finite number' }];
    return false;
  };
  return wrapped;
}

/**
 * The route schemas are TypeBox's, the same on every start. Checking each against Ajv's
 * meta-schema at start-up (compiling that meta-schema first, once per compiler) was about a sixth
 * of the server's start-up, and compiling every route's validators at `ready` about a tenth:
 * without `checkSchemas` each Ajv instance is made at the first request that needs it, and each
 * validator compiled at its route's first request (a few milliseconds, once). `checkSchemas`
 * compiles and checks them all at start, where it finds mistakes: every test hall
 * (tests/support/hall.ts) builds with it on.
 */
export function validatorFactory({ checkSchemas }: { checkSchemas: boolean }): NonNullable<Factory> {
  return (externalSchemas, options) => {
    const compiler = (custom: Record<string, unknown>) =>
      AjvCompiler()(externalSchemas, { ...options, customOptions: { ...options?.customOptions, validateSchema: checkSchemas, ...custom } } as typeof options);
    let coercing: ReturnType<typeof compiler> | undefined;
    let strict: ReturnType<typeof compiler> | undefined;
    return (route) => {
      const compile = () => (route.httpPart === 'body' ? (strict ??= compiler({ coerceTypes: false })) : (coercing ??= compiler({})))(route) as Validate;
      if (!checkSchemas) return finiteOnly(compile) as never;
      const validate = compile();
      return finiteOnly(() => validate) as never;
    };
  };
}
