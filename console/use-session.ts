import { useEffect, useState } from 'preact/hooks';
import type { StaffProfile, StaffReply } from '../common/contract/staff.ts';
import { api, ApiError } from '../common/ui/api.ts';

export type Session = { status: 'checking' | 'signed-out' } | { status: 'signed-in'; staff: StaffProfile };

/** The signed-in staff member (from the session cookie), with sign-in and sign-out. */
export function useSession() {
  const [session, setSession] = useState<Session>({ status: 'checking' });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<StaffReply>('GET', '/api/auth/me')
      .then(({ staff }) => setSession({ status: 'signed-in', staff }))
      .catch(() => setSession({ status: 'signed-out' }));
  }, []);

  const signIn = async (username: string, password: string) => {
    setError(null);
    try {
      const { staff } = await api<StaffReply>('POST', '/api/auth/login', { username, password });
      setSession({ status: 'signed-in', staff });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };

  const signOut = async () => {
    await api('POST', '/api/auth/logout').catch(() => undefined);
    setSession({ status: 'signed-out' });
  };

  return { session, error, signIn, signOut };
}
