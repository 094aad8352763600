/** Private reads: a value this peer has not received yet is "retry", not an internal failure. */
import assert from 'node:assert/strict';
import type { ChaincodeStub } from 'fabric-shim';
import sinon from 'sinon';
import { z } from 'zod';
import { ChaincodeError } from '../../../chaincode/src/shared/errors';
import { Ledger } from '../../../chaincode/src/shared/ledger';
import { FakeStub } from '../../support/fake-stub';

const MISSING =
  'GET_STATE failed: transaction ID: 1606bd61: private data matching public hash version is ' +
  'not available. Public hash version = {BlockNum: 114, TxNum: 0}, Private data version = <nil>';

describe('Ledger private reads', () => {
  it('reads back a private value it holds', async () => {
    const stub = new FakeStub();
    const ledger = new Ledger(stub as unknown as ChaincodeStub);
    await ledger.putPrivate('clinical', 'k', { n: 7 });
    assert.deepEqual(await ledger.getPrivate(z.object({ n: z.number() }), 'clinical', 'k'), {
      n: 7,
    });
  });

  it('answers PRIVATE_DATA_PENDING, naming the collection, when the peer has the hash but not the value', async () => {
    const stub = new FakeStub();
    sinon.stub(stub, 'getPrivateData').rejects(new Error(MISSING));
    const ledger = new Ledger(stub as unknown as ChaincodeStub);
    const failure = await ledger.getPrivate(z.unknown(), 'clinical', 'k').then(
      () => undefined,
      (err: unknown) => err,
    );
    assert.ok(failure instanceof ChaincodeError);
    assert.equal(failure.code, 'PRIVATE_DATA_PENDING');
    assert.match(
      failure.message,
      /^PRIVATE_DATA_PENDING: clinical: this peer has not yet received/,
    );
  });

  it('lets any other failure of the peer through unchanged', async () => {
    const stub = new FakeStub();
    sinon.stub(stub, 'getPrivateData').rejects(new Error('GET_STATE failed: connection lost'));
    const ledger = new Ledger(stub as unknown as ChaincodeStub);
    await assert.rejects(ledger.getPrivate(z.unknown(), 'clinical', 'k'), {
      message: 'GET_STATE failed: connection lost',
    });
  });
});
