/**
 * The one gRPC connection of a process to its organisation's peer, and Gateway SDK sessions
 * over it, one per signing identity, with explicit deadlines per call type.
 */
import * as grpc from '@grpc/grpc-js';
import { connect, type Gateway } from '@hyperledger/fabric-gateway';
import type { SigningIdentity } from './identity';

export interface PeerEndpoint {
  /** host:port of the peer's gateway service. */
  readonly address: string;
  /** PEM of the CA that signed the peer's TLS certificate. */
  readonly tlsRootCert: Buffer;
}

export interface Deadlines {
  readonly evaluateMs: number;
  readonly endorseMs: number;
  readonly submitMs: number;
  readonly commitStatusMs: number;
}

export const DEFAULT_DEADLINES: Deadlines = {
  evaluateMs: 5_000,
  endorseMs: 15_000,
  submitMs: 5_000,
  commitStatusMs: 60_000,
};

export function newGrpcClient(endpoint: Readonly<PeerEndpoint>): grpc.Client {
  const credentials = grpc.credentials.createSsl(endpoint.tlsRootCert);
  return new grpc.Client(endpoint.address, credentials, {
    // Keep the connection alive through idle periods; the peer allows pings every 60 s or more.
    'grpc.keepalive_time_ms': 120_000,
    'grpc.max_receive_message_length': 100 * 1024 * 1024,
  });
}

export function newGateway(
  client: grpc.Client,
  who: SigningIdentity,
  deadlines: Readonly<Deadlines> = DEFAULT_DEADLINES,
): Gateway {
  const after = (ms: number) => () => ({ deadline: Date.now() + ms });
  return connect({
    client,
    identity: who.identity,
    signer: who.signer,
    hash: who.hash,
    evaluateOptions: after(deadlines.evaluateMs),
    endorseOptions: after(deadlines.endorseMs),
    submitOptions: after(deadlines.submitMs),
    commitStatusOptions: after(deadlines.commitStatusMs),
  });
}
