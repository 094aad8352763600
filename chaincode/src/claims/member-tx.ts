/**
 * Enrolment and prior authorisation: PHI from the transient map into the insurer's implicit
 * collection (keyed by HMACs with the insurer's secret), a salted hash and the insurer's MSP on the public ledger, only an ID returned.
 */
import type { HealthContext } from '../shared/context';
import { conflict, failedPrecondition, notFound } from '../shared/errors';
import { EventName } from '../shared/events';
import { saltedHash } from '../shared/hash';
import { Transient } from '../shared/names';
import { Role } from '../shared/roles';
import { parse } from '../shared/schema';
import { requireInsurer } from './access';
import { keys } from './keys';
import { insurerSecret } from './insurer-secret';
import { addPriorAuth, loadMember, markerExists, saveMarker, saveMember } from './member-store';
import {
  type Enrolment,
  EnrolmentRequestSchema,
  overlaps,
  type PriorAuth,
  PriorAuthRequestSchema,
  Salt,
} from './membership';
import { latestPlan } from './plan-store';

function transientSalt(ctx: HealthContext): string {
  return parse(Salt, ctx.ledger.transientText(Transient.Salt), `transient.${Transient.Salt}`);
}

/** The enrolment ID is the transaction ID. Coverage windows of a patient never overlap, so a
 * service date has at most one plan. */
export async function enrolMember(ctx: HealthContext): Promise<{ enrolmentId: string }> {
  requireInsurer(ctx.caller, Role.Intake, Role.Admin);
  const request = ctx.ledger.transientJson(EnrolmentRequestSchema, Transient.Payload);
  const salt = transientSalt(ctx);
  const plan = await latestPlan(ctx.ledger, request.planId);
  if (plan === undefined) throw notFound(`plan ${request.planId}`);
  if (plan.insurerMsp !== ctx.caller.mspId) {
    throw failedPrecondition(`plan ${request.planId} belongs to ${plan.insurerMsp}`);
  }
  const secret = await insurerSecret(ctx.ledger, salt);
  const member = (await loadMember(ctx.ledger, secret, request.patientId)) ?? {
    patientId: request.patientId,
    enrolments: [],
  };
  if (member.enrolments.some((e) => overlaps(e, request))) {
    // No dates or plan in the message: it reaches the client and would hint at coverage.
    throw conflict('the coverage overlaps an existing enrolment of this patient');
  }
  const now = ctx.ledger.txTime();
  const enrolment: Enrolment = {
    ...request,
    enrolmentId: ctx.ledger.txId(),
    insurerMsp: ctx.caller.mspId,
    salt,
    enrolledAt: now,
  };
  await saveMember(ctx.ledger, secret, {
    ...member,
    enrolments: [...member.enrolments, enrolment],
  });
  await saveMarker(ctx.ledger, keys.enrolmentMarker(ctx.ledger, enrolment.enrolmentId), {
    id: enrolment.enrolmentId,
    kind: 'enrolment',
    insurerMsp: ctx.caller.mspId,
    hash: saltedHash(salt, request),
    recordedAt: now,
  });
  ctx.ledger.emit(EventName.MemberEnrolled, { enrolmentId: enrolment.enrolmentId }, [
    enrolment.insurerMsp,
  ]);
  return { enrolmentId: enrolment.enrolmentId };
}

export async function recordPriorAuth(ctx: HealthContext): Promise<{ authId: string }> {
  requireInsurer(ctx.caller, Role.Adjudicator, Role.Admin);
  const request = ctx.ledger.transientJson(PriorAuthRequestSchema, Transient.Payload);
  const salt = transientSalt(ctx);
  const markerKey = keys.priorAuthMarker(ctx.ledger, request.authId);
  if (await markerExists(ctx.ledger, markerKey)) {
    throw conflict(`prior authorisation ${request.authId} exists already`);
  }
  const now = ctx.ledger.txTime();
  const auth: PriorAuth = { ...request, insurerMsp: ctx.caller.mspId, salt, recordedAt: now };
  await addPriorAuth(ctx.ledger, await insurerSecret(ctx.ledger, salt), auth);
  await saveMarker(ctx.ledger, markerKey, {
    id: request.authId,
    kind: 'prior-auth',
    insurerMsp: ctx.caller.mspId,
    hash: saltedHash(salt, request),
    recordedAt: now,
  });
  ctx.ledger.emit(EventName.PriorAuthRecorded, { authId: request.authId }, [ctx.caller.mspId]);
  return { authId: request.authId };
}
