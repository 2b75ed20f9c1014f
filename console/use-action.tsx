// Runs a staff action against the API and keeps its polite result or refusal for the page.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../common/ui/api.ts';

export function useAction() {
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string; code?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async <T,>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body: unknown = {}, ok?: (result: T) => string): Promise<T | null> => {
    setBusy(true);
    setMessage(null);
    try {
      const result = await api<T>(method, path, body);
      if (ok) setMessage({ kind: 'ok', text: ok(result) });
      return result;
    } catch (err) {
      setMessage(err instanceof ApiError ? { kind: 'error', text: err.message, code: err.code } : { kind: 'error', text: String(err) });
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, message, clear: () => setMessage(null) };
}

/** One action of a page: `run` it, show its `message`, disable buttons while `busy`. */
export type Action = ReturnType<typeof useAction>;

export function ActionMessage({ message }: { message: Action['message'] }) {
  if (!message) return null;
  return (
    <p class={message.kind === 'ok' ? 'ok' : 'error'} role={message.kind === 'ok' ? 'status' : 'alert'}>
      {message.text}
    </p>
  );
}
