/**
 * The benchmark's users, new for every run: ProviderA's registrars, physicians (each with a
 * practitioner ID and, once set-up issued it, a licence) and patients (each acting as its own
 * patient ID), and ProviderB's visiting physicians, who read ProviderA's records under the
 * patients' consent; and keeping their gateway sign-ins fresh before an HTTP phase.
 */
import { MSP } from '../../test/e2e/support/network';
import { type Directory, limited, type Party, REFRESH_AFTER_MS } from './identities';

export interface Physician {
  readonly party: Party;
  readonly practitionerId: string;
  readonly licenceNumber: string;
}

export interface Patient {
  readonly party: Party;
  readonly patientId: string;
}

export interface Users {
  readonly registrars: readonly Party[];
  readonly physicians: readonly Physician[];
  readonly patients: readonly Patient[];
  /** Physicians of ProviderB, licensed there: the cross-organisation readers. */
  readonly visitors: readonly Physician[];
  readonly parties: readonly Party[];
}

type Staff = Pick<Users, 'registrars' | 'physicians' | 'visitors'>;

export const PARALLEL = 8;

/** Registrars and physicians; patients come once registered (createPatients), since the
 * chaincode makes their pseudonyms. */
export async function createStaff(
  dir: Directory,
  run: string,
  sizes: { registrars: number; physicians: number },
): Promise<Staff> {
  const org = 'providera' as const;
  const many = <T>(n: number, make: (i: number) => Promise<T>) =>
    limited(
      Array.from({ length: n }, (_, i) => () => make(i)),
      PARALLEL,
    );
  const registrars = await many(sizes.registrars, (i) =>
    dir.create(org, `bench-${run}-reg-${i}`, { role: 'registrar' }),
  );
  const physician = (at: 'providera' | 'providerb', tag: string) => async (i: number) => {
    const practitionerId = `pr-${tag}${run}-${i}`;
    const party = await dir.create(at, `bench-${run}-${tag}-${i}`, {
      role: 'physician',
      practitionerId,
    });
    return { party, practitionerId, licenceNumber: `LIC-${practitionerId}` };
  };
  const physicians = await many(sizes.physicians, physician(org, 'b'));
  const visitors = await many(Math.ceil(sizes.physicians / 4), physician('providerb', 'v'));
  return { registrars, physicians, visitors };
}

/** A patient user for each of PATIENTIDS (registered already), and every party together. */
export async function withPatients(
  dir: Directory,
  run: string,
  staff: Staff,
  patientIds: readonly string[],
): Promise<Users> {
  const patients = await limited(
    patientIds.map((patientId, i) => async (): Promise<Patient> => {
      const party = await dir.create('providera', `bench-${run}-pat-${i}`, {
        role: 'patient',
        patientId,
      });
      return { party, patientId };
    }),
    PARALLEL,
  );
  const parties = [
    ...staff.registrars,
    ...staff.physicians.map((p) => p.party),
    ...patients.map((p) => p.party),
    ...staff.visitors.map((p) => p.party),
  ];
  return { ...staff, patients, parties };
}

/** Signs in again every user whose token is getting old (before an HTTP phase), and sends
 * one request as each user signed in anew, so that its gateway session is open. */
export async function freshLogins(users: Users): Promise<void> {
  await limited(
    users.parties.map((p) => () => p.http(REFRESH_AFTER_MS)),
    PARALLEL,
  );
  const physician = users.physicians[0];
  const query = physician === undefined ? '' : `?organisation=${MSP[physician.party.org]}`;
  const url = `/credentials/${physician?.licenceNumber ?? ''}/verification${query}`;
  await limited(
    users.parties
      .filter((p) => p.cold)
      .map((p) => async () => {
        await (await p.http()).get(url);
        p.cold = false;
      }),
    PARALLEL,
  );
}
