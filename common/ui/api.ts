// fetch wrapper for the browser apps: JSON in and out, the device token when paired, and the
// server's polite message on refusal.
import type { ErrorReply } from '../contract/base.ts';

export const TOKEN_KEY = 'hall.deviceToken';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The field to correct, when the server names one. */
    readonly field: string | null = null,
  ) {
    super(message);
  }
}

export function deviceToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const token = deviceToken();
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new ApiError(0, 'offline', '网络连接暂时中断，请稍候再试或请工作人员协助。');
  }
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    // The contract's error shape, or nothing usable (a proxy's page, an empty body).
    const refusal = data as Partial<ErrorReply> | null;
    throw new ApiError(
      response.status,
      refusal?.error ?? 'internal',
      refusal?.message ?? '系统暂时出现问题，请稍候再试或请工作人员协助。',
      refusal?.field ?? null,
    );
  }
  return data as T;
}
