/** A read on the custodian's peer right after a commit: its lag is waited out, nothing else. */
import assert from 'node:assert/strict';
import { Metadata, status } from '@grpc/grpc-js';
import { GatewayError } from '@hyperledger/fabric-gateway';
import { onceCommittedThere } from '../../../gateway/src/fabric/custodian-lag';

function refusedWith(message: string): GatewayError {
  const cause = Object.assign(new Error(`2 UNKNOWN: evaluate call to endorser returned error`), {
    code: status.UNKNOWN,
    details: '',
    metadata: new Metadata(),
  });
  return new GatewayError({
    code: status.UNKNOWN,
    details: [{ address: '127.0.0.1:7150', mspId: 'ProviderAMSP', message }],
    cause,
    message: cause.message,
  });
}

const LAGGING = /FORBIDDEN: no fresh access entry/;

describe('onceCommittedThere', () => {
  it('asks again while the custodian answers as if the access were not committed yet', async () => {
    let calls = 0;
    const answer = await onceCommittedThere(
      async () => {
        calls += 1;
        if (calls < 3)
          throw refusedWith('chaincode response 500, FORBIDDEN: no fresh access entry');
        return 'content';
      },
      { lagging: LAGGING, delayMs: 1 },
    );
    assert.deepEqual([answer, calls], ['content', 3]);
  });

  it('gives up after the tries allowed, with the last refusal', async () => {
    let calls = 0;
    const refusal = refusedWith('chaincode response 500, FORBIDDEN: no fresh access entry');
    await assert.rejects(
      onceCommittedThere(
        async () => {
          calls += 1;
          throw refusal;
        },
        { lagging: LAGGING, tries: 4, delayMs: 1 },
      ),
      (err) => err === refusal,
    );
    assert.equal(calls, 4);
  });

  it('passes any other refusal on at once', async () => {
    let calls = 0;
    const refusal = refusedWith(
      "chaincode response 500, FORBIDDEN: the patient's consent does not allow this access",
    );
    await assert.rejects(
      onceCommittedThere(
        async () => {
          calls += 1;
          throw refusal;
        },
        { lagging: LAGGING, delayMs: 1 },
      ),
      (err) => err === refusal,
    );
    assert.equal(calls, 1);
  });
});
