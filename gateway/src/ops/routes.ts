/**
 * Operations endpoints, anonymous by design: /healthz (the process answers), /readyz (the peer
 * is reachable), /metrics (Prometheus text), /openapi.json and its viewer at /docs. None of
 * them touches the ledger or returns PHI.
 */
import { dirname, join } from 'node:path';
import express, { type Request, type Response, type Router } from 'express';
import { labelRoute } from '../http/mount';
import { NoBody, NoParams, NoQuery, type RouteDoc } from '../http/route';
import type { Metrics } from './metrics';
import type { Readiness } from './readiness';

export interface OpsOptions {
  readonly readiness: Readiness;
  readonly metrics: Metrics;
  readonly openApi: () => unknown;
}

const op = (path: string, summary: string, success: string, errors: number[] = []): RouteDoc => ({
  method: 'get',
  path,
  tag: 'operations',
  summary,
  access: 'public',
  body: NoBody,
  query: NoQuery,
  params: NoParams,
  success: { status: 200, description: success },
  errors,
});

export const opsDocs: readonly RouteDoc[] = [
  op('/healthz', 'The gateway process is up', '{status: "ok"}'),
  op('/readyz', "The organisation's peer is reachable", '{status: "ready"}', [503]),
  op('/metrics', 'Prometheus metrics', 'text/plain exposition format'),
  op('/openapi.json', 'This document', 'OpenAPI 3.1'),
];

const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>HealthLedger gateway API</title>
<link rel="stylesheet" href="/docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/swagger-ui-bundle.js"></script><script src="/docs/init.js"></script></body></html>`;

const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui' });`;

export function opsRouter(options: Readonly<OpsOptions>): Router {
  const router = express.Router();
  const [healthz, readyz, metrics, openapi] = opsDocs;
  if (!healthz || !readyz || !metrics || !openapi) throw new Error('ops routes missing');
  router.get('/healthz', labelRoute(healthz), (_req: Request, res: Response) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', labelRoute(readyz), async (_req: Request, res: Response) => {
    if (await options.readiness()) {
      res.json({ status: 'ready' });
      return;
    }
    const error = { code: 'UNAVAILABLE', message: 'the peer is unreachable' };
    res
      .status(503)
      .set('retry-after', '5')
      .json({ error: { ...error, requestId: res.locals.requestId } });
  });
  router.get('/metrics', labelRoute(metrics), async (_req: Request, res: Response) => {
    res.type(options.metrics.registry.contentType).send(await options.metrics.registry.metrics());
  });
  router.get('/openapi.json', labelRoute(openapi), (_req: Request, res: Response) => {
    res.json(options.openApi());
  });
  const docsLabel = labelRoute({ path: '/docs' });
  router.get('/docs', docsLabel, (_req: Request, res: Response) => {
    res.type('html').send(DOCS_HTML);
  });
  router.get('/docs/init.js', docsLabel, (_req: Request, res: Response) => {
    res.type('js').send(DOCS_INIT);
  });
  const swaggerDir = dirname(require.resolve('swagger-ui-dist/package.json'));
  for (const file of ['swagger-ui.css', 'swagger-ui-bundle.js']) {
    router.get(`/docs/${file}`, docsLabel, (_req: Request, res: Response) => {
      res.sendFile(join(swaggerDir, file));
    });
  }
  return router;
}
