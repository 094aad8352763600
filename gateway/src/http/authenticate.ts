/**
 * Access checks before a route runs: a bearer token for user routes, the admin role for admin
 * routes, and the request budget (per user, or per client address where nobody is signed in).
 */
import type { NextFunction, Request, Response } from 'express';
import type { TokenService } from '../auth/token';
import { ADMIN_ROLE } from '../auth/user';
import { forbidden, unauthenticated } from './problem';
import type { RateLimiter } from './rate-limit';
import type { Access } from './route';

export interface GuardOptions {
  readonly tokens: TokenService;
  readonly limiter: RateLimiter;
}

export function guard(access: Access, options: Readonly<GuardOptions>) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (access === 'public') {
      options.limiter.take(`address:${req.ip ?? 'unknown'}`);
      next();
      return;
    }
    const header = req.get('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(header);
    if (match?.[1] === undefined) throw unauthenticated();
    const user = options.tokens.verify(match[1]);
    res.locals.user = user;
    options.limiter.take(`user:${user.mspId}:${user.id}`);
    if (access === 'admin' && user.role !== ADMIN_ROLE) {
      throw forbidden('only an organisation admin may do this');
    }
    next();
  };
}
