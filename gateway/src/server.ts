/**
 * The gateway process of one organisation: reads the configuration, opens the one gRPC
 * connection to the organisation's peer, serves the app over HTTPS with a certificate from
 * the organisation's CA, and on SIGTERM stops accepting, lets requests in flight finish,
 * ends event streams, then closes the Gateway sessions and finally the connection.
 */
import { readFileSync } from 'node:fs';
import type * as grpc from '@grpc/grpc-js';
import { createServer } from 'node:https';
import { createApp } from './app';
import { newAuthenticator } from './auth/login';
import { newTokenService } from './auth/token';
import { newCaClient } from './ca/ca-client';
import { loadRegistrar } from './ca/registrar';
import { type Config, ConfigError, readConfig } from './config';
import { newStreamRegistry } from './events/streams';
import { fabricBlockSource } from './fabric/commit-source';
import { CommitTracker } from './fabric/commits';
import { newGateway, newGrpcClient } from './fabric/connection';
import { loadMspIdentity } from './fabric/identity';
import { newFabricContracts } from './fabric/contracts';
import { randomSalt } from './fabric/salt';
import { newSessions } from './fabric/sessions';
import { newAdmission } from './http/admission';
import { type Logger, newLogger } from './logger';
import { type Metrics, newMetrics } from './ops/metrics';
import { peerReadiness } from './ops/readiness';
import { newFileWallet } from './wallet/wallet';

/** How long requests in flight get to finish after SIGTERM. */
const GRACE_MS = 20_000;

async function main(): Promise<void> {
  const config = configOrExit();
  const logger = newLogger({ level: config.logLevel, base: { org: config.org } });
  const client = newGrpcClient({
    address: config.peer.endpoint,
    tlsRootCert: readFileSync(config.peer.tlsRootCertFile),
  });
  const wallet = newFileWallet({
    dir: config.walletDir,
    secret: config.secret,
    mspId: config.mspId,
    // An opened key lives no longer than the token that needed it.
    cacheTtlMs: config.tokenTtlSeconds * 1000,
  });
  const sessions = newSessions({
    client,
    wallet,
    mspId: config.mspId,
    deadlines: config.deadlines,
  });
  const metrics = newMetrics({ processMetrics: true });
  const commits = await commitTracker(config, client, logger, metrics);
  const ca = newCaClient({
    url: config.ca.url,
    caName: config.ca.name,
    tlsRootCert: readFileSync(config.ca.tlsRootCertFile),
    registrar: await loadRegistrar(config.ca.registrarMspDir),
  });
  const tokens = newTokenService({
    secret: config.secret,
    mspId: config.mspId,
    ttlSeconds: config.tokenTtlSeconds,
  });
  const streams = newStreamRegistry();
  const admission = newAdmission({
    ...config.admission,
    onRefused: (reason) => metrics.admissionRefusals.inc({ reason }),
    onAbandoned: () => metrics.admissionAbandoned.inc(),
  });
  metrics.watchAdmission(() => ({ active: admission.active, queued: admission.queued }));
  const app = createApp({
    mspId: config.mspId,
    logger,
    metrics,
    tokens,
    authenticator: newAuthenticator({ ca, wallet, sessions, mspId: config.mspId }),
    ca,
    contracts: newFabricContracts({
      sessions,
      channel: config.channel,
      chaincode: config.chaincode,
      metrics,
      salt: randomSalt,
      commits,
    }),
    readiness: peerReadiness(client),
    streams,
    bodyLimitBytes: config.bodyLimitBytes,
    rateLimitPerMinute: config.rateLimitPerMinute,
    admission,
  });

  const server = createServer(
    {
      cert: readFileSync(config.tls.certFile),
      key: readFileSync(config.tls.keyFile),
      minVersion: 'TLSv1.2',
    },
    app,
  );
  server.listen(config.listen.port, config.listen.host, () => {
    logger.info('gateway listening', {
      url: `https://${config.listen.host}:${config.listen.port}`,
      mspId: config.mspId,
      peer: config.peer.endpoint,
    });
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal, openStreams: streams.size });
    const force = setTimeout(() => server.closeAllConnections(), GRACE_MS);
    force.unref();
    server.close(() => {
      commits?.close();
      sessions.close();
      client.close();
      logger.info('gateway stopped');
      process.exit(0);
    });
    streams.closeAll();
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

/** The gateway's block stream of commits, when it has an identity of its own to read it. */
async function commitTracker(
  config: Config,
  client: grpc.Client,
  logger: Logger,
  metrics: Metrics,
): Promise<CommitTracker | undefined> {
  if (config.identityMspDir === undefined) return undefined;
  const identity = await loadMspIdentity(config.mspId, config.identityMspDir);
  const network = newGateway(client, identity, config.deadlines).getNetwork(config.channel);
  const tracker = new CommitTracker({
    source: fabricBlockSource(network),
    commitTimeoutMs: config.deadlines.commitStatusMs,
    onConfirm: (source) => metrics.commitConfirmations.inc({ source }),
    onStreamChange: (live, detail) =>
      live
        ? logger.info('commit stream live', { detail })
        : logger.warn('commit stream lost; asking the peer per transaction', { detail }),
  });
  void tracker.run();
  return tracker;
}

function configOrExit(): Config {
  try {
    return readConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

main().catch((err: unknown) => {
  process.stderr.write(
    `gateway failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
