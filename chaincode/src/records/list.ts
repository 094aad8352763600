/**
 * Metadata views, evaluated: a patient's records page by page and a record's versions, each
 * only as far as the caller may see them (visibility.ts). Metadata carries no PHI, and
 * tombstones of erased records stay listed.
 */
import { mayAccess } from '../consent/access';
import { Purpose, RecordCategory } from '../shared/categories';
import type { HealthContext } from '../shared/context';
import { forbidden } from '../shared/errors';
import type { Page } from '../shared/ledger';
import { PageSizeSchema, parse } from '../shared/schema';
import { RecordsObject } from './keys';
import {
  PatientIdSchema,
  RecordIdSchema,
  type RecordMetadata,
  RecordMetadataSchema,
} from './state';
import { attestedRecords, findPatient, findRecord, versionsOf } from './store';
import { type Viewer, viewerOf } from './viewer';
import { mayListRecord } from './visibility';

export async function listRecords(
  ctx: HealthContext,
  patientIdArg: string,
  pageSizeArg: string,
  bookmark: string,
): Promise<Page<RecordMetadata>> {
  const viewer = await viewerOf(ctx);
  const patientId = parse(PatientIdSchema, patientIdArg, 'patientId');
  const pageSize = parse(PageSizeSchema, pageSizeArg, 'pageSize');
  if (viewer.kind === 'patient' && viewer.patientId !== patientId) {
    throw forbidden('a patient lists only their own records');
  }
  await findPatient(ctx.ledger, patientId);
  const page = await ctx.ledger.page(
    RecordMetadataSchema,
    pageSize,
    bookmark,
    RecordsObject.Record,
    patientId,
  );
  const consented = await consentedCategories(ctx, viewer, patientId);
  const visible = page.items.filter((r) => mayListRecord(viewer, r, consented));
  // A page may come back shorter than pageSize; its bookmark still continues the scan.
  return {
    items: await attestedRecords(ctx.ledger, patientId, visible),
    bookmark: page.bookmark,
  };
}

export async function recordHistory(
  ctx: HealthContext,
  recordIdArg: string,
): Promise<RecordMetadata[]> {
  const viewer = await viewerOf(ctx);
  const recordId = parse(RecordIdSchema, recordIdArg, 'recordId');
  const record = await findRecord(ctx.ledger, recordId);
  const consented = await consentedCategories(ctx, viewer, record.patientId);
  if (!mayListRecord(viewer, record, consented)) {
    throw forbidden('the caller may not see this record');
  }
  return versionsOf(ctx.ledger, recordId);
}

/** The categories a practitioner may see for treatment now, by consent or a declared emergency. */
async function consentedCategories(
  ctx: HealthContext,
  viewer: Viewer,
  patientId: string,
): Promise<ReadonlySet<RecordCategory>> {
  if (viewer.kind !== 'practitioner') {
    return new Set();
  }
  const allowed = new Set<RecordCategory>();
  for (const category of Object.values(RecordCategory)) {
    const decision = await mayAccess(ctx, {
      patientId,
      category,
      purpose: Purpose.Treatment,
      at: ctx.ledger.txTime(),
      reader: { mspId: viewer.mspId, practitionerId: viewer.practitionerId },
    });
    if (decision.allowed) {
      allowed.add(category);
    }
  }
  return allowed;
}
