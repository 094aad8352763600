/**
 * Membership data in the membership collection (members, prior authorisations, accumulators)
 * and the public markers of enrolments and authorisations. Every key is changeable only with
 * the insurer's endorsement, so a provider cannot lower a member's accumulators or invent an
 * authorisation.
 */
import type { Ledger } from '../shared/ledger';
import { Collection } from '../shared/names';
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

export async function loadMember(ledger: Ledger, patientId: string): Promise<Member | undefined> {
  return ledger.getPrivate(MemberSchema, Collection.Membership, keys.member(ledger, patientId));
}

export async function saveMember(
  ledger: Ledger,
  member: Member,
  insurerMsp: string,
): Promise<void> {
  const key = keys.member(ledger, member.patientId);
  await ledger.putPrivate(Collection.Membership, key, member);
  await ledger.restrictPrivateTo(Collection.Membership, key, insurerMsp);
}

/** The patient's authorisations for each of these codes. */
export async function priorAuthsFor(
  ledger: Ledger,
  patientId: string,
  codes: readonly string[],
): Promise<PriorAuth[]> {
  const auths: PriorAuth[] = [];
  for (const code of new Set(codes)) {
    const key = keys.priorAuth(ledger, patientId, code);
    const list = await ledger.getPrivate(PriorAuthListSchema, Collection.Membership, key);
    auths.push(...(list?.auths ?? []));
  }
  return auths;
}

export async function addPriorAuth(ledger: Ledger, auth: PriorAuth): Promise<void> {
  const key = keys.priorAuth(ledger, auth.patientId, auth.code);
  const list = await ledger.getPrivate(PriorAuthListSchema, Collection.Membership, key);
  const auths = [...(list?.auths ?? []), auth];
  await ledger.putPrivate(Collection.Membership, key, {
    patientId: auth.patientId,
    code: auth.code,
    auths,
  });
  await ledger.restrictPrivateTo(Collection.Membership, key, auth.insurerMsp);
}

export async function loadAccumulators(
  ledger: Ledger,
  patientId: string,
  planId: string,
  year: string,
): Promise<Accumulators> {
  const key = keys.accumulator(ledger, patientId, planId, year);
  const stored = await ledger.getPrivate(AccumulatorsSchema, Collection.Membership, key);
  return stored ?? NO_ACCUMULATION;
}

/**
 * One key per member, plan and year: two claims of the same member in one block conflict
 * (MVCC) and the second must be resubmitted. That serialisation is what keeps the deductible
 * from being counted twice.
 */
export async function saveAccumulators(
  ledger: Ledger,
  where: { patientId: string; planId: string; year: string; insurerMsp: string },
  accumulators: Accumulators,
): Promise<void> {
  const key = keys.accumulator(ledger, where.patientId, where.planId, where.year);
  await ledger.putPrivate(Collection.Membership, key, accumulators);
  await ledger.restrictPrivateTo(Collection.Membership, key, where.insurerMsp);
}

export async function markerExists(ledger: Ledger, key: string): Promise<boolean> {
  return ledger.exists(key);
}

export async function saveMarker(ledger: Ledger, key: string, marker: Marker): Promise<void> {
  await ledger.put(key, marker);
  await ledger.restrictTo(key, marker.insurerMsp);
}
