/**
 * What the other contracts call to ask the credentials module: "may this practitioner act
 * as one of these licence types on this day?". Read in the caller's own transaction, so a
 * suspension or revocation committed before it takes effect at once.
 */
import type { HealthContext } from '../shared/context';
import { credentialInvalid } from '../shared/errors';
import { Id, IsoDate, parse } from '../shared/schema';
import { type CredentialVerdict, practitionerVerdict } from './decision';
import type { Credential, LicenceType } from './state';
import type { Ledger } from '../shared/ledger';
import { credentialsOf, credentialVersions } from './store';
import { txDate } from './window';

export async function credentialVerdictFor(
  ctx: HealthContext,
  practitionerId: string,
  licenceTypes: readonly LicenceType[],
  date: string,
): Promise<CredentialVerdict> {
  const id = parse(Id, practitionerId, 'practitionerId');
  const day = parse(IsoDate, date, 'date');
  const current = await credentialsOf(ctx.ledger, id);
  // A past day (a claim's service date) is judged by each licence as it stood at the end of
  // that day: a suspension recorded later does not reach back to a service already rendered.
  const credentials =
    day < txDate(ctx.ledger)
      ? await Promise.all(current.map((c) => standingOn(ctx.ledger, c, day)))
      : current;
  return practitionerVerdict(credentials, { licenceTypes, date: day });
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
