/**
 * What the other contracts call to ask the credentials module: "may this practitioner act
 * as one of these licence types on this day?". Read in the caller's own transaction, so a
 * suspension or revocation committed before it takes effect at once.
 */
import type { HealthContext } from '../shared/context';
import { credentialInvalid } from '../shared/errors';
import { Id, IsoDate, parse } from '../shared/schema';
import { type CredentialVerdict, practitionerVerdict } from './decision';
import type { LicenceType } from './state';
import { credentialsOf } from './store';
import { txDate } from './window';

export async function credentialVerdictFor(
  ctx: HealthContext,
  practitionerId: string,
  licenceTypes: readonly LicenceType[],
  date: string,
): Promise<CredentialVerdict> {
  const id = parse(Id, practitionerId, 'practitionerId');
  const day = parse(IsoDate, date, 'date');
  const credentials = await credentialsOf(ctx.ledger, id);
  return practitionerVerdict(credentials, { licenceTypes, date: day });
}

/** Throws CREDENTIAL_INVALID unless the practitioner holds an active licence of a fitting
 * type on the day (default: the transaction's day, UTC). */
export async function requireActiveCredential(
  ctx: HealthContext,
  practitionerId: string,
  licenceTypes: readonly LicenceType[],
  date?: string,
): Promise<void> {
  const day = date === undefined || date === '' ? txDate(ctx.ledger) : date;
  const verdict = await credentialVerdictFor(ctx, practitionerId, licenceTypes, day);
  if (!verdict.valid) {
    const types = licenceTypes.length > 0 ? licenceTypes.join(' or ') : '(no type)';
    throw credentialInvalid(
      `practitioner ${practitionerId} has no active ${types} licence on ${day}: ${verdict.reason}`,
    );
  }
}
