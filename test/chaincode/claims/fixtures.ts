/**
 * Shared test data for the claims tests: a plan, a member, a claim, the pure adjudication
 * input, callers, and helpers that put credentials and consents on the fake ledger in the
 * shapes the credentials and consent modules read.
 */
import { type ChaincodeStub, KeyEndorsementPolicy } from 'fabric-shim';
import type { AdjudicationInput } from '../../../chaincode/src/claims/adjudicate';
import type { ClaimPayload } from '../../../chaincode/src/claims/claim';
import { ClaimsContract } from '../../../chaincode/src/claims/contract';
import { INSURER_COLLECTION } from '../../../chaincode/src/claims/insurer-secret';
import { keys } from '../../../chaincode/src/claims/keys';
import { ClaimRecordSchema } from '../../../chaincode/src/claims/record';
import { ClaimResultSchema } from '../../../chaincode/src/claims/result';
import type { Enrolment } from '../../../chaincode/src/claims/membership';
import type { Plan, PlanTerms } from '../../../chaincode/src/claims/plan';
import { consentKey } from '../../../chaincode/src/consent/state';
import { putAttested } from '../../../chaincode/src/shared/attestation';
import { registerPatient } from '../consent/fixtures';
import type { Consent } from '../../../chaincode/src/consent/state';
import type { Credential } from '../../../chaincode/src/credentials/state';
import { insertCredential } from '../../../chaincode/src/credentials/store';
import { Ledger } from '../../../chaincode/src/shared/ledger';
import { Msp } from '../../../chaincode/src/shared/names';
import { Role } from '../../../chaincode/src/shared/roles';
import { contextFor, type FakeStub } from '../../support/fake-stub';

export const contract = new ClaimsContract();

export const PATIENT = 'pat-000001';
export const DOCTOR = 'prac-1';
export const SALT = 'a1'.repeat(16);
export const DIAGNOSIS = 'E11.9';
export const MEMBER_NUMBER = 'MBR-778899';

/**
 * The plan of every test unless told: $500 deductible, 20 % coinsurance, $3,000 out-of-pocket
 * maximum, 90 days to file, claims above $10,000 pended.
 */
export function planTerms(overrides: Partial<PlanTerms> = {}): PlanTerms {
  return {
    planId: 'gold',
    deductibleCents: 50_000,
    coinsuranceBps: 2_000,
    outOfPocketMaxCents: 300_000,
    coveredCodes: [
      { code: '99213', allowedCents: 15_000 }, // office visit, $150
      { code: '99214', allowedCents: 20_000, copayCents: 3_000 }, // longer visit, $200, $30 copay
      { code: '97110', allowedCents: 4_000 }, // therapy, $40 per unit
      { code: '70553', allowedCents: 120_000, requiresPriorAuth: true }, // MRI, $1,200
      { code: '27447', allowedCents: 2_500_000, requiresReview: true }, // knee replacement
    ],
    timelyFilingDays: 90,
    paymentConsentRequired: false,
    reviewThresholdCents: 1_000_000,
    ...overrides,
  };
}

export function plan(overrides: Partial<PlanTerms> = {}): Plan {
  return {
    ...planTerms(overrides),
    insurerMsp: Msp.Insurer,
    version: 1,
    publishedAt: '2026-01-01T00:00:00.000Z',
  };
}

export function enrolment(overrides: Partial<Enrolment> = {}): Enrolment {
  return {
    enrolmentId: 'tx-enrol',
    patientId: PATIENT,
    planId: 'gold',
    memberNumber: MEMBER_NUMBER,
    coverageFrom: '2026-01-01',
    coverageTo: '2026-12-31',
    insurerMsp: Msp.Insurer,
    salt: SALT,
    enrolledAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

type Line = { code: string; units: number; chargeCents: number };

export function line(code: string, chargeCents: number, units = 1): Line {
  return { code, units, chargeCents };
}

/** The pure input: covered member, valid credential, nothing accumulated, filed in time. */
export function input(overrides: Partial<AdjudicationInput> = {}): AdjudicationInput {
  return {
    claim: {
      patientId: PATIENT,
      renderingPractitionerId: DOCTOR,
      serviceDate: '2026-02-10',
      lines: [line('99213', 15_000)],
    },
    plan: plan(),
    membership: enrolment(),
    accumulators: { deductibleMetCents: 0, outOfPocketMetCents: 0 },
    priorAuths: [],
    credentialVerdict: { valid: true, reason: 'VALID' },
    paymentConsent: true,
    priorLines: [],
    submittedDate: '2026-03-01',
    ...overrides,
  };
}

export function claimPayload(overrides: Partial<ClaimPayload> = {}): ClaimPayload {
  return {
    claimId: 'clm-1',
    patientId: PATIENT,
    renderingPractitionerId: DOCTOR,
    serviceDate: '2026-02-10',
    diagnosisCodes: [DIAGNOSIS],
    lines: [line('99213', 15_000)],
    ...overrides,
  };
}

// Callers.
export const insurerAdmin = (stub: FakeStub) =>
  contextFor(stub, { mspId: Msp.Insurer, role: Role.Admin, name: 'ins-admin' });
export const adjudicator = (stub: FakeStub) =>
  contextFor(stub, { mspId: Msp.Insurer, role: Role.Adjudicator, name: 'ins-adj' });
export const intake = (stub: FakeStub) =>
  contextFor(stub, { mspId: Msp.Insurer, role: Role.Intake, name: 'ins-intake' });
export const registrar = (stub: FakeStub, mspId: string = Msp.ProviderA) =>
  contextFor(stub, { mspId, role: Role.Registrar, name: `reg-${mspId}` });
export const physician = (stub: FakeStub, mspId: string = Msp.ProviderA) =>
  contextFor(stub, { mspId, role: Role.Physician, practitionerId: DOCTOR, name: DOCTOR });

/** A licence on the ledger as the credentials module stores it; it counts for claims of the
 * provider it names (ProviderA unless told). */
export async function giveLicence(
  stub: FakeStub,
  practitionerId = DOCTOR,
  status: Credential['status'] = 'active',
  organisation: string = Msp.ProviderA,
): Promise<void> {
  const credential: Credential = {
    licenceNumber: `LIC-${practitionerId}-${organisation}`,
    practitionerId,
    licenceType: 'physician',
    organisation,
    specialty: 'family medicine',
    jurisdiction: 'US-CA',
    validFrom: '2025-01-01',
    validTo: '2027-12-31',
    issuingBoard: Msp.Board,
    status,
    issuedAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    lastAction: status === 'active' ? 'issued' : 'suspended',
    lastActor: 'x509::CN=officer::CN=ca.BoardMSP',
    lastActorMsp: Msp.Board,
  };
  await insertCredential(new Ledger(stub as unknown as ChaincodeStub), credential);
}

/** The patient's consent for the insurer to see their data for payment, as consent stores it:
 * the patient registered at ProviderA, which attests the consent. */
export async function givePaymentConsent(
  stub: FakeStub,
  scope: Consent['scope'] = 'all',
): Promise<void> {
  const consent: Consent = {
    consentId: 'cons-pay',
    patientId: PATIENT,
    grantee: { kind: 'organisation', mspId: Msp.Insurer },
    scope,
    purpose: 'payment',
    validFrom: '2026-01-01T00:00:00.000Z',
    validTo: '2026-12-31T00:00:00.000Z',
    status: 'active',
    grantedAt: '2026-01-01T00:00:00.000Z',
    grantedBy: `x509::CN=${PATIENT}::CN=ca`,
  };
  const ledger = new Ledger(stub as unknown as ChaincodeStub);
  registerPatient(stub, PATIENT, Msp.ProviderA);
  await putAttested(ledger, Msp.ProviderA, consentKey(ledger, PATIENT, consent.consentId), consent);
}

/** Publishes the plan and enrols the patient, each in a transaction of its own. */
export async function setUpMember(stub: FakeStub, terms: Partial<PlanTerms> = {}): Promise<string> {
  stub.nextTx({ at: '2026-01-02T09:00:00Z' });
  await contract.publishPlan(adjudicator(stub), JSON.stringify(planTerms(terms)));
  stub.nextTx({
    at: '2026-01-02T10:00:00Z',
    transient: {
      payload: JSON.stringify({
        patientId: PATIENT,
        planId: terms.planId ?? 'gold',
        memberNumber: MEMBER_NUMBER,
        coverageFrom: '2026-01-01',
        coverageTo: '2026-12-31',
      }),
      salt: SALT,
    },
  });
  const { enrolmentId } = JSON.parse(await contract.enrolMember(intake(stub))) as {
    enrolmentId: string;
  };
  return enrolmentId;
}

type Caller = (s: FakeStub) => ReturnType<typeof registrar>;

/** Submits a claim (intake) in a new transaction and returns the parsed answer. */
export async function intakeOnly(
  stub: FakeStub,
  payload: Partial<ClaimPayload> = {},
  options: { at?: string; as?: Caller } = {},
): Promise<{ claimId: string; status: string }> {
  stub.nextTx({
    at: options.at ?? '2026-03-01T12:00:00Z',
    transient: { payload: JSON.stringify(claimPayload(payload)), salt: SALT },
  });
  const caller = (options.as ?? registrar)(stub);
  return JSON.parse(await contract.submitClaim(caller)) as { claimId: string; status: string };
}

/** Adjudicates a submitted claim in a new transaction, on the insurer's peer. */
export async function adjudicate(
  stub: FakeStub,
  claimId: string,
  options: { at?: string; as?: Caller } = {},
): Promise<{ claimId: string; status: string }> {
  stub.nextTx({ at: options.at ?? '2026-03-01T12:00:00Z', transient: { salt: 'b2'.repeat(16) } });
  const caller = (options.as ?? registrar)(stub);
  return JSON.parse(await contract.adjudicateClaim(caller, claimId)) as {
    claimId: string;
    status: string;
  };
}

/** Submits a claim and has it adjudicated, as the gateway does in one call: the answer of
 * the adjudication. */
export async function submit(
  stub: FakeStub,
  payload: Partial<ClaimPayload> = {},
  options: { at?: string; as?: Caller } = {},
): Promise<{ claimId: string; status: string }> {
  const { claimId } = await intakeOnly(stub, payload, options);
  return adjudicate(stub, claimId, options);
}

/** A claim's record once adjudicated (the result is there). */
export const AdjudicatedRecordSchema = ClaimRecordSchema.extend({ result: ClaimResultSchema });

/** A value in the insurer's implicit collection under the key KEY makes with its secret. */
export function insurerValue(
  stub: FakeStub,
  key: (ledger: Ledger, secret: string) => string,
): unknown {
  const collection = stub.privateData.get(INSURER_COLLECTION);
  const stored = collection?.get(keys.claimsSecret(ledgerOf(stub)));
  if (stored === undefined) return undefined;
  const { secret } = JSON.parse(Buffer.from(stored).toString('utf8')) as { secret: string };
  const bytes = collection?.get(key(ledgerOf(stub), secret));
  return bytes === undefined ? undefined : JSON.parse(Buffer.from(bytes).toString('utf8'));
}

export const ledgerOf = (stub: FakeStub) => new Ledger(stub as unknown as ChaincodeStub);

/** The member's accumulators for the plan year, as the insurer keeps them. */
export function accumulatorsOf(stub: FakeStub, patientId = PATIENT, year = '2026'): unknown {
  return insurerValue(stub, (l, secret) => keys.accumulator(l, secret, patientId, 'gold', year));
}

/** Logs the caller's access and reads the claim in the same (evaluated) moment. */
export async function readClaim(
  stub: FakeStub,
  claimId: string,
  as: (s: FakeStub) => ReturnType<typeof registrar> = registrar,
): Promise<ClaimView> {
  stub.nextTx({ at: '2026-03-20T12:00:00Z' });
  await contract.logClaimAccess(as(stub), claimId);
  stub.nextTx({ at: '2026-03-20T12:01:00Z' });
  return JSON.parse(await contract.getClaim(as(stub), claimId)) as ClaimView;
}

export interface ClaimView {
  claim: { status: string; hash: string; providerMsp: string; submittingMsp: string };
  contents: { diagnosisCodes: string[]; patientId: string };
  salt: string;
  record: {
    result: {
      status: string;
      reasonCodes: string[];
      lines: Array<{
        outcome: string;
        allowedCents: number;
        paidCents: number;
        patientShareCents: number;
        reasonCodes: string[];
      }>;
      totals: { paidCents: number; patientShareCents: number; allowedCents: number };
      accumulators: { deductibleMetCents: number; outOfPocketMetCents: number };
    };
    appeal?: { reason: string; note?: string };
    payment?: { amountCents: number; reference: string };
    decisions: unknown[];
  };
}

/** The organisations whose endorsement a key's key-level policy requires. */
export function policyOrgs(stub: FakeStub, key: string): string[] {
  const policy = stub.validationParameters.get(key);
  if (policy === undefined)
    throw new Error(`no key-level policy on ${key.split('\u0000').join('/')}`);
  return new KeyEndorsementPolicy(policy).listOrgs().sort();
}

export const publicKey = (stub: FakeStub, objectType: string, ...attrs: string[]) =>
  stub.createCompositeKey(objectType, attrs);

export const privateKey = (
  stub: FakeStub,
  collection: string,
  objectType: string,
  ...attrs: string[]
) => `${collection}/${stub.createCompositeKey(objectType, attrs)}`;

/** A private value as stored, parsed. */
export function privateValue(
  stub: FakeStub,
  collection: string,
  objectType: string,
  ...attrs: string[]
): unknown {
  const bytes = stub.privateData.get(collection)?.get(stub.createCompositeKey(objectType, attrs));
  return bytes === undefined ? undefined : JSON.parse(Buffer.from(bytes).toString('utf8'));
}

export function publicValue(stub: FakeStub, objectType: string, ...attrs: string[]): unknown {
  const bytes = stub.state.get(stub.createCompositeKey(objectType, attrs));
  return bytes === undefined ? undefined : JSON.parse(Buffer.from(bytes).toString('utf8'));
}
