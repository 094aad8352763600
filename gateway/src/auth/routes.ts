/** POST /auth/login (public) and GET /me: who the token says the caller is. */
import { defineRoute, NoBody, NoParams, NoQuery, ok, type Route } from '../http/route';
import type { Authenticator } from './login';
import { LoginBody } from './schemas';
import type { TokenService } from './token';

export interface AuthRoutesOptions {
  readonly authenticator: Authenticator;
  readonly tokens: TokenService;
}

export function authRoutes(options: Readonly<AuthRoutesOptions>): Route[] {
  return [
    defineRoute({
      method: 'post',
      path: '/auth/login',
      tag: 'auth',
      summary: "Log in with the enrolment ID and password registered at the organisation's CA",
      description:
        'Enrols with the CA and returns a bearer token valid for minutes, for this gateway only.',
      access: 'public',
      body: LoginBody,
      query: NoQuery,
      params: NoParams,
      success: { status: 200, description: '{token, tokenType: "Bearer", expiresAt, user}' },
      errors: [400, 401, 429, 503],
      handle: async ({ body }) => {
        const user = await options.authenticator.login(body.enrollmentId, body.password);
        const issued = options.tokens.issue(user);
        return ok({ token: issued.token, tokenType: 'Bearer', expiresAt: issued.expiresAt, user });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/me',
      tag: 'auth',
      summary: 'The signed-in user: enrolment ID, organisation, role and links',
      access: 'user',
      body: NoBody,
      query: NoQuery,
      params: NoParams,
      success: { status: 200, description: 'AuthUser' },
      errors: [],
      handle: async ({ user }) => ok(user),
    }),
  ];
}
