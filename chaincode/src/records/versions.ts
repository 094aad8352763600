/**
 * Versions of a record: the first one, and a correction that becomes the next version and
 * points at the one it replaces. Nothing is overwritten: each version keeps its own metadata
 * and content; the record key only tells which version is the latest.
 */
import { saltedHash } from '../shared/hash';
import { forbidden, invalidArgument } from '../shared/errors';
import { categoryOf } from './category';
import type { FhirResource } from './fhir';
import { LifeStatus, type RecordMetadata } from './state';

export interface Authoring {
  readonly resource: FhirResource;
  readonly salt: string;
  readonly authorMsp: string;
  readonly authorPractitionerId: string;
  /** The transaction's time. */
  readonly at: string;
}

/** Record IDs come from the transaction that created the record: unique and deterministic. */
export function recordIdFor(txId: string): string {
  return `rec-${txId.slice(0, 24)}`;
}

export function firstVersion(recordId: string, patientId: string, a: Authoring): RecordMetadata {
  return {
    recordId,
    patientId,
    category: categoryOf(a.resource.resourceType),
    resourceType: a.resource.resourceType,
    authorMsp: a.authorMsp,
    authorPractitionerId: a.authorPractitionerId,
    hash: saltedHash(a.salt, a.resource),
    version: 1,
    createdAt: a.at,
    status: LifeStatus.Active,
  };
}

/**
 * Only the author organisation corrects its record, and a correction stays the same kind of
 * resource: its category decides who may read it, and that must not shift under consent.
 */
export function correction(previous: RecordMetadata, a: Authoring): RecordMetadata {
  if (previous.authorMsp !== a.authorMsp) {
    throw forbidden(`only ${previous.authorMsp}, the author organisation, may correct this record`);
  }
  if (previous.resourceType !== a.resource.resourceType) {
    throw invalidArgument(
      'transient.payload.resourceType',
      `a correction must stay a ${previous.resourceType}`,
    );
  }
  return {
    ...firstVersion(previous.recordId, previous.patientId, a),
    version: previous.version + 1,
    replaces: previous.version,
  };
}
