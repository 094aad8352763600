/**
 * The records contract as typed calls. PHI (demographics, FHIR resources) goes only into the
 * transient map with a fresh salt; writes name the caller's organisation as endorser, because
 * the keys they create belong to it (key-level policies) and its peer holds the private data.
 */
import type { Page } from '../http/common-schemas';
import { evaluateJson, type Submitted, submitJson, type TransactionRunner } from '../fabric/runner';
import { phiTransient, type SaltSource } from '../fabric/salt';
import { z } from 'zod';
import type { Demographics, FhirResource } from './schemas';

export type Purpose = 'treatment' | 'payment' | 'research';

export interface RecordCopy {
  readonly resource: FhirResource;
  readonly salt: string;
  readonly version?: number;
}

export interface RecordsFacade {
  registerPatient(patientId: string, demographics: Demographics): Promise<Submitted>;
  getPatient(patientId: string): Promise<unknown>;
  /** Checks a copy of the demographics (with the salt kept at registration) on this peer. */
  verifyDemographics(patientId: string, demographics: Demographics, salt: string): Promise<unknown>;
  addRecord(patientId: string, resource: FhirResource, replaces?: string): Promise<Submitted>;
  logAccess(recordId: string, purpose: Purpose): Promise<Submitted>;
  readRecord(recordId: string, version?: number): Promise<unknown>;
  listRecords(patientId: string, page: Page): Promise<unknown>;
  recordHistory(recordId: string): Promise<unknown>;
  verifyRecord(recordId: string, copy: RecordCopy): Promise<unknown>;
  erasureEndorsers(patientId: string): Promise<string[]>;
  /** Asks erasureEndorsers first: erasure needs every owner of the patient's keys. */
  erasePatient(patientId: string): Promise<Submitted>;
}

export interface RecordsFacadeOptions {
  readonly tx: TransactionRunner;
  /** The caller's organisation. */
  readonly mspId: string;
  readonly salt: SaltSource;
}

const MspList = z.array(z.string().min(1));

export function newRecordsFacade(options: Readonly<RecordsFacadeOptions>): RecordsFacade {
  const { tx, mspId, salt } = options;
  const ownOrg = [mspId];
  const version = (v: number | undefined) => (v === undefined ? '' : String(v));
  const endorsers = async (patientId: string) =>
    MspList.parse(await evaluateJson(tx, 'erasureEndorsers', { args: [patientId] }));
  return {
    registerPatient: (patientId, demographics) =>
      submitJson(tx, 'registerPatient', {
        args: [patientId],
        transient: phiTransient(demographics, salt()),
        endorsingOrganizations: ownOrg,
      }),
    getPatient: (patientId) => evaluateJson(tx, 'getPatient', { args: [patientId] }),
    verifyDemographics: (patientId, demographics, copySalt) =>
      evaluateJson(tx, 'verifyDemographics', {
        args: [patientId],
        transient: phiTransient(demographics, copySalt),
        endorsingOrganizations: ownOrg,
      }),
    addRecord: (patientId, resource, replaces) =>
      submitJson(tx, 'addRecord', {
        args: [patientId, replaces ?? ''],
        transient: phiTransient(resource, salt()),
        endorsingOrganizations: ownOrg,
      }),
    logAccess: (recordId, purpose) => submitJson(tx, 'logAccess', { args: [recordId, purpose] }),
    readRecord: (recordId, v) => evaluateJson(tx, 'readRecord', { args: [recordId, version(v)] }),
    listRecords: (patientId, page) =>
      evaluateJson(tx, 'listRecords', { args: [patientId, page.pageSize, page.bookmark] }),
    recordHistory: (recordId) => evaluateJson(tx, 'recordHistory', { args: [recordId] }),
    verifyRecord: (recordId, copy) =>
      evaluateJson(tx, 'verifyRecord', {
        args: [recordId, version(copy.version)],
        transient: phiTransient(copy.resource, copy.salt),
      }),
    erasureEndorsers: endorsers,
    erasePatient: async (patientId) =>
      submitJson(tx, 'erasePatient', {
        args: [patientId],
        endorsingOrganizations: await endorsers(patientId),
      }),
  };
}
