// The case system's status reports are signed the way the hall signs its own deliveries
// (docs/forwarding.md): hex HMAC-SHA256 of `<timestamp>.<idempotency key>.<body>` with the shared
// secret; a timestamp further than the allowed skew from the hall's clock is refused (replay).
import { timingSafeEqual } from 'node:crypto';
import type { ErrorCode } from '../../common/errors.ts';
import { signature } from '../forwarding/adapters.ts';

export interface SignedHeaders {
  'idempotency-key'?: string;
  'x-timestamp'?: string;
  'x-signature'?: string;
}

/** Why a signed report is refused, or null when its signature and timestamp hold. */
export function signatureProblem(secret: string | undefined, headers: SignedHeaders, body: string, nowMs: number, skewSeconds: number): ErrorCode | null {
  const key = headers['idempotency-key'] ?? '';
  const timestamp = headers['x-timestamp'] ?? '';
  if (!secret || !key || !/^\d{1,12}$/.test(timestamp)) return 'case_signature_invalid';
  const given = Buffer.from(headers['x-signature'] ?? '', 'hex');
  const expected = Buffer.from(signature(secret, timestamp, key, body), 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'case_signature_invalid';
  return Math.abs(nowMs / 1000 - Number(timestamp)) > skewSeconds ? 'case_signature_stale' : null;
}

/** The headers of a signed request (the hall asking the status feed, the mock calling back). */
export function signedHeaders(secret: string, key: string, body: string, nowMs: number): Required<SignedHeaders> {
  const timestamp = String(Math.floor(nowMs / 1000));
  return { 'idempotency-key': key, 'x-timestamp': timestamp, 'x-signature': signature(secret, timestamp, key, body) };
}
