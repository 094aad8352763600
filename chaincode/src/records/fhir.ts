/**
 * The FHIR R4 resources a clinical record may be, each checked for the elements the record
 * needs (status, code, value and so on), as one union discriminated by resourceType.
 *
 * Subject and patient references are optional here although FHIR makes some of them
 * mandatory: the record is filed under the ledger's pseudonymous patient ID, and a provider's
 * own patient reference is better left out of a resource shared between organisations.
 */
import { z } from 'zod';
import {
  AttachmentSchema,
  CodeableConceptSchema,
  codes,
  expecting,
  ReferenceSchema,
} from './fhir-types';

export const FhirResourceType = {
  Observation: 'Observation',
  Condition: 'Condition',
  MedicationRequest: 'MedicationRequest',
  AllergyIntolerance: 'AllergyIntolerance',
  DiagnosticReport: 'DiagnosticReport',
  DocumentReference: 'DocumentReference',
} as const;

export type FhirResourceType = (typeof FhirResourceType)[keyof typeof FhirResourceType];

export const FHIR_RESOURCE_TYPES = Object.values(FhirResourceType) as [
  FhirResourceType,
  ...FhirResourceType[],
];

export const FhirResourceTypeSchema = z.enum(FHIR_RESOURCE_TYPES);

/** The value[x] choices of Observation (FHIR R4 Observation.value[x]). */
export const OBSERVATION_VALUE_FIELDS = [
  'valueQuantity',
  'valueCodeableConcept',
  'valueString',
  'valueBoolean',
  'valueInteger',
  'valueRange',
  'valueRatio',
  'valueSampledData',
  'valueTime',
  'valueDateTime',
  'valuePeriod',
] as const;

/** Each value[x] has its FHIR type: a quantity is an object, a boolean a boolean, ... */
const Complex = z.looseObject({});
const OBSERVATION_VALUE_TYPES = {
  valueQuantity: z
    .looseObject({ value: z.number().optional(), unit: z.string().optional() })
    .optional(),
  valueCodeableConcept: CodeableConceptSchema.optional(),
  valueString: z.string().optional(),
  valueBoolean: z.boolean().optional(),
  valueInteger: z.number().int().optional(),
  valueRange: Complex.optional(),
  valueRatio: Complex.optional(),
  valueSampledData: Complex.optional(),
  valueTime: z.string().optional(),
  valueDateTime: z.string().optional(),
  valuePeriod: Complex.optional(),
};

const ObservationSchema = z
  .looseObject({
    resourceType: z.literal(FhirResourceType.Observation),
    status: codes([
      'registered',
      'preliminary',
      'final',
      'amended',
      'corrected',
      'cancelled',
      'entered-in-error',
      'unknown',
    ]),
    code: CodeableConceptSchema,
    subject: ReferenceSchema.optional(),
    component: z.array(z.looseObject({ code: CodeableConceptSchema })).optional(),
    dataAbsentReason: CodeableConceptSchema.optional(),
    ...OBSERVATION_VALUE_TYPES,
  })
  .superRefine((o, ctx) => {
    const values = OBSERVATION_VALUE_FIELDS.filter((f) => o[f] !== undefined);
    const hasComponent = (o.component?.length ?? 0) > 0;
    if (values.length > 1) {
      ctx.addIssue({ code: 'custom', path: ['value[x]'], message: 'must be only one value[x]' });
    } else if (values.length === 1 && o.dataAbsentReason !== undefined) {
      // FHIR invariant obs-6: a reason for absence only when there is no value.
      ctx.addIssue({
        code: 'custom',
        path: ['dataAbsentReason'],
        message: 'must be absent when value[x] is present',
      });
    } else if (values.length === 0 && !hasComponent && o.dataAbsentReason === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['value[x]'],
        message: 'is required unless component or dataAbsentReason is present',
      });
    }
  });

const ConditionSchema = z.looseObject({
  resourceType: z.literal(FhirResourceType.Condition),
  code: CodeableConceptSchema,
  clinicalStatus: CodeableConceptSchema.optional(),
  verificationStatus: CodeableConceptSchema.optional(),
  subject: ReferenceSchema.optional(),
});

const MedicationRequestSchema = z
  .looseObject({
    resourceType: z.literal(FhirResourceType.MedicationRequest),
    status: codes([
      'active',
      'on-hold',
      'cancelled',
      'completed',
      'entered-in-error',
      'stopped',
      'draft',
      'unknown',
    ]),
    intent: codes([
      'proposal',
      'plan',
      'order',
      'original-order',
      'reflex-order',
      'filler-order',
      'instance-order',
      'option',
    ]),
    medicationCodeableConcept: CodeableConceptSchema.optional(),
    medicationReference: ReferenceSchema.optional(),
    subject: ReferenceSchema.optional(),
  })
  .refine(
    (m) => (m.medicationCodeableConcept === undefined) !== (m.medicationReference === undefined),
    {
      path: ['medication[x]'],
      message: 'needs exactly one of medicationCodeableConcept or medicationReference',
    },
  );

const AllergyIntoleranceSchema = z.looseObject({
  resourceType: z.literal(FhirResourceType.AllergyIntolerance),
  code: CodeableConceptSchema,
  clinicalStatus: CodeableConceptSchema.optional(),
  verificationStatus: CodeableConceptSchema.optional(),
  patient: ReferenceSchema.optional(),
});

const DiagnosticReportSchema = z.looseObject({
  resourceType: z.literal(FhirResourceType.DiagnosticReport),
  status: codes([
    'registered',
    'partial',
    'preliminary',
    'final',
    'amended',
    'corrected',
    'appended',
    'cancelled',
    'entered-in-error',
    'unknown',
  ]),
  code: CodeableConceptSchema,
  subject: ReferenceSchema.optional(),
});

const DocumentReferenceSchema = z.looseObject({
  resourceType: z.literal(FhirResourceType.DocumentReference),
  status: codes(['current', 'superseded', 'entered-in-error']),
  content: z
    .array(
      z.looseObject({ attachment: AttachmentSchema }, expecting('an object')),
      expecting('an array'),
    )
    .min(1, 'needs at least one attachment'),
  subject: ReferenceSchema.optional(),
});

export const FhirResourceSchema = z.discriminatedUnion(
  'resourceType',
  [
    ObservationSchema,
    ConditionSchema,
    MedicationRequestSchema,
    AllergyIntoleranceSchema,
    DiagnosticReportSchema,
    DocumentReferenceSchema,
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? `must be one of ${FHIR_RESOURCE_TYPES.join(', ')}`
        : undefined,
  },
);

export type FhirResource = z.output<typeof FhirResourceSchema>;
