/**
 * Clinical records as the end-to-end tests file them: a FHIR Observation with a value unique
 * to the run, in the transient map with its salt, endorsed by the author's own provider (its
 * peer holds the clinical collection and owns the record's keys).
 */
import { MSP, type OrgName, type Session } from './network';
import { clinicalValue } from './people';
import { observation, salt } from './phi';
import { recordClinicalValue } from './phi-ledger';

export interface FiledRecord {
  readonly recordId: string;
  readonly version: number;
  readonly hash: string;
  readonly resource: ReturnType<typeof observation>;
  readonly salt: string;
  /** The clinical value, PHI unique to the run. */
  readonly value: number;
}

/** AUTHOR (a practitioner of ORG) files an Observation, or a correction of REPLACES. */
export async function fileObservation(
  author: Session,
  org: OrgName,
  patientId: string,
  run: string,
  seed: number,
  replaces = '',
  endorsingOrganizations: readonly string[] = [MSP[org]],
): Promise<FiledRecord> {
  const value = clinicalValue(run, seed);
  const resource = observation(run, value);
  const recordSalt = salt();
  const committed = await author.contract('records').submit('addRecord', {
    args: [patientId, replaces],
    transient: { payload: JSON.stringify(resource), salt: recordSalt },
    endorsingOrganizations,
  });
  const added = JSON.parse(committed.result) as { recordId: string; version: number; hash: string };
  recordClinicalValue(MSP[org], patientId, value);
  return { ...added, resource, salt: recordSalt, value };
}
