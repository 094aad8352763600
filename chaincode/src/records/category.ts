/** Which consent category each accepted FHIR resource type falls under. */
import { RecordCategory } from '../shared/categories';
import type { FhirResourceType } from './fhir';

// A Record over the union type: adding a resource type without a category fails to compile.
const CATEGORY_OF: Readonly<Record<FhirResourceType, RecordCategory>> = {
  Observation: RecordCategory.Observation,
  Condition: RecordCategory.Condition,
  MedicationRequest: RecordCategory.Medication,
  AllergyIntolerance: RecordCategory.Allergy,
  DiagnosticReport: RecordCategory.DiagnosticReport,
  DocumentReference: RecordCategory.Document,
};

export function categoryOf(resourceType: FhirResourceType): RecordCategory {
  return CATEGORY_OF[resourceType];
}
