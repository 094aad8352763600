/**
 * The people of one end-to-end scenario, made fresh for every run: physicians enrolled
 * through their provider's real CA and licensed by the board's officer, a patient registered
 * by a provider's registrar (demographics and salt in the transient map) and enrolled as a
 * user who acts as that patient, and PHI values unique to the run, so that a scan of the
 * blocks can find them only if they leaked.
 */
import { z } from 'zod';
import { onceCommittedThere } from '../../../gateway/src/fabric/custodian-lag';
import { enrolUser } from './enrol';
import { MSP, type OrgName, type Session, type TestNetwork } from './network';
import { demographics, salt } from './phi';
import { recordDemographics } from './phi-ledger';

/** The board's credentialing officer of network.json: has no per-run state. */
export const OFFICER = 'officer1';

/** A UTC calendar day relative to today, YYYY-MM-DD. */
export function day(offsetDays = 0): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** An issueCredential request: a licence valid from yesterday for a year, at ORGANISATION
 * (the MSP ID whose CA enrolled the practitioner: the practitioner ID counts only there). */
export function licenceRequest(
  practitionerId: string,
  licenceNumber: string,
  organisation: string,
  licenceType = 'physician',
) {
  return {
    practitionerId,
    licenceNumber,
    licenceType,
    organisation,
    specialty: 'internal medicine',
    jurisdiction: 'US-CA',
    validFrom: day(-1),
    validTo: day(365),
  };
}

/** Only the board changes a credential (key-level policy), so the board's peer endorses. */
export async function issueLicence(
  net: TestNetwork,
  request: ReturnType<typeof licenceRequest>,
): Promise<{ licenceNumber: string; organisation: string; status: string; issuingBoard: string }> {
  const officer = await net.as('board', OFFICER);
  const committed = await officer.contract('credentials').submit('issueCredential', {
    args: [JSON.stringify(request)],
    endorsingOrganizations: [MSP.board],
  });
  return JSON.parse(committed.result);
}

export interface Practitioner {
  readonly org: OrgName;
  readonly practitionerId: string;
  readonly licenceNumber: string;
  readonly mspDir: string;
  /** A session of this practitioner, through their own peer unless VIA names another. */
  session(via?: OrgName): Promise<Session>;
}

type ContractName = Parameters<Session['contract']>[0];

/** TRANSACTION evaluated by WHO on their own organisation's peer (which answers from its own
 * copy of the private data); the parsed answer. */
export async function evaluateBy(
  who: Practitioner,
  contract: ContractName,
  transaction: string,
  ...args: string[]
) {
  const session = await who.session();
  const text = await session.contract(contract).evaluate(transaction, {
    args,
    endorsingOrganizations: [MSP[who.org]],
  });
  return JSON.parse(text);
}

/** TRANSACTION submitted by WHO through their own peer; the parsed result. */
export async function submitBy(
  who: Practitioner,
  contract: ContractName,
  transaction: string,
  ...args: string[]
) {
  const session = await who.session();
  const committed = await session.contract(contract).submit(transaction, { args });
  return JSON.parse(committed.result);
}

/** The organisation that holds a record's content (records:recordCustodian). */
export async function custodianOf(session: Session, recordId: string): Promise<string> {
  const text = await session.contract('records').evaluate('recordCustodian', { args: [recordId] });
  return (JSON.parse(text) as { custodian: string }).custodian;
}

/** WHO logs an access to a record on the peer of its custodian (the author organisation,
 * which attests the entry in its own collection); the access ID. */
export async function logAccessAtCustodian(
  who: Practitioner,
  recordId: string,
  purpose = 'treatment',
): Promise<string> {
  const session = await who.session();
  const committed = await session.contract('records').submit('logAccess', {
    args: [recordId, purpose],
    endorsingOrganizations: [await custodianOf(session, recordId)],
  });
  return (JSON.parse(committed.result) as { accessId: string }).accessId;
}

/** WHO reads a record from its custodian's peer, the only one that holds the content. The
 * custodian may commit the access entry a block after the reader's own peer: a refusal for
 * want of it is asked again for up to 3 s. */
export async function readAtCustodian(who: Practitioner, recordId: string, version = '') {
  const session = await who.session();
  const custodian = await custodianOf(session, recordId);
  const text = await onceCommittedThere(
    () =>
      session.contract('records').evaluate('readRecord', {
        args: [recordId, version],
        endorsingOrganizations: [custodian],
      }),
    { lagging: /no fresh access entry/ },
  );
  return JSON.parse(text);
}

/** A physician of ORG, new in the CA, without a licence yet. */
export async function newPhysician(
  net: TestNetwork,
  org: OrgName,
  practitionerId: string,
): Promise<Practitioner> {
  const mspDir = await enrolUser(org, practitionerId, { role: 'physician', practitionerId });
  return {
    org,
    practitionerId,
    licenceNumber: `LIC-${practitionerId}`,
    mspDir,
    session: (via = org) => net.as(org, { mspDir }, via),
  };
}

/** A physician of ORG with an active physician licence issued by the board. */
export async function licensedPhysician(
  net: TestNetwork,
  org: OrgName,
  practitionerId: string,
): Promise<Practitioner> {
  const physician = await newPhysician(net, org, practitionerId);
  await issueLicence(net, licenceRequest(practitionerId, physician.licenceNumber, MSP[org]));
  return physician;
}

/** Demographics unique to RUN, birth date included (years no public date of the tests uses). */
export function person(run: string) {
  const n = parseInt(run.slice(0, 8), 16);
  const pad = (v: number) => String(v).padStart(2, '0');
  return {
    ...demographics(run),
    birthDate: `${1920 + (n % 60)}-${pad(1 + (n % 12))}-${pad(1 + (n % 28))}`,
  };
}

/** A clinical value unique to RUN and SEED, with three non-zero decimals so that its JSON
 * text is exactly these digits. */
export function clinicalValue(run: string, seed: number): number {
  const n = parseInt(run.slice(0, 8), 16) + seed * 7919;
  const digit = (shift: number) => 1 + ((n >>> shift) % 9);
  return Number(`${100 + (n % 800)}.${digit(3)}${digit(7)}${digit(11)}`);
}

export interface RegisteredPatient {
  readonly patientId: string;
  readonly person: ReturnType<typeof person>;
  readonly salt: string;
  /** The salted hash of the demographics on the public ledger. */
  readonly hash: string;
}

const Registration = z.object({
  patientId: z.string().regex(/^pat-[0-9a-f]{32}$/),
  hash: z.string(),
});

/** ORG's registrar1 registers a new patient (demographics unique to RUN) through ORG's peer;
 * the chaincode makes the pseudonym, returned here. */
export async function registerPatient(
  net: TestNetwork,
  org: OrgName,
  run: string,
): Promise<RegisteredPatient> {
  const registrar = await net.as(org, 'registrar1');
  const who = person(run);
  const personSalt = salt();
  const committed = await registrar.contract('records').submit('registerPatient', {
    args: [],
    transient: { payload: JSON.stringify(who), salt: personSalt },
    endorsingOrganizations: [MSP[org]],
  });
  const { patientId, hash } = Registration.parse(JSON.parse(committed.result));
  recordDemographics(MSP[org], patientId, who);
  return { patientId, person: who, salt: personSalt, hash };
}

/** A user of ORG's CA who acts as the patient PATIENTID. */
export async function patientSession(
  net: TestNetwork,
  org: OrgName,
  patientId: string,
): Promise<Session> {
  const mspDir = await enrolUser(org, patientId, { role: 'patient', patientId });
  return net.as(org, { mspDir });
}
