/**
 * A consent a member's tampered chaincode writes alone, in a ProviderA patient's name, for
 * itself: the public consent key as grantConsent would write it, but without the attestation
 * of the patient's registering provider (only ProviderA's peer can endorse a write to
 * ProviderA's implicit collection). And a genuine consent the forger widened afterwards.
 * Neither opens anything, and the patient does not see the forged one as theirs.
 */
import assert from 'node:assert/strict';
import type { ChaincodeStub } from 'fabric-shim';
import { mayAccess } from '../../../chaincode/src/consent/access';
import { consentKey, emergencyKey } from '../../../chaincode/src/consent/state';
import { putAttested } from '../../../chaincode/src/shared/attestation';
import { Ledger } from '../../../chaincode/src/shared/ledger';
import { Msp } from '../../../chaincode/src/shared/names';
import { errorCodeOf, FakeStub } from '../../support/fake-stub';
import {
  asPatient,
  asPhysician,
  consent,
  contract,
  DOCTOR,
  emergency,
  grantRequest,
  licenseDoctors,
  PATIENT,
  registerPatient,
  request,
} from './fixtures';

const forB = { reader: { mspId: Msp.ProviderB, practitionerId: DOCTOR } };

describe('a consent written without the patient’s registering provider', () => {
  let stub: FakeStub;
  let ledger: Ledger;
  beforeEach(async () => {
    stub = new FakeStub();
    ledger = new Ledger(stub as unknown as ChaincodeStub);
    registerPatient(stub); // at ProviderA
    await licenseDoctors(stub);
    stub.nextTx();
  });

  const forged = consent({
    consentId: 'forged-1',
    grantee: { kind: 'organisation', mspId: Msp.ProviderB },
  });

  for (const [how, attestedBy] of [
    ['with no attestation', undefined],
    ["attested by the forger's own organisation", Msp.ProviderB],
  ] as const) {
    it(`${how}: opens nothing, and is not listed as the patient's`, async () => {
      const key = consentKey(ledger, PATIENT, forged.consentId);
      if (attestedBy === undefined) await ledger.put(key, forged);
      else await putAttested(ledger, attestedBy, key, forged);
      stub.nextTx();
      assert.deepEqual(await mayAccess(asPhysician(stub, Msp.ProviderB), request(forB)), {
        allowed: false,
        reason: 'NO_CONSENT',
      });
      assert.equal(await contract.listConsents(asPatient(stub), PATIENT), '[]');
    });
  }

  it('a genuine consent widened afterwards by the forger opens nothing either', async () => {
    await contract.grantConsent(
      asPatient(stub),
      JSON.stringify(grantRequest({ scope: ['observation'] })),
    );
    const consentId = stub.txId;
    stub.nextTx();
    const allowed = await mayAccess(asPhysician(stub), request({ category: 'observation' }));
    assert.equal(allowed.allowed, true, 'the genuine consent counts');
    // The forger rewrites the public value (to ProviderB, every category); the attestation stays.
    const key = consentKey(ledger, PATIENT, consentId);
    const genuine = JSON.parse(Buffer.from(stub.state.get(key) ?? []).toString('utf8'));
    await ledger.put(key, {
      ...genuine,
      grantee: { kind: 'organisation', mspId: Msp.ProviderB },
      scope: 'all',
    });
    stub.nextTx();
    assert.deepEqual(await mayAccess(asPhysician(stub, Msp.ProviderB), request(forB)), {
      allowed: false,
      reason: 'NO_CONSENT',
    });
  });

  it('a forged consent cannot be revoked into an attested one (NOT_FOUND)', async () => {
    await ledger.put(consentKey(ledger, PATIENT, forged.consentId), forged);
    stub.nextTx();
    assert.equal(
      await errorCodeOf(contract.revokeConsent(asPatient(stub), PATIENT, forged.consentId)),
      'NOT_FOUND',
    );
    assert.equal(
      stub.privateData
        .get('_implicit_org_ProviderAMSP')
        ?.has(consentKey(ledger, PATIENT, forged.consentId)) ?? false,
      false,
      'no attestation written',
    );
  });

  it('beside genuine consents: the genuine one decides, allowed or refused, never the forged one', async () => {
    // Keys sort by consent ID: the forged ones ('a…') come before the genuine ones ('z…').
    const genuine = (id: string, status: 'active' | 'revoked') =>
      consent({ consentId: id, status, grantee: { kind: 'organisation', mspId: Msp.ProviderB } });
    const forgedActive = consent({
      consentId: 'a-forged',
      grantee: { kind: 'organisation', mspId: Msp.ProviderB },
    });
    await ledger.put(consentKey(ledger, PATIENT, forgedActive.consentId), forgedActive);
    const revoked = genuine('z-revoked', 'revoked');
    await putAttested(
      ledger,
      Msp.ProviderA,
      consentKey(ledger, PATIENT, revoked.consentId),
      revoked,
    );
    stub.nextTx();
    assert.deepEqual(await mayAccess(asPhysician(stub, Msp.ProviderB), request(forB)), {
      allowed: false,
      reason: 'REVOKED',
    });
    const active = genuine('z-active', 'active');
    await putAttested(ledger, Msp.ProviderA, consentKey(ledger, PATIENT, active.consentId), active);
    stub.nextTx();
    assert.deepEqual(await mayAccess(asPhysician(stub, Msp.ProviderB), request(forB)), {
      allowed: true,
      basis: 'consent',
      consentId: 'z-active',
    });
  });

  it("an emergency access written without it opens nothing and is not in the patient's list", async () => {
    const access = emergency({
      accessId: 'forged-e1',
      mspId: Msp.ProviderB,
      practitionerId: DOCTOR,
    });
    await ledger.put(emergencyKey(ledger, access), access);
    stub.nextTx();
    assert.deepEqual(await mayAccess(asPhysician(stub, Msp.ProviderB), request(forB)), {
      allowed: false,
      reason: 'NO_CONSENT',
    });
    assert.equal(await contract.listEmergencyAccesses(asPatient(stub), PATIENT), '[]');
  });

  it("is declared only on the registering provider's peer: another peer refuses (FORBIDDEN)", async () => {
    stub.peerMspId = Msp.ProviderB;
    assert.equal(
      await errorCodeOf(
        contract.declareEmergencyAccess(
          asPhysician(stub, Msp.ProviderB),
          PATIENT,
          'UNCONSCIOUS_PATIENT',
        ),
      ),
      'FORBIDDEN',
    );
    stub.peerMspId = Msp.ProviderA;
    const declared = JSON.parse(
      await contract.declareEmergencyAccess(
        asPhysician(stub, Msp.ProviderB),
        PATIENT,
        'UNCONSCIOUS_PATIENT',
      ),
    );
    stub.nextTx({ at: declared.grantedAt });
    const decision = await mayAccess(
      asPhysician(stub, Msp.ProviderB),
      request({ ...forB, at: declared.grantedAt }),
    );
    assert.deepEqual(decision, { allowed: true, basis: 'emergency', accessId: declared.accessId });
  });
});
