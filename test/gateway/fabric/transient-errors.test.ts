/**
 * Fabric's "not now" failures: a peer over its concurrency limit (gRPC UNKNOWN) answers 503
 * with Retry-After, endorsers that simulated against different ledger heights (ABORTED)
 * answer 409 after the gateway's own retries; other ABORTED failures keep their mapping.
 */
import assert from 'node:assert/strict';
import { Metadata, type ServiceError, status } from '@grpc/grpc-js';
import { type Contract, EndorseError, GatewayError } from '@hyperledger/fabric-gateway';
import {
  isConcurrencyLimit,
  isEndorsementMismatch,
} from '../../../gateway/src/fabric/transient-errors';
import { Transactions } from '../../../gateway/src/fabric/transactions';
import { toHttpAnswer } from '../../../gateway/src/http/errors';

const TX_ID = 'tx-1';
const LIMIT = 'too many requests for /gateway.Gateway, exceeding concurrency limit (25)';
const MISMATCH = 'ProposalResponsePayloads do not match';
const COLLECT = 'failed to collect enough transaction endorsements, see attached details';

function cause(code: status, text: string): ServiceError {
  return Object.assign(new Error(`${code} ${status[code]}: ${text}`), {
    code,
    details: text,
    metadata: new Metadata(),
  });
}

const detail = (message: string) => ({ address: '127.0.0.1:7150', mspId: 'InsurerMSP', message });

function refusedByPeer(): GatewayError {
  const c = cause(status.UNKNOWN, LIMIT);
  return new GatewayError({ code: status.UNKNOWN, details: [], cause: c, message: c.message });
}

function endorseAborted(...details: string[]): EndorseError {
  const c = cause(status.ABORTED, COLLECT);
  return new EndorseError({
    code: status.ABORTED,
    details: details.map(detail),
    cause: c,
    transactionId: TX_ID,
    message: c.message,
  });
}

describe('transient Fabric failures', () => {
  describe('a peer over its gateway concurrency limit (gRPC UNKNOWN)', () => {
    it('is recognised by its message', () => {
      assert.equal(isConcurrencyLimit(refusedByPeer()), true);
    });

    it('responds 503 UNAVAILABLE with Retry-After 1', () => {
      const answer = toHttpAnswer(refusedByPeer());
      assert.equal(answer.status, 503);
      assert.equal(answer.body.error.code, 'UNAVAILABLE');
      assert.equal(answer.headers['Retry-After'], '1');
    });

    it('responds 503 when an endorser the peer asked refused for the same reason', () => {
      assert.equal(toHttpAnswer(endorseAborted(LIMIT)).status, 503);
    });
  });

  describe('endorsers whose answers differed (gRPC ABORTED)', () => {
    it('responds 409 CONFLICT with Retry-After 1, without Fabric details', () => {
      const answer = toHttpAnswer(endorseAborted(MISMATCH));
      assert.equal(answer.status, 409);
      assert.equal(answer.body.error.code, 'CONFLICT');
      assert.equal(answer.headers['Retry-After'], '1');
      assert.ok(!JSON.stringify(answer.body).includes('ProposalResponsePayloads'));
    });

    it('keeps the chaincode code when an endorser refused with one', () => {
      const answer = toHttpAnswer(endorseAborted('chaincode response 500, FORBIDDEN: no consent'));
      assert.equal(answer.status, 403);
    });

    it('still responds 502 for an ABORTED failure of another cause', () => {
      assert.equal(isEndorsementMismatch(endorseAborted('access denied')), false);
      assert.equal(toHttpAnswer(endorseAborted('access denied')).status, 502);
    });
  });

  describe('Transactions.submit', () => {
    /** A contract whose submitAsync fails with FAILURES in turn, then commits. */
    function contractFailing(...failures: Error[]) {
      let calls = 0;
      const contract = {
        submitAsync: () => {
          calls += 1;
          const failure = failures.shift();
          if (failure !== undefined) return Promise.reject(failure);
          return Promise.resolve({
            getResult: () => new TextEncoder().encode('{"ok":true}'),
            getStatus: () =>
              Promise.resolve({ successful: true, code: 0, transactionId: TX_ID, blockNumber: 7n }),
          });
        },
      };
      return { contract: contract as unknown as Contract, calls: () => calls };
    }

    it('retries a proposal whose endorsers answered differently, then commits', async () => {
      const { contract, calls } = contractFailing(endorseAborted(MISMATCH));
      const committed = await new Transactions(contract).submit('submitClaim');
      assert.equal(calls(), 2);
      assert.equal(committed.blockNumber, 7n);
    });

    it('gives up after three attempts and throws the mismatch', async () => {
      const { contract, calls } = contractFailing(
        endorseAborted(MISMATCH),
        endorseAborted(MISMATCH),
        endorseAborted(MISMATCH),
      );
      await assert.rejects(new Transactions(contract).submit('submitClaim'), EndorseError);
      assert.equal(calls(), 3);
    });

    it('does not retry a refusal by the chaincode', async () => {
      const { contract, calls } = contractFailing(
        endorseAborted('chaincode response 500, FORBIDDEN: no consent'),
      );
      await assert.rejects(new Transactions(contract).submit('submitClaim'), EndorseError);
      assert.equal(calls(), 1);
    });
  });
});
