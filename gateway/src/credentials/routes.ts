/**
 * Routes of the credentials contract: the board's officers issue and change licences; any
 * signed-in user verifies a licence, lists a practitioner's licences or reads a history.
 */
import { committed } from '../http/answers';
import { defineRoute, NoBody, NoParams, NoQuery, ok, type Route } from '../http/route';
import {
  IssueCredentialBody,
  LicenceNoteParams,
  LicenceParams,
  PractitionerParams,
  ReasonBody,
  RenewBody,
  VerificationQuery,
} from './schemas';

const tag = 'credentials';
const CHANGE_ERRORS = [400, 403, 404, 422];

export function credentialsRoutes(): Route[] {
  return [
    defineRoute({
      method: 'post',
      path: '/credentials',
      tag,
      summary: 'Issue a licence credential (credentialing officer of the board)',
      access: 'user',
      body: IssueCredentialBody,
      query: NoQuery,
      params: NoParams,
      success: { status: 201, description: '{result: Credential, transactionId, blockNumber}' },
      errors: [400, 403, 409],
      handle: async ({ body, contracts }) =>
        committed(await (await contracts()).credentials.issueCredential(body)),
    }),
    defineRoute({
      method: 'post',
      path: '/credentials/{licenceNumber}/renewal',
      tag,
      summary: 'Renew a licence with a new validity window',
      access: 'user',
      body: RenewBody,
      query: NoQuery,
      params: LicenceParams,
      success: { status: 201, description: '{result: Credential, transactionId, blockNumber}' },
      errors: CHANGE_ERRORS,
      handle: async ({ params, body, contracts }) =>
        committed(
          await (
            await contracts()
          ).credentials.renewCredential(params.licenceNumber, body.validFrom, body.validTo),
        ),
    }),
    defineRoute({
      method: 'post',
      path: '/credentials/{licenceNumber}/suspension',
      tag,
      summary: 'Suspend a licence, with a public reason code',
      description:
        "The reason is a code from a fixed list (public); a free-text note, if any, is kept only in the board's private data.",
      access: 'user',
      body: ReasonBody,
      query: NoQuery,
      params: LicenceParams,
      success: { status: 201, description: '{result: Credential, transactionId, blockNumber}' },
      errors: CHANGE_ERRORS,
      handle: async ({ params, body, contracts }) =>
        committed(
          await (
            await contracts()
          ).credentials.suspendCredential(params.licenceNumber, body.reason, body.note),
        ),
    }),
    defineRoute({
      method: 'post',
      path: '/credentials/{licenceNumber}/reinstatement',
      tag,
      summary: 'Reinstate a suspended licence',
      access: 'user',
      body: NoBody,
      query: NoQuery,
      params: LicenceParams,
      success: { status: 201, description: '{result: Credential, transactionId, blockNumber}' },
      errors: CHANGE_ERRORS,
      handle: async ({ params, contracts }) =>
        committed(await (await contracts()).credentials.reinstateCredential(params.licenceNumber)),
    }),
    defineRoute({
      method: 'post',
      path: '/credentials/{licenceNumber}/revocation',
      tag,
      summary: 'Revoke a licence for good, with a public reason code',
      description:
        "The reason is a code from a fixed list (public); a free-text note, if any, is kept only in the board's private data.",
      access: 'user',
      body: ReasonBody,
      query: NoQuery,
      params: LicenceParams,
      success: { status: 201, description: '{result: Credential, transactionId, blockNumber}' },
      errors: CHANGE_ERRORS,
      handle: async ({ params, body, contracts }) =>
        committed(
          await (
            await contracts()
          ).credentials.revokeCredential(params.licenceNumber, body.reason, body.note),
        ),
    }),
    defineRoute({
      method: 'get',
      path: '/credentials/{licenceNumber}/verification',
      tag,
      summary: 'Is the licence valid at an organisation on a date? Yes or no, with the reason',
      access: 'user',
      body: NoBody,
      query: VerificationQuery,
      params: LicenceParams,
      success: {
        status: 200,
        description: '{licenceNumber, organisation, date, valid, reason, credential?, issuer?}',
      },
      errors: [400],
      handle: async ({ params, query, contracts }) =>
        ok(
          await (
            await contracts()
          ).credentials.verifyLicence(params.licenceNumber, query.organisation, query.date),
        ),
    }),
    defineRoute({
      method: 'get',
      path: '/credentials/{licenceNumber}/history',
      tag,
      summary: 'Every change of a licence, oldest first',
      access: 'user',
      body: NoBody,
      query: NoQuery,
      params: LicenceParams,
      success: { status: 200, description: '[{txId, timestamp, action, actor, status, ...}]' },
      errors: [400, 404],
      handle: async ({ params, contracts }) =>
        ok(await (await contracts()).credentials.credentialHistory(params.licenceNumber)),
    }),
    defineRoute({
      method: 'get',
      path: '/credentials/{licenceNumber}/history/{txId}/note',
      tag,
      summary: "The private note of one change of a licence (the board's officers)",
      description: "Read on the board's peer, the only one that keeps it.",
      access: 'user',
      body: NoBody,
      query: NoQuery,
      params: LicenceNoteParams,
      success: { status: 200, description: '{licenceNumber, txId, note}' },
      errors: [400, 403, 404],
      handle: async ({ params, contracts }) =>
        ok(await (await contracts()).credentials.licenceNote(params.licenceNumber, params.txId)),
    }),
    defineRoute({
      method: 'get',
      path: '/practitioners/{practitionerId}/credentials',
      tag,
      summary: "A practitioner's licences",
      access: 'user',
      body: NoBody,
      query: NoQuery,
      params: PractitionerParams,
      success: { status: 200, description: 'Credential[]' },
      errors: [400],
      handle: async ({ params, contracts }) =>
        ok(await (await contracts()).credentials.credentialsOfPractitioner(params.practitionerId)),
    }),
  ];
}
