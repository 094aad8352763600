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

  /** The code a read fails with on a peer of MSP that holds only the hash of the value. */
  async function codeOnPeerWithoutTheValue(
    peerMsp: string | undefined,
    collection: string,
  ): Promise<{ code: string; message: string }> {
    const stub = new FakeStub();
    stub.peerMspId = peerMsp;
    sinon.stub(stub, 'getPrivateData').rejects(new Error(MISSING));
    const ledger = new Ledger(stub as unknown as ChaincodeStub);
    const failure = await ledger.getPrivate(z.unknown(), collection, 'k').then(
      () => undefined,
      (err: unknown) => err,
    );
    assert.ok(failure instanceof ChaincodeError);
    return { code: failure.code, message: failure.message };
  }

  it('on a member peer that missed the write, answers PRIVATE_DATA_PENDING naming the collection', async () => {
    const { code, message } = await codeOnPeerWithoutTheValue('ProviderBMSP', 'clinical');
    assert.equal(code, 'PRIVATE_DATA_PENDING');
    assert.match(message, /^PRIVATE_DATA_PENDING: clinical: this peer has not yet received/);
  });

  for (const [peerMsp, collection] of [
    ['ProviderBMSP', 'claimsProviderA'],
    ['InsurerMSP', 'clinical'],
    ['BoardMSP', 'membership'],
    ['ProviderAMSP', '_implicit_org_ProviderBMSP'],
  ] as const) {
    it(`on a ${peerMsp} peer, which is not a member of ${collection}, answers FORBIDDEN saying so`, async () => {
      const { code, message } = await codeOnPeerWithoutTheValue(peerMsp, collection);
      assert.equal(code, 'FORBIDDEN');
      assert.equal(
        message,
        `FORBIDDEN: ${collection}: this peer's organisation (${peerMsp}) is not a member of the collection and holds none of its data; ask a member's peer`,
      );
    });
  }

  it('when the peer does not say its organisation, assumes a member that has not caught up', async () => {
    const { code } = await codeOnPeerWithoutTheValue(undefined, 'claimsProviderA');
    assert.equal(code, 'PRIVATE_DATA_PENDING');
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
