/**
 * The people and data the attacks are aimed at, made fresh for each run through the real
 * CAs and the chaincode: three patients registered at ProviderA (users of their own), a
 * record of the first, a licensed physician of each provider, a nurse, a physician whose
 * licence was revoked, a plan with the first patient enrolled, and a claim pended for review.
 * Built once and shared by every file of the suite (the network is closed by leaks.test.ts).
 */
import { CLAIM_PARTIES } from '../../support/claims-flow';
import { day, diagnosisCodes, planTerms } from '../../support/claims-data';
import { enrolUser, runId } from '../../support/enrol';
import { MSP, type Session } from '../../support/network';
import { licensedPhysician, OFFICER, type Practitioner } from '../../support/people';
import { SettledNetwork } from '../../support/settled';
import { demographicsOf, observation, phi, salt } from './leaks';

export interface Patient {
  readonly patientId: string;
  readonly demographics: ReturnType<typeof demographicsOf>;
  readonly salt: string;
  /** A user of ProviderA's CA acting as this patient. */
  readonly user: Session;
}

export interface FiledRecord {
  readonly recordId: string;
  readonly version: number;
  readonly hash: string;
  readonly resource: ReturnType<typeof observation>;
}

export interface Cast {
  readonly net: SettledNetwork;
  readonly run: string;
  readonly patient1: Patient;
  readonly patient2: Patient;
  /** The target of malformed records only (malformed.test.ts). */
  readonly patient3: Patient;
  readonly record1: FiledRecord;
  readonly physicianA: Practitioner;
  readonly physicianB: Practitioner;
  /** Licensed, then revoked by the board. */
  readonly revokedA: Practitioner;
  readonly nurseA: Session;
  readonly planId: string;
  /** Pended for review: only the insurer's adjudicator may decide it. */
  readonly claimId: string;
}

let cast: Promise<Cast> | undefined;

/** The cast of this run, assembled on first use. */
export function theCast(): Promise<Cast> {
  cast ??= assemble();
  return cast;
}

/** Closes the connections of the cast, if it was ever assembled. */
export async function dismissCast(): Promise<void> {
  if (cast) (await cast).net.close();
}

async function registerPatient(net: SettledNetwork, run: string, n: number): Promise<Patient> {
  const demographics = demographicsOf(run, n);
  const personSalt = salt();
  const registrar = await net.as('providera', 'registrar1');
  const committed = await registrar.contract('records').submit('registerPatient', {
    args: [],
    transient: { payload: JSON.stringify(demographics), salt: personSalt },
    endorsingOrganizations: [MSP.providera],
  });
  // The chaincode makes the pseudonym.
  const { patientId } = JSON.parse(committed.result) as { patientId: string };
  const mspDir = await enrolUser('providera', `sec-${run}-p${n}`, { role: 'patient', patientId });
  return { patientId, demographics, salt: personSalt, user: await net.as('providera', { mspDir }) };
}

export async function fileRecord(
  author: Practitioner,
  patientId: string,
  run: string,
): Promise<FiledRecord> {
  const resource = observation(run);
  const committed = await (await author.session()).contract('records').submit('addRecord', {
    args: [patientId, ''],
    transient: { payload: JSON.stringify(resource), salt: salt() },
    endorsingOrganizations: [MSP[author.org]],
  });
  return { ...(JSON.parse(committed.result) as Omit<FiledRecord, 'resource'>), resource };
}

async function assemble(): Promise<Cast> {
  const net = new SettledNetwork();
  const run = runId();
  const [physicianA, physicianB, revokedA, nurseDir] = await Promise.all([
    licensedPhysician(net, 'providera', `pr-sec-a-${run}`),
    licensedPhysician(net, 'providerb', `pr-sec-b-${run}`),
    licensedPhysician(net, 'providera', `pr-sec-r-${run}`),
    enrolUser('providera', `sec-${run}-nurse`, {
      role: 'nurse',
      practitionerId: `pr-sec-n-${run}`,
    }),
  ]);
  const officer = await net.as('board', OFFICER);
  await officer.contract('credentials').submit('revokeCredential', {
    args: [revokedA.licenceNumber, 'DISCIPLINARY_ACTION'],
    endorsingOrganizations: [MSP.board],
  });
  const patient1 = await registerPatient(net, run, 1);
  const patient2 = await registerPatient(net, run, 2);
  const patient3 = await registerPatient(net, run, 3);
  const record1 = await fileRecord(physicianA, patient1.patientId, run);

  const planId = `plan-sec-${run}`;
  const adjudicator = await net.as('insurer', 'adjudicator1');
  await adjudicator.contract('claims').submit('publishPlan', {
    args: [JSON.stringify(planTerms(planId, false))],
    endorsingOrganizations: [MSP.insurer],
  });
  const [memberNumber] = phi(`MBR-SEC-${run}`);
  const intake = await net.as('insurer', 'intake1');
  await intake.contract('claims').submit('enrolMember', {
    transient: {
      payload: JSON.stringify({
        patientId: patient1.patientId,
        planId,
        memberNumber,
        coverageFrom: day(-40),
        coverageTo: day(300),
      }),
      salt: salt(),
    },
    endorsingOrganizations: [MSP.insurer],
  });
  const claimId = `clm-sec-${run}`;
  const registrar = await net.as('providera', 'registrar1');
  await registrar.contract('claims').submit('submitClaim', {
    transient: {
      payload: JSON.stringify({
        claimId,
        patientId: patient1.patientId,
        renderingPractitionerId: physicianA.practitionerId,
        serviceDate: day(0),
        diagnosisCodes: phi(...diagnosisCodes()),
        // $28,000 is above the plan's $5,000 review threshold: the claim is pended.
        lines: [{ code: '27447', units: 1, chargeCents: 2_800_000 }],
      }),
      salt: salt(),
    },
    endorsingOrganizations: CLAIM_PARTIES,
  });
  // Adjudicated by the insurer's peer alone, the only one holding membership: pended.
  await registrar.contract('claims').submit('adjudicateClaim', {
    args: [claimId],
    transient: { salt: salt() },
    endorsingOrganizations: [MSP.insurer],
  });
  return {
    net,
    run,
    patient1,
    patient2,
    patient3,
    record1,
    physicianA,
    physicianB,
    revokedA,
    nurseA: await net.as('providera', { mspDir: nurseDir }),
    planId,
    claimId,
  };
}
