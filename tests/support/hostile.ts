// Hostile requests for every route of the OpenAPI document: fast-check arbitraries for bodies
// (schema-shaped, then broken), path parameters, query strings, content types and headers, and
// the checks every answer must pass (no 5xx, the error shape, nothing leaked or echoed).
import fc from 'fast-check';

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI path, e.g. `/api/tickets/{id}/cancel`. */
  path: string;
  pathParams: Array<{ name: string; schema: Schema }>;
  query: Array<{ name: string; schema: Schema }>;
  body: Schema | null;
}

export type Schema = Record<string, any>;

/** `GET /api/openapi.json` → one entry per route. */
export function routesOf(doc: { paths: Record<string, Record<string, any>> }): Route[] {
  const routes: Route[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const parameters: Array<{ in: string; name: string; schema: Schema }> = op.parameters ?? [];
      routes.push({
        method: method.toUpperCase() as Route['method'],
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema })),
        query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema })),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return routes;
}

export const routeKey = (route: Pick<Route, 'method' | 'path'>) => `${route.method} ${route.path}`;

// ---------------------------------------------------------------------------------------------
// Hostile material

export const INJECTIONS = [
  "' OR '1'='1",
  "1; DROP TABLE tickets; --",
  "'); DELETE FROM staff; --",
  '" UNION SELECT sqlite_version() --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/dev/zero',
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u0003\u001b[31m\u007f',
  '\r\nSet-Cookie: x=1',
  '\u202e\u2066 RLO',
  '\ud800',
  '😀'.repeat(50),
  '１２３４５',
  '   ',
  '',
  'NaN',
  '-1',
  '1e309',
  'null',
  'true',
  '9'.repeat(40),
  'admin',
  'A001',
  '110101195803074526',
] as const;

const hugeString = fc.constantFrom('x'.repeat(5_000), '中'.repeat(30_000), 'y'.repeat(70_000));

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 20 }) },
  { weight: 1, arbitrary: hugeString },
);

const hostileKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '', '\u0000', 'a.b', '$where', 'extra'), fc.string({ maxLength: 12 }));

const hostileNumber = fc.oneof(
  fc.constantFrom(0, -0, -1, 1.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, Number.MIN_VALUE, 0.1),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, nested up to a few levels, made of hostile pieces. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    hostileNumber,
    hostileString,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Deeply nested arrays or objects (as JSON text), under the body limit. */
export const deepJson = (depth: number, kind: 'array' | 'object') =>
  kind === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

export const BAD_PATH_SEGMENTS = [
  '%00',
  'a%00b',
  '%',
  '%ZZ',
  '%E0%A4%A',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e',
  '..',
  '-1',
  '0',
  '1.5',
  '1e3',
  '99999999999999999999999',
  'NaN',
  '%20',
  '%3Cscript%3E',
  "'%20OR%201%3D1",
  '__proto__',
  'constructor',
  'x'.repeat(26),
  'x'.repeat(27),
  'x'.repeat(101),
  '%F0%9F%98%80',
] as const;

/** Percent-encodes anything, lone surrogates included (as the bytes a careless client would send). */
export function encodeAny(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
  }
}

export const pathSegment: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...BAD_PATH_SEGMENTS) },
  { weight: 2, arbitrary: hostileString.filter((s) => s.length < 2_000).map(encodeAny) },
  { weight: 1, arbitrary: fc.constantFrom('1', '2', '01KAX3Q8W5J2V0M4B7R9T1C6ZP', 'A', 'R1', 'P1') },
);

// ---------------------------------------------------------------------------------------------
// Schema-shaped values: what a careless but honest client would send, to get past validation
// into the handlers. Mixed with hostile values so the handlers see the odd ones too.

function fitLength(value: string, schema: Schema): string {
  let out = value;
  if (schema.minLength !== undefined) while (out.length < schema.minLength) out += '某';
  if (schema.maxLength !== undefined && out.length > schema.maxLength) out = out.slice(0, schema.maxLength);
  return out;
}

export function shaped(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return hostileValue;
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(alternatives)) return fc.oneof(...alternatives.map((s: Schema) => shaped(s, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const value = (() => {
    switch (type) {
      case 'string':
        if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).map((s) => fitLength(s, schema));
        if (schema.format === 'date-time') return fc.date({ noInvalidDate: true, min: new Date(2000, 0, 1), max: new Date(2100, 0, 1) }).map((d) => d.toISOString());
        if (schema.format === 'date') return fc.date({ noInvalidDate: true, min: new Date(2000, 0, 1), max: new Date(2100, 0, 1) }).map((d) => d.toISOString().slice(0, 10));
        return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 30, 30) }).map((s) => fitLength(s, schema));
      case 'integer':
        return fc.integer({ min: schema.minimum ?? -5, max: Math.min(schema.maximum ?? 50, (schema.minimum ?? 0) + 50) });
      case 'number':
        return fc.double({ min: schema.minimum ?? -5, max: schema.maximum ?? 50, noNaN: true, noDefaultInfinity: true });
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array':
        return fc.array(shaped(schema.items, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, 3) });
      case 'object': {
        const properties: Record<string, Schema> = schema.properties ?? {};
        const required: string[] = schema.required ?? [];
        const record: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [name, property] of Object.entries(properties)) record[name] = shaped(property, depth + 1);
        return fc.record(record, { requiredKeys: required.filter((k) => k in properties) });
      }
      default:
        return hostileValue;
    }
  })();
  return schema.nullable ? fc.oneof(value, fc.constant(null)) : value;
}

/** A schema-shaped body, sometimes with one field hostile, a field missing, or extra fields. */
function hostileBody(schema: Schema): fc.Arbitrary<unknown> {
  const properties: Record<string, Schema> = schema.type === 'object' ? (schema.properties ?? {}) : {};
  const names = Object.keys(properties);
  return fc.oneof(
    { weight: 3, arbitrary: shaped(schema) },
    {
      weight: 4,
      arbitrary: fc.tuple(shaped(schema), fc.constantFrom(...(names.length ? names : ['x'])), hostileValue).map(([body, name, value]) =>
        body && typeof body === 'object' && !Array.isArray(body) ? { ...body, [name]: value } : body,
      ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(shaped(schema), fc.constantFrom(...(names.length ? names : ['x']))).map(([body, name]) => {
        if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
        const copy = { ...(body as Record<string, unknown>) };
        delete copy[name];
        return copy;
      }),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(shaped(schema), fc.dictionary(hostileKey, hostileValue, { minKeys: 1, maxKeys: 3 })).map(([body, extra]) =>
        body && typeof body === 'object' && !Array.isArray(body) ? Object.assign(Object.create(null), body, extra) : extra,
      ),
    },
    { weight: 1, arbitrary: hostileValue },
  );
}

export const INVALID_JSON = ['{', '{"a":', '{"a":1,}', "{'a':1}", '[1,2', 'undefined', 'NaN', '{"a":1}{"b":2}', '\u0000', '\ufeff{}', '{"a":"\\x00"}', '{"a":"\\ud800"}'] as const;

export type Payload =
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; text: string; contentType: string | undefined };

export const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=utf-16',
  'application/json, text/plain',
  'application/jsonx',
  undefined,
] as const;

/** What goes in the body: JSON made from the schema, invalid JSON, or the wrong content type. */
export function payloadFor(route: Route): fc.Arbitrary<Payload | null> {
  const json: fc.Arbitrary<Payload> = (route.body ? hostileBody(route.body) : hostileValue).map((value) => ({ kind: 'json', value }));
  const raw: fc.Arbitrary<Payload> = fc.oneof(
    fc.constantFrom(...INVALID_JSON).map((text) => ({ kind: 'raw' as const, text, contentType: 'application/json' })),
    fc.tuple(fc.constantFrom(...CONTENT_TYPES), fc.oneof(fc.constant('a=1&b=2'), hostileString.filter((s) => s.length < 1_000))).map(([contentType, text]) => ({ kind: 'raw' as const, text, contentType })),
    fc.tuple(fc.integer({ min: 100, max: 20_000 }), fc.constantFrom('array' as const, 'object' as const)).map(([depth, kind]) => ({ kind: 'raw' as const, text: deepJson(depth, kind), contentType: 'application/json' })),
  );
  if (route.method === 'GET' || route.method === 'DELETE') return fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: raw });
  return fc.oneof({ weight: 4, arbitrary: json }, { weight: 1, arbitrary: raw }, { weight: 1, arbitrary: fc.constant(null) });
}

/** A query string: the declared parameters (shaped or hostile), duplicates and strangers. */
export function queryFor(route: Route): fc.Arbitrary<string> {
  const pairs = fc.array(
    fc.oneof(
      ...route.query.map((q) => fc.tuple(fc.constant(q.name), fc.oneof(shaped(q.schema).map(String), hostileString.filter((s) => s.length < 2_000)))),
      fc.tuple(fc.constantFrom('__proto__', 'constructor[prototype][x]', 'a[b]', 'limit', ''), hostileString.filter((s) => s.length < 200)),
    ),
    { maxLength: 4 },
  );
  return pairs.map((list) => (list.length ? `?${list.map(([k, v]) => `${encodeAny(k)}=${encodeAny(v)}`).join('&')}` : ''));
}

const HEADER_SETS: Array<Record<string, string>> = [
  { origin: 'http://evil.example' },
  { referer: 'http://evil.example/x' },
  { origin: 'null' },
  { 'x-forwarded-for': '1.2.3.4' },
  { accept: 'text/html' },
  { 'accept-language': 'en' },
  { 'x-http-method-override': 'DELETE' },
];

export const hostileHeaders: fc.Arbitrary<Record<string, string>> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({}) },
  { weight: 2, arbitrary: fc.constantFrom(...HEADER_SETS) },
);

// ---------------------------------------------------------------------------------------------
// What every answer must be

const LEAKS = /Error:|\bat\s|\/work\/|node_modules|\.ts:\d|SQLITE|sqlite3|better-sqlite|fastify|\bajv\b|FST_ERR|ECONN|stack/i;
const CHINESE = /[\u4e00-\u9fa5]/;

/** Problems with one answer, as sentences (empty: fine). */
export function problemsWith(
  response: { statusCode: number; body: string; headers: Record<string, unknown> },
  sentStrings: readonly string[],
): string[] {
  const problems: string[] = [];
  const { statusCode: status, body } = response;
  if (status >= 500) problems.push(`answered ${status}`);
  if (String(response.headers['cache-control'] ?? '') !== 'no-store') problems.push('no Cache-Control: no-store');
  if (status < 400) return problems;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    problems.push(`${status} body is not JSON`);
    return problems;
  }
  const shape = parsed as { error?: unknown; message?: unknown };
  const keys = Object.keys(parsed as object).sort();
  if (typeof shape.error !== 'string' || typeof shape.message !== 'string') problems.push(`${status} without the error shape`);
  else if (!CHINESE.test(shape.message)) problems.push(`${status} message not in Chinese`);
  if (!keys.every((k) => ['error', 'field', 'message'].includes(k))) problems.push(`${status} has other keys: ${keys.join(',')}`);
  if (LEAKS.test(body)) problems.push(`${status} leaks internals: ${body.slice(0, 200)}`);
  for (const sent of sentStrings) {
    if (sent.length >= 6 && !/^[A-Za-z0-9_.]+$/.test(sent) && body.includes(sent)) problems.push(`${status} echoes input ${JSON.stringify(sent.slice(0, 40))}`);
  }
  return problems;
}

/** Every string value inside a JSON value (not the keys). */
export function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => stringsIn(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => stringsIn(v, out));
  return out;
}
