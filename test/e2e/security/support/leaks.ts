/**
 * The PHI the security suite puts on the network (names, birth dates, MRNs, clinical values,
 * member numbers, diagnosis codes, appeal notes), each unique to the run and long enough
 * that finding it in a block or a log line can only mean a leak. The last hook of the run
 * (leaks.test.ts) scans every block and every log file for all of them.
 */
import { randomBytes, randomInt } from 'node:crypto';

const used = new Set<string>();

/** Remembers VALUES as PHI of this run; returns them. */
export function phi<T extends string>(...values: T[]): T[] {
  for (const v of values) used.add(v);
  return values;
}

export function usedPhi(): string[] {
  return [...used];
}

export function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** Demographics unique to RUN and N, registered as PHI. */
export function demographicsOf(run: string, n: number) {
  const tag = `${run}${n}${hex(2)}`;
  const person = {
    mrn: `MRN-SEC-${tag}`,
    givenName: `Wilhelmina${tag}`,
    familyName: `Featherstonehaugh${tag}`,
    birthDate: `19${randomInt(21, 79)}-0${randomInt(1, 9)}-1${randomInt(1, 9)}`,
    address: `${tag} Quarantine Lane, Shelbyville`,
  };
  phi(person.mrn, person.givenName, person.familyName, person.address, person.birthDate);
  return person;
}

/** A clinical value of eleven significant characters, e.g. 482913.4827: no log has it by chance. */
export function clinicalValue(): number {
  const value = Number(`${randomInt(100_000, 999_999)}.${randomInt(100, 999)}${randomInt(1, 9)}`);
  phi(String(value));
  return value;
}

/** A FHIR Observation with a value and a text unique to the run, both PHI. */
export function observation(run: string) {
  const value = clinicalValue();
  const [text] = phi(`Serum osmolality ${run}-${hex(3)}`);
  return {
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '2692-2' }], text },
    valueQuantity: { value, unit: 'mosm/kg', system: 'http://unitsofmeasure.org', code: 'mosm/kg' },
  };
}

export function salt(): string {
  return randomBytes(32).toString('hex');
}
