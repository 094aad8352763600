/**
 * The FHIR R4 data types the record schemas check (CodeableConcept, Reference, Attachment) and
 * helpers for field messages. Objects are loose: a FHIR resource carries many more elements
 * than the contract needs to check, and all of them are kept as sent.
 */
import { z } from 'zod';

/** Says "is required" for a missing field and `must be …` for a present but wrong one. */
export function expecting(what: string): { error: (issue: { input?: unknown }) => string } {
  return {
    error: (issue) => (issue.input === undefined ? 'is required' : `must be ${what}`),
  };
}

/** A FHIR code value set as a closed enum with a message listing its codes. */
export function codes<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, expecting(`one of ${values.join(', ')}`));
}

/** Not trimmed: the resource is stored and hashed exactly as sent, so a copy verifies. */
export const FhirString = z
  .string(expecting('a string'))
  .refine((s) => s.trim().length > 0, 'must not be blank');

export const CodingSchema = z.looseObject(
  {
    system: FhirString.optional(),
    code: FhirString.optional(),
    display: FhirString.optional(),
  },
  expecting('a Coding object'),
);

/** A CodeableConcept says what it means by at least one coding or a text. */
export const CodeableConceptSchema = z
  .looseObject(
    {
      coding: z.array(CodingSchema, expecting('an array of Coding')).optional(),
      text: FhirString.optional(),
    },
    expecting('a CodeableConcept object'),
  )
  .refine((c) => (c.coding?.length ?? 0) > 0 || c.text !== undefined, {
    message: 'needs coding or text',
  });

export const ReferenceSchema = z
  .looseObject(
    {
      reference: FhirString.optional(),
      display: FhirString.optional(),
      identifier: z.looseObject({}).optional(),
    },
    expecting('a Reference object'),
  )
  .refine(
    (r) => r.reference !== undefined || r.identifier !== undefined || r.display !== undefined,
    {
      message: 'needs reference, identifier or display',
    },
  );

/** Inline base64 data or a URL where the document can be fetched. */
export const AttachmentSchema = z
  .looseObject(
    {
      contentType: FhirString,
      data: z
        .string(expecting('base64 text'))
        .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64')
        .optional(),
      url: FhirString.optional(),
    },
    expecting('an Attachment object'),
  )
  .refine((a) => a.data !== undefined || a.url !== undefined, {
    message: 'needs data or url',
  });
