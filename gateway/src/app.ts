/**
 * The gateway's Express application, built from its dependencies and never listening itself:
 * server.ts gives it a TLS socket, tests give it to supertest with stubbed contracts.
 */
import express, { type Express } from 'express';
import { adminRoutes } from './admin/routes';
import type { Authenticator } from './auth/login';
import { authRoutes } from './auth/routes';
import type { TokenService } from './auth/token';
import type { CaClient } from './ca/ca-client';
import { claimsRoutes } from './claims/routes';
import { consentRoutes } from './consent/routes';
import { credentialsRoutes } from './credentials/routes';
import { eventsDoc, eventsHandler } from './events/sse';
import type { StreamRegistry } from './events/streams';
import type { ContractsProvider } from './fabric/user-contracts';
import type { Admission } from './http/admission';
import { accessLog } from './http/access-log';
import { guard } from './http/authenticate';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { labelRoute, mountRoutes } from './http/mount';
import { newRateLimiter, type RateLimiter } from './http/rate-limit';
import { requestId } from './http/request-id';
import type { Route } from './http/route';
import { securityHeaders } from './http/security-headers';
import './http/locals';
import type { Logger } from './logger';
import type { Metrics } from './ops/metrics';
import { openApiDocument } from './ops/openapi';
import type { Readiness } from './ops/readiness';
import { opsDocs, opsRouter } from './ops/routes';
import { patientRoutes } from './records/patient-routes';
import { recordsRoutes } from './records/routes';
import { CONSOLE_PATH, consoleRouter, defaultConsoleDirs } from './web/console';

export interface AppDeps {
  readonly mspId: string;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly tokens: TokenService;
  readonly authenticator: Authenticator;
  readonly ca: Pick<CaClient, 'register'>;
  readonly contracts: ContractsProvider;
  readonly readiness: Readiness;
  readonly streams: StreamRegistry;
  readonly bodyLimitBytes: number;
  /** Requests per user (or per address for logins) per minute. */
  readonly rateLimitPerMinute: number;
  readonly limiter?: RateLimiter;
  /** Bounds the API requests doing their work at once (none: no bound). */
  readonly admission?: Admission;
  readonly heartbeatMs?: number;
  /** Folders of the web console's files (default: beside gateway/dist). */
  readonly consoleDirs?: readonly string[];
}

export function createApp(deps: Readonly<AppDeps>): Express {
  const app = express();
  app.disable('x-powered-by');
  // Every API answer is "cache-control: no-store", so an ETag (a SHA-1 of each JSON body) buys
  // nothing; the console's static files keep theirs (express.static sets its own).
  app.set('etag', false);
  const limiter = deps.limiter ?? newRateLimiter({ limit: deps.rateLimitPerMinute });
  const routes: Route[] = [
    ...authRoutes({ authenticator: deps.authenticator, tokens: deps.tokens }),
    ...adminRoutes(deps.ca),
    ...patientRoutes(),
    ...recordsRoutes(),
    ...consentRoutes(),
    ...credentialsRoutes(),
    ...claimsRoutes(),
  ];
  const docs = [...opsDocs, ...routes.map((r) => r.doc), eventsDoc];
  const openApi = openApiDocument(
    {
      title: `HealthLedger gateway (${deps.mspId})`,
      version: '0.1.0',
      description:
        "An organisation's HTTPS API over the healthledger chaincode. Log in at /auth/login, " +
        'then send the token as "Authorization: Bearer <token>". PHI goes only in request bodies.',
    },
    docs,
  );

  app.use(requestId, securityHeaders, accessLog(deps.logger, deps.metrics));
  app.use(express.json({ limit: deps.bodyLimitBytes, strict: true }));
  app.use(CONSOLE_PATH, consoleRouter(deps.consoleDirs ?? defaultConsoleDirs()));
  app.use(opsRouter({ readiness: deps.readiness, metrics: deps.metrics, openApi: () => openApi }));
  // strict: "/claims/" is not "/claims" (an empty claim ID must not reach the list route).
  const api = express.Router({ strict: true });
  mountRoutes(api, routes, {
    tokens: deps.tokens,
    limiter,
    contracts: deps.contracts,
    admission: deps.admission,
  });
  api.get(
    eventsDoc.path,
    labelRoute(eventsDoc),
    guard(eventsDoc.access, { tokens: deps.tokens, limiter }),
    eventsHandler({
      contracts: deps.contracts,
      streams: deps.streams,
      logger: deps.logger,
      heartbeatMs: deps.heartbeatMs,
    }),
  );
  app.use(api);
  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger));
  return app;
}
