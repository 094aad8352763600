import assert from 'node:assert/strict';
import { categoryOf } from '../../../chaincode/src/records/category';
import { FHIR_RESOURCE_TYPES, type FhirResourceType } from '../../../chaincode/src/records/fhir';
import { RecordCategory } from '../../../chaincode/src/shared/categories';

describe('categoryOf', () => {
  const expected: [FhirResourceType, RecordCategory][] = [
    ['Observation', 'observation'],
    ['Condition', 'condition'],
    ['MedicationRequest', 'medication'],
    ['AllergyIntolerance', 'allergy'],
    ['DiagnosticReport', 'diagnostic-report'],
    ['DocumentReference', 'document'],
  ];
  for (const [type, category] of expected) {
    it(`files a ${type} under ${category}`, () => assert.equal(categoryOf(type), category));
  }

  it('gives every accepted resource type a category, and uses every category', () => {
    assert.deepEqual(
      new Set(FHIR_RESOURCE_TYPES.map(categoryOf)),
      new Set(Object.values(RecordCategory)),
    );
  });
});
