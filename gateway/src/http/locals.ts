/**
 * What the gateway's middleware learns about a request, typed on res.locals: its ID, the
 * route it matched (a pattern, for logs and metrics) and the authenticated user.
 */
import type { AuthUser } from '../auth/user';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      requestId?: string;
      /** The OpenAPI path of the matched route, e.g. /records/{recordId}. */
      route?: string;
      user?: AuthUser;
    }
  }
}

export {};
