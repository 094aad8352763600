/** Key-level policies: set when a key needs one, never rewritten unchanged (hot keys). */
import assert from 'node:assert/strict';
import type { ChaincodeStub } from 'fabric-shim';
import { Ledger } from '../../../chaincode/src/shared/ledger';
import { FakeStub } from '../../support/fake-stub';

describe('Ledger key-level policies', () => {
  it('sets a public key policy once, however often the same policy is asked for', async () => {
    const stub = new FakeStub();
    const ledger = new Ledger(stub as unknown as ChaincodeStub);
    await ledger.restrictTo('k', 'InsurerMSP');
    stub.nextTx();
    await ledger.restrictTo('k', 'InsurerMSP');
    assert.deepEqual(stub.policyWrites, ['k']);
  });

  it('sets a private key policy once, and again when it changes', async () => {
    const stub = new FakeStub();
    const ledger = new Ledger(stub as unknown as ChaincodeStub);
    await ledger.restrictPrivateTo('membership', 'acc', 'InsurerMSP');
    await ledger.restrictPrivateTo('membership', 'acc', 'InsurerMSP');
    await ledger.restrictPrivateTo('membership', 'acc', 'InsurerMSP', 'ProviderAMSP');
    assert.deepEqual(stub.policyWrites, ['membership/acc', 'membership/acc']);
  });
});
