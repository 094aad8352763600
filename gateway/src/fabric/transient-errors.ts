/**
 * Fabric failures that say "not now" rather than "no": a peer over its gateway concurrency
 * limit, and endorsing peers whose simulations differed because their ledgers were at
 * different heights. Both are found by message, because Fabric reports the first as gRPC
 * UNKNOWN (its limiter returns a plain error) and the second as ABORTED, a code it also uses
 * for endorsements refused for good.
 */
import { status as GrpcStatus } from '@grpc/grpc-js';
import { EndorseError, GatewayError } from '@hyperledger/fabric-gateway';

// Fabric's limiter: "too many requests for /gateway.Gateway, exceeding concurrency limit (500)".
const CONCURRENCY_LIMIT = /exceeding concurrency limit/i;
// protoutil.CreateTx, when two endorsers' read/write sets differ.
const ENDORSEMENT_MISMATCH = /ProposalResponsePayloads do not match/;

function messagesOf(err: GatewayError): string[] {
  return [err.message, ...err.details.map((d) => d.message)];
}

/** The peer (or an endorser it asked) refused the call because too many were in flight. */
export function isConcurrencyLimit(err: unknown): boolean {
  return err instanceof GatewayError && messagesOf(err).some((m) => CONCURRENCY_LIMIT.test(m));
}

/** The endorsers' answers differed; nothing was ordered, so a new proposal is safe. */
export function isEndorsementMismatch(err: unknown): boolean {
  return (
    err instanceof EndorseError &&
    err.code === GrpcStatus.ABORTED &&
    messagesOf(err).some((m) => ENDORSEMENT_MISMATCH.test(m))
  );
}
