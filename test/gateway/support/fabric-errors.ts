/**
 * Fabric's error types as the SDK throws them, built for tests: endorsement failures carrying
 * the chaincode's "CODE: text" in the peers' details, evaluation failures, submit and commit
 * status failures with gRPC codes, and commit failures with validation codes.
 */
import { Metadata, type ServiceError, status } from '@grpc/grpc-js';
import {
  CommitError,
  CommitStatusError,
  EndorseError,
  GatewayError,
} from '@hyperledger/fabric-gateway';
import { SubmitError } from '@hyperledger/fabric-gateway/dist/submiterror';
import { peer } from '@hyperledger/fabric-protos';
import { CommitFailedError } from '../../../gateway/src/fabric/transactions';
import { TX_ID } from './stubs';

function serviceError(code: status, details: string): ServiceError {
  return Object.assign(new Error(`${code} ${status[code]}: ${details}`), {
    code,
    details,
    metadata: new Metadata(),
  });
}

const peerDetail = (message: string) => ({
  address: '127.0.0.1:7150',
  mspId: 'ProviderAMSP',
  message: `chaincode response 500, ${message}`,
});

/** A submitted transaction whose endorsement the chaincode refused with MESSAGE. */
export function endorseError(message: string): EndorseError {
  const cause = serviceError(
    status.ABORTED,
    'failed to endorse transaction, see attached details for more info',
  );
  return new EndorseError({
    code: status.ABORTED,
    details: [peerDetail(message)],
    cause,
    transactionId: TX_ID,
    message: cause.message,
  });
}

/** An evaluated transaction the chaincode refused with MESSAGE. */
export function evaluateError(message: string): GatewayError {
  const cause = serviceError(
    status.UNKNOWN,
    `evaluate call to endorser returned error: chaincode response 500, ${message}`,
  );
  return new GatewayError({
    code: status.UNKNOWN,
    details: [peerDetail(message)],
    cause,
    message: cause.message,
  });
}

export function gatewayError(code: status): GatewayError {
  const cause = serviceError(code, 'connection refused');
  return new GatewayError({ code, details: [], cause, message: cause.message });
}

export function endorseUnavailable(code: status = status.UNAVAILABLE): EndorseError {
  const cause = serviceError(code, 'no connection');
  return new EndorseError({
    code,
    details: [],
    cause,
    transactionId: TX_ID,
    message: cause.message,
  });
}

export function submitError(code: status): SubmitError {
  const cause = serviceError(code, 'orderer unreachable');
  return new SubmitError({
    code,
    details: [],
    cause,
    transactionId: TX_ID,
    message: cause.message,
  });
}

export function commitStatusError(code: status): CommitStatusError {
  const cause = serviceError(code, 'no commit status');
  return new CommitStatusError({
    code,
    details: [],
    cause,
    transactionId: TX_ID,
    message: cause.message,
  });
}

export function commitError(code: keyof typeof peer.TxValidationCode): CommitError {
  return new CommitError({
    code: peer.TxValidationCode[code],
    transactionId: TX_ID,
    message: code,
  });
}

export function commitFailed(code: string): CommitFailedError {
  return new CommitFailedError(TX_ID, code);
}
