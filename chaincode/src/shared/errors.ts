/**
 * Chaincode errors. Only an error's message crosses to the client (inside the gateway's
 * EndorseError details), so every message starts with a stable code the gateway maps to HTTP.
 */

export const ErrorCode = {
  InvalidArgument: 'INVALID_ARGUMENT',
  NotFound: 'NOT_FOUND',
  Forbidden: 'FORBIDDEN',
  Conflict: 'CONFLICT',
  /** The item existed and was erased at the patient's request; its tombstone remains. */
  Erased: 'ERASED',
  /** A practitioner's licence does not allow the act (missing, suspended, revoked, expired). */
  CredentialInvalid: 'CREDENTIAL_INVALID',
  /** A well-formed request that a business rule refuses (e.g. a disallowed status change). */
  FailedPrecondition: 'FAILED_PRECONDITION',
  /** This peer cannot answer yet (its copy of the private data has not arrived); retry. */
  PrivateDataPending: 'PRIVATE_DATA_PENDING',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class ChaincodeError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(`${code}: ${message}`);
    this.name = 'ChaincodeError';
    this.code = code;
  }
}

/** Bad input: names the field and the reason. */
export function invalidArgument(field: string, reason: string): ChaincodeError {
  return new ChaincodeError(ErrorCode.InvalidArgument, `${field}: ${reason}`);
}

export function notFound(what: string): ChaincodeError {
  return new ChaincodeError(ErrorCode.NotFound, `${what} does not exist`);
}

export function forbidden(reason: string): ChaincodeError {
  return new ChaincodeError(ErrorCode.Forbidden, reason);
}

export function conflict(reason: string): ChaincodeError {
  return new ChaincodeError(ErrorCode.Conflict, reason);
}

export function erased(what: string): ChaincodeError {
  return new ChaincodeError(ErrorCode.Erased, `${what} was erased at the patient's request`);
}

export function credentialInvalid(reason: string): ChaincodeError {
  return new ChaincodeError(ErrorCode.CredentialInvalid, reason);
}

export function failedPrecondition(reason: string): ChaincodeError {
  return new ChaincodeError(ErrorCode.FailedPrecondition, reason);
}

export function privateDataPending(reason: string): ChaincodeError {
  return new ChaincodeError(ErrorCode.PrivateDataPending, reason);
}
