// Cross-site request refusal for staff sessions. A browser sends the hall's session cookie with
// any request to the hall, including one a foreign page makes it send; the Origin header (or,
// when a browser leaves it out, the Referer) says which page that was. A state-changing request
// carrying the session cookie is accepted only from the hall's own origin (the request's own
// Host) or one listed in `server.allowedOrigins`. Requests without either header (curl, device
// scripts, tests) are not from a browser page and stay allowed. Pure: no Fastify, no sockets.

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface OriginRequest {
  method: string;
  /** The request's own Host header. */
  host: string | undefined;
  origin: string | undefined;
  referer: string | undefined;
  /** Whether the request carries a staff session cookie. */
  hasSession: boolean;
}

/** `http://h:1/x` → `{ origin: 'http://h:1', host: 'h:1' }`; null for anything unparsable or `null`. */
function parse(value: string): { origin: string; host: string; protocol: string } | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return { origin: url.origin, host: url.host, protocol: url.protocol };
  } catch {
    return null;
  }
}

/** Normalises configured origins (`http://Hall.local:3000/` → `http://hall.local:3000`). */
export function normaliseOrigins(list: readonly string[]): Set<string> {
  return new Set(list.map((entry) => parse(entry)?.origin).filter((o): o is string => !!o));
}

/** True when the request may go on; false → 403. */
export function originAllowed(request: OriginRequest, allowed: ReadonlySet<string>, methods: ReadonlySet<string> = STATE_CHANGING): boolean {
  if (!request.hasSession || !methods.has(request.method.toUpperCase())) return true;
  const claimed = request.origin ?? request.referer;
  if (claimed === undefined || claimed === '') return true;
  const source = parse(claimed);
  if (!source) return false; // `Origin: null` (sandboxed frames, file: pages) or garbage
  // The Host header, read the way the browser wrote the origin (`hall:80` is `http://hall`).
  if (request.host && parse(`${source.protocol}//${request.host}`)?.host === source.host) return true;
  return allowed.has(source.origin);
}

/** The socket.io handshake is a GET, but it opens a staff session: every method counts. */
export const ANY_METHOD: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD']);
