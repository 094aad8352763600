/** Puts routes described as data on an Express router: route label, guard, then the handler. */
import type { NextFunction, Request, Response, Router } from 'express';
import type { ContractsProvider } from '../fabric/user-contracts';
import type { Admission } from './admission';
import { type GuardOptions, guard } from './authenticate';
import { unauthenticated } from './problem';
import type { Route, RouteDoc } from './route';

export interface MountOptions extends GuardOptions {
  readonly contracts: ContractsProvider;
  /** Bounds the requests doing their work at once (none: no bound). */
  readonly admission?: Admission;
}

/** /records/{recordId} -> /records/:recordId */
export function expressPath(openApiPath: string): string {
  return openApiPath.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
}

/** Labels the request with its route pattern, for logs and metrics. */
export function labelRoute(doc: Pick<RouteDoc, 'path'>) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    res.locals.route = doc.path;
    next();
  };
}

export function mountRoutes(
  router: Router,
  routes: readonly Route[],
  options: Readonly<MountOptions>,
): void {
  for (const route of routes) {
    const { doc } = route;
    const handler = async (req: Request, res: Response): Promise<void> => {
      const user = res.locals.user;
      const serve = () =>
        route.run({
          body: req.body as unknown,
          query: req.query,
          params: req.params,
          requestId: res.locals.requestId ?? '',
          user,
          contracts: () => {
            if (user === undefined) return Promise.reject(unauthenticated());
            return options.contracts.forUser(user);
          },
        });
      const answer = options.admission
        ? await options.admission.run(serve, () => req.socket.destroyed)
        : await serve();
      if (answer !== undefined) sendJson(res, answer.status, answer.body);
    };
    router[doc.method](expressPath(doc.path), labelRoute(doc), guard(doc.access, options), handler);
  }
}

/**
 * What res.status(status).json(body) answers (Content-Type application/json; charset=utf-8,
 * Content-Length, no body for HEAD), written straight to Node's response: Express would look
 * up its JSON settings, parse back the Content-Type it just set to add the charset, and check
 * freshness. API answers carry no validators (no ETag, no Last-Modified) and are never stored,
 * so conditional headers are ignored: a GET /records/{id} with "If-None-Match: *" logs the
 * access and gets the record, not an empty 304. Statuses without a body go through Express.
 */
export function sendJson(res: Response, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  if (text === undefined || status < 200 || status === 204 || status === 205 || status >= 300) {
    res.status(status).json(body);
    return;
  }
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}
