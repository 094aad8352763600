/**
 * Failures of the ledger as HTTP answers, through a real route: each chaincode error code and
 * each Fabric error type gets its status and a safe body, never the peers' details or the
 * transaction ID, and never a 2xx.
 */
import assert from 'node:assert/strict';
import { status } from '@grpc/grpc-js';
import request from 'supertest';
import { type TestGateway, testGateway, USERS } from './support/app';
import {
  commitError,
  commitFailed,
  commitStatusError,
  endorseError,
  endorseUnavailable,
  evaluateError,
  gatewayError,
  submitError,
} from './support/fabric-errors';
import { LICENCE, PATIENT } from './support/route-cases';
import { TX_ID } from './support/stubs';

const CHAINCODE_CODES: readonly [string, number][] = [
  ['FORBIDDEN: a patient acts only on their own data', 403],
  ['CREDENTIAL_INVALID: licence LIC-1 is suspended', 403],
  ['NOT_FOUND: consent c-9 does not exist', 404],
  ["ERASED: patient pat-a00001 was erased at the patient's request", 410],
  ['CONFLICT: consent c-1 is already revoked', 409],
  ['FAILED_PRECONDITION: a revoked licence cannot be renewed', 422],
  [
    'PRIVATE_DATA_PENDING: clinical: this peer has not yet received this private data; retry shortly',
    503,
  ],
];

describe('error mapping of the gateway', () => {
  let gw: TestGateway;
  beforeEach(() => {
    gw = testGateway();
  });

  const revoke = () =>
    request(gw.app)
      .post(`/patients/${PATIENT}/consents/c-1/revocation`)
      .set('authorization', gw.bearer(USERS.patient));
  const verify = () =>
    request(gw.app)
      .get(`/credentials/${LICENCE}/verification?organisation=ProviderAMSP`)
      .set('authorization', gw.bearer(USERS.patient));

  describe('POST /patients/{patientId}/consents/{consentId}/revocation (a submit)', () => {
    for (const [message, expected] of CHAINCODE_CODES) {
      const code = message.slice(0, message.indexOf(':'));
      it(`when endorsement fails with ${code} responds ${expected}`, async () => {
        gw.contracts.consent.revokeConsent.rejects(endorseError(message));
        const res = await revoke();
        assert.equal(res.status, expected);
        assert.equal(res.body.error.code, code);
        assert.equal(res.body.error.message, message.slice(code.length + 2));
      });
    }

    it('when endorsement fails with INVALID_ARGUMENT responds 400 with the field and reason', async () => {
      gw.contracts.consent.revokeConsent.rejects(
        endorseError('INVALID_ARGUMENT: request.validTo: must be after the transaction time'),
      );
      const res = await revoke();
      assert.equal(res.status, 400);
      assert.equal(res.body.error.field, 'request.validTo');
      assert.equal(res.body.error.reason, 'must be after the transaction time');
    });

    it('never shows the peers, their addresses or the transaction ID', async () => {
      gw.contracts.consent.revokeConsent.rejects(endorseError('FORBIDDEN: no'));
      const res = await revoke();
      assert.doesNotMatch(res.text, /127\.0\.0\.1|ProviderAMSP|chaincode response|details/);
      assert.ok(!res.text.includes(TX_ID));
      assert.ok(res.body.error.requestId, 'gives the request ID to quote');
    });

    it('when the peer has not yet received the private data responds 503 with Retry-After', async () => {
      gw.contracts.consent.revokeConsent.rejects(
        endorseError(
          'PRIVATE_DATA_PENDING: clinical: this peer has not yet received this private data',
        ),
      );
      const res = await revoke();
      assert.equal(res.status, 503);
      assert.equal(res.headers['retry-after'], '5');
    });

    it('when the peer is unreachable responds 503 with Retry-After', async () => {
      gw.contracts.consent.revokeConsent.rejects(endorseUnavailable());
      const res = await revoke();
      assert.equal(res.status, 503);
      assert.equal(res.body.error.code, 'UNAVAILABLE');
      assert.equal(res.headers['retry-after'], '5');
    });

    it('when endorsement passes its deadline responds 503', async () => {
      gw.contracts.consent.revokeConsent.rejects(endorseUnavailable(status.DEADLINE_EXCEEDED));
      assert.equal((await revoke()).status, 503);
    });

    it('when the orderer cannot be reached (SubmitError) responds 503 saying it may still commit', async () => {
      gw.contracts.consent.revokeConsent.rejects(submitError(status.UNAVAILABLE));
      const res = await revoke();
      assert.equal(res.status, 503);
      assert.match(res.body.error.message, /may still commit/);
    });

    it('when the commit status does not come in time (CommitStatusError) responds 503', async () => {
      gw.contracts.consent.revokeConsent.rejects(commitStatusError(status.DEADLINE_EXCEEDED));
      assert.equal((await revoke()).status, 503);
    });

    it('when an MVCC read conflict outlasts the retries responds 409', async () => {
      gw.contracts.consent.revokeConsent.rejects(commitFailed('MVCC_READ_CONFLICT'));
      const res = await revoke();
      assert.equal(res.status, 409);
      assert.equal(res.body.error.code, 'CONFLICT');
    });

    it('when a phantom read conflict outlasts the retries responds 409', async () => {
      gw.contracts.consent.revokeConsent.rejects(commitFailed('PHANTOM_READ_CONFLICT'));
      assert.equal((await revoke()).status, 409);
    });

    it('when the commit fails the endorsement policy (CommitError) responds 403', async () => {
      gw.contracts.consent.revokeConsent.rejects(commitError('ENDORSEMENT_POLICY_FAILURE'));
      assert.equal((await revoke()).status, 403);
    });

    it('when the commit fails for another reason responds 502, not 200', async () => {
      gw.contracts.consent.revokeConsent.rejects(commitError('BAD_PAYLOAD'));
      assert.equal((await revoke()).status, 502);
    });

    it('when the network refuses the identity responds 403', async () => {
      gw.contracts.consent.revokeConsent.rejects(gatewayError(status.PERMISSION_DENIED));
      assert.equal((await revoke()).status, 403);
    });

    it('when the chaincode fails without a code responds 502', async () => {
      gw.contracts.consent.revokeConsent.rejects(
        endorseError('Contract name is not known: consent'),
      );
      const res = await revoke();
      assert.equal(res.status, 502);
      assert.equal(res.body.error.code, 'UPSTREAM_ERROR');
    });

    it('when the gateway itself has a bug responds 500 without the bug in the answer', async () => {
      gw.contracts.consent.revokeConsent.rejects(new TypeError('x is undefined'));
      const res = await revoke();
      assert.equal(res.status, 500);
      assert.equal(res.body.error.code, 'INTERNAL');
      assert.doesNotMatch(res.text, /undefined/);
    });
  });

  describe('GET /credentials/{licenceNumber}/verification (an evaluate)', () => {
    for (const [message, expected] of CHAINCODE_CODES) {
      const code = message.slice(0, message.indexOf(':'));
      it(`when the chaincode answers ${code} responds ${expected}`, async () => {
        gw.contracts.credentials.verifyLicence.rejects(evaluateError(message));
        const res = await verify();
        assert.equal(res.status, expected);
        assert.equal(res.body.error.code, code);
      });
    }

    it('when the peer is unreachable responds 503', async () => {
      gw.contracts.credentials.verifyLicence.rejects(gatewayError(status.UNAVAILABLE));
      assert.equal((await verify()).status, 503);
    });

    it('when the evaluation passes its deadline responds 503', async () => {
      gw.contracts.credentials.verifyLicence.rejects(gatewayError(status.DEADLINE_EXCEEDED));
      assert.equal((await verify()).status, 503);
    });
  });

  describe('GET /records/{recordId} (access entry, then read)', () => {
    it('when the read is refused after the access was logged responds 403, not 200', async () => {
      gw.contracts.records.logAccess.resolves({
        result: { accessId: 'a' },
        transactionId: TX_ID,
        blockNumber: 1,
      });
      gw.contracts.records.readRecord.rejects(evaluateError('FORBIDDEN: no fresh access entry'));
      const res = await request(gw.app)
        .get('/records/rec-abc')
        .set('authorization', gw.bearer(USERS.physician));
      assert.equal(res.status, 403);
    });

    it('when logging the access is refused does not read at all', async () => {
      gw.contracts.records.logAccess.rejects(endorseError('FORBIDDEN: no consent'));
      const res = await request(gw.app)
        .get('/records/rec-abc')
        .set('authorization', gw.bearer(USERS.physician));
      assert.equal(res.status, 403);
      assert.equal(gw.contracts.records.readRecord.callCount, 0);
    });
  });
});
