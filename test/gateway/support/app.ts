/**
 * A gateway app for route tests: the real Express app, token service and error mapping, with
 * the contracts, the CA and the peer stubbed. Users are signed in by minting real tokens.
 */
import sinon from 'sinon';
import type { Express } from 'express';
import { createApp } from '../../../gateway/src/app';
import type { Authenticator } from '../../../gateway/src/auth/login';
import { newTokenService, type TokenService } from '../../../gateway/src/auth/token';
import type { Admission } from '../../../gateway/src/http/admission';
import type { AuthUser } from '../../../gateway/src/auth/user';
import type { CaClient } from '../../../gateway/src/ca/ca-client';
import { newStreamRegistry, type StreamRegistry } from '../../../gateway/src/events/streams';
import { silentLogger } from '../../../gateway/src/logger';
import { newMetrics } from '../../../gateway/src/ops/metrics';
import { type StubContracts, stubContracts } from './stubs';

export const MSP = 'ProviderAMSP';
export const SECRET = 'route-test-secret-0123456789';

export const USERS = {
  registrar: { id: 'registrar1', mspId: MSP, role: 'registrar' },
  physician: { id: 'physician1', mspId: MSP, role: 'physician', practitionerId: 'pr-a-phys1' },
  patient: { id: 'patient1', mspId: MSP, role: 'patient', patientId: 'pat-a00001' },
  admin: { id: 'orgadmin', mspId: MSP, role: 'admin' },
} satisfies Record<string, AuthUser>;

export interface TestGateway {
  readonly app: Express;
  readonly contracts: StubContracts;
  readonly forUser: sinon.SinonStub<[AuthUser], Promise<StubContracts>>;
  readonly tokens: TokenService;
  readonly login: sinon.SinonStub<
    Parameters<Authenticator['login']>,
    ReturnType<Authenticator['login']>
  >;
  readonly register: sinon.SinonStub<
    Parameters<CaClient['register']>,
    ReturnType<CaClient['register']>
  >;
  readonly readiness: sinon.SinonStub<[], Promise<boolean>>;
  readonly streams: StreamRegistry;
  /** "Bearer <token>" for a user of this gateway's organisation. */
  bearer(user: AuthUser): string;
}

export interface TestGatewayOptions {
  readonly now?: () => number;
  readonly rateLimitPerMinute?: number;
  readonly bodyLimitBytes?: number;
  /** Folders of the web console's files. */
  readonly consoleDirs?: readonly string[];
  readonly admission?: Admission;
}

export function testGateway(options: Readonly<TestGatewayOptions> = {}): TestGateway {
  const contracts = stubContracts();
  const forUser = sinon.stub<[AuthUser], Promise<StubContracts>>().resolves(contracts);
  const tokens = newTokenService({ secret: SECRET, mspId: MSP, ttlSeconds: 900, now: options.now });
  const login = sinon.stub<
    Parameters<Authenticator['login']>,
    ReturnType<Authenticator['login']>
  >();
  const register = sinon.stub<Parameters<CaClient['register']>, ReturnType<CaClient['register']>>();
  const readiness = sinon.stub<[], Promise<boolean>>().resolves(true);
  const streams = newStreamRegistry();
  const app = createApp({
    mspId: MSP,
    logger: silentLogger(),
    metrics: newMetrics(),
    tokens,
    authenticator: { login },
    ca: { register },
    contracts: { forUser },
    readiness,
    streams,
    bodyLimitBytes: options.bodyLimitBytes ?? 256 * 1024,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 10_000,
    heartbeatMs: 50,
    consoleDirs: options.consoleDirs,
    admission: options.admission,
  });
  return {
    app,
    contracts,
    forUser,
    tokens,
    login,
    register,
    readiness,
    streams,
    bearer: (user) => `Bearer ${tokens.issue(user).token}`,
  };
}
