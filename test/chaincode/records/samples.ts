/**
 * Test data for the records tests: one valid FHIR R4 resource of each accepted type and
 * demographics, with values distinctive enough to search for in public state (PHI check).
 */
import type { Demographics } from '../../../chaincode/src/records/demographics';

export const SALT = '5f1c9a7e2b4d6f8091a3c5e7f9b1d3e5';
export const OTHER_SALT = '0123456789abcdef0123456789abcdef';

export const DEMOGRAPHICS: Demographics = {
  mrn: 'MRN-0042-7781',
  givenName: 'Amelia',
  familyName: 'Hartwell',
  birthDate: '1984-07-19',
  sex: 'female',
  address: '12 Orchard Lane, Springfield',
  phone: '+1 555 0100',
};

/** Clinical values of the samples: none may appear on the public ledger. */
export const CLINICAL_VALUES = [
  '8480-6',
  'Systolic blood pressure',
  'E11.9',
  'Type 2 diabetes mellitus',
];

export type Json = Record<string, unknown>;

export function observation(overrides: Json = {}): Json {
  return {
    resourceType: 'Observation',
    status: 'final',
    code: {
      coding: [{ system: 'http://loinc.org', code: '8480-6', display: 'Systolic blood pressure' }],
    },
    valueQuantity: { value: 142, unit: 'mmHg' },
    ...overrides,
  };
}

export function condition(overrides: Json = {}): Json {
  return {
    resourceType: 'Condition',
    code: {
      coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'E11.9' }],
      text: 'Type 2 diabetes mellitus',
    },
    clinicalStatus: { coding: [{ code: 'active' }] },
    ...overrides,
  };
}

export function medicationRequest(overrides: Json = {}): Json {
  return {
    resourceType: 'MedicationRequest',
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: { text: 'metformin 500 mg tablet' },
    ...overrides,
  };
}

export function allergyIntolerance(overrides: Json = {}): Json {
  return {
    resourceType: 'AllergyIntolerance',
    code: { text: 'penicillin' },
    ...overrides,
  };
}

export function diagnosticReport(overrides: Json = {}): Json {
  return {
    resourceType: 'DiagnosticReport',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '58410-2' }] },
    ...overrides,
  };
}

export function documentReference(overrides: Json = {}): Json {
  return {
    resourceType: 'DocumentReference',
    status: 'current',
    content: [{ attachment: { contentType: 'text/plain', data: 'RGlzY2hhcmdlIHN1bW1hcnk=' } }],
    ...overrides,
  };
}

/** Removes a field, to test that it is required. */
export function without(resource: Json, field: string): Json {
  const copy = { ...resource };
  delete copy[field];
  return copy;
}
