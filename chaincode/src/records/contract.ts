/**
 * The records contract: patients (pseudonymous, demographics private), clinical records as
 * FHIR R4 resources in versions, the access-then-read path to their content, metadata views,
 * verification of a copy and erasure. Each transaction is in its own module; this class only
 * names them for Fabric and turns their results into canonical JSON. PHI arrives only in the
 * transient map and never leaves a submitted transaction.
 */
import { Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { HealthContext } from '../shared/context';
import { canonicalJson } from '../shared/json';
import { addRecord } from './add-record';
import { recordCustodian } from './custodian';
import { eraseCustodianCopy, erasePatient, erasureEndorsers } from './erase';
import { listRecords, recordHistory } from './list';
import { logAccess, readRecord } from './read';
import { getPatient, verifyDemographics } from './patient';
import { registerPatient } from './register';
import { verifyRecord } from './verify';

@Info({
  title: 'records',
  description: 'Pseudonymous patients and their FHIR records on private data, read under consent',
})
export class RecordsContract extends Contract {
  constructor() {
    super('records');
  }

  override createContext(): HealthContext {
    return new HealthContext();
  }

  /** Registrar at a provider. No arguments: the chaincode makes the pseudonym (a client's
   * would be refused by the argument count). Transient: payload (demographics), salt.
   * Returns {patientId, hash}. */
  @Transaction()
  @Returns('string')
  async registerPatient(ctx: HealthContext): Promise<string> {
    return canonicalJson(await registerPatient(ctx));
  }

  /** Anyone in the consortium. The public registration: pseudonym, provider, hash, status. */
  @Transaction(false)
  @Returns('string')
  async getPatient(ctx: HealthContext, patientId: string): Promise<string> {
    return canonicalJson(await getPatient(ctx, patientId));
  }

  /** Registrar at a provider. Transient: payload (a copy of the demographics), salt. Returns
   * {patientId, matchesLedger, matchesPrivateCopy} as this peer sees it. */
  @Transaction(false)
  @Returns('string')
  async verifyDemographics(ctx: HealthContext, patientId: string): Promise<string> {
    return canonicalJson(await verifyDemographics(ctx, patientId));
  }

  /** Physician or nurse at a provider, with an active licence. Transient: payload (a FHIR
   * resource), salt. replacesRecordId '' for a new record. Returns {recordId, version, hash}. */
  @Transaction()
  @Returns('string')
  async addRecord(
    ctx: HealthContext,
    patientId: string,
    replacesRecordId: string,
  ): Promise<string> {
    return canonicalJson(await addRecord(ctx, patientId, replacesRecordId));
  }

  /** The patient, or a practitioner allowed by authorship or consent. Returns {accessId}. */
  @Transaction()
  @Returns('string')
  async logAccess(ctx: HealthContext, recordId: string, purpose: string): Promise<string> {
    return canonicalJson(await logAccess(ctx, recordId, purpose));
  }

  /** Needs the caller's fresh access entry. version '' = latest. Returns {metadata, resource, salt}. */
  @Transaction(false)
  @Returns('string')
  async readRecord(ctx: HealthContext, recordId: string, version: string): Promise<string> {
    return canonicalJson(await readRecord(ctx, recordId, version));
  }

  /** Metadata the caller may see. Returns {items, bookmark}. */
  @Transaction(false)
  @Returns('string')
  async listRecords(
    ctx: HealthContext,
    patientId: string,
    pageSize: string,
    bookmark: string,
  ): Promise<string> {
    return canonicalJson(await listRecords(ctx, patientId, pageSize, bookmark));
  }

  /** Anyone. Transient: payload (the copy), salt. Returns {matches, recordId, version, ledgerHash}. */
  @Transaction(false)
  @Returns('string')
  async verifyRecord(ctx: HealthContext, recordId: string, version: string): Promise<string> {
    return canonicalJson(await verifyRecord(ctx, recordId, version));
  }

  /** Metadata of every version, oldest first, for a caller who may see the record. */
  @Transaction(false)
  @Returns('string')
  async recordHistory(ctx: HealthContext, recordId: string): Promise<string> {
    return canonicalJson(await recordHistory(ctx, recordId));
  }

  /** Registrar of the registering provider, on its peer. Returns {patientId, erasedAt,
   * records, custodians}: the other custodians, each to run eraseCustodianCopy. */
  @Transaction()
  @Returns('string')
  async erasePatient(ctx: HealthContext, patientId: string): Promise<string> {
    return canonicalJson(await erasePatient(ctx, patientId));
  }

  /** Registrar of the registering provider, on the peer of another custodian of an erased
   * patient's records: that custodian's copy is purged. Returns as erasePatient. */
  @Transaction()
  @Returns('string')
  async eraseCustodianCopy(ctx: HealthContext, patientId: string): Promise<string> {
    return canonicalJson(await eraseCustodianCopy(ctx, patientId));
  }

  /** Anyone: the organisation that holds the record's content (its author), whose peer a
   * reader's logAccess and readRecord go to. Returns {recordId, custodian}. */
  @Transaction(false)
  @Returns('string')
  async recordCustodian(ctx: HealthContext, recordId: string): Promise<string> {
    return canonicalJson(await recordCustodian(ctx, recordId));
  }

  /** Registrar of the registering provider: the custodians of the patient's data (the
   * registering provider first, then every other author of a record not yet erased). */
  @Transaction(false)
  @Returns('string')
  async erasureEndorsers(ctx: HealthContext, patientId: string): Promise<string> {
    return canonicalJson(await erasureEndorsers(ctx, patientId));
  }
}
