import assert from 'node:assert/strict';
import { Msp } from '../../../chaincode/src/shared/names';
import { RecordsObject, versionAttr } from '../../../chaincode/src/records/keys';
import { saltedHash } from '../../../chaincode/src/shared/hash';
import { errorCodeOf, type FakeStub } from '../../support/fake-stub';
import {
  add,
  custodianValue,
  messageOf,
  OTHER_PATIENT_ID,
  OTHER_REGISTRATION_TX,
  PATIENT_ID,
  publicValue,
  register,
  Who,
  world,
} from './fixtures';
import { condition, type Json, observation, OTHER_SALT } from './samples';

describe('records.addRecord with replacesRecordId: a correction', () => {
  let stub: FakeStub;
  beforeEach(async () => {
    stub = await world();
  });

  it('becomes the next version of the same record, pointing at the one it replaces', async () => {
    const first = await add(stub, observation());
    const fixed = observation({ valueQuantity: { value: 128, unit: 'mmHg' } });
    const second = await add(stub, fixed, {
      replaces: first.recordId,
      salt: OTHER_SALT,
      at: '2026-03-02T08:00:00Z',
    });
    assert.deepEqual(second, {
      recordId: first.recordId,
      version: 2,
      hash: saltedHash(OTHER_SALT, fixed),
    });
    const latest = publicValue(stub, RecordsObject.Record, PATIENT_ID, first.recordId) as Json;
    assert.equal(latest.version, 2);
    assert.equal(latest.replaces, 1);
    assert.equal(latest.createdAt, '2026-03-02T08:00:00.000Z');
    assert.deepEqual(stub.lastEvent()?.payload, {
      recordId: first.recordId,
      patientId: PATIENT_ID,
      version: 2,
      audience: [Msp.ProviderA],
    });
  });

  it('overwrites nothing: version 1 keeps its metadata and content', async () => {
    const first = await add(stub, observation());
    const v1 = publicValue(stub, RecordsObject.RecordVersion, first.recordId, versionAttr(1));
    const c1 = custodianValue(stub, RecordsObject.RecordContent, [first.recordId, versionAttr(1)]);
    await add(stub, observation({ valueQuantity: { value: 128 } }), { replaces: first.recordId });
    assert.deepEqual(
      publicValue(stub, RecordsObject.RecordVersion, first.recordId, versionAttr(1)),
      v1,
    );
    assert.deepEqual(
      custodianValue(stub, RecordsObject.RecordContent, [first.recordId, versionAttr(1)]),
      c1,
    );
    assert.equal(
      (custodianValue(stub, RecordsObject.RecordContent, [first.recordId, versionAttr(2)]) as Json)
        .version,
      2,
    );
  });

  it('may come from another practitioner of the author organisation', async () => {
    const first = await add(stub, observation());
    const second = await add(stub, observation(), { replaces: first.recordId, who: Who.nurseA });
    assert.equal(second.version, 2);
  });

  it('by another organisation is refused (FORBIDDEN)', async () => {
    const first = await add(stub, observation());
    assert.equal(
      await errorCodeOf(
        add(stub, observation(), { replaces: first.recordId, who: Who.physicianB }),
      ),
      'FORBIDDEN',
    );
  });

  it('that changes the resource type is refused (INVALID_ARGUMENT)', async () => {
    const first = await add(stub, observation());
    assert.equal(
      await errorCodeOf(add(stub, condition(), { replaces: first.recordId })),
      'INVALID_ARGUMENT',
    );
  });

  it('of a record that does not exist is refused (NOT_FOUND)', async () => {
    assert.equal(
      await errorCodeOf(add(stub, observation(), { replaces: 'rec-nosuchrecord' })),
      'NOT_FOUND',
    );
  });

  it("of another patient's record is refused (INVALID_ARGUMENT)", async () => {
    await register(stub, {
      txId: OTHER_REGISTRATION_TX,
      demographics: { mrn: 'MRN-2', givenName: 'B', familyName: 'C', birthDate: '1990-01-01' },
    });
    const theirs = await add(stub, observation(), { patientId: OTHER_PATIENT_ID });
    assert.equal(
      await errorCodeOf(add(stub, observation(), { replaces: theirs.recordId })),
      'INVALID_ARGUMENT',
    );
  });

  it('names a replacesRecordId of the wrong form (INVALID_ARGUMENT)', async () => {
    assert.match(
      await messageOf(add(stub, observation(), { replaces: 'record 7' })),
      /^INVALID_ARGUMENT: replacesRecordId: /,
    );
  });
});
