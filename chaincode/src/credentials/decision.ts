/**
 * Is practitioner P of organisation O allowed to act as type T on date D? Pure functions over
 * the credentials' current state: a suspension or revocation counts from the moment it is
 * recorded, so the history is never consulted. A practitioner ID counts only within the
 * organisation its licence names, since any member's CA can issue a certificate with any ID.
 * Dates are YYYY-MM-DD (validated by the caller), so comparing the strings compares the days;
 * both ends of the validity window are inclusive.
 */
import { type Credential, CredentialStatus, type LicenceType } from './state';

export type CredentialInvalidReason =
  | 'UNKNOWN'
  | 'OTHER_ORGANISATION'
  | 'NOT_YET_VALID'
  | 'EXPIRED'
  | 'SUSPENDED'
  | 'REVOKED'
  | 'WRONG_TYPE';

type InvalidVerdict = { valid: false; reason: CredentialInvalidReason };

export type CredentialVerdict = { valid: true; reason: 'VALID' } | InvalidVerdict;

export interface CredentialQuery {
  /** The types that allow the act; an empty list allows nothing. */
  readonly licenceTypes: readonly LicenceType[];
  /** MSP ID of the organisation in whose name the act is done. */
  readonly organisation: string;
  /** YYYY-MM-DD */
  readonly date: string;
}

/**
 * One credential: unknown, then another organisation (a licence held elsewhere says nothing
 * about a practitioner of this one), then wrong type (nor does a licence of another type about
 * this act), then status (revoked before suspended), then the window.
 */
export function decideCredential(
  credential: Credential | undefined,
  request: CredentialQuery,
): CredentialVerdict {
  if (credential === undefined) return invalid('UNKNOWN');
  if (credential.organisation !== request.organisation) return invalid('OTHER_ORGANISATION');
  if (!request.licenceTypes.includes(credential.licenceType)) return invalid('WRONG_TYPE');
  if (credential.status === CredentialStatus.Revoked) return invalid('REVOKED');
  if (credential.status === CredentialStatus.Suspended) return invalid('SUSPENDED');
  if (request.date < credential.validFrom) return invalid('NOT_YET_VALID');
  if (request.date > credential.validTo) return invalid('EXPIRED');
  return { valid: true, reason: 'VALID' };
}

/**
 * A verifier most needs to know about a board's action against the practitioner, then about
 * a lapsed licence, then one that has not started; a licence of another type tells little, and
 * one held at another organisation (perhaps by someone else under the same ID) less still.
 */
const INFORMATIVENESS: Readonly<Record<CredentialInvalidReason, number>> = {
  REVOKED: 6,
  SUSPENDED: 5,
  EXPIRED: 4,
  NOT_YET_VALID: 3,
  WRONG_TYPE: 2,
  OTHER_ORGANISATION: 1,
  UNKNOWN: 0,
};

/**
 * All of a practitioner's credentials: valid if any one is; otherwise the most informative
 * reason, which comes from a credential of the organisation and a fitting type whenever there
 * is one.
 */
export function practitionerVerdict(
  credentials: readonly Credential[],
  request: CredentialQuery,
): CredentialVerdict {
  let best = invalid('UNKNOWN');
  for (const credential of credentials) {
    const verdict = decideCredential(credential, request);
    if (verdict.valid) return verdict;
    if (INFORMATIVENESS[verdict.reason] > INFORMATIVENESS[best.reason]) {
      best = verdict;
    }
  }
  return best;
}

function invalid(reason: CredentialInvalidReason): InvalidVerdict {
  return { valid: false, reason };
}
