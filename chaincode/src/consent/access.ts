/**
 * What other contracts ask of consent, inside their own transactions: "may this reader see
 * this now?", "write the access trail entry for this read", "is there a fresh entry of this
 * reader for this record?". Data rule 6: every read of PHI leaves an entry first, and PHI is
 * returned only to a reader with a fresh entry for that record.
 */
import type { HealthContext } from '../shared/context';
import { implicitCollection } from '../shared/names';
import { parse } from '../shared/schema';
import { type AccessDecision, type AccessRequest, decideAccess } from './decision';
import { attestedPatient, attestedRecord } from '../records/store';
import { isAttested, putAttested } from '../shared/attestation';
import {
  type AccessEntry,
  AccessEntrySchema,
  accessKey,
  type Consent,
  consentKey,
  ConsentSchema,
  type EmergencyAccess,
  EmergencyAccessSchema,
  emergencyKey,
  lastAccessKey,
  ObjectType,
} from './state';

/** How long an access entry stays fresh for a read. */
export const ACCESS_FRESH_MINUTES = 15;

/**
 * The decision over the patient's attested consents and emergency accesses. Decided first on
 * the public facts and then confirmed: when that allows, by one consent or emergency access,
 * only that fact's attestation is checked (the first allowing fact is also the first allowing
 * attested one); otherwise the decision is taken again over the attested facts alone, so a
 * forged fact never names the refusal either. A read under consent checks one hash, not one
 * per consent the patient ever gave.
 */
export async function mayAccess(
  ctx: HealthContext,
  request: AccessRequest,
): Promise<AccessDecision> {
  const { ledger } = ctx;
  const { patientId } = request;
  const patient = await attestedPatient(ledger, patientId);
  if (patient === undefined) return decideAccess([], [], request); // no registration, no consent
  const consents = await ledger.list(ConsentSchema, ObjectType.Consent, patientId);
  const practitionerId = request.reader.practitionerId;
  // Emergency accesses are keyed by practitioner, so only the reader's own are loaded.
  const emergencies =
    practitionerId === undefined
      ? []
      : await ledger.list(EmergencyAccessSchema, ObjectType.Emergency, patientId, practitionerId);
  const attested = (key: string) => isAttested(ledger, patient.registeredBy, key);
  const decision = decideAccess(consents, emergencies, request);
  if (decision.allowed) {
    const key =
      decision.basis === 'consent'
        ? consentKey(ledger, patientId, decision.consentId)
        : emergencyKeyOf(ledger, emergencies, decision.accessId);
    if (key !== undefined && (await attested(key))) return decision;
  }
  const [attestedConsents, attestedEmergencies] = await Promise.all([
    filterAsync(consents, (c) => attested(consentKey(ledger, patientId, c.consentId))),
    filterAsync(emergencies, (e) => attested(emergencyKey(ledger, e))),
  ]);
  return decideAccess(attestedConsents, attestedEmergencies, request);
}

function emergencyKeyOf(
  ledger: HealthContext['ledger'],
  emergencies: readonly EmergencyAccess[],
  accessId: string,
): string | undefined {
  const emergency = emergencies.find((e) => e.accessId === accessId);
  return emergency && emergencyKey(ledger, emergency);
}

async function filterAsync<T>(items: readonly T[], keep: (item: T) => Promise<boolean>) {
  const kept = await Promise.all(items.map(keep));
  return items.filter((_, i) => kept[i] === true);
}

/** The patient's consents that their registering provider attested (shared/attestation.ts):
 * a consent key a member's tampered chaincode created alone, or changed, counts for nothing.
 * No registration, no consent. */
export async function attestedConsents(ctx: HealthContext, patientId: string): Promise<Consent[]> {
  const consents = await ctx.ledger.list(ConsentSchema, ObjectType.Consent, patientId);
  return attestedBy(ctx, patientId, consents, (c) =>
    consentKey(ctx.ledger, patientId, c.consentId),
  );
}

/** The emergency accesses declared on the patient (by PRACTITIONERID, when given) that the
 * patient's registering provider attested. */
export async function attestedEmergencies(
  ctx: HealthContext,
  patientId: string,
  practitionerId?: string,
): Promise<EmergencyAccess[]> {
  const attrs = practitionerId === undefined ? [patientId] : [patientId, practitionerId];
  const emergencies = await ctx.ledger.list(EmergencyAccessSchema, ObjectType.Emergency, ...attrs);
  return attestedBy(ctx, patientId, emergencies, (e) => emergencyKey(ctx.ledger, e));
}

async function attestedBy<T>(
  ctx: HealthContext,
  patientId: string,
  facts: readonly T[],
  keyOf: (fact: T) => string,
): Promise<T[]> {
  const { ledger } = ctx;
  if (facts.length === 0) return [];
  const patient = await attestedPatient(ledger, patientId);
  if (patient === undefined) return [];
  return filterAsync(facts, (f) => isAttested(ledger, patient.registeredBy, keyOf(f)));
}

/** Writes the trail entry (newest-first per patient) and the reader's latest entry per record.
 * The trail entry is attested by its authority: the CUSTODIAN of a record, which also attests
 * the latest entry, the one its peer checks before it returns content (custodianAccess);
 * without a custodian (a claim's entry), the reader's own organisation. */
export async function recordAccess(
  ctx: HealthContext,
  entry: Omit<AccessEntry, 'accessId' | 'at'>,
  custodian?: string,
): Promise<AccessEntry> {
  const full = parse(
    AccessEntrySchema,
    { ...entry, accessId: ctx.ledger.txId(), at: ctx.ledger.txTime() },
    'accessEntry',
  );
  const latest = lastAccessKey(ctx.ledger, full.recordId, full.readerId);
  await putAttested(ctx.ledger, custodian ?? full.readerMsp, accessKey(ctx.ledger, full), full);
  await ctx.ledger.put(latest, full);
  if (custodian !== undefined) {
    await ctx.ledger.putPrivate(implicitCollection(custodian), latest, full);
  }
  return full;
}

/** Of ENTRIES (a page of the trail), those their authority attested: the custodian of the
 * record read (an attested record's author), or the reader's organisation for any other entry.
 * An entry a member's tampered chaincode wrote alone about another organisation's reader, or
 * about a record another provider holds, is not the patient's trail. */
export async function attestedTrail(
  ctx: HealthContext,
  entries: readonly AccessEntry[],
): Promise<AccessEntry[]> {
  const custodians = new Map<string, string | undefined>();
  const kept: AccessEntry[] = [];
  for (const entry of entries) {
    if (!custodians.has(entry.recordId)) {
      // Not a record (a claim), or no record its author attested: the reader's organisation.
      const record = await attestedRecord(ctx.ledger, entry.recordId);
      custodians.set(entry.recordId, record?.authorMsp);
    }
    const authority = custodians.get(entry.recordId) ?? entry.readerMsp;
    if (await isAttested(ctx.ledger, authority, accessKey(ctx.ledger, entry))) kept.push(entry);
  }
  return kept;
}

/** The reader's latest entry for a record as the custodian attested it in its own implicit
 * collection: a public entry alone can be forged by any member's peer, this one cannot. */
export async function custodianAccess(
  ctx: HealthContext,
  custodian: string,
  recordId: string,
  readerId: string,
): Promise<AccessEntry | undefined> {
  return ctx.ledger.getPrivate(
    AccessEntrySchema,
    implicitCollection(custodian),
    lastAccessKey(ctx.ledger, recordId, readerId),
  );
}

export async function latestAccess(
  ctx: HealthContext,
  recordId: string,
  readerId: string,
): Promise<AccessEntry | undefined> {
  return ctx.ledger.get(AccessEntrySchema, lastAccessKey(ctx.ledger, recordId, readerId));
}

/**
 * Whether an entry still lets its reader read at `at`: written no later than `at` and less
 * than ACCESS_FRESH_MINUTES before it. A pure helper for the records contract.
 */
export function isFresh(entry: AccessEntry, at: string): boolean {
  const age = Date.parse(at) - Date.parse(entry.at);
  return age >= 0 && age < ACCESS_FRESH_MINUTES * 60_000;
}
