// The hostile suite's oracle must itself catch what it looks for.
import { describe, expect, it } from 'vitest';
import { problemsWith } from '../support/hostile.ts';

const answer = (statusCode: number, body: unknown, cacheControl = 'no-store') => ({
  statusCode,
  body: typeof body === 'string' ? body : JSON.stringify(body),
  headers: { 'cache-control': cacheControl },
});
const polite = { error: 'bad_request', message: '提交的信息有误，请检查后重试。' };

describe('the hostile suite’s checks', () => {
  it('accepts a polite refusal and a success', () => {
    expect(problemsWith(answer(400, polite), ['<script>alert(1)</script>'])).toEqual([]);
    expect(problemsWith(answer(200, { anything: '<script>' }), [])).toEqual([]);
  });

  it.each([
    ['a 5xx', answer(500, { error: 'internal', message: '系统暂时出现问题。' }), /answered 500/],
    ['no no-store', answer(404, polite, 'max-age=60'), /Cache-Control/],
    ['a body that is not JSON', answer(400, 'Bad Request'), /not JSON/],
    ['an English message', answer(400, { error: 'Bad Request', message: 'Client Error' }), /not in Chinese/],
    ['Fastify’s own shape', answer(400, { error: 'Bad Request', code: 'FST_ERR_BAD_URL', message: '坏', statusCode: 400 }), /other keys|leaks/],
    ['a stack trace', answer(400, { ...polite, message: `${polite.message} Error: x\n    at foo (/work/x.ts:1:2)` }), /leaks/],
    ['a SQLite message', answer(409, { ...polite, message: `${polite.message} SQLITE_CONSTRAINT` }), /leaks/],
    ['an echoed value', answer(400, { ...polite, message: `${polite.message}<script>alert(1)</script>` }), /echoes/],
  ])('catches %s', (_name, response, pattern) => {
    expect(problemsWith(response, ['<script>alert(1)</script>']).join('; ')).toMatch(pattern);
  });
});
