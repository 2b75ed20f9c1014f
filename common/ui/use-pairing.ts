// A device (kiosk, board, window screen) opened with `?pair=CODE` exchanges the code for its
// device token once, keeps the token (it survives reboots) and drops the code from the address bar.
import { useEffect, useState } from 'preact/hooks';
import type { EnrolReply } from '../contract/devices.ts';
import { api, ApiError, deviceToken, TOKEN_KEY } from './api.ts';

export type Pairing = { status: 'paired' | 'unpaired' | 'pairing' } | { status: 'failed'; message: string };

export function usePairing(): Pairing {
  const code = new URLSearchParams(location.search).get('pair');
  const [pairing, setPairing] = useState<Pairing>({ status: code ? 'pairing' : deviceToken() ? 'paired' : 'unpaired' });

  useEffect(() => {
    if (!code) return;
    const url = new URL(location.href);
    url.searchParams.delete('pair');
    history.replaceState(null, '', url);
    api<EnrolReply>('POST', '/api/devices/enrol', { code })
      .then(({ token }) => {
        localStorage.setItem(TOKEN_KEY, token);
        setPairing({ status: 'paired' });
      })
      .catch((err: unknown) =>
        setPairing({ status: 'failed', message: err instanceof ApiError ? err.message : String(err) }),
      );
  }, []);

  return pairing;
}
