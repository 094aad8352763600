/**
 * The records contract as typed calls. PHI (demographics, FHIR resources) goes only into the
 * transient map with a fresh salt; writes name the caller's organisation as endorser, because
 * the keys they create belong to it (key-level policies) and its peer holds the private data.
 * A record's content stays with its custodian (the author organisation): logging an access
 * and reading go to the custodian's peer, and erasure runs on every custodian's.
 */
import type { Page } from '../http/common-schemas';
import { onceCommittedThere } from '../fabric/custodian-lag';
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
  /** The chaincode makes the pseudonym; the result carries it ({patientId, hash}). */
  registerPatient(demographics: Demographics): Promise<Submitted>;
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
  /** Asks erasureEndorsers first, then erases on the registering provider's peer and each
   * other custodian's copy on its own peer. */
  erasePatient(patientId: string): Promise<Submitted>;
}

export interface RecordsFacadeOptions {
  readonly tx: TransactionRunner;
  /** The caller's organisation. */
  readonly mspId: string;
  readonly salt: SaltSource;
}

const MspList = z.array(z.string().min(1));
const Custody = z.object({ custodian: z.string().min(1) });
const PatientStatus = z.object({ status: z.string() });
const Erased = z.object({ patientId: z.string(), erasedAt: z.string(), records: z.int() });

/** One answer for the erasure: the registering provider's transaction, and every custodian's
 * copy erased after it (records counts them all; blockNumber is the last one's). */
function erasureOf(
  first: Submitted | undefined,
  copies: readonly (readonly [string, Submitted])[],
): Submitted {
  const done = copies.map(([, s]) => s);
  const all = first === undefined ? done : [first, ...done];
  const [head] = all;
  const last = all[all.length - 1];
  if (head === undefined || last === undefined) throw new Error('erasure ran no transaction');
  const results = all.map((s) => Erased.parse(s.result));
  return {
    result: {
      patientId: results[0]?.patientId,
      erasedAt: results[0]?.erasedAt,
      records: results.reduce((sum, r) => sum + r.records, 0),
      custodians: copies.map(([custodian, c]) => ({
        custodian,
        transactionId: c.transactionId,
        blockNumber: c.blockNumber,
        records: Erased.parse(c.result).records,
      })),
    },
    transactionId: head.transactionId,
    blockNumber: last.blockNumber,
  };
}

export function newRecordsFacade(options: Readonly<RecordsFacadeOptions>): RecordsFacade {
  const { tx, mspId, salt } = options;
  const ownOrg = [mspId];
  const version = (v: number | undefined) => (v === undefined ? '' : String(v));
  const endorsers = async (patientId: string) =>
    MspList.parse(await evaluateJson(tx, 'erasureEndorsers', { args: [patientId] }));
  // A record's custodian is its author and never changes: asked once per record, not once for
  // the access entry and again for the read that follows it.
  const custodians = new Map<string, Promise<string[]>>();
  const custodianOf = (recordId: string) => {
    let found = custodians.get(recordId);
    if (found === undefined) {
      found = evaluateJson(tx, 'recordCustodian', { args: [recordId] }).then((answer) => [
        Custody.parse(answer).custodian,
      ]);
      found.catch(() => custodians.delete(recordId));
      custodians.set(recordId, found);
    }
    return found;
  };
  return {
    registerPatient: (demographics) =>
      submitJson(tx, 'registerPatient', {
        args: [],
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
    logAccess: async (recordId, purpose) =>
      submitJson(tx, 'logAccess', {
        args: [recordId, purpose],
        endorsingOrganizations: await custodianOf(recordId),
      }),
    readRecord: async (recordId, v) => {
      const custodian = await custodianOf(recordId);
      return onceCommittedThere(
        () =>
          evaluateJson(tx, 'readRecord', {
            args: [recordId, version(v)],
            endorsingOrganizations: custodian,
          }),
        { lagging: /FORBIDDEN: no fresh access entry/ },
      );
    },
    listRecords: (patientId, page) =>
      evaluateJson(tx, 'listRecords', { args: [patientId, page.pageSize, page.bookmark] }),
    recordHistory: (recordId) => evaluateJson(tx, 'recordHistory', { args: [recordId] }),
    verifyRecord: (recordId, copy) =>
      evaluateJson(tx, 'verifyRecord', {
        args: [recordId, version(copy.version)],
        transient: phiTransient(copy.resource, copy.salt),
      }),
    erasureEndorsers: endorsers,
    erasePatient: async (patientId) => {
      const [registering = mspId, ...others] = await endorsers(patientId);
      const { status } = PatientStatus.parse(
        await evaluateJson(tx, 'getPatient', { args: [patientId] }),
      );
      // Erased already with copies left (a run cut short): only those copies remain to erase.
      const first =
        status === 'erased' && others.length > 0
          ? undefined
          : await submitJson(tx, 'erasePatient', {
              args: [patientId],
              endorsingOrganizations: [registering],
            });
      const copies: [string, Submitted][] = [];
      for (const custodian of others) {
        copies.push([
          custodian,
          await onceCommittedThere(
            () =>
              submitJson(tx, 'eraseCustodianCopy', {
                args: [patientId],
                endorsingOrganizations: [custodian],
              }),
            { lagging: /FAILED_PRECONDITION: patient \S+ is not erased/ },
          ),
        ]);
      }
      return erasureOf(first, copies);
    },
  };
}
