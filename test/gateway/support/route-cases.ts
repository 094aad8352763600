/**
 * One valid and one invalid request for every route of the gateway, with the stub that the
 * valid request should reach. The route tests run each case for success, validation failure
 * and missing authentication, and check that every documented route has a case here.
 */
import assert from 'node:assert/strict';
import type sinon from 'sinon';
import type { AuthUser } from '../../../gateway/src/auth/user';
import type { ConsentRequest } from '../../../gateway/src/consent/schemas';
import type { FhirResource } from '../../../gateway/src/records/schemas';
import { USERS } from './app';
import { type StubContracts, submitted } from './stubs';

export interface RouteCase {
  /** "METHOD /openapi/{path}" */
  readonly route: string;
  readonly method: 'get' | 'post';
  readonly url: string;
  readonly body?: object;
  readonly as?: AuthUser;
  readonly status: number;
  /** Makes the stubs answer; returns the stub the request must reach (none: no contract). */
  arrange(c: StubContracts): sinon.SinonStub | undefined;
  /** The arguments the stub must receive. */
  readonly args: readonly unknown[];
  readonly invalid: { readonly url?: string; readonly body?: object; readonly field: string };
}

export const PATIENT = 'pat-a00001';
export const RECORD = 'rec-abc123';
export const LICENCE = 'LIC-0001';

export const DEMOGRAPHICS = {
  mrn: 'MRN-1',
  givenName: 'Ada',
  familyName: 'Lovelace',
  birthDate: '1815-12-10',
};
export const OBSERVATION: FhirResource = {
  resourceType: 'Observation',
  status: 'final',
  code: { text: 'heart rate' },
  valueQuantity: { value: 72, unit: 'beats/min' },
};
const SALT = 'ab'.repeat(32);
const TX = 'f0'.repeat(32);
export const CONSENT: ConsentRequest = {
  patientId: PATIENT,
  grantee: { kind: 'organisation', mspId: 'ProviderBMSP' },
  scope: ['observation'],
  purpose: 'treatment',
  validFrom: '2026-01-01T00:00:00Z',
  validTo: '2026-12-31T00:00:00Z',
};
const ISSUE = {
  practitionerId: 'pr-a-phys1',
  licenceNumber: LICENCE,
  licenceType: 'physician',
  organisation: 'ProviderAMSP',
  specialty: 'cardiology',
  jurisdiction: 'US-CA',
  validFrom: '2026-01-01',
  validTo: '2027-12-31',
};
const PLAN = {
  planId: 'plan-gold',
  deductibleCents: 50_000,
  coinsuranceBps: 2000,
  outOfPocketMaxCents: 400_000,
  coveredCodes: [{ code: '99213', allowedCents: 12_000 }],
  timelyFilingDays: 90,
  paymentConsentRequired: false,
  reviewThresholdCents: 1_000_000,
};
const ENROLMENT = {
  patientId: PATIENT,
  planId: 'plan-gold',
  memberNumber: 'M-123',
  coverageFrom: '2026-01-01',
  coverageTo: '2026-12-31',
};
const PRIOR_AUTH = {
  authId: 'pa-1',
  patientId: PATIENT,
  code: '99213',
  validFrom: '2026-01-01',
  validTo: '2026-03-01',
};
const CLAIM = {
  claimId: 'clm-1',
  patientId: PATIENT,
  renderingPractitionerId: 'pr-a-phys1',
  serviceDate: '2026-02-01',
  diagnosisCodes: ['J10.1'],
  lines: [{ code: '99213', units: 1, chargeCents: 15_000 }],
};
const DECISION = { lines: [{ line: 1, decision: 'approve' }] };
const PAYMENT = { amountCents: 12_000, reference: 'REM-1', paidOn: '2026-03-01' };

const step = submitted({ claimId: 'clm-1', status: 'approved' });
const page = { pageSize: '20', bookmark: '' };

export const ROUTE_CASES: readonly RouteCase[] = [
  {
    route: 'GET /me',
    method: 'get',
    url: '/me',
    status: 200,
    arrange: () => undefined,
    args: [],
    invalid: { url: '/me?x=1', field: 'x' },
  },
  {
    route: 'POST /admin/users',
    method: 'post',
    url: '/admin/users',
    as: USERS.admin,
    body: { enrollmentId: 'patient9', role: 'patient', patientId: 'pat-a00009' },
    status: 201,
    arrange: () => undefined, // reaches the CA: see admin.test.ts
    args: [],
    invalid: { body: { enrollmentId: 'nurse9', role: 'nurse' }, field: 'practitionerId' },
  },
  {
    route: 'POST /patients',
    method: 'post',
    url: '/patients',
    as: USERS.registrar,
    body: { demographics: DEMOGRAPHICS },
    status: 201,
    arrange: (c) =>
      c.records.registerPatient.resolves(submitted({ patientId: PATIENT, hash: 'f'.repeat(64) })),
    args: [DEMOGRAPHICS],
    // The chaincode makes the pseudonym: a client's, even a well-formed one, is refused.
    invalid: {
      body: { patientId: PATIENT, demographics: DEMOGRAPHICS },
      field: 'patientId',
    },
  },
  {
    route: 'GET /patients/{patientId}',
    method: 'get',
    url: `/patients/${PATIENT}`,
    status: 200,
    arrange: (c) => c.records.getPatient.resolves({ patientId: PATIENT, status: 'active' }),
    args: [PATIENT],
    invalid: { url: '/patients/pat-UPPER1', field: 'patientId' },
  },
  {
    route: 'POST /patients/{patientId}/demographics/verification',
    method: 'post',
    url: `/patients/${PATIENT}/demographics/verification`,
    as: USERS.registrar,
    body: { demographics: DEMOGRAPHICS, salt: SALT },
    status: 200,
    arrange: (c) => c.records.verifyDemographics.resolves({ matchesLedger: true }),
    args: [PATIENT, DEMOGRAPHICS, SALT],
    invalid: {
      body: { demographics: { ...DEMOGRAPHICS, birthDate: '10/12/1815' }, salt: SALT },
      field: 'demographics.birthDate',
    },
  },
  {
    route: 'GET /patients/{patientId}/records',
    method: 'get',
    url: `/patients/${PATIENT}/records`,
    status: 200,
    arrange: (c) => c.records.listRecords.resolves({ items: [], bookmark: '' }),
    args: [PATIENT, page],
    invalid: { url: `/patients/${PATIENT}/records?pageSize=500`, field: 'pageSize' },
  },
  {
    route: 'POST /patients/{patientId}/records',
    method: 'post',
    url: `/patients/${PATIENT}/records`,
    body: { resource: OBSERVATION },
    status: 201,
    arrange: (c) => c.records.addRecord.resolves(submitted({ recordId: RECORD, version: 1 })),
    args: [PATIENT, OBSERVATION, undefined],
    invalid: {
      body: { resource: { ...OBSERVATION, resourceType: 'Patient' } },
      field: 'resource.resourceType',
    },
  },
  {
    route: 'GET /records/{recordId}',
    method: 'get',
    url: `/records/${RECORD}?purpose=treatment`,
    status: 200,
    arrange: (c) => {
      c.records.logAccess.resolves(submitted({ accessId: 'acc-1' }));
      return c.records.readRecord.resolves({
        metadata: { recordId: RECORD },
        resource: OBSERVATION,
        salt: SALT,
      });
    },
    args: [RECORD, undefined],
    invalid: { url: `/records/${RECORD}?purpose=curiosity`, field: 'purpose' },
  },
  {
    route: 'POST /records/{recordId}/access',
    method: 'post',
    url: `/records/${RECORD}/access`,
    body: { purpose: 'treatment' },
    status: 201,
    arrange: (c) => c.records.logAccess.resolves(submitted({ accessId: 'acc-1' })),
    args: [RECORD, 'treatment'],
    invalid: {
      url: '/records/not-a-record/access',
      body: { purpose: 'treatment' },
      field: 'recordId',
    },
  },
  {
    route: 'GET /records/{recordId}/history',
    method: 'get',
    url: `/records/${RECORD}/history`,
    status: 200,
    arrange: (c) => c.records.recordHistory.resolves([]),
    args: [RECORD],
    invalid: { url: '/records/x/history', field: 'recordId' },
  },
  {
    route: 'POST /records/{recordId}/verification',
    method: 'post',
    url: `/records/${RECORD}/verification`,
    body: { resource: OBSERVATION, salt: SALT },
    status: 200,
    arrange: (c) => c.records.verifyRecord.resolves({ matches: true }),
    args: [RECORD, { resource: OBSERVATION, salt: SALT }],
    invalid: { body: { resource: OBSERVATION, salt: 'short' }, field: 'salt' },
  },
  {
    route: 'GET /patients/{patientId}/erasure/endorsers',
    method: 'get',
    url: `/patients/${PATIENT}/erasure/endorsers`,
    as: USERS.registrar,
    status: 200,
    arrange: (c) => c.records.erasureEndorsers.resolves(['ProviderAMSP']),
    args: [PATIENT],
    invalid: { url: '/patients/PAT/erasure/endorsers', field: 'patientId' },
  },
  {
    route: 'POST /patients/{patientId}/erasure',
    method: 'post',
    url: `/patients/${PATIENT}/erasure`,
    as: USERS.registrar,
    status: 201,
    arrange: (c) => c.records.erasePatient.resolves(submitted({ patientId: PATIENT, records: 2 })),
    args: [PATIENT],
    invalid: { url: `/patients/${PATIENT}/erasure`, body: { reason: 'asked' }, field: 'reason' },
  },
  {
    route: 'POST /consents',
    method: 'post',
    url: '/consents',
    as: USERS.patient,
    body: CONSENT,
    status: 201,
    arrange: (c) => c.consent.grantConsent.resolves(submitted({ consentId: 'c-1' })),
    args: [CONSENT],
    invalid: { body: { ...CONSENT, validTo: '2025-01-01T00:00:00Z' }, field: 'validTo' },
  },
  {
    route: 'GET /patients/{patientId}/consents',
    method: 'get',
    url: `/patients/${PATIENT}/consents`,
    as: USERS.patient,
    status: 200,
    arrange: (c) => c.consent.listConsents.resolves([]),
    args: [PATIENT],
    invalid: { url: '/patients/nobody/consents', field: 'patientId' },
  },
  {
    route: 'POST /patients/{patientId}/consents/{consentId}/revocation',
    method: 'post',
    url: `/patients/${PATIENT}/consents/c-1/revocation`,
    as: USERS.patient,
    status: 201,
    arrange: (c) =>
      c.consent.revokeConsent.resolves(submitted({ consentId: 'c-1', status: 'revoked' })),
    args: [PATIENT, 'c-1'],
    invalid: { url: `/patients/${PATIENT}/consents/%20bad/revocation`, field: 'consentId' },
  },
  {
    route: 'POST /emergency-access',
    method: 'post',
    url: '/emergency-access',
    body: { patientId: PATIENT, reason: 'UNCONSCIOUS_PATIENT', note: 'found at home, no ID' },
    status: 201,
    arrange: (c) => c.consent.declareEmergencyAccess.resolves(submitted({ accessId: 'e-1' })),
    args: [PATIENT, 'UNCONSCIOUS_PATIENT', 'found at home, no ID'],
    // Free text is no reason code.
    invalid: {
      body: { patientId: PATIENT, reason: 'unconscious on arrival, ED' },
      field: 'reason',
    },
  },
  {
    route: 'GET /patients/{patientId}/emergency-access',
    method: 'get',
    url: `/patients/${PATIENT}/emergency-access`,
    as: USERS.patient,
    status: 200,
    arrange: (c) => c.consent.listEmergencyAccesses.resolves([]),
    args: [PATIENT],
    invalid: { url: `/patients/${PATIENT}/emergency-access?all=1`, field: 'all' },
  },
  {
    route: 'GET /patients/{patientId}/emergency-access/{accessId}/note',
    method: 'get',
    url: `/patients/${PATIENT}/emergency-access/${TX}/note`,
    as: USERS.patient,
    status: 200,
    arrange: (c) => c.consent.emergencyNote.resolves({ accessId: TX, note: 'found at home' }),
    args: [PATIENT, TX],
    invalid: { url: `/patients/${PATIENT}/emergency-access/%20x/note`, field: 'accessId' },
  },
  {
    route: 'GET /patients/{patientId}/access-log',
    method: 'get',
    url: `/patients/${PATIENT}/access-log?pageSize=5&bookmark=b1`,
    as: USERS.patient,
    status: 200,
    arrange: (c) => c.consent.listAccessLog.resolves({ items: [], bookmark: '' }),
    args: [PATIENT, { pageSize: '5', bookmark: 'b1' }],
    invalid: { url: `/patients/${PATIENT}/access-log?pageSize=0`, field: 'pageSize' },
  },
  {
    route: 'POST /credentials',
    method: 'post',
    url: '/credentials',
    body: ISSUE,
    status: 201,
    arrange: (c) => c.credentials.issueCredential.resolves(submitted({ licenceNumber: LICENCE })),
    args: [ISSUE],
    invalid: { body: { ...ISSUE, licenceType: 'wizard' }, field: 'licenceType' },
  },
  {
    route: 'POST /credentials/{licenceNumber}/renewal',
    method: 'post',
    url: `/credentials/${LICENCE}/renewal`,
    body: { validFrom: '2028-01-01', validTo: '2029-12-31' },
    status: 201,
    arrange: (c) => c.credentials.renewCredential.resolves(submitted({ licenceNumber: LICENCE })),
    args: [LICENCE, '2028-01-01', '2029-12-31'],
    invalid: { body: { validFrom: '2028-02-30', validTo: '2029-12-31' }, field: 'validFrom' },
  },
  {
    route: 'POST /credentials/{licenceNumber}/suspension',
    method: 'post',
    url: `/credentials/${LICENCE}/suspension`,
    body: { reason: 'PENDING_INVESTIGATION', note: 'complaint 2026-114' },
    status: 201,
    arrange: (c) => c.credentials.suspendCredential.resolves(submitted({ status: 'suspended' })),
    args: [LICENCE, 'PENDING_INVESTIGATION', 'complaint 2026-114'],
    invalid: { body: { reason: 'under review' }, field: 'reason' },
  },
  {
    route: 'POST /credentials/{licenceNumber}/reinstatement',
    method: 'post',
    url: `/credentials/${LICENCE}/reinstatement`,
    status: 201,
    arrange: (c) => c.credentials.reinstateCredential.resolves(submitted({ status: 'active' })),
    args: [LICENCE],
    invalid: { body: { now: true }, field: 'now' },
  },
  {
    route: 'POST /credentials/{licenceNumber}/revocation',
    method: 'post',
    url: `/credentials/${LICENCE}/revocation`,
    body: { reason: 'VOLUNTARY_SURRENDER', note: 'letter of 2 March' },
    status: 201,
    arrange: (c) => c.credentials.revokeCredential.resolves(submitted({ status: 'revoked' })),
    args: [LICENCE, 'VOLUNTARY_SURRENDER', 'letter of 2 March'],
    invalid: { body: { reason: 'VOLUNTARY_SURRENDER', note: 'x'.repeat(2001) }, field: 'note' },
  },
  {
    route: 'GET /credentials/{licenceNumber}/verification',
    method: 'get',
    url: `/credentials/${LICENCE}/verification?organisation=ProviderAMSP&date=2026-06-01`,
    status: 200,
    arrange: (c) => c.credentials.verifyLicence.resolves({ valid: true, reason: 'VALID' }),
    args: [LICENCE, 'ProviderAMSP', '2026-06-01'],
    invalid: {
      url: `/credentials/${LICENCE}/verification?organisation=ProviderA&date=2026-06-01`,
      field: 'organisation',
    },
  },
  {
    route: 'GET /credentials/{licenceNumber}/history',
    method: 'get',
    url: `/credentials/${LICENCE}/history`,
    status: 200,
    arrange: (c) => c.credentials.credentialHistory.resolves([]),
    args: [LICENCE],
    invalid: { url: `/credentials/${LICENCE}/history?from=1`, field: 'from' },
  },
  {
    route: 'GET /credentials/{licenceNumber}/history/{txId}/note',
    method: 'get',
    url: `/credentials/${LICENCE}/history/${TX}/note`,
    status: 200,
    arrange: (c) => c.credentials.licenceNote.resolves({ txId: TX, note: 'hearing on the 9th' }),
    args: [LICENCE, TX],
    invalid: { url: `/credentials/${LICENCE}/history/%20x/note`, field: 'txId' },
  },
  {
    route: 'GET /practitioners/{practitionerId}/credentials',
    method: 'get',
    url: '/practitioners/pr-a-phys1/credentials',
    status: 200,
    arrange: (c) => c.credentials.credentialsOfPractitioner.resolves([]),
    args: ['pr-a-phys1'],
    invalid: { url: '/practitioners/-bad/credentials', field: 'practitionerId' },
  },
  {
    route: 'POST /plans',
    method: 'post',
    url: '/plans',
    body: PLAN,
    status: 201,
    arrange: (c) => c.claims.publishPlan.resolves(submitted({ planId: 'plan-gold', version: 1 })),
    args: [PLAN],
    invalid: { body: { ...PLAN, coinsuranceBps: 20_001 }, field: 'coinsuranceBps' },
  },
  {
    route: 'GET /plans/{planId}',
    method: 'get',
    url: '/plans/plan-gold?version=2',
    status: 200,
    arrange: (c) => c.claims.getPlan.resolves({ planId: 'plan-gold', version: 2 }),
    args: ['plan-gold', '2'],
    invalid: { url: '/plans/plan-gold?version=0', field: 'version' },
  },
  {
    route: 'POST /members',
    method: 'post',
    url: '/members',
    body: ENROLMENT,
    status: 201,
    arrange: (c) => c.claims.enrolMember.resolves(submitted({ enrolmentId: 'en-1' })),
    args: [ENROLMENT],
    invalid: { body: { ...ENROLMENT, coverageTo: '2025-01-01' }, field: 'coverageTo' },
  },
  {
    route: 'POST /prior-authorisations',
    method: 'post',
    url: '/prior-authorisations',
    body: PRIOR_AUTH,
    status: 201,
    arrange: (c) => c.claims.recordPriorAuth.resolves(submitted({ authId: 'pa-1' })),
    args: [PRIOR_AUTH],
    invalid: { body: { ...PRIOR_AUTH, code: '' }, field: 'code' },
  },
  {
    route: 'POST /claims',
    method: 'post',
    url: '/claims',
    body: CLAIM,
    status: 201,
    arrange: (c) => c.claims.submitClaim.resolves(step),
    args: [CLAIM],
    invalid: { body: { ...CLAIM, lines: [] }, field: 'lines' },
  },
  {
    route: 'POST /claims/{claimId}/adjudication',
    method: 'post',
    url: '/claims/clm-1/adjudication',
    status: 201,
    arrange: (c) => c.claims.adjudicateClaim.resolves(step),
    args: ['clm-1'],
    invalid: { url: '/claims/%24/adjudication', field: 'claimId' },
  },
  {
    route: 'GET /claims',
    method: 'get',
    url: '/claims?status=pended&pageSize=10',
    status: 200,
    arrange: (c) => c.claims.listClaims.resolves({ items: [], bookmark: '' }),
    args: [{ status: 'pended', pageSize: '10', bookmark: '' }],
    invalid: { url: '/claims?status=lost', field: 'status' },
  },
  {
    route: 'GET /claims/{claimId}',
    method: 'get',
    url: '/claims/clm-1',
    status: 200,
    arrange: (c) => {
      c.claims.logClaimAccess.resolves(submitted({ accessId: 'acc-2' }));
      return c.claims.getClaim.resolves({
        claim: { claimId: 'clm-1' },
        contents: CLAIM,
        salt: SALT,
        record: {},
      });
    },
    args: ['clm-1'],
    invalid: { url: '/claims/clm-1?purpose=x', field: 'purpose' },
  },
  {
    route: 'POST /claims/{claimId}/access',
    method: 'post',
    url: '/claims/clm-1/access',
    status: 201,
    arrange: (c) => c.claims.logClaimAccess.resolves(submitted({ accessId: 'acc-2' })),
    args: ['clm-1'],
    invalid: { url: '/claims/%24/access', field: 'claimId' },
  },
  {
    route: 'POST /claims/{claimId}/review-decision',
    method: 'post',
    url: '/claims/clm-1/review-decision',
    body: DECISION,
    status: 201,
    arrange: (c) => c.claims.decidePendedClaim.resolves(step),
    args: ['clm-1', DECISION],
    invalid: { body: { lines: [{ line: 1, decision: 'deny' }] }, field: 'lines.0.reasonCodes' },
  },
  {
    route: 'POST /claims/{claimId}/appeal',
    method: 'post',
    url: '/claims/clm-1/appeal',
    body: { reason: 'NOT_A_DUPLICATE', note: 'second visit that day' },
    status: 201,
    arrange: (c) => c.claims.appealClaim.resolves(step),
    args: ['clm-1', 'NOT_A_DUPLICATE', 'second visit that day'],
    invalid: { body: { reason: 'because' }, field: 'reason' },
  },
  {
    route: 'POST /claims/{claimId}/appeal-decision',
    method: 'post',
    url: '/claims/clm-1/appeal-decision',
    body: DECISION,
    status: 201,
    arrange: (c) => c.claims.decideAppeal.resolves(step),
    args: ['clm-1', DECISION],
    invalid: { body: { lines: [] }, field: 'lines' },
  },
  {
    route: 'POST /claims/{claimId}/payment',
    method: 'post',
    url: '/claims/clm-1/payment',
    body: PAYMENT,
    status: 201,
    arrange: (c) => c.claims.recordPayment.resolves(step),
    args: ['clm-1', PAYMENT],
    invalid: { body: { ...PAYMENT, amountCents: -1 }, field: 'amountCents' },
  },
];

export function caseFor(route: string): RouteCase {
  const found = ROUTE_CASES.find((c) => c.route === route);
  assert.ok(found, `a case for ${route}`);
  return found;
}
