/**
 * The one place where failures become HTTP answers: chaincode error codes (the "CODE: text"
 * the chaincode throws, found in the endorsers' messages), Fabric's error types, the CA's,
 * the gateway's own problems and request parsing errors. The caller gets a status, a stable
 * code and a safe message; Fabric's details (per-peer messages, transaction ID) go to the log.
 * 500 is kept for bugs; a failure never gets a 2xx.
 */
import { status as GrpcStatus } from '@grpc/grpc-js';
import { CommitError, GatewayError } from '@hyperledger/fabric-gateway';
import { peer } from '@hyperledger/fabric-protos';
import { CaError } from '../ca/errors';
import { CommitFailedError } from '../fabric/transactions';
import { isConcurrencyLimit, isEndorsementMismatch } from '../fabric/transient-errors';
import type { LogFields, LogLevel } from '../logger';
import { HttpProblem } from './problem';

export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly field?: string;
    readonly reason?: string;
    readonly requestId?: string;
  };
}

export interface HttpAnswer {
  readonly status: number;
  readonly body: ErrorBody;
  readonly headers: Readonly<Record<string, string>>;
  readonly log: { readonly level: LogLevel; readonly fields: LogFields };
}

/** HTTP status of each chaincode error code (chaincode/src/shared/errors.ts). */
export const CHAINCODE_STATUS = {
  INVALID_ARGUMENT: 400,
  FORBIDDEN: 403,
  CREDENTIAL_INVALID: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ERASED: 410,
  FAILED_PRECONDITION: 422,
  /** The peer has not yet received the private data it was asked for (it is catching up). */
  PRIVATE_DATA_PENDING: 503,
} as const;

type ChaincodeCode = keyof typeof CHAINCODE_STATUS;

const CODE_PATTERN = new RegExp(
  `(?:^|[\\s,:])(${Object.keys(CHAINCODE_STATUS).join('|')}): ([\\s\\S]*)$`,
);

export interface ChaincodeFailure {
  readonly code: ChaincodeCode;
  readonly text: string;
}

/** Finds "CODE: text" in the first message that has one. */
export function chaincodeFailureOf(messages: readonly string[]): ChaincodeFailure | undefined {
  for (const message of messages) {
    const match = CODE_PATTERN.exec(message);
    if (match?.[1] !== undefined && isChaincodeCode(match[1])) {
      return { code: match[1], text: (match[2] ?? '').trim() };
    }
  }
  return undefined;
}

function isChaincodeCode(code: string): code is ChaincodeCode {
  return Object.hasOwn(CHAINCODE_STATUS, code);
}

const RETRY_LATER = { 'Retry-After': '5' };
/** For load and races that clear within a block or two (blocks are cut every 250 ms). */
const RETRY_SOON = { 'Retry-After': '1' };

export function toHttpAnswer(err: unknown): HttpAnswer {
  if (err instanceof HttpProblem) return fromProblem(err);
  if (err instanceof GatewayError) return fromGatewayError(err);
  if (err instanceof CommitFailedError)
    return fromCommitCode(err.code, err.transactionId, err.name);
  if (err instanceof CommitError) {
    return fromCommitCode(validationCodeName(err.code), err.transactionId, err.name);
  }
  if (err instanceof CaError) return fromCaError(err);
  if (err instanceof URIError) {
    // The router could not percent-decode a path parameter; the value itself is not echoed.
    return answer(
      400,
      'INVALID_ARGUMENT',
      'path: is not valid percent-encoding',
      {
        level: 'info',
        fields: { routerError: err.name },
      },
      {},
      'path',
    );
  }
  const parseFailure = bodyParserFailure(err);
  if (parseFailure) return parseFailure;
  return answer(500, 'INTERNAL', 'the gateway failed unexpectedly', {
    level: 'error',
    fields: { err },
  });
}

function fromProblem(p: HttpProblem): HttpAnswer {
  const headers: Record<string, string> =
    p.retryAfter === undefined ? {} : { 'Retry-After': String(p.retryAfter) };
  return {
    status: p.status,
    body: { error: { code: p.code, message: p.message, field: p.field, reason: p.reason } },
    headers,
    log: { level: p.status >= 500 ? 'warn' : 'info', fields: { code: p.code } },
  };
}

function fromGatewayError(err: GatewayError): HttpAnswer {
  const transactionId = 'transactionId' in err ? String(err.transactionId) : undefined;
  const fields: LogFields = {
    fabricError: err.name,
    grpcCode: err.code,
    transactionId,
    details: err.details,
    fabricMessage: err.message,
  };
  const failure = chaincodeFailureOf([...err.details.map((d) => d.message), err.message]);
  if (failure) return fromChaincode(failure, fields);
  // Fabric's gateway docs: UNKNOWN from the concurrency limiter and ABORTED for endorsements
  // that could not be assembled; these two causes are transient, so say when to come back.
  if (isConcurrencyLimit(err)) {
    return answer(
      503,
      'UNAVAILABLE',
      'the network is busy; try again shortly',
      { level: 'warn', fields },
      RETRY_SOON,
    );
  }
  if (isEndorsementMismatch(err)) {
    return answer(
      409,
      'CONFLICT',
      "the organisations' peers saw the data at different moments (it changed concurrently); try again",
      { level: 'warn', fields },
      RETRY_SOON,
    );
  }
  switch (err.code) {
    case GrpcStatus.UNAVAILABLE:
    case GrpcStatus.DEADLINE_EXCEEDED:
    case GrpcStatus.RESOURCE_EXHAUSTED:
    case GrpcStatus.CANCELLED:
      return answer(
        503,
        'UNAVAILABLE',
        unavailableMessage(err.name),
        { level: 'warn', fields },
        RETRY_LATER,
      );
    case GrpcStatus.PERMISSION_DENIED:
    case GrpcStatus.UNAUTHENTICATED:
      return answer(403, 'FORBIDDEN', 'the network refused this identity', {
        level: 'warn',
        fields,
      });
    default:
      return answer(502, 'UPSTREAM_ERROR', 'the network could not process the transaction', {
        level: 'error',
        fields,
      });
  }
}

// After endorsement the transaction may still commit: say so rather than invite a blind retry.
function unavailableMessage(errorName: string): string {
  if (errorName === 'SubmitError' || errorName === 'CommitStatusError') {
    return 'the network did not confirm the transaction in time; it may still commit';
  }
  return 'the network is unreachable or did not answer in time';
}

function fromChaincode(failure: ChaincodeFailure, fields: LogFields): HttpAnswer {
  const log = { level: 'info' as const, fields: { ...fields, chaincodeCode: failure.code } };
  if (failure.code === 'INVALID_ARGUMENT') {
    const colon = failure.text.indexOf(': ');
    const field = colon > 0 ? failure.text.slice(0, colon) : undefined;
    const reason = colon > 0 ? failure.text.slice(colon + 2) : failure.text;
    return {
      status: 400,
      body: { error: { code: failure.code, message: failure.text, field, reason } },
      headers: {},
      log,
    };
  }
  const status = CHAINCODE_STATUS[failure.code];
  return answer(status, failure.code, failure.text, log, status === 503 ? RETRY_LATER : {});
}

function fromCommitCode(code: string, transactionId: string, errorName: string): HttpAnswer {
  const fields = { fabricError: errorName, validationCode: code, transactionId };
  if (code === 'MVCC_READ_CONFLICT' || code === 'PHANTOM_READ_CONFLICT') {
    return answer(409, 'CONFLICT', 'the data changed concurrently, even after retries; try again', {
      level: 'warn',
      fields,
    });
  }
  if (code === 'ENDORSEMENT_POLICY_FAILURE') {
    return answer(403, 'FORBIDDEN', 'the transaction lacks the endorsements its data requires', {
      level: 'warn',
      fields,
    });
  }
  return answer(502, 'UPSTREAM_ERROR', 'the network rejected the transaction', {
    level: 'error',
    fields,
  });
}

function fromCaError(err: CaError): HttpAnswer {
  const fields = { caFailure: err.failure, caMessages: err.caMessages };
  switch (err.failure) {
    case 'unauthorized':
      return answer(401, 'UNAUTHENTICATED', err.message, { level: 'info', fields });
    case 'conflict':
      return answer(409, 'CONFLICT', err.message, { level: 'info', fields });
    case 'rejected':
      return answer(422, 'FAILED_PRECONDITION', err.message, { level: 'warn', fields });
    case 'unreachable':
      return answer(503, 'UNAVAILABLE', err.message, { level: 'warn', fields }, RETRY_LATER);
  }
}

/** express.json() errors carry a type and a status. */
function bodyParserFailure(err: unknown): HttpAnswer | undefined {
  if (typeof err !== 'object' || err === null || !('type' in err)) return undefined;
  const log = { level: 'info' as const, fields: { parser: String(err.type) } };
  switch (err.type) {
    case 'entity.parse.failed':
      return answer(400, 'INVALID_ARGUMENT', 'body: is not valid JSON', log, {}, 'body');
    case 'entity.too.large':
      return answer(413, 'PAYLOAD_TOO_LARGE', 'body: is larger than the gateway accepts', log);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return answer(415, 'UNSUPPORTED_MEDIA_TYPE', 'body: must be UTF-8 JSON', log);
    default:
      return undefined;
  }
}

function answer(
  status: number,
  code: string,
  message: string,
  log: HttpAnswer['log'],
  headers: Readonly<Record<string, string>> = {},
  field?: string,
): HttpAnswer {
  const reason = field === undefined ? undefined : message.slice(field.length + 2);
  return { status, body: { error: { code, message, field, reason } }, headers, log };
}

const VALIDATION_CODES = new Map<number, string>(
  Object.entries(peer.TxValidationCode).map(([name, value]) => [value, name]),
);

function validationCodeName(code: number): string {
  return VALIDATION_CODES.get(code) ?? `VALIDATION_CODE_${code}`;
}
