/**
 * Categories of clinical records: what consent scopes name. Each FHIR resource type the
 * records contract accepts belongs to one category.
 */
import { z } from 'zod';

export const RecordCategory = {
  Observation: 'observation',
  Condition: 'condition',
  Medication: 'medication',
  Allergy: 'allergy',
  DiagnosticReport: 'diagnostic-report',
  Document: 'document',
} as const;

export type RecordCategory = (typeof RecordCategory)[keyof typeof RecordCategory];

export const RecordCategorySchema = z.enum(
  Object.values(RecordCategory) as [RecordCategory, ...RecordCategory[]],
);

/** Why someone reads PHI; consent is granted per purpose. */
export const Purpose = {
  Treatment: 'treatment',
  Payment: 'payment',
  Research: 'research',
} as const;

export type Purpose = (typeof Purpose)[keyof typeof Purpose];

export const PurposeSchema = z.enum(['treatment', 'payment', 'research']);
