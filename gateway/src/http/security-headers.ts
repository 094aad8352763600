/**
 * Headers for an API that carries PHI: nothing cached, nothing framed or sniffed, no referrer,
 * HTTPS only. The /docs page gets a policy that lets it load its own scripts and styles; the
 * web console at /console/ may load its own scripts, styles and images and call its own origin
 * (the API and the event stream), but runs no inline script.
 */
import type { NextFunction, Request, Response } from 'express';

const API_POLICY = "default-src 'none'; frame-ancestors 'none'";
const DOCS_POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
export const CONSOLE_POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; connect-src 'self'; frame-ancestors 'none'";

function policyFor(path: string): string {
  if (path.startsWith('/docs')) return DOCS_POLICY;
  if (path === '/console' || path.startsWith('/console/')) return CONSOLE_POLICY;
  return API_POLICY;
}

export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  res.set({
    'strict-transport-security': 'max-age=31536000; includeSubDomains',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
    'content-security-policy': policyFor(req.path),
  });
  next();
}
