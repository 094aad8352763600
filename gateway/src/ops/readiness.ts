/**
 * Readiness: can the gateway reach its peer? Asks the shared gRPC channel to be connected
 * within a short deadline; a peer that is down answers "not ready" rather than hanging.
 */
import type * as grpc from '@grpc/grpc-js';

export type Readiness = () => Promise<boolean>;

export function peerReadiness(client: grpc.Client, timeoutMs = 2_000): Readiness {
  return () =>
    new Promise((resolve) => {
      client.waitForReady(Date.now() + timeoutMs, (err) =>
        resolve(err === undefined || err === null),
      );
    });
}
