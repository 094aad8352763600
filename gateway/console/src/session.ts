/**
 * The signed-in session: the token and who it belongs to, kept in sessionStorage only (gone
 * when the tab closes; never localStorage, which would outlive the visit on a shared device).
 */
import { isRecord } from './api.js';
import type { ConsoleUser } from './contract.js';

const KEY = 'healthledger.session';

export interface Session {
  readonly token: string;
  readonly expiresAt: string;
  readonly user: ConsoleUser;
}

export function loadSession(): Session | undefined {
  const text = sessionStorage.getItem(KEY);
  if (text === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
  const session = isRecord(value) ? sessionOf(value.token, value.expiresAt, value.user) : undefined;
  // An expired token would only earn a 401; start at the login form instead.
  if (session === undefined || Date.parse(session.expiresAt) <= Date.now()) {
    clearSession();
    return undefined;
  }
  return session;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}

/** The session from POST /auth/login's answer {token, expiresAt, user: {id, mspId, role, ...}}. */
export function sessionFromLogin(answer: unknown): Session | undefined {
  if (!isRecord(answer) || !isRecord(answer.user)) return undefined;
  const u = answer.user;
  const user = userOf({ ...u, enrollmentId: u.enrollmentId ?? u.id });
  return user === undefined ? undefined : sessionOf(answer.token, answer.expiresAt, user);
}

function sessionOf(token: unknown, expiresAt: unknown, user: unknown): Session | undefined {
  const who = userOf(user);
  if (typeof token !== 'string' || typeof expiresAt !== 'string' || who === undefined) {
    return undefined;
  }
  return { token, expiresAt, user: who };
}

function userOf(value: unknown): ConsoleUser | undefined {
  if (!isRecord(value)) return undefined;
  const { enrollmentId, mspId, role, patientId, practitionerId } = value;
  if (typeof enrollmentId !== 'string' || typeof mspId !== 'string' || typeof role !== 'string') {
    return undefined;
  }
  return {
    enrollmentId,
    mspId,
    role,
    patientId: typeof patientId === 'string' ? patientId : undefined,
    practitionerId: typeof practitionerId === 'string' ? practitionerId : undefined,
  };
}
