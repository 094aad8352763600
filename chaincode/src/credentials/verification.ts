/**
 * The answer to "is licence N valid on day D for a practitioner of organisation O?": yes or
 * no, why, the record and its issuer.
 */
import { type CredentialVerdict, decideCredential } from './decision';
import { type Credential, LICENCE_TYPES } from './state';

export type LicenceVerification = CredentialVerdict & {
  readonly licenceNumber: string;
  /** The organisation asked about; the licence's own is credential.organisation. */
  readonly organisation: string;
  readonly date: string;
  /** The credential as it stands now; absent when the licence is unknown. */
  readonly credential: Credential | undefined;
  /** MSP ID of the board that issued it. */
  readonly issuer: string | undefined;
};

/** A licence looked up by number answers for its own type, so any type fits here; it counts
 * only at the organisation it names (OTHER_ORGANISATION elsewhere). */
export function verification(
  licenceNumber: string,
  organisation: string,
  date: string,
  credential: Credential | undefined,
): LicenceVerification {
  return {
    ...decideCredential(credential, { licenceTypes: LICENCE_TYPES, organisation, date }),
    licenceNumber,
    organisation,
    date,
    credential,
    issuer: credential?.issuingBoard,
  };
}
