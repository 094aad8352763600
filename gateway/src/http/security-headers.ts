/**
 * Headers for an API that carries PHI: nothing cached, nothing framed or sniffed, no referrer,
 * HTTPS only. The /docs page gets a policy that lets it load its own scripts and styles.
 */
import type { NextFunction, Request, Response } from 'express';

const API_POLICY = "default-src 'none'; frame-ancestors 'none'";
const DOCS_POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  res.set({
    'strict-transport-security': 'max-age=31536000; includeSubDomains',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
    'content-security-policy': req.path.startsWith('/docs') ? DOCS_POLICY : API_POLICY,
  });
  next();
}
