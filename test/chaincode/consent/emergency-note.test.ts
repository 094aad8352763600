/** An emergency access's note: free text (it may be PHI), in the transient map only, kept by
 * the patient's registering provider alone; the public access carries the reason code. */
import assert from 'node:assert/strict';
import { EMERGENCY_NOTE } from '../../../chaincode/src/consent/emergency-notes';
import { implicitCollection, Msp } from '../../../chaincode/src/shared/names';
import { NOTE_OBJECT } from '../../../chaincode/src/shared/private-note';
import { FakeStub, messageOf } from '../../support/fake-stub';
import { collectionsHolding, publicText } from '../../support/notes';
import {
  asPatient,
  asPhysician,
  asRegistrar,
  contract,
  licenseDoctors,
  OTHER_PATIENT,
  PATIENT,
  registerPatient,
} from './fixtures';

const NOTE = 'found collapsed at 14 Elm Street, known epileptic';
const SALT = 'ab'.repeat(32);

describe('ConsentContract.declareEmergencyAccess with a note', () => {
  let stub: FakeStub;
  beforeEach(async () => {
    stub = new FakeStub();
    registerPatient(stub); // at ProviderA
    await licenseDoctors(stub);
  });

  async function declare(transient: Record<string, string>, mspId: string = Msp.ProviderB) {
    stub.nextTx({ transient });
    return contract.declareEmergencyAccess(asPhysician(stub, mspId), PATIENT, 'OTHER_EMERGENCY');
  }

  it("keeps the note, with its salt, in the registering provider's implicit collection alone", async () => {
    const answer = await declare({ payload: JSON.stringify({ note: NOTE }), salt: SALT });
    const accessId = stub.txId;
    assert.deepEqual(collectionsHolding(stub, NOTE), [implicitCollection(Msp.ProviderA)]);
    const key = stub.createCompositeKey(NOTE_OBJECT, [EMERGENCY_NOTE, accessId]);
    const kept = stub.privateData.get(implicitCollection(Msp.ProviderA))?.get(key);
    assert.deepEqual(JSON.parse(Buffer.from(kept ?? '').toString('utf8')), {
      about: EMERGENCY_NOTE,
      subject: [accessId],
      note: NOTE,
      salt: SALT,
    });
    assert.equal(JSON.parse(answer).reason, 'OTHER_EMERGENCY');
    assert.ok(!answer.includes('Elm Street'), 'not in the answer');
  });

  it('never puts the note in public state or the event', async () => {
    await declare({ payload: JSON.stringify({ note: NOTE }), salt: SALT });
    const seen = publicText(stub);
    for (const part of ['Elm Street', 'epileptic', NOTE]) assert.ok(!seen.includes(part), part);
    assert.ok(seen.includes('OTHER_EMERGENCY'), 'the code is public');
  });

  it('writes no note without one', async () => {
    await declare({});
    const notes = [...(stub.privateData.get(implicitCollection(Msp.ProviderA))?.keys() ?? [])];
    assert.ok(!notes.some((k) => k.includes(NOTE_OBJECT)), notes.join());
  });

  const refused: [string, Record<string, string>, RegExp][] = [
    [
      'without a salt',
      { payload: JSON.stringify({ note: NOTE }) },
      /^INVALID_ARGUMENT: transient\.salt: /,
    ],
    [
      'with an empty note',
      { payload: JSON.stringify({ note: ' ' }), salt: SALT },
      /^INVALID_ARGUMENT: transient\.payload\.note: /,
    ],
    [
      'with a note over 2000 characters',
      { payload: JSON.stringify({ note: 'n'.repeat(2001) }), salt: SALT },
      /^INVALID_ARGUMENT: transient\.payload\.note: must be at most 2000/,
    ],
    [
      'with another field',
      { payload: JSON.stringify({ note: NOTE, name: 'Ada' }), salt: SALT },
      /^INVALID_ARGUMENT: transient\.payload/,
    ],
  ];
  for (const [what, transient, expected] of refused) {
    it(`refuses a note ${what} (INVALID_ARGUMENT naming the field, not the text), writing nothing`, async () => {
      const message = await messageOf(declare(transient));
      assert.match(message, expected);
      assert.ok(!message.includes('Elm Street'), message);
      assert.deepEqual(collectionsHolding(stub, 'Elm Street'), []);
      assert.ok(!publicText(stub).includes('OTHER_EMERGENCY'), 'no access was written');
    });
  }
});

describe('ConsentContract.emergencyNote', () => {
  let stub: FakeStub;
  let accessId: string;
  beforeEach(async () => {
    stub = new FakeStub();
    registerPatient(stub); // at ProviderA
    await licenseDoctors(stub);
    stub.nextTx({ transient: { payload: JSON.stringify({ note: NOTE }), salt: SALT } });
    await contract.declareEmergencyAccess(
      asPhysician(stub, Msp.ProviderB),
      PATIENT,
      'LACKS_CAPACITY',
    );
    accessId = stub.txId;
    stub.nextTx();
  });

  it("gives the patient the note, on their registering provider's peer", async () => {
    stub.peerMspId = Msp.ProviderA;
    assert.deepEqual(JSON.parse(await contract.emergencyNote(asPatient(stub), PATIENT, accessId)), {
      accessId,
      patientId: PATIENT,
      reason: 'LACKS_CAPACITY',
      note: NOTE,
    });
  });

  it("refuses on another organisation's peer, which holds no note (FORBIDDEN)", async () => {
    stub.peerMspId = Msp.ProviderB;
    const message = await messageOf(contract.emergencyNote(asPatient(stub), PATIENT, accessId));
    assert.match(
      message,
      /^FORBIDDEN: the note of an emergency access to patient .* is held by ProviderAMSP/,
    );
  });

  it('refuses another patient and a registrar (FORBIDDEN)', async () => {
    stub.peerMspId = Msp.ProviderA;
    registerPatient(stub, OTHER_PATIENT);
    for (const ctx of [asPatient(stub, OTHER_PATIENT), asRegistrar(stub)]) {
      const message = await messageOf(contract.emergencyNote(ctx, PATIENT, accessId));
      assert.match(message, /^FORBIDDEN/);
      assert.ok(!message.includes('Elm Street'));
    }
  });

  it('answers NOT_FOUND for an access without a note, or no such access', async () => {
    stub.peerMspId = Msp.ProviderA;
    stub.nextTx();
    await contract.declareEmergencyAccess(asPhysician(stub), PATIENT, 'LIFE_THREATENING');
    const bare = stub.txId;
    stub.nextTx();
    for (const id of [bare, 'no-such-access']) {
      const message = await messageOf(contract.emergencyNote(asPatient(stub), PATIENT, id));
      assert.match(message, /^NOT_FOUND: /);
    }
  });
});
