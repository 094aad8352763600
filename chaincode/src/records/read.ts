/**
 * Reading a record's content, in two steps (data rule 6), both on the custodian's peer (the
 * author organisation's: custodian.ts): logAccess, a submitted transaction, writes the access
 * entry once the reader may read, and the custodian's attestation of it; readRecord,
 * evaluated, returns the content only to a reader with a fresh attested entry of their own,
 * and asks consent again, so a revocation stops reads at once.
 */
import { custodianAccess, isFresh, mayAccess, recordAccess } from '../consent/access';
import type { AccessDecision } from '../consent/decision';
import { type Purpose, PurposeSchema } from '../shared/categories';
import type { HealthContext } from '../shared/context';
import { forbidden, notFound } from '../shared/errors';
import { EventName } from '../shared/events';
import { implicitCollection } from '../shared/names';
import { Role } from '../shared/roles';
import { parse } from '../shared/schema';
import type { FhirResource } from './fhir';
import { contentKey } from './keys';
import {
  RecordContentSchema,
  RecordIdSchema,
  type RecordMetadata,
  VersionArgSchema,
} from './state';
import { requireCustodianPeer } from './custodian';
import { activePatient, activeRecord, findVersion } from './store';
import { type Reader, readerOf } from './viewer';
import { readBasis } from './visibility';

export interface Logged {
  readonly accessId: string;
}

export interface ReadResult {
  readonly metadata: RecordMetadata;
  readonly resource: FhirResource;
  /** The salt of this version, so that the reader can verify their copy later. */
  readonly salt: string;
}

export async function logAccess(
  ctx: HealthContext,
  recordIdArg: string,
  purposeArg: string,
): Promise<Logged> {
  const reader = await readerOf(ctx);
  const recordId = parse(RecordIdSchema, recordIdArg, 'recordId');
  const purpose = parse(PurposeSchema, purposeArg, 'purpose');
  const record = await activeRecord(ctx.ledger, recordId);
  requireCustodianPeer(ctx.ledger, record.authorMsp, `record ${recordId}`);
  const patient = await activePatient(ctx.ledger, record.patientId);
  const decision = await requireAllowed(ctx, reader, record, purpose);
  const emergency = decision?.allowed === true && decision.basis === 'emergency';
  const entry = await recordAccess(
    ctx,
    {
      patientId: record.patientId,
      recordId,
      readerId: ctx.caller.id,
      readerMsp: ctx.caller.mspId,
      practitionerId: reader.kind === 'practitioner' ? reader.practitionerId : undefined,
      role: reader.kind === 'practitioner' ? reader.role : Role.Patient,
      purpose,
      emergency,
    },
    record.authorMsp,
  );
  ctx.ledger.emit(
    EventName.RecordAccessed,
    { recordId, patientId: record.patientId, accessId: entry.accessId, emergency },
    [ctx.caller.mspId, record.authorMsp, patient.registeredBy],
  );
  return { accessId: entry.accessId };
}

export async function readRecord(
  ctx: HealthContext,
  recordIdArg: string,
  versionArg: string,
): Promise<ReadResult> {
  const reader = await readerOf(ctx);
  const recordId = parse(RecordIdSchema, recordIdArg, 'recordId');
  const version = parse(VersionArgSchema, versionArg, 'version');
  const record = await activeRecord(ctx.ledger, recordId);
  requireCustodianPeer(ctx.ledger, record.authorMsp, `record ${recordId}`);
  await activePatient(ctx.ledger, record.patientId);
  const access = await custodianAccess(ctx, record.authorMsp, recordId, ctx.caller.id);
  if (access === undefined || !isFresh(access, ctx.ledger.txTime())) {
    throw forbidden('no fresh access entry for this record: log the access first');
  }
  await requireAllowed(ctx, reader, record, access.purpose);
  const metadata = await findVersion(ctx.ledger, record, version);
  const content = await ctx.ledger.getPrivate(
    RecordContentSchema,
    implicitCollection(record.authorMsp),
    contentKey(ctx.ledger, recordId, metadata.version),
  );
  if (content === undefined) {
    throw notFound(`content of version ${metadata.version} of record ${recordId} on this peer`);
  }
  return { metadata, resource: content.resource, salt: content.salt };
}

/** The consent decision when the reader needs one (undefined when they do not); FORBIDDEN
 * with the decision's reason when it refuses. */
async function requireAllowed(
  ctx: HealthContext,
  reader: Reader,
  record: RecordMetadata,
  purpose: Purpose,
): Promise<AccessDecision | undefined> {
  const basis = readBasis(reader, record, purpose);
  if (basis !== 'consent' || reader.kind !== 'practitioner') {
    return undefined;
  }
  const decision = await mayAccess(ctx, {
    patientId: record.patientId,
    category: record.category,
    purpose,
    at: ctx.ledger.txTime(),
    reader: { mspId: reader.mspId, practitionerId: reader.practitionerId },
  });
  if (!decision.allowed) {
    throw forbidden(`the patient's consent does not allow this access: ${decision.reason}`);
  }
  return decision;
}
