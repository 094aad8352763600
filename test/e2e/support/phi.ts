/** PHI for one test run: unique values, so a scan of the blocks finds them only if they leaked. */
import { randomBytes } from 'node:crypto';

export function salt(): string {
  return randomBytes(32).toString('hex');
}

export function demographics(run: string) {
  return {
    mrn: `MRN-${run}`,
    givenName: `Philomena${run}`,
    familyName: `Quackenbush${run}`,
    birthDate: '1961-07-23',
    address: `${run} Lantern Row, Springfield`,
  };
}

/** A FHIR Observation with a clinical value unique to the run. */
export function observation(run: string, value: number) {
  return {
    resourceType: 'Observation',
    status: 'final',
    code: {
      coding: [{ system: 'http://loinc.org', code: '2339-0', display: 'Glucose' }],
      text: `Glucose ${run}`,
    },
    valueQuantity: { value, unit: 'mg/dL', system: 'http://unitsofmeasure.org', code: 'mg/dL' },
  };
}
