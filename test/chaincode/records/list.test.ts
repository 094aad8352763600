import assert from 'node:assert/strict';
import { Msp } from '../../../chaincode/src/shared/names';
import { errorCodeOf, type FakeStub } from '../../support/fake-stub';
import {
  add,
  type Added,
  as,
  grant,
  OTHER_PATIENT_ID,
  PATIENT_ID,
  records,
  T0,
  Who,
  world,
} from './fixtures';
import { condition, medicationRequest, observation, OTHER_SALT } from './samples';
import type { IdentityOptions } from '../../support/fake-stub';

interface Listed {
  items: { recordId: string; status: string; version: number; category: string }[];
  bookmark: string;
}

async function list(
  stub: FakeStub,
  who: IdentityOptions,
  options: { patientId?: string; pageSize?: string; bookmark?: string } = {},
): Promise<Listed> {
  stub.nextTx({ at: T0 });
  const text = await records.listRecords(
    as(stub, who),
    options.patientId ?? PATIENT_ID,
    options.pageSize ?? '10',
    options.bookmark ?? '',
  );
  return JSON.parse(text) as Listed;
}

async function history(
  stub: FakeStub,
  who: IdentityOptions,
  recordId: string,
): Promise<Listed['items']> {
  stub.nextTx({ at: T0 });
  return JSON.parse(await records.recordHistory(as(stub, who), recordId)) as Listed['items'];
}

function ids(listed: Listed): string[] {
  return listed.items.map((r) => r.recordId).sort();
}

describe('records.listRecords', () => {
  let stub: FakeStub;
  let obs: Added;
  let cond: Added;
  let med: Added;
  beforeEach(async () => {
    stub = await world();
    obs = await add(stub, observation());
    cond = await add(stub, condition());
    med = await add(stub, medicationRequest(), { who: Who.physicianB });
  });

  it('shows the patient every one of their records, metadata only', async () => {
    const listed = await list(stub, Who.patient);
    assert.deepEqual(ids(listed), [obs.recordId, cond.recordId, med.recordId].sort());
    for (const item of listed.items) {
      assert.deepEqual(Object.keys(item).sort(), [
        'authorMsp',
        'authorPractitionerId',
        'category',
        'createdAt',
        'hash',
        'patientId',
        'recordId',
        'resourceType',
        'status',
        'version',
      ]);
    }
  });

  it("refuses a patient another patient's list (FORBIDDEN)", async () => {
    assert.equal(await errorCodeOf(list(stub, Who.otherPatient)), 'FORBIDDEN');
  });

  it("shows a practitioner their organisation's records only, without consent", async () => {
    assert.deepEqual(ids(await list(stub, Who.nurseA)), [obs.recordId, cond.recordId].sort());
    assert.deepEqual(ids(await list(stub, Who.physicianB)), [med.recordId]);
  });

  it('adds the categories the patient consented to for treatment', async () => {
    await grant(stub, { scope: ['observation'] });
    assert.deepEqual(ids(await list(stub, Who.physicianB)), [obs.recordId, med.recordId].sort());
  });

  it('adds nothing for a consent to another purpose', async () => {
    await grant(stub, { purpose: 'research' });
    assert.deepEqual(ids(await list(stub, Who.physicianB)), [med.recordId]);
  });

  it("shows a registrar their organisation's records", async () => {
    assert.deepEqual(ids(await list(stub, Who.registrarA)), [obs.recordId, cond.recordId].sort());
    assert.deepEqual(ids(await list(stub, Who.registrarB)), [med.recordId]);
  });

  for (const who of [Who.adjudicator, Who.adminB, Who.officer]) {
    it(`refuses role ${who.role} (FORBIDDEN)`, async () => {
      assert.equal(await errorCodeOf(list(stub, who)), 'FORBIDDEN');
    });
  }

  it('pages with a bookmark until the bookmark is empty', async () => {
    const first = await list(stub, Who.patient, { pageSize: '2' });
    assert.equal(first.items.length, 2);
    assert.notEqual(first.bookmark, '');
    const second = await list(stub, Who.patient, { pageSize: '2', bookmark: first.bookmark });
    assert.equal(second.items.length, 1);
    assert.equal(second.bookmark, '');
    assert.deepEqual(
      [...first.items, ...second.items].map((r) => r.recordId).sort(),
      [obs.recordId, cond.recordId, med.recordId].sort(),
    );
  });

  for (const pageSize of ['0', '101', 'ten', '']) {
    it(`refuses the page size "${pageSize}" (INVALID_ARGUMENT)`, async () => {
      assert.equal(await errorCodeOf(list(stub, Who.patient, { pageSize })), 'INVALID_ARGUMENT');
    });
  }

  it('refuses an unknown patient (NOT_FOUND)', async () => {
    assert.equal(
      await errorCodeOf(list(stub, Who.registrarA, { patientId: OTHER_PATIENT_ID })),
      'NOT_FOUND',
    );
  });

  it('keeps listing the tombstones of an erased patient', async () => {
    stub.nextTx({ at: T0 });
    await records.erasePatient(as(stub, Who.registrarA), PATIENT_ID);
    // Each other custodian erases its own copy (on its own peer).
    for (const custodian of [Msp.ProviderB]) {
      stub.nextTx({ at: T0 });
      stub.peerMspId = custodian;
      await records.eraseCustodianCopy(as(stub, Who.registrarA), PATIENT_ID);
    }
    const listed = await list(stub, Who.patient);
    assert.equal(listed.items.length, 3);
    assert.ok(listed.items.every((r) => r.status === 'erased'));
  });
});

describe('records.recordHistory', () => {
  let stub: FakeStub;
  let obs: Added;
  beforeEach(async () => {
    stub = await world();
    obs = await add(stub, observation());
    await add(stub, observation({ valueQuantity: { value: 128 } }), {
      replaces: obs.recordId,
      salt: OTHER_SALT,
    });
  });

  it('lists the metadata of every version, oldest first', async () => {
    const versions = await history(stub, Who.patient, obs.recordId);
    assert.deepEqual(
      versions.map((v) => v.version),
      [1, 2],
    );
    assert.equal((versions[1] as Record<string, unknown>).replaces, 1);
    assert.equal((versions[0] as Record<string, unknown>).replaces, undefined);
  });

  it("shows the author organisation's practitioners and registrar the history", async () => {
    assert.equal((await history(stub, Who.nurseA, obs.recordId)).length, 2);
    assert.equal((await history(stub, Who.registrarA, obs.recordId)).length, 2);
  });

  it("refuses another organisation's practitioner without consent, not with it", async () => {
    assert.equal(await errorCodeOf(history(stub, Who.physicianB, obs.recordId)), 'FORBIDDEN');
    await grant(stub);
    assert.equal((await history(stub, Who.physicianB, obs.recordId)).length, 2);
  });

  it("refuses another organisation's registrar and another patient (FORBIDDEN)", async () => {
    assert.equal(await errorCodeOf(history(stub, Who.registrarB, obs.recordId)), 'FORBIDDEN');
    assert.equal(await errorCodeOf(history(stub, Who.otherPatient, obs.recordId)), 'FORBIDDEN');
  });

  it('refuses an unknown record (NOT_FOUND)', async () => {
    assert.equal(await errorCodeOf(history(stub, Who.patient, 'rec-nosuchrecord')), 'NOT_FOUND');
  });

  it('shows every version as erased after erasure', async () => {
    stub.nextTx({ at: T0 });
    await records.erasePatient(as(stub, Who.registrarA), PATIENT_ID);
    const versions = await history(stub, Who.patient, obs.recordId);
    assert.deepEqual(
      versions.map((v) => v.status),
      ['erased', 'erased'],
    );
  });
});
