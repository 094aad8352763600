/** Routes of the consent contract: consents, emergency access and the patient's access log. */
import { committed } from '../http/answers';
import { PageQuery } from '../http/common-schemas';
import { defineRoute, NoBody, NoParams, NoQuery, ok, type Route } from '../http/route';
import { PatientParams } from '../records/schemas';
import {
  ConsentParams,
  EmergencyAccessBody,
  EmergencyNoteParams,
  GrantConsentBody,
} from './schemas';

const tag = 'consent';

export function consentRoutes(): Route[] {
  return [
    defineRoute({
      method: 'post',
      path: '/consents',
      tag,
      summary: 'Grant consent to an organisation or a practitioner (the patient)',
      access: 'user',
      body: GrantConsentBody,
      query: NoQuery,
      params: NoParams,
      success: { status: 201, description: '{result: Consent, transactionId, blockNumber}' },
      errors: [400, 403],
      handle: async ({ body, contracts }) =>
        committed(await (await contracts()).consent.grantConsent(body)),
    }),
    defineRoute({
      method: 'get',
      path: '/patients/{patientId}/consents',
      tag,
      summary: "A patient's consents (the patient, or a provider's registrar)",
      access: 'user',
      body: NoBody,
      query: NoQuery,
      params: PatientParams,
      success: { status: 200, description: 'Consent[]' },
      errors: [400, 403],
      handle: async ({ params, contracts }) =>
        ok(await (await contracts()).consent.listConsents(params.patientId)),
    }),
    defineRoute({
      method: 'post',
      path: '/patients/{patientId}/consents/{consentId}/revocation',
      tag,
      summary: 'Revoke a consent (the patient); effective from the next transaction',
      access: 'user',
      body: NoBody,
      query: NoQuery,
      params: ConsentParams,
      success: {
        status: 201,
        description: '{result: Consent (revoked), transactionId, blockNumber}',
      },
      errors: [400, 403, 404, 409],
      handle: async ({ params, contracts }) =>
        committed(
          await (await contracts()).consent.revokeConsent(params.patientId, params.consentId),
        ),
    }),
    defineRoute({
      method: 'post',
      path: '/emergency-access',
      tag,
      summary: 'Break the glass: 60 minutes of treatment access to a patient (physician)',
      description:
        "Audited and announced to the patient. The reason is a code from a fixed list (public); a free-text note, if any, goes in the transient map and is kept only by the patient's registering provider, never on the public ledger.",
      access: 'user',
      body: EmergencyAccessBody,
      query: NoQuery,
      params: NoParams,
      success: {
        status: 201,
        description: '{result: EmergencyAccess, transactionId, blockNumber}',
      },
      errors: [400, 403, 404],
      handle: async ({ body, contracts }) =>
        committed(
          await (
            await contracts()
          ).consent.declareEmergencyAccess(body.patientId, body.reason, body.note),
        ),
    }),
    defineRoute({
      method: 'get',
      path: '/patients/{patientId}/emergency-access',
      tag,
      summary: 'Emergency accesses declared on a patient (the patient)',
      access: 'user',
      body: NoBody,
      query: NoQuery,
      params: PatientParams,
      success: { status: 200, description: 'EmergencyAccess[]' },
      errors: [400, 403],
      handle: async ({ params, contracts }) =>
        ok(await (await contracts()).consent.listEmergencyAccesses(params.patientId)),
    }),
    defineRoute({
      method: 'get',
      path: '/patients/{patientId}/emergency-access/{accessId}/note',
      tag,
      summary: 'The private note of an emergency access (the patient)',
      description:
        "Read on the peer of the patient's registering provider, the only one that keeps it.",
      access: 'user',
      body: NoBody,
      query: NoQuery,
      params: EmergencyNoteParams,
      success: { status: 200, description: '{accessId, patientId, reason, note}' },
      errors: [400, 403, 404],
      handle: async ({ params, contracts }) =>
        ok(await (await contracts()).consent.emergencyNote(params.patientId, params.accessId)),
    }),
    defineRoute({
      method: 'get',
      path: '/patients/{patientId}/access-log',
      tag,
      summary: "Who read the patient's data, newest first (the patient)",
      access: 'user',
      body: NoBody,
      query: PageQuery,
      params: PatientParams,
      success: { status: 200, description: '{items: AccessEntry[], bookmark}' },
      errors: [400, 403],
      handle: async ({ params, query, contracts }) =>
        ok(await (await contracts()).consent.listAccessLog(params.patientId, query)),
    }),
  ];
}
