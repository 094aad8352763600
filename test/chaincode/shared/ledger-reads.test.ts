/**
 * One transaction, one read per key: the chaincode sees the state committed before the
 * transaction, so a second read of a key (a fact, then its attestation; the same patient under
 * several rules) is answered without a second round trip to the peer.
 */
import assert from 'node:assert/strict';
import type { ChaincodeStub } from 'fabric-shim';
import sinon from 'sinon';
import { z } from 'zod';
import { isAttested, putAttested } from '../../../chaincode/src/shared/attestation';
import { Ledger } from '../../../chaincode/src/shared/ledger';
import { FakeStub } from '../../support/fake-stub';

describe('Ledger reads within one transaction', () => {
  it('asks the peer once per key for a value, its hash and an attestation', async () => {
    const stub = new FakeStub();
    await putAttested(new Ledger(stub as unknown as ChaincodeStub), 'BoardMSP', 'k', { n: 1 });
    const getState = sinon.spy(stub, 'getState');
    const getHash = sinon.spy(stub, 'getPrivateDataHash');
    const ledger = new Ledger(stub as unknown as ChaincodeStub);

    assert.deepEqual(await ledger.get(z.object({ n: z.number() }), 'k'), { n: 1 });
    assert.equal(await isAttested(ledger, 'BoardMSP', 'k'), true);
    assert.equal(await isAttested(ledger, 'BoardMSP', 'k'), true);
    assert.equal(await ledger.exists('k'), true);

    assert.equal(getState.callCount, 1);
    assert.equal(getHash.callCount, 1);
  });

  it('a new transaction (a new Ledger) reads again, and sees what was committed since', async () => {
    const stub = new FakeStub();
    const first = new Ledger(stub as unknown as ChaincodeStub);
    assert.equal(await first.exists('k'), false);
    await first.put('k', { n: 2 });
    assert.equal(await first.exists('k'), false, 'its own write is not visible to it');
    assert.equal(await new Ledger(stub as unknown as ChaincodeStub).exists('k'), true);
  });
});
