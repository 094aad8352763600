/**
 * What the other contracts call to ask the credentials module: "may this practitioner of this
 * organisation act as one of these licence types on this day?". Read in the caller's own
 * transaction, so a suspension or revocation committed before it takes effect at once.
 */
import type { HealthContext } from '../shared/context';
import { credentialInvalid } from '../shared/errors';
import { Id, IsoDate, parse } from '../shared/schema';
import { type CredentialVerdict, practitionerVerdict } from './decision';
import type { Credential, LicenceType } from './state';
import type { Ledger } from '../shared/ledger';
import { credentialsOf, credentialVersions } from './store';
import { txDate } from './window';

/**
 * Who acts, and in whose name: a practitioner ID counts only within the organisation its
 * licence names. For a caller acting themself that is the caller's MSP (never an attribute any
 * member's CA could write); for a claim it is the claim's provider.
 */
export interface ActingPractitioner {
  readonly practitionerId: string;
  readonly mspId: string;
}

export async function credentialVerdictFor(
  ctx: HealthContext,
  practitioner: ActingPractitioner,
  licenceTypes: readonly LicenceType[],
  date: string,
): Promise<CredentialVerdict> {
  const id = parse(Id, practitioner.practitionerId, 'practitionerId');
  const day = parse(IsoDate, date, 'date');
  const current = await credentialsOf(ctx.ledger, id);
  // A past day (a claim's service date) is judged by each licence as it stood at the end of
  // that day: a suspension recorded later does not reach back to a service already rendered.
  const credentials =
    day < txDate(ctx.ledger)
      ? await Promise.all(current.map((c) => standingOn(ctx.ledger, c, day)))
      : current;
  return practitionerVerdict(credentials, {
    licenceTypes,
    organisation: practitioner.mspId,
    date: day,
  });
}

/** The licence's last version recorded by the end of DAY; a licence entered on the ledger
 * only later is taken as first issued, its window deciding the day. */
async function standingOn(
  ledger: Ledger,
  credential: Credential,
  day: string,
): Promise<Credential> {
  const endOfDay = `${day}T23:59:59.999Z`;
  let standing: Credential | undefined;
  for (const version of await credentialVersions(ledger, credential.licenceNumber)) {
    if (version.value === undefined) continue;
    if (version.value.updatedAt > endOfDay) break;
    standing = version.value;
  }
  return (
    standing ?? (await credentialVersions(ledger, credential.licenceNumber))[0]?.value ?? credential
  );
}

/** Throws CREDENTIAL_INVALID unless the practitioner holds an active licence of a fitting
 * type at the organisation on the day (default: the transaction's day, UTC). */
export async function requireActiveCredential(
  ctx: HealthContext,
  practitioner: ActingPractitioner,
  licenceTypes: readonly LicenceType[],
  date?: string,
): Promise<void> {
  const day = date === undefined || date === '' ? txDate(ctx.ledger) : date;
  const verdict = await credentialVerdictFor(ctx, practitioner, licenceTypes, day);
  if (!verdict.valid) {
    const { practitionerId, mspId } = practitioner;
    const types = licenceTypes.length > 0 ? licenceTypes.join(' or ') : '(no type)';
    throw credentialInvalid(
      `practitioner ${practitionerId} has no active ${types} licence at ${mspId} on ${day}: ${verdict.reason}`,
    );
  }
}
