/**
 * Failures sorted into the kinds the report counts: MVCC (a read conflict, or endorsers that
 * answered differently, still there after the retries), timeout (a deadline passed or the peer
 * refused under load: what the gateway maps to 503), and other. The detail keeps the gRPC code, HTTP status or chaincode
 * code only: chaincode messages carry no PHI, and no payload is ever logged.
 */
import { status as GrpcStatus } from '@grpc/grpc-js';
import { GatewayError } from '@hyperledger/fabric-gateway';
import { CommitFailedError } from '../../gateway/src/fabric/transactions';
import {
  isConcurrencyLimit,
  isEndorsementMismatch,
} from '../../gateway/src/fabric/transient-errors';

export type ErrorKind = 'mvcc' | 'timeout' | 'other';

export interface Failure {
  readonly kind: ErrorKind;
  /** e.g. "grpc RESOURCE_EXHAUSTED", "http 429 RATE_LIMITED", "chaincode CONFLICT". */
  readonly detail: string;
  /** A sample message (Fabric's or the gateway's; never a payload), for the JSON report. */
  readonly message?: string;
}

const sampleOf = (text: string) => text.replace(/\s+/g, ' ').slice(0, 300);

const OVERLOAD: readonly number[] = [
  GrpcStatus.DEADLINE_EXCEEDED,
  GrpcStatus.UNAVAILABLE,
  GrpcStatus.RESOURCE_EXHAUSTED,
  GrpcStatus.CANCELLED,
];

const CHAINCODE_CODE =
  /\b(INVALID_ARGUMENT|NOT_FOUND|FORBIDDEN|CONFLICT|ERASED|CREDENTIAL_INVALID|FAILED_PRECONDITION)\b/;

export function isMvcc(code: string): boolean {
  return code === 'MVCC_READ_CONFLICT' || code === 'PHANTOM_READ_CONFLICT';
}

/** A failure of a Gateway SDK call. */
export function sdkFailure(err: unknown): Failure {
  if (err instanceof CommitFailedError) {
    return {
      kind: isMvcc(err.code) ? 'mvcc' : 'other',
      detail: `commit ${err.code}`,
      message: sampleOf(err.message),
    };
  }
  if (err instanceof GatewayError) {
    const texts = [err.message, ...err.details.map((d) => d.message)].join('\n');
    const message = sampleOf(texts);
    const chaincode = CHAINCODE_CODE.exec(texts)?.[1];
    if (chaincode !== undefined)
      return { kind: 'other', detail: `chaincode ${chaincode}`, message };
    // The gateway answers these 503 and 409 (gateway/src/http/errors.ts): count them alike.
    if (isConcurrencyLimit(err)) {
      return { kind: 'timeout', detail: 'peer concurrency limit', message };
    }
    if (isEndorsementMismatch(err)) {
      return { kind: 'mvcc', detail: 'endorsement mismatch', message };
    }
    const name = GrpcStatus[err.code] ?? String(err.code);
    return {
      kind: OVERLOAD.includes(err.code) ? 'timeout' : 'other',
      detail: `grpc ${name}`,
      message,
    };
  }
  return { kind: 'other', detail: `client ${err instanceof Error ? err.name : typeof err}` };
}

/** A failed HTTP answer: STATUS and the error code of the body. */
export function httpFailure(status: number, body: unknown): Failure {
  const error =
    typeof body === 'object' && body !== null && 'error' in body
      ? (body.error as { code?: unknown; message?: unknown })
      : {};
  const code = typeof error.code === 'string' ? error.code : '';
  const message = typeof error.message === 'string' ? error.message : '';
  if (status === 409 && /concurrently/.test(message)) {
    return { kind: 'mvcc', detail: 'http 409 MVCC', message };
  }
  if (status === 503 || status === 504) {
    return { kind: 'timeout', detail: `http ${status} ${code}`, message };
  }
  return { kind: 'other', detail: `http ${status} ${code}`.trim(), message: sampleOf(message) };
}

/** The request never got an answer (socket error, client-side timeout). */
export function transportFailure(err: unknown): Failure {
  const text = err instanceof Error ? err.message : String(err);
  const timeout = /no answer|timeout|ETIMEDOUT/i.test(text);
  const code = (err as { code?: unknown }).code;
  return {
    kind: timeout ? 'timeout' : 'other',
    detail: `transport ${typeof code === 'string' ? code : timeout ? 'timeout' : 'error'}`,
  };
}
