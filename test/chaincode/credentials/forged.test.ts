/**
 * A licence a member's tampered chaincode writes alone: the public credential key and its
 * index, exactly as the board's would be, but without the board's attestation in the board's
 * implicit collection (which only the board's peer can endorse). Nobody counts it.
 */
import assert from 'node:assert/strict';
import type { ChaincodeStub } from 'fabric-shim';
import { requireActiveCredential } from '../../../chaincode/src/credentials/enforce';
import { credentialKey, practitionerIndexKey } from '../../../chaincode/src/credentials/store';
import { putAttested } from '../../../chaincode/src/shared/attestation';
import { Ledger } from '../../../chaincode/src/shared/ledger';
import { Msp } from '../../../chaincode/src/shared/names';
import { contextFor, errorCodeOf, FakeStub } from '../../support/fake-stub';
import { contract, credential, issueLicence } from './fixtures';

const FORGED = credential({ practitionerId: 'prac-666', licenceNumber: 'MD-666' });

async function forge(stub: FakeStub, attestedBy?: string): Promise<void> {
  const ledger = new Ledger(stub as unknown as ChaincodeStub);
  const key = credentialKey(ledger, FORGED.licenceNumber);
  if (attestedBy === undefined) await ledger.put(key, FORGED);
  else await putAttested(ledger, attestedBy, key, FORGED);
  await ledger.put(practitionerIndexKey(ledger, FORGED.practitionerId, FORGED.licenceNumber), {
    practitionerId: FORGED.practitionerId,
    licenceNumber: FORGED.licenceNumber,
  });
}

const anyone = (stub: FakeStub) => contextFor(stub, { mspId: Msp.ProviderB, role: 'physician' });

describe('a licence written without the board', () => {
  for (const [how, attestedBy] of [
    ['with no attestation', undefined],
    ["attested by the forger's own organisation", Msp.ProviderB],
  ] as const) {
    describe(how, () => {
      let stub: FakeStub;
      beforeEach(async () => {
        stub = new FakeStub();
        await issueLicence(stub); // a genuine one beside it, MD-12345
        await forge(stub, attestedBy);
        stub.nextTx({ at: '2026-03-01T12:00:00Z' });
      });

      it('verifies as UNKNOWN, while the genuine licence verifies VALID', async () => {
        const forged = JSON.parse(
          await contract.verifyLicence(anyone(stub), 'MD-666', Msp.ProviderA, '2026-03-01'),
        );
        assert.deepEqual([forged.valid, forged.reason], [false, 'UNKNOWN']);
        const genuine = JSON.parse(
          await contract.verifyLicence(anyone(stub), 'MD-12345', Msp.ProviderA, '2026-03-01'),
        );
        assert.deepEqual([genuine.valid, genuine.reason], [true, 'VALID']);
      });

      it("is not among the practitioner's licences", async () => {
        assert.equal(await contract.credentialsOfPractitioner(anyone(stub), 'prac-666'), '[]');
      });

      it('lets the practitioner do nothing that needs a licence (CREDENTIAL_INVALID)', async () => {
        const ctx = contextFor(stub, { mspId: Msp.ProviderA, role: 'physician' });
        const check = requireActiveCredential(
          ctx,
          { practitionerId: 'prac-666', mspId: Msp.ProviderA },
          ['physician'],
        );
        assert.equal(await errorCodeOf(check), 'CREDENTIAL_INVALID');
      });
    });
  }
});
