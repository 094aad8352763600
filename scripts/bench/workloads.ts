/**
 * The workloads, each as one operation on either path: straight through the Gateway SDK (the
 * same transactions, arguments, transient fields and endorsing organisations the gateway's
 * facades use) or as the HTTP request a client of the gateway sends. All go through ProviderA's
 * peer (SDK) or ProviderA's gateway (HTTP), except cross-read: ProviderB's physicians, through
 * ProviderB's peer or gateway, reading at ProviderA's peer.
 */
import { MSP } from '../../test/e2e/support/network';
import { salt } from '../../test/e2e/support/phi';
import { combine, httpCall, sdkEvaluate, sdkSubmit, sdkSubmitThere } from './calls';
import { claim, consentRequest, demographics, vitalSign } from './data';
import type { Op, OpOutcome } from './loadgen';
import type { Fixtures } from './setup';
import type { Physician } from './users';

export type Path = 'sdk' | 'http';

export interface Workload {
  readonly name: string;
  readonly kind: 'submit' | 'evaluate' | 'mixed';
  readonly what: string;
  /** Default offered rate of the fixed-rate step (operations per second). */
  readonly fixedRate: number;
  op(path: Path): Op;
}

const PROVIDER = [MSP.providera];
const CLAIM_ENDORSERS = [MSP.providera, MSP.insurer];
const MAX_RECORDS = 10_000;

function pick<T>(items: readonly T[], n: number): T {
  const item = items[n % items.length];
  if (item === undefined) throw new Error('empty pool');
  return item;
}

// Shared by every catalogue of the run, so that IDs (patients, claims) never repeat.
let seq = 0;
const next = () => seq++;
const claimsOfMember = new Map<string, number>();

export function catalogue(f: Fixtures, options: { hotMember?: boolean } = {}): Workload[] {
  const practitionerIds = f.physicians.map((p) => p.practitionerId);

  const registerPatient =
    (path: Path): Op =>
    async () => {
      const n = next();
      const registrar = pick(f.registrars, n);
      // The chaincode makes the pseudonym.
      const person = demographics(f.run, n, 'w');
      if (path === 'sdk') {
        return sdkSubmit(registrar.contract('records'), 'registerPatient', {
          args: [],
          transient: { payload: JSON.stringify(person), salt: salt() },
          endorsingOrganizations: PROVIDER,
        });
      }
      return httpCall(registrar.http(), 'POST', '/patients', { demographics: person });
    };

  const keepRecord = (outcome: OpOutcome, recordId: unknown): OpOutcome => {
    if (outcome.ok && typeof recordId === 'string' && f.records.length < MAX_RECORDS) {
      f.records.push(recordId);
    }
    return outcome;
  };

  const addRecord =
    (path: Path): Op =>
    async () => {
      const n = next();
      const physician = pick(f.physicians, n).party;
      const { patientId } = pick(f.patients, n);
      const resource = vitalSign(f.run);
      if (path === 'sdk') {
        const r = await sdkSubmit(physician.contract('records'), 'addRecord', {
          args: [patientId, ''],
          transient: { payload: JSON.stringify(resource), salt: salt() },
          endorsingOrganizations: PROVIDER,
        });
        return keepRecord(
          r,
          r.ok ? (JSON.parse(r.result ?? '{}') as { recordId?: unknown }).recordId : undefined,
        );
      }
      const r = await httpCall(physician.http(), 'POST', `/patients/${patientId}/records`, {
        resource,
      });
      return keepRecord(
        r,
        (r.body as { result?: { recordId?: unknown } } | undefined)?.result?.recordId,
      );
    };

  const grantConsent =
    (path: Path): Op =>
    async () => {
      const { party, patientId } = pick(f.patients, next());
      const request = consentRequest(patientId);
      if (path === 'sdk') {
        return sdkSubmit(party.contract('consent'), 'grantConsent', {
          args: [JSON.stringify(request)],
        });
      }
      return httpCall(party.http(), 'POST', '/consents', request);
    };

  /** READER (a physician of ProviderA, or ProviderB's visitor under the patient's consent)
   * logs the access and reads the content, both on the peer of the record's custodian. */
  const readAsTheGatewayDoes =
    (readers: () => readonly Physician[]) =>
    (path: Path): Op =>
    async () => {
      const n = next();
      const physician = pick(readers(), n).party;
      const recordId = pick(f.records, n);
      if (path === 'sdk') {
        const records = physician.contract('records');
        const custody = await sdkEvaluate(records, 'recordCustodian', { args: [recordId] });
        if (!custody.ok) return custody;
        const custodian = [(JSON.parse(String(custody.result)) as { custodian: string }).custodian];
        const logged = await sdkSubmit(records, 'logAccess', {
          args: [recordId, 'treatment'],
          endorsingOrganizations: custodian,
        });
        if (!logged.ok) return logged;
        return combine(
          logged,
          await sdkEvaluate(records, 'readRecord', {
            args: [recordId, ''],
            endorsingOrganizations: custodian,
          }),
        );
      }
      return httpCall(physician.http(), 'GET', `/records/${recordId}?purpose=treatment`);
    };
  const readRecord = readAsTheGatewayDoes(() => f.physicians);
  const crossRead = readAsTheGatewayDoes(() => f.visitors);

  const submitClaim =
    (path: Path): Op =>
    async () => {
      const n = next();
      const member = options.hotMember ? pick(f.members, 0) : pick(f.members, n);
      const k = claimsOfMember.get(member) ?? 0;
      claimsOfMember.set(member, k + 1);
      const contents = claim(`clm-b${f.run}-${n}`, member, practitionerIds, k);
      const physician = pick(f.physicians, k).party;
      if (path === 'sdk') {
        // Intake (provider and insurer), then adjudication on the insurer's peer alone.
        const claims = physician.contract('claims');
        const intake = await sdkSubmit(claims, 'submitClaim', {
          transient: { payload: JSON.stringify(contents), salt: salt() },
          endorsingOrganizations: CLAIM_ENDORSERS,
        });
        if (!intake.ok) return intake;
        const adjudicated = await sdkSubmitThere(
          claims,
          'adjudicateClaim',
          {
            args: [contents.claimId],
            transient: { salt: salt() },
            endorsingOrganizations: [MSP.insurer],
          },
          /NOT_FOUND: claim /,
        );
        return combine(intake, adjudicated);
      }
      return httpCall(physician.http(), 'POST', '/claims', contents);
    };

  const verifyLicence =
    (path: Path): Op =>
    async () => {
      const n = next();
      const reader = pick(f.physicians, n).party;
      const { licenceNumber, party } = pick(f.physicians, n * 7 + 3);
      const organisation = MSP[party.org];
      if (path === 'sdk') {
        return sdkEvaluate(reader.contract('credentials'), 'verifyLicence', {
          args: [licenceNumber, organisation, ''],
        });
      }
      return httpCall(
        reader.http(),
        'GET',
        `/credentials/${licenceNumber}/verification?organisation=${organisation}`,
      );
    };

  // Realistic proportions: reads and licence checks dominate, claims and registrations are rarer.
  const MIX: readonly [number, (path: Path) => Op][] = [
    [6, readRecord],
    [6, verifyLicence],
    [4, addRecord],
    [2, submitClaim],
    [1, grantConsent],
    [1, registerPatient],
  ];
  const slots = MIX.flatMap(([weight, make]) => Array.from({ length: weight }, () => make));
  const mixed = (path: Path): Op => {
    const ops = slots.map((make) => make(path));
    let i = 0;
    return () => pick(ops, i++ * 7)();
  };

  return [
    {
      name: 'register-patient',
      kind: 'submit',
      what: "registrar registers a patient (demographics to its provider's implicit collection)",
      fixedRate: 20,
      op: registerPatient,
    },
    {
      name: 'add-record',
      kind: 'submit',
      what: 'physician files a FHIR Observation (private data, licence checked)',
      fixedRate: 20,
      op: addRecord,
    },
    {
      name: 'grant-consent',
      kind: 'submit',
      what: 'patient grants ProviderB treatment access',
      fixedRate: 20,
      op: grantConsent,
    },
    {
      name: 'read-record',
      kind: 'submit',
      what: 'physician logs the access (submit) then reads the record (evaluate)',
      fixedRate: 15,
      op: readRecord,
    },
    {
      name: 'cross-read',
      kind: 'submit',
      what: "ProviderB's physician reads a ProviderA record under consent, at ProviderA's peer",
      fixedRate: 15,
      op: crossRead,
    },
    {
      name: 'submit-claim',
      kind: 'submit',
      what: "physician submits a claim (ProviderA + Insurer endorse), then the insurer's peer adjudicates it",
      fixedRate: 15,
      op: submitClaim,
    },
    {
      name: 'verify-licence',
      kind: 'evaluate',
      what: 'anyone verifies a licence (evaluate only)',
      fixedRate: 50,
      op: verifyLicence,
    },
    {
      name: 'mixed',
      kind: 'mixed',
      what: 'read 30 %, verify 30 %, add record 20 %, claim 10 %, consent 5 %, register 5 %',
      fixedRate: 25,
      op: mixed,
    },
  ];
}
