/**
 * Routes of the records contract about records: filing, listing, reading (access entry
 * first, then the read, in one request), access entries, history and verification.
 */
import { committed, withAccess } from '../http/answers';
import { PageQuery } from '../http/common-schemas';
import { defineRoute, NoBody, NoQuery, ok, type Route } from '../http/route';
import {
  AccessBody,
  AddRecordBody,
  PatientParams,
  ReadQuery,
  RecordParams,
  VerifyBody,
} from './schemas';

const tag = 'records';

export function recordsRoutes(): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/patients/{patientId}/records',
      tag,
      summary: "List the metadata of a patient's records the caller may see",
      access: 'user',
      body: NoBody,
      query: PageQuery,
      params: PatientParams,
      success: { status: 200, description: '{items: metadata[], bookmark}' },
      errors: [400, 403, 404],
      handle: async ({ params, query, contracts }) =>
        ok(await (await contracts()).records.listRecords(params.patientId, query)),
    }),
    defineRoute({
      method: 'post',
      path: '/patients/{patientId}/records',
      tag,
      summary: 'Add a clinical record, or a corrected version of one (physician or nurse)',
      access: 'user',
      body: AddRecordBody,
      query: NoQuery,
      params: PatientParams,
      success: {
        status: 201,
        description: '{result: {recordId, version, hash}, transactionId, blockNumber}',
      },
      errors: [400, 403, 404, 410],
      handle: async ({ params, body, contracts }) =>
        committed(
          await (
            await contracts()
          ).records.addRecord(params.patientId, body.resource, body.replaces),
        ),
    }),
    defineRoute({
      method: 'get',
      path: '/records/{recordId}',
      tag,
      summary: "Read a record's content: logs the access on the ledger first, then reads",
      access: 'user',
      body: NoBody,
      query: ReadQuery,
      params: RecordParams,
      success: {
        status: 200,
        description: '{metadata, resource, salt, access: {accessId, transactionId, blockNumber}}',
      },
      errors: [400, 403, 404, 409, 410],
      handle: async ({ params, query, contracts }) => {
        const records = (await contracts()).records;
        const access = await records.logAccess(params.recordId, query.purpose);
        const read = await records.readRecord(params.recordId, query.version);
        return withAccess(read, access);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/records/{recordId}/access',
      tag,
      summary: 'Log an access to a record (the entry a later read needs)',
      access: 'user',
      body: AccessBody,
      query: NoQuery,
      params: RecordParams,
      success: { status: 201, description: '{result: {accessId}, transactionId, blockNumber}' },
      errors: [400, 403, 404, 410],
      handle: async ({ params, body, contracts }) =>
        committed(await (await contracts()).records.logAccess(params.recordId, body.purpose)),
    }),
    defineRoute({
      method: 'get',
      path: '/records/{recordId}/history',
      tag,
      summary: 'Metadata of every version of a record, oldest first',
      access: 'user',
      body: NoBody,
      query: NoQuery,
      params: RecordParams,
      success: { status: 200, description: 'metadata[]' },
      errors: [400, 403, 404],
      handle: async ({ params, contracts }) =>
        ok(await (await contracts()).records.recordHistory(params.recordId)),
    }),
    defineRoute({
      method: 'post',
      path: '/records/{recordId}/verification',
      tag,
      summary: 'Check a copy of a record against the hash on the ledger',
      access: 'user',
      body: VerifyBody,
      query: NoQuery,
      params: RecordParams,
      success: { status: 200, description: '{matches, recordId, version, ledgerHash}' },
      errors: [400, 404],
      handle: async ({ params, body, contracts }) =>
        ok(await (await contracts()).records.verifyRecord(params.recordId, body)),
    }),
  ];
}
