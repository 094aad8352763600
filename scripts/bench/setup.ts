/**
 * The benchmark's own fixtures, new for every run so a running network can be reused: its
 * users (users.ts), licences for the physicians, registered patients enrolled in a bench plan,
 * a few records to read. Written through the SDK (fast, not measured) by the network.json users
 * whose roles issue licences, plans and enrolments; every user signs in to the gateway before
 * any measurement, so no CA enrolment lands inside a measured step.
 */
import { randomBytes } from 'node:crypto';
import type { TransactionRequest, Transactions } from '../../gateway/src/fabric/transactions';
import { Peers } from '../../test/e2e/support/claims-flow';
import { MSP, type TestNetwork } from '../../test/e2e/support/network';
import { day } from '../../test/e2e/support/people';
import { salt } from '../../test/e2e/support/phi';
import { sdkSubmit, sdkSubmitThere } from './calls';
import { benchPlan, claim, consentRequest, demographics, enrolment, vitalSign } from './data';
import { type Directory, limited } from './identities';
import { createStaff, freshLogins, type Physician, type Users, withPatients } from './users';

export interface SetupSizes {
  readonly registrars: number;
  readonly physicians: number;
  readonly patients: number;
  /** Registered patients enrolled in the bench plan (the patients above among them). */
  readonly members: number;
  readonly seedRecords: number;
}

export interface Fixtures extends Users {
  readonly run: string;
  readonly planId: string;
  /** Patient IDs enrolled in the plan, for claims. */
  readonly members: readonly string[];
  /** Record IDs of ProviderA that its physicians may read; add-record appends to it. */
  readonly records: string[];
}

/** Valid for the whole window of the claims' service dates (the last 60 days) and beyond. */
function licence(p: Physician) {
  return {
    practitionerId: p.practitionerId,
    licenceNumber: p.licenceNumber,
    licenceType: 'physician',
    organisation: MSP[p.party.org],
    specialty: 'internal medicine',
    jurisdiction: 'US-CA',
    validFrom: day(-400),
    validTo: day(365),
  };
}

/** Submits through the SDK; fails the set-up on any error; remembers the highest block. */
class Writer {
  top = 0;

  /** LAGGING: an answer of another organisation's peer still a block behind, asked again. */
  async submit(
    what: string,
    tx: Transactions,
    name: string,
    request: TransactionRequest,
    lagging?: RegExp,
  ) {
    const r =
      lagging === undefined
        ? await sdkSubmit(tx, name, request)
        : await sdkSubmitThere(tx, name, request, lagging);
    if (!r.ok) throw new Error(`set-up: ${what} failed: ${r.failure?.detail ?? 'unknown'}`);
    this.top = Math.max(this.top, ...(r.acked ?? []).map((a) => a.block));
    return r.result ?? '';
  }
}

export async function setUp(
  net: TestNetwork,
  dir: Directory,
  sizes: Readonly<SetupSizes>,
  say: (line: string) => void,
): Promise<Fixtures> {
  const run = randomBytes(3).toString('hex');
  const memberCount = Math.max(sizes.members, sizes.patients);
  say(
    `set-up ${run}: ${sizes.registrars} registrars, ${sizes.physicians} physicians, ` +
      `${sizes.patients} patients, ${memberCount} plan members`,
  );
  const staff = await createStaff(dir, run, sizes);
  const officer = await dir.existing('board', 'officer1', { role: 'credentialing-officer' });
  const adjudicator = await dir.existing('insurer', 'adjudicator1', { role: 'adjudicator' });
  const intake = await dir.existing('insurer', 'intake1', { role: 'intake' });
  const registrar = staff.registrars[0];
  if (!registrar) throw new Error('set-up needs at least one registrar');

  say('set-up: licences, patients, plan, enrolments');
  const planId = `plan-b${run}`;
  const w = new Writer();
  // The chaincode makes each pseudonym: the members are what the registrations answer, the
  // first of them the benchmark's patient users.
  const done = await limited<string>(
    [
      ...Array.from({ length: memberCount }, (_, i) => async () => {
        const answer = await w.submit(
          'registration',
          registrar.contract('records'),
          'registerPatient',
          {
            args: [],
            transient: { payload: JSON.stringify(demographics(run, i, 's')), salt: salt() },
            endorsingOrganizations: [MSP.providera],
          },
        );
        return (JSON.parse(answer) as { patientId: string }).patientId;
      }),
      ...[...staff.physicians, ...staff.visitors].map(
        (p) => () =>
          w.submit('licence', officer.contract('credentials'), 'issueCredential', {
            args: [JSON.stringify(licence(p))],
            endorsingOrganizations: [MSP.board],
          }),
      ),
      () =>
        w.submit('plan', adjudicator.contract('claims'), 'publishPlan', {
          args: [JSON.stringify(benchPlan(planId))],
          endorsingOrganizations: [MSP.insurer],
        }),
    ],
    32,
  );
  const members = done.slice(0, memberCount);
  const users = await withPatients(dir, run, staff, members.slice(0, sizes.patients));
  await limited(
    [
      ...members.map(
        (patientId, i) => () =>
          w.submit('enrolment', intake.contract('claims'), 'enrolMember', {
            transient: {
              payload: JSON.stringify(enrolment(patientId, planId, run, i)),
              salt: salt(),
            },
            endorsingOrganizations: [MSP.insurer],
          }),
      ),
      // Every patient lets ProviderB treat them: the cross-organisation reads rely on it.
      ...users.patients.map(
        ({ party, patientId }) =>
          () =>
            w.submit('consent', party.contract('consent'), 'grantConsent', {
              args: [JSON.stringify(consentRequest(patientId))],
              endorsingOrganizations: [MSP.providera],
            }),
      ),
    ],
    32,
  );
  const peers = await Peers.of(net);
  await peers.settle(BigInt(w.top), 60_000);
  await checkClaimApproved(w, users.physicians, members, run);

  say('set-up: seed records; signing every user in to the gateway');
  const records: string[] = [];
  await limited(
    users.physicians.slice(0, sizes.seedRecords).map((p, i) => async () => {
      const patient = users.patients[i % users.patients.length];
      if (!patient) return;
      const added = await w.submit('seed record', p.party.contract('records'), 'addRecord', {
        args: [patient.patientId, ''],
        transient: { payload: JSON.stringify(vitalSign(run)), salt: salt() },
        endorsingOrganizations: [MSP.providera],
      });
      records.push((JSON.parse(added) as { recordId: string }).recordId);
    }),
    16,
  );
  await peers.settle(BigInt(w.top), 60_000);
  await freshLogins(users);
  return { ...users, run, planId, members, records };
}

/** The claims workload only exercises the accumulators if its claims are approved: checks one
 * claim of the kind it sends (the oldest service date, the last member). */
async function checkClaimApproved(
  w: Writer,
  physicians: readonly Physician[],
  members: readonly string[],
  run: string,
): Promise<void> {
  const physician = physicians[0];
  const member = members[members.length - 1];
  if (!physician || !member) return;
  const ids = physicians.map((p) => p.practitionerId);
  const contents = claim(`clm-b${run}-check`, member, ids, ids.length * 59);
  const claims = physician.party.contract('claims');
  await w.submit('claim check', claims, 'submitClaim', {
    transient: { payload: JSON.stringify(contents), salt: salt() },
    endorsingOrganizations: [MSP.providera, MSP.insurer],
  });
  const result = await w.submit(
    'claim check adjudication',
    claims,
    'adjudicateClaim',
    {
      args: [contents.claimId],
      transient: { salt: salt() },
      endorsingOrganizations: [MSP.insurer],
    },
    /NOT_FOUND: claim /,
  );
  const { status } = JSON.parse(result) as { status?: string };
  if (status !== 'approved') throw new Error(`set-up: a bench claim was ${status}, not approved`);
}
