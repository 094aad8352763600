/**
 * Routes of the records contract about patients: registration (demographics in the transient
 * map), the public registration, checking a copy of the demographics, and erasure.
 */
import { committed } from '../http/answers';
import { defineRoute, NoBody, NoParams, NoQuery, ok, type Route } from '../http/route';
import { PatientParams, RegisterPatientBody, VerifyDemographicsBody } from './schemas';

const tag = 'records';

export function patientRoutes(): Route[] {
  return [
    defineRoute({
      method: 'post',
      path: '/patients',
      tag,
      summary: 'Register a patient (registrar at a provider)',
      description:
        'Demographics go to the chaincode in the transient map with a fresh salt. The chaincode makes the pseudonym (random, from the transaction ID, never from the demographics) and returns it; a body that names a patientId is refused (400). A retry after a lost answer gets a new pseudonym proposed and is refused as a duplicate MRN (409).',
      access: 'user',
      body: RegisterPatientBody,
      query: NoQuery,
      params: NoParams,
      success: {
        status: 201,
        description: '{result: {patientId, hash}, transactionId, blockNumber}',
      },
      errors: [400, 403, 409],
      handle: async ({ body, contracts }) =>
        committed(await (await contracts()).records.registerPatient(body.demographics)),
    }),
    defineRoute({
      method: 'get',
      path: '/patients/{patientId}',
      tag,
      summary: "A patient's public registration: pseudonym, registering provider, hash, status",
      access: 'user',
      body: NoBody,
      query: NoQuery,
      params: PatientParams,
      success: {
        status: 200,
        description: '{patientId, registeredBy, hash, status, registeredAt}',
      },
      errors: [400, 404],
      handle: async ({ params, contracts }) =>
        ok(await (await contracts()).records.getPatient(params.patientId)),
    }),
    defineRoute({
      method: 'post',
      path: '/patients/{patientId}/demographics/verification',
      tag,
      summary:
        "Check a copy of a patient's demographics against the ledger and this peer's copy (registrar)",
      description:
        "Evaluated on this organisation's peer; the demographics go in the transient map.",
      access: 'user',
      body: VerifyDemographicsBody,
      query: NoQuery,
      params: PatientParams,
      success: { status: 200, description: '{patientId, matchesLedger, matchesPrivateCopy}' },
      errors: [400, 403, 404, 410],
      handle: async ({ params, body, contracts }) =>
        ok(
          await (
            await contracts()
          ).records.verifyDemographics(params.patientId, body.demographics, body.salt),
        ),
    }),
    defineRoute({
      method: 'get',
      path: '/patients/{patientId}/erasure/endorsers',
      tag,
      summary:
        "The custodians of a patient's data, each of which erases its own copy: the registering provider first (its registrar)",
      access: 'user',
      body: NoBody,
      query: NoQuery,
      params: PatientParams,
      success: { status: 200, description: 'MSP IDs, sorted' },
      errors: [400, 403, 404],
      handle: async ({ params, contracts }) =>
        ok(await (await contracts()).records.erasureEndorsers(params.patientId)),
    }),
    defineRoute({
      method: 'post',
      path: '/patients/{patientId}/erasure',
      tag,
      summary: "Erase a patient's private data at their request, leaving tombstones (registrar)",
      access: 'user',
      body: NoBody,
      query: NoQuery,
      params: PatientParams,
      success: {
        status: 201,
        description:
          '{result: {patientId, erasedAt, records, custodians: [{custodian, transactionId, blockNumber, records}]}, transactionId, blockNumber}: the registering provider erases, then each other custodian its own copy; blockNumber is the last',
      },
      errors: [400, 403, 404, 410],
      handle: async ({ params, contracts }) =>
        committed(await (await contracts()).records.erasePatient(params.patientId)),
    }),
  ];
}
