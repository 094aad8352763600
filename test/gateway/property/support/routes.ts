/**
 * Every route of the gateway with one valid request (from the route tests' table, plus the
 * public login and the event stream) and the schemas the gateway itself validates it with, so
 * a property can tell a request the gateway must accept from one it must refuse.
 */
import { adminRoutes } from '../../../../gateway/src/admin/routes';
import { authRoutes } from '../../../../gateway/src/auth/routes';
import type { AuthUser } from '../../../../gateway/src/auth/user';
import { claimsRoutes } from '../../../../gateway/src/claims/routes';
import { consentRoutes } from '../../../../gateway/src/consent/routes';
import { credentialsRoutes } from '../../../../gateway/src/credentials/routes';
import { eventsDoc } from '../../../../gateway/src/events/sse';
import type { RouteDoc } from '../../../../gateway/src/http/route';
import { patientRoutes } from '../../../../gateway/src/records/patient-routes';
import { recordsRoutes } from '../../../../gateway/src/records/routes';
import { ROUTE_CASES } from '../../support/route-cases';
import { USERS } from './harness';

export interface RouteUnderTest {
  /** "POST /patients/{patientId}/records" */
  readonly key: string;
  readonly method: 'get' | 'post';
  readonly template: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  /** undefined: the valid request has no body. */
  readonly body: object | undefined;
  /** undefined: a public route. */
  readonly user: AuthUser | undefined;
  readonly success: number;
  readonly doc: RouteDoc;
}

const unused = () => Promise.reject(new Error('not called: only the route descriptions are used'));

function docs(): Map<string, RouteDoc> {
  const routes = [
    ...authRoutes({
      authenticator: { login: unused },
      tokens: { issue: () => ({ token: '', expiresAt: '' }), verify: () => USERS.patient },
    }),
    ...adminRoutes({ register: unused }),
    ...patientRoutes(),
    ...recordsRoutes(),
    ...consentRoutes(),
    ...credentialsRoutes(),
    ...claimsRoutes(),
  ];
  const map = new Map<string, RouteDoc>();
  for (const r of [...routes.map((route) => route.doc), eventsDoc]) {
    map.set(`${r.method.toUpperCase()} ${r.path}`, r);
  }
  return map;
}

/** The path parameters of URL under TEMPLATE: /records/{recordId} + /records/rec-1 -> {recordId}. */
function paramsOf(template: string, path: string): Record<string, string> {
  const names = template.split('/');
  const values = path.split('/');
  const params: Record<string, string> = {};
  names.forEach((segment, i) => {
    const match = /^\{(.+)\}$/.exec(segment);
    if (match?.[1] !== undefined) params[match[1]] = decodeURIComponent(values[i] ?? '');
  });
  return params;
}

export function routesUnderTest(): RouteUnderTest[] {
  const byKey = docs();
  const doc = (key: string) => {
    const found = byKey.get(key);
    if (!found) throw new Error(`no route ${key}`);
    return found;
  };
  const fromCases = ROUTE_CASES.map((c): RouteUnderTest => {
    const [, template = ''] = c.route.split(' ');
    const url = new URL(c.url, 'http://gateway');
    return {
      key: c.route,
      method: c.method,
      template,
      params: paramsOf(template, url.pathname),
      query: Object.fromEntries(url.searchParams),
      body: c.body,
      user: c.as ?? USERS.physician,
      success: c.status,
      doc: doc(c.route),
    };
  });
  return [
    ...fromCases,
    {
      key: 'POST /auth/login',
      method: 'post',
      template: '/auth/login',
      params: {},
      query: {},
      body: { enrollmentId: 'patient1', password: 'correct horse battery' },
      user: undefined,
      success: 200,
      doc: doc('POST /auth/login'),
    },
    {
      key: 'GET /events',
      method: 'get',
      template: '/events',
      params: {},
      query: { names: 'RecordAdded,ConsentGranted' },
      body: undefined,
      user: USERS.patient,
      success: 200,
      doc: doc('GET /events'),
    },
  ];
}

/** The URL of ROUTE with these path parameters and this raw query string. */
export function urlOf(
  route: RouteUnderTest,
  params: Readonly<Record<string, string>>,
  query: string,
): string {
  const path = route.template.replace(/\{([A-Za-z0-9_]+)\}/g, (_m, name: string) =>
    percentEncode(params[name] ?? ''),
  );
  return query === '' ? path : `${path}?${query}`;
}

export function queryText(query: Readonly<Record<string, string>>): string {
  return new URLSearchParams(query).toString();
}

/** Percent-encodes every byte that is not unreserved, lone surrogates included (as U+FFFD). */
export function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((b) => {
      const c = String.fromCharCode(b);
      return /[A-Za-z0-9\-._~]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}
