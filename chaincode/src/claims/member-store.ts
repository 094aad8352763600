/**
 * Membership data in the insurer's implicit collection (members, prior authorisations,
 * accumulators) and the public markers of enrolments and authorisations. Only the insurer's
 * peers hold the values, and a write there is valid only with the insurer's own endorsement
 * (its Endorsement policy), so a provider can neither read a member's data nor lower their
 * accumulators or invent an authorisation. Keys are HMACs with the insurer's secret: a read
 * without the secret (nothing written yet) finds nothing.
 */
import { isAttested, putAttested } from '../shared/attestation';
import type { Ledger } from '../shared/ledger';
import { Msp } from '../shared/names';
import { INSURER_COLLECTION } from './insurer-secret';
import { keys } from './keys';
import {
  type Accumulators,
  AccumulatorsSchema,
  type Marker,
  type Member,
  MemberSchema,
  NO_ACCUMULATION,
  type PriorAuth,
  PriorAuthListSchema,
} from './membership';

export async function loadMember(
  ledger: Ledger,
  secret: string | undefined,
  patientId: string,
): Promise<Member | undefined> {
  if (secret === undefined) return undefined;
  return ledger.getPrivate(
    MemberSchema,
    INSURER_COLLECTION,
    keys.member(ledger, secret, patientId),
  );
}

export async function saveMember(ledger: Ledger, secret: string, member: Member): Promise<void> {
  await ledger.putPrivate(
    INSURER_COLLECTION,
    keys.member(ledger, secret, member.patientId),
    member,
  );
}

/** The patient's authorisations for each of these codes. */
export async function priorAuthsFor(
  ledger: Ledger,
  secret: string | undefined,
  patientId: string,
  codes: readonly string[],
): Promise<PriorAuth[]> {
  if (secret === undefined) return [];
  const auths: PriorAuth[] = [];
  for (const code of new Set(codes)) {
    const key = keys.priorAuth(ledger, secret, patientId, code);
    const list = await ledger.getPrivate(PriorAuthListSchema, INSURER_COLLECTION, key);
    auths.push(...(list?.auths ?? []));
  }
  return auths;
}

export async function addPriorAuth(ledger: Ledger, secret: string, auth: PriorAuth): Promise<void> {
  const key = keys.priorAuth(ledger, secret, auth.patientId, auth.code);
  const list = await ledger.getPrivate(PriorAuthListSchema, INSURER_COLLECTION, key);
  const auths = [...(list?.auths ?? []), auth];
  await ledger.putPrivate(INSURER_COLLECTION, key, {
    patientId: auth.patientId,
    code: auth.code,
    auths,
  });
}

export async function loadAccumulators(
  ledger: Ledger,
  secret: string | undefined,
  where: { patientId: string; planId: string; year: string },
): Promise<Accumulators> {
  if (secret === undefined) return NO_ACCUMULATION;
  const key = keys.accumulator(ledger, secret, where.patientId, where.planId, where.year);
  const stored = await ledger.getPrivate(AccumulatorsSchema, INSURER_COLLECTION, key);
  return stored ?? NO_ACCUMULATION;
}

/**
 * One key per member, plan and year: two claims of the same member in one block conflict
 * (MVCC) and the second must be resubmitted. That serialisation is what keeps the deductible
 * from being counted twice.
 */
export async function saveAccumulators(
  ledger: Ledger,
  secret: string,
  where: { patientId: string; planId: string; year: string },
  accumulators: Accumulators,
): Promise<void> {
  const key = keys.accumulator(ledger, secret, where.patientId, where.planId, where.year);
  await ledger.putPrivate(INSURER_COLLECTION, key, accumulators);
}

/** Only a marker the insurer attested counts: another member's peer can create a public key
 * alone, and must not be able to block an authorisation ID that way. */
export async function markerExists(ledger: Ledger, key: string): Promise<boolean> {
  return (await ledger.exists(key)) && (await isAttested(ledger, Msp.Insurer, key));
}

export async function saveMarker(ledger: Ledger, key: string, marker: Marker): Promise<void> {
  await putAttested(ledger, marker.insurerMsp, key, marker);
  await ledger.restrictTo(key, marker.insurerMsp);
}
