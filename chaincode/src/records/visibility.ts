/**
 * Who may see what of a record. Pure rules, so that listing, history and reads agree:
 * - metadata: the patient sees all their own; a practitioner sees their organisation's records
 *   and the categories the patient's consent gives them for treatment; a registrar sees their
 *   organisation's records (the front desk manages them, it does not read them);
 * - content: the patient reads their own without consent; the author organisation's
 *   practitioners read its records for treatment without consent (the data came from them);
 *   everyone else needs the patient's consent (or a declared emergency) at that moment.
 */
import { Purpose, type RecordCategory } from '../shared/categories';
import { forbidden } from '../shared/errors';
import type { RecordMetadata } from './state';
import type { Reader, Viewer } from './viewer';

type Visible = Pick<RecordMetadata, 'patientId' | 'authorMsp' | 'category'>;

export function mayListRecord(
  viewer: Viewer,
  record: Visible,
  consentedCategories: ReadonlySet<RecordCategory>,
): boolean {
  switch (viewer.kind) {
    case 'patient':
      return record.patientId === viewer.patientId;
    case 'practitioner':
      return record.authorMsp === viewer.mspId || consentedCategories.has(record.category);
    case 'registrar':
      return record.authorMsp === viewer.mspId;
  }
}

/** On what ground a reader may read the content: their own, their organisation's, or consent. */
export type ReadBasis = 'self' | 'author' | 'consent';

/** Throws FORBIDDEN when a patient asks for another patient's record. */
export function readBasis(
  reader: Reader,
  record: Pick<RecordMetadata, 'patientId' | 'authorMsp'>,
  purpose: Purpose,
): ReadBasis {
  if (reader.kind === 'patient') {
    if (record.patientId !== reader.patientId) {
      throw forbidden('a patient reads only their own records');
    }
    return 'self';
  }
  return record.authorMsp === reader.mspId && purpose === Purpose.Treatment ? 'author' : 'consent';
}
