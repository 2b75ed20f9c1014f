// The public booking page's simple human check: a small sum in Chinese numerals, answered once.
// The token carries its expiry and an HMAC of the answer (a key of this process), so nothing is
// stored but the ids of the tokens already used, until they expire.
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export type Challenges = ReturnType<typeof createChallenges>;

export function createChallenges(deps: { now: () => number; validMinutes: number }) {
  const key = randomBytes(32);
  const used = new Map<string, number>();
  const mac = (nonce: string, expires: number, answer: number) =>
    createHmac('sha256', key).update(`${nonce}.${expires}.${answer}`).digest('base64url');

  return {
    issue(): { token: string; question: string } {
      const a = randomInt(1, 10);
      const b = randomInt(1, 10);
      const nonce = randomBytes(9).toString('base64url');
      const expires = deps.now() + deps.validMinutes * 60_000;
      return { token: `${nonce}.${expires}.${mac(nonce, expires, a + b)}`, question: `${NUMERALS[a]} 加 ${NUMERALS[b]} 等于几？请填写数字。` };
    },

    /** Whether `answer` is right for `token`, not expired and not used before (a token counts once, right or wrong). */
    check(token: string, answer: number): boolean {
      const at = deps.now();
      for (const [nonce, expires] of used) if (expires <= at) used.delete(nonce);
      const [nonce, expiresText, sent] = token.split('.');
      const expires = Number(expiresText);
      if (!nonce || !sent || !Number.isSafeInteger(expires) || expires <= at || used.has(nonce)) return false;
      used.set(nonce, expires);
      const expected = Buffer.from(mac(nonce, expires, answer));
      const given = Buffer.from(sent);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}
