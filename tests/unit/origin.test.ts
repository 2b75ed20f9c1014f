import { describe, expect, it } from 'vitest';
import { ANY_METHOD, normaliseOrigins, originAllowed } from '../../server/http/origin.ts';

const allowed = normaliseOrigins(['http://console.hall.lan:8080/', 'HTTPS://Hall.example']);
const request = (over: Partial<Parameters<typeof originAllowed>[0]>) =>
  originAllowed({ method: 'POST', host: '10.0.0.5:3000', origin: undefined, referer: undefined, hasSession: true, ...over }, allowed);

describe('the origin rule for cookie-authenticated requests', () => {
  it.each([
    ['the hall’s own origin', { origin: 'http://10.0.0.5:3000' }, true],
    ['the own origin with the default port spelt out', { host: 'hall:80', origin: 'http://hall' }, true],
    ['a configured origin (normalised)', { origin: 'http://console.hall.lan:8080' }, true],
    ['a configured https origin', { origin: 'https://hall.example' }, true],
    ['no Origin and no Referer (curl, scripts)', {}, true],
    ['a foreign origin', { origin: 'http://evil.example' }, false],
    ['the own host on another port', { origin: 'http://10.0.0.5:3001' }, false],
    ['Origin: null (sandboxed frame, file: page)', { origin: 'null' }, false],
    ['a foreign Referer without Origin', { referer: 'http://evil.example/page?x=1' }, false],
    ['an own Referer without Origin', { referer: 'http://10.0.0.5:3000/console/' }, true],
    ['a javascript: origin', { origin: 'javascript:alert(1)' }, false],
    ['a GET from a foreign page (not state-changing)', { method: 'GET', origin: 'http://evil.example' }, true],
    ['a foreign DELETE', { method: 'delete', origin: 'http://evil.example' }, false],
    ['a foreign request without the session cookie (login, kiosk token)', { hasSession: false, origin: 'http://evil.example' }, true],
  ] as const)('%s → %s', (_name, over, expected) => {
    expect(request(over)).toBe(expected);
  });

  it('treats every method as state-changing for socket handshakes', () => {
    const handshake = { method: 'GET', host: 'hall:3000', origin: 'http://evil.example', referer: undefined, hasSession: true };
    expect(originAllowed(handshake, allowed, ANY_METHOD)).toBe(false);
    expect(originAllowed({ ...handshake, origin: 'http://hall:3000' }, allowed, ANY_METHOD)).toBe(true);
  });
});
