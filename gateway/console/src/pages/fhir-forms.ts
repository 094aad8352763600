/**
 * Forms for the common FHIR R4 resources (Observation, Condition, AllergyIntolerance) and a
 * JSON box for any resource the chaincode accepts. Each control is named after the element it
 * fills (resource.code, resource.valueQuantity.value, ...), so a refusal naming that element
 * is shown next to it.
 */
import { field, invalid, type Child } from '../ui.js';
import { optional, text } from '../widgets.js';

export interface ResourceForm {
  readonly label: string;
  fields(): Child[];
  build(data: FormData): Record<string, unknown>;
}

const concept = (value: string) => ({ text: value });
const coded = (system: string, code: string) => ({ coding: [{ system, code }] });
const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const ALLERGY_CLINICAL = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';

const observation: ResourceForm = {
  label: 'Observation (a measurement)',
  fields: () => [
    field({
      label: 'What was observed',
      name: 'resource.code',
      required: true,
      hint: 'e.g. heart rate, body temperature',
    }),
    field({
      label: 'Value',
      name: 'resource.valueQuantity.value',
      type: 'number',
      required: true,
      attrs: { step: 'any' },
    }),
    field({ label: 'Unit', name: 'resource.valueQuantity.unit', hint: 'e.g. beats/min, Cel' }),
    field({
      label: 'Status',
      name: 'resource.status',
      choices: [
        ['final', 'Final'],
        ['preliminary', 'Preliminary'],
        ['amended', 'Amended'],
      ],
    }),
  ],
  build(data) {
    const value = Number(text(data, 'resource.valueQuantity.value'));
    if (text(data, 'resource.valueQuantity.value') === '' || !Number.isFinite(value)) {
      throw invalid('resource.valueQuantity.value', 'must be a number');
    }
    return {
      resourceType: 'Observation',
      status: text(data, 'resource.status'),
      code: concept(text(data, 'resource.code')),
      valueQuantity: { value, unit: optional(data, 'resource.valueQuantity.unit') },
    };
  },
};

const condition: ResourceForm = {
  label: 'Condition (a diagnosis or problem)',
  fields: () => [
    field({
      label: 'Condition',
      name: 'resource.code',
      required: true,
      hint: 'e.g. type 2 diabetes mellitus',
    }),
    field({
      label: 'Clinical status',
      name: 'resource.clinicalStatus',
      choices: [
        ['active', 'Active'],
        ['recurrence', 'Recurrence'],
        ['inactive', 'Inactive'],
        ['remission', 'Remission'],
        ['resolved', 'Resolved'],
      ],
    }),
  ],
  build: (data) => ({
    resourceType: 'Condition',
    code: concept(text(data, 'resource.code')),
    clinicalStatus: coded(CLINICAL, text(data, 'resource.clinicalStatus')),
  }),
};

const allergy: ResourceForm = {
  label: 'AllergyIntolerance (an allergy)',
  fields: () => [
    field({ label: 'Substance', name: 'resource.code', required: true, hint: 'e.g. penicillin' }),
    field({
      label: 'Clinical status',
      name: 'resource.clinicalStatus',
      choices: [
        ['active', 'Active'],
        ['inactive', 'Inactive'],
        ['resolved', 'Resolved'],
      ],
    }),
    field({
      label: 'Criticality',
      name: 'resource.criticality',
      choices: [
        ['low', 'Low'],
        ['high', 'High'],
        ['unable-to-assess', 'Unable to assess'],
      ],
    }),
    field({ label: 'Reaction', name: 'resource.reaction', hint: 'Optional, e.g. hives' }),
  ],
  build(data) {
    const reaction = optional(data, 'resource.reaction');
    return {
      resourceType: 'AllergyIntolerance',
      code: concept(text(data, 'resource.code')),
      clinicalStatus: coded(ALLERGY_CLINICAL, text(data, 'resource.clinicalStatus')),
      criticality: text(data, 'resource.criticality'),
      ...(reaction === undefined ? {} : { reaction: [{ manifestation: [concept(reaction)] }] }),
    };
  },
};

const json: ResourceForm = {
  label: 'Any FHIR resource (JSON)',
  fields: () => [
    field({
      label: 'FHIR resource (JSON)',
      name: 'resource',
      rows: 12,
      required: true,
      value: JSON.stringify(
        {
          resourceType: 'Observation',
          status: 'final',
          code: { text: 'heart rate' },
          valueQuantity: { value: 72, unit: 'beats/min' },
        },
        null,
        2,
      ),
      hint: 'Observation, Condition, MedicationRequest, AllergyIntolerance, DiagnosticReport or DocumentReference. Leave out the patient reference: the ledger files it under the pseudonym.',
    }),
  ],
  build(data) {
    let value: unknown;
    try {
      value = JSON.parse(text(data, 'resource')) as unknown;
    } catch (err) {
      throw invalid(
        'resource',
        `is not valid JSON (${err instanceof Error ? err.message : 'parse error'})`,
      );
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw invalid('resource', 'must be a JSON object with a resourceType');
    }
    return Object.fromEntries(Object.entries(value));
  },
};

export const RESOURCE_FORMS: Readonly<Record<string, ResourceForm>> = {
  Observation: observation,
  Condition: condition,
  AllergyIntolerance: allergy,
  json,
};
