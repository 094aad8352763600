/**
 * The consent decision: may this reader see this patient's records of this category, for this
 * purpose, at this instant? A pure function of the patient's consents and emergency accesses,
 * so every endorsing peer reaches the same answer and the rules can be tested exhaustively.
 */
import { type Purpose, type RecordCategory } from '../shared/categories';
import { invalidArgument } from '../shared/errors';
import { type Consent, ConsentStatus, type EmergencyAccess, type Grantee } from './state';

export interface AccessRequest {
  patientId: string;
  category: RecordCategory;
  purpose: Purpose;
  /** ISO instant, normally the transaction time. */
  at: string;
  reader: { mspId: string; practitionerId?: string };
}

export type AccessDecision =
  | { allowed: true; basis: 'consent'; consentId: string }
  | { allowed: true; basis: 'emergency'; accessId: string }
  | {
      allowed: false;
      reason:
        'NO_CONSENT' | 'REVOKED' | 'EXPIRED' | 'NOT_YET_VALID' | 'OUT_OF_SCOPE' | 'WRONG_PURPOSE';
    };

export type DenialReason = Extract<AccessDecision, { allowed: false }>['reason'];

/**
 * Each grant of the reader is checked in the order purpose, scope, status, window and fails
 * on the first check it misses; the grant that got furthest names the refusal. So the reason
 * is about the grant the reader was most likely relying on. Most specific first:
 */
const SPECIFICITY: readonly DenialReason[] = [
  'NOT_YET_VALID',
  'EXPIRED',
  'REVOKED',
  'OUT_OF_SCOPE',
  'WRONG_PURPOSE',
  'NO_CONSENT',
];

/** Emergency access is for treatment only, but covers every category. */
const EMERGENCY_PURPOSE: Purpose = 'treatment';

export function decideAccess(
  consents: readonly Consent[],
  emergencies: readonly EmergencyAccess[],
  request: AccessRequest,
): AccessDecision {
  const at = Date.parse(request.at);
  if (Number.isNaN(at)) {
    // Fail closed: with NaN every window comparison would be false, i.e. "inside".
    throw invalidArgument('request.at', 'must be an ISO 8601 date-time');
  }
  const refusals: DenialReason[] = [];
  // Consents first: a read covered by consent is not an emergency read, whatever else holds.
  for (const consent of consents) {
    if (consent.patientId !== request.patientId || !covers(consent.grantee, request.reader)) {
      continue;
    }
    const refusal = consentRefusal(consent, request, at);
    if (refusal === undefined) {
      return { allowed: true, basis: 'consent', consentId: consent.consentId };
    }
    refusals.push(refusal);
  }
  for (const emergency of emergencies) {
    if (!isDeclaredBy(emergency, request)) {
      continue;
    }
    const refusal =
      request.purpose !== EMERGENCY_PURPOSE
        ? 'WRONG_PURPOSE'
        : windowRefusal(emergency.grantedAt, emergency.expiresAt, at);
    if (refusal === undefined) {
      return { allowed: true, basis: 'emergency', accessId: emergency.accessId };
    }
    refusals.push(refusal);
  }
  return { allowed: false, reason: mostSpecific(refusals) };
}

/** An organisation grant covers all its readers; a practitioner grant that person in any org. */
function covers(grantee: Grantee, reader: AccessRequest['reader']): boolean {
  return grantee.kind === 'organisation'
    ? grantee.mspId === reader.mspId
    : reader.practitionerId !== undefined &&
        grantee.practitionerId === reader.practitionerId &&
        grantee.mspId === reader.mspId;
}

/**
 * The declaration binds the physician and the organisation they declared from: the audit
 * trail the patient sees names that organisation, so a read through another one is not it.
 */
function isDeclaredBy(emergency: EmergencyAccess, request: AccessRequest): boolean {
  return (
    emergency.patientId === request.patientId &&
    request.reader.practitionerId !== undefined &&
    emergency.practitionerId === request.reader.practitionerId &&
    emergency.mspId === request.reader.mspId
  );
}

function consentRefusal(
  consent: Consent,
  request: AccessRequest,
  at: number,
): DenialReason | undefined {
  if (consent.purpose !== request.purpose) return 'WRONG_PURPOSE';
  if (consent.scope !== 'all' && !consent.scope.includes(request.category)) return 'OUT_OF_SCOPE';
  if (consent.status !== ConsentStatus.Active) return 'REVOKED';
  return windowRefusal(consent.validFrom, consent.validTo, at);
}

/** Inclusive start, exclusive end: [from, to). */
function windowRefusal(from: string, to: string, at: number): DenialReason | undefined {
  if (at < Date.parse(from)) return 'NOT_YET_VALID';
  if (at >= Date.parse(to)) return 'EXPIRED';
  return undefined;
}

function mostSpecific(refusals: readonly DenialReason[]): DenialReason {
  return SPECIFICITY.find((reason) => refusals.includes(reason)) ?? 'NO_CONSENT';
}
