/**
 * The console's only way to the gateway: JSON over the same origin with the user's bearer
 * token. Every non-2xx answer becomes an ApiError carrying the gateway's error body, so pages
 * can show the refusal next to the field it names; a 401 also ends the session.
 */
import type { Api, ApiFailure } from './contract.js';

export class ApiError extends Error {
  readonly failure: ApiFailure;

  constructor(failure: ApiFailure) {
    super(failure.message);
    this.name = 'ApiError';
    this.failure = failure;
  }
}

export interface ApiOptions {
  /** The current token, read at each call so a new login takes effect at once. */
  readonly token: () => string | undefined;
  /** Called on a 401: the token expired or was refused. */
  readonly onUnauthenticated: () => void;
}

export function newApi(options: Readonly<ApiOptions>): Api {
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = options.token();
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch {
      throw new ApiError({
        status: 0,
        code: 'NETWORK',
        message: 'The gateway cannot be reached. Check the connection and try again.',
      });
    }
    const answer = await readJson(response);
    if (response.ok) return answer;
    const failure = failureOf(response.status, answer);
    // The login form answers 401 for a wrong password: that is not an expired session.
    if (response.status === 401 && token !== undefined) options.onUnauthenticated();
    throw new ApiError(failure);
  };
  return {
    get: (path, query) => call('GET', path + queryString(query)),
    post: (path, body) => call('POST', path, body),
  };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function queryString(query?: Readonly<Record<string, string | undefined>>): string {
  if (query === undefined) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, value);
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The gateway's {error: {code, message, field?, reason?}}, or a generic failure when the body
 * is not that shape (a proxy's HTML page, say). */
export function failureOf(status: number, body: unknown): ApiFailure {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const text = (key: string): string | undefined => {
    const value = error?.[key];
    return typeof value === 'string' ? value : undefined;
  };
  return {
    status,
    code: text('code') ?? `HTTP_${status}`,
    message: text('message') ?? `The gateway answered ${status}.`,
    field: text('field'),
    reason: text('reason'),
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
