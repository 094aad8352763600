/**
 * Record metadata a member's tampered chaincode writes alone in ProviderA's name: the public
 * keys addRecord would write (latest, version, index) for a record "authored" by ProviderA,
 * without ProviderA's attestation (only ProviderA's peer can endorse a write to ProviderA's
 * implicit collection), or attested by the forger's own organisation. No honest reader lists
 * it, names a custodian for it or shows its history; the genuine record is untouched. And a
 * trail entry the forger writes alone ("ProviderA's physician read the record", or an entry of
 * its own reader on ProviderA's record) is not in the patient's trail.
 */
import assert from 'node:assert/strict';
import type { ChaincodeStub } from 'fabric-shim';
import { accessKey, type AccessEntry } from '../../../chaincode/src/consent/state';
import {
  patientKey,
  recordIndexKey,
  recordKey,
  versionKey,
} from '../../../chaincode/src/records/keys';
import { putAttested } from '../../../chaincode/src/shared/attestation';
import { Ledger } from '../../../chaincode/src/shared/ledger';
import { Msp } from '../../../chaincode/src/shared/names';
import { errorCodeOf, type FakeStub } from '../../support/fake-stub';
import {
  add,
  as,
  consent,
  logAccess,
  PATIENT_ID,
  publicValue,
  records,
  T0,
  Who,
  world,
} from './fixtures';
import { observation } from './samples';

interface Listed {
  items: { recordId: string; authorMsp: string }[];
}

describe('record metadata written without its author', () => {
  let stub: FakeStub;
  let ledger: Ledger;
  let genuine: { recordId: string; authorMsp: string; version: number };
  beforeEach(async () => {
    stub = await world();
    ledger = new Ledger(stub as unknown as ChaincodeStub);
    const added = await add(stub, observation());
    genuine = publicValue(stub, 'record', PATIENT_ID, added.recordId) as typeof genuine;
    stub.nextTx({ at: T0 });
  });

  for (const [how, attestedBy] of [
    ['with no attestation', undefined],
    ["attested by the forger's own organisation", Msp.ProviderB],
  ] as const) {
    it(`${how}: not listed, no custodian, no history`, async () => {
      const recordId = `${genuine.recordId.slice(0, -1)}${genuine.recordId.endsWith('0') ? '1' : '0'}`;
      const forged = { ...genuine, recordId, authorMsp: Msp.ProviderA };
      const put = (key: string, value: unknown) =>
        attestedBy === undefined
          ? ledger.put(key, value)
          : putAttested(ledger, attestedBy, key, value);
      await put(recordKey(ledger, PATIENT_ID, recordId), forged);
      await put(versionKey(ledger, recordId, 1), forged);
      await ledger.put(recordIndexKey(ledger, recordId), { recordId, patientId: PATIENT_ID });

      stub.nextTx({ at: T0 });
      const listed = JSON.parse(
        await records.listRecords(as(stub, Who.physicianA), PATIENT_ID, '10', ''),
      ) as Listed;
      assert.deepEqual(
        listed.items.map((r) => r.recordId),
        [genuine.recordId],
      );
      stub.nextTx({ at: T0 });
      assert.equal(
        await errorCodeOf(records.recordCustodian(as(stub, Who.physicianB), recordId)),
        'NOT_FOUND',
      );
      stub.nextTx({ at: T0 });
      assert.equal(
        await errorCodeOf(records.recordHistory(as(stub, Who.physicianA), recordId)),
        'NOT_FOUND',
      );
      stub.nextTx({ at: T0 });
      const custody = JSON.parse(
        await records.recordCustodian(as(stub, Who.physicianB), genuine.recordId),
      ) as { custodian: string };
      assert.equal(custody.custodian, Msp.ProviderA);
    });
  }

  it('a trail entry written without the custodian is not in the patient’s trail', async () => {
    await logAccess(stub, Who.physicianA, genuine.recordId);
    const trail = async () => {
      stub.nextTx({ at: T0 });
      const page = JSON.parse(
        await consent.listAccessLog(as(stub, Who.patient), PATIENT_ID, '10', ''),
      ) as { items: AccessEntry[] };
      return page.items.map((e) => `${e.readerMsp} ${e.accessId}`);
    };
    const before = await trail();
    assert.equal(before.length, 1);
    stub.nextTx({ at: T0 });
    const [entry] = (
      JSON.parse(await consent.listAccessLog(as(stub, Who.patient), PATIENT_ID, '10', '')) as {
        items: AccessEntry[];
      }
    ).items;
    assert.ok(entry);
    for (const [n, forged] of [
      { ...entry, accessId: 'forged-a', at: '2026-03-01T12:00:01.000Z' },
      {
        ...entry,
        accessId: 'forged-b',
        readerMsp: Msp.ProviderB,
        practitionerId: Who.physicianB.practitionerId,
        at: '2026-03-01T12:00:02.000Z',
      },
    ].entries()) {
      // the first as nobody's, the second attested by the forger itself
      if (n === 0) await ledger.put(accessKey(ledger, forged), forged);
      else await putAttested(ledger, Msp.ProviderB, accessKey(ledger, forged), forged);
    }
    assert.deepEqual(await trail(), before);
  });

  it('a registration written without the provider it names is no patient', async () => {
    const patientId = 'pat-f0rged01';
    const forged = {
      patientId,
      registeredBy: Msp.ProviderA,
      hash: 'a'.repeat(64),
      status: 'active',
      registeredAt: T0,
    };
    await ledger.put(patientKey(ledger, patientId), forged);
    stub.nextTx({ at: T0 });
    assert.equal(
      await errorCodeOf(records.getPatient(as(stub, Who.physicianB), patientId)),
      'NOT_FOUND',
    );
    stub.nextTx({ at: T0 });
    const asThem = { ...Who.patient, patientId, name: 'forged-patient' };
    assert.equal(
      await errorCodeOf(records.listRecords(as(stub, asThem), patientId, '10', '')),
      'FORBIDDEN',
    );
  });
});
