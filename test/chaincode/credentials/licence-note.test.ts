/** A licence change's note: free text (a complaint may name a patient), in the transient map
 * only, kept in the board's implicit collection; the licence and its history carry the code. */
import assert from 'node:assert/strict';
import { LICENCE_NOTE } from '../../../chaincode/src/credentials/contract';
import { implicitCollection, Msp } from '../../../chaincode/src/shared/names';
import { NOTE_OBJECT } from '../../../chaincode/src/shared/private-note';
import { Role } from '../../../chaincode/src/shared/roles';
import { contextFor, FakeStub, messageOf } from '../../support/fake-stub';
import { collectionsHolding, publicText } from '../../support/notes';
import { contract, issueLicence, officer } from './fixtures';

const NOTE = 'complaint by patient Jane Roe, ward 4, 12 February';
const SALT = 'cd'.repeat(32);

describe('a licence suspension or revocation with a note', () => {
  let stub: FakeStub;
  beforeEach(async () => {
    stub = new FakeStub();
    await issueLicence(stub, { licenceNumber: 'MD-12345' });
  });

  const changes = [
    ['suspendCredential', 'PATIENT_SAFETY_RISK'],
    ['revokeCredential', 'DISCIPLINARY_ACTION'],
  ] as const;
  for (const [change, code] of changes) {
    it(`${change} keeps the note in the board's implicit collection alone, under the licence and the transaction`, async () => {
      stub.nextTx({ transient: { payload: JSON.stringify({ note: NOTE }), salt: SALT } });
      const answer = await contract[change](officer(stub), 'MD-12345', code);
      assert.deepEqual(collectionsHolding(stub, NOTE), [implicitCollection(Msp.Board)]);
      const key = stub.createCompositeKey(NOTE_OBJECT, [LICENCE_NOTE, 'MD-12345', stub.txId]);
      const kept = stub.privateData.get(implicitCollection(Msp.Board))?.get(key);
      assert.deepEqual(JSON.parse(Buffer.from(kept ?? '').toString('utf8')), {
        about: LICENCE_NOTE,
        subject: ['MD-12345', stub.txId],
        note: NOTE,
        salt: SALT,
      });
      assert.equal(JSON.parse(answer).statusReason, code);
      assert.ok(!answer.includes('Jane Roe'), 'not in the answer');
    });

    it(`${change} never puts the note in public state, the history or the event`, async () => {
      stub.nextTx({ transient: { payload: JSON.stringify({ note: NOTE }), salt: SALT } });
      await contract[change](officer(stub), 'MD-12345', code);
      stub.nextTx();
      const history = await contract.credentialHistory(officer(stub), 'MD-12345');
      const seen = `${publicText(stub)}\n${history}`;
      for (const part of ['Jane Roe', 'ward 4', NOTE]) assert.ok(!seen.includes(part), part);
      assert.ok(seen.includes(code), 'the code is public');
    });
  }

  it('a note without a salt is refused (INVALID_ARGUMENT naming transient.salt), the licence unchanged', async () => {
    stub.nextTx({ transient: { payload: JSON.stringify({ note: NOTE }) } });
    const message = await messageOf(
      contract.suspendCredential(officer(stub), 'MD-12345', 'PATIENT_SAFETY_RISK'),
    );
    assert.match(message, /^INVALID_ARGUMENT: transient\.salt: /);
    assert.ok(!publicText(stub).includes('PATIENT_SAFETY_RISK'));
    assert.deepEqual(collectionsHolding(stub, 'Jane Roe'), []);
  });

  it('an unknown code is refused before the note is kept', async () => {
    stub.nextTx({ transient: { payload: JSON.stringify({ note: NOTE }), salt: SALT } });
    const message = await messageOf(
      contract.revokeCredential(officer(stub), 'MD-12345', 'complaint by Jane Roe'),
    );
    assert.match(message, /^INVALID_ARGUMENT: reason: must be one of DISCIPLINARY_ACTION, /);
    assert.ok(!message.includes('Jane Roe'));
    assert.deepEqual(collectionsHolding(stub, 'Jane Roe'), []);
  });
});

describe('CredentialsContract.licenceNote', () => {
  let stub: FakeStub;
  let txId: string;
  beforeEach(async () => {
    stub = new FakeStub();
    await issueLicence(stub, { licenceNumber: 'MD-12345' });
    stub.nextTx({ transient: { payload: JSON.stringify({ note: NOTE }), salt: SALT } });
    await contract.suspendCredential(officer(stub), 'MD-12345', 'PATIENT_SAFETY_RISK');
    txId = stub.txId;
    stub.nextTx();
  });

  it("gives a board officer the note of a change, on the board's peer", async () => {
    stub.peerMspId = Msp.Board;
    assert.deepEqual(JSON.parse(await contract.licenceNote(officer(stub), 'MD-12345', txId)), {
      licenceNumber: 'MD-12345',
      txId,
      note: NOTE,
    });
  });

  it("refuses on another organisation's peer (FORBIDDEN) and anyone but the board's officers", async () => {
    stub.peerMspId = Msp.ProviderA;
    assert.match(
      await messageOf(contract.licenceNote(officer(stub), 'MD-12345', txId)),
      /^FORBIDDEN: licence notes are held by BoardMSP/,
    );
    stub.peerMspId = Msp.Board;
    const registrar = contextFor(stub, { mspId: Msp.ProviderA, role: Role.Registrar, name: 'r' });
    assert.match(await messageOf(contract.licenceNote(registrar, 'MD-12345', txId)), /^FORBIDDEN/);
  });

  it('answers NOT_FOUND for a change without a note', async () => {
    stub.peerMspId = Msp.Board;
    stub.nextTx();
    await contract.reinstateCredential(officer(stub), 'MD-12345');
    const reinstated = stub.txId;
    stub.nextTx();
    assert.match(
      await messageOf(contract.licenceNote(officer(stub), 'MD-12345', reinstated)),
      /^NOT_FOUND: /,
    );
  });
});
