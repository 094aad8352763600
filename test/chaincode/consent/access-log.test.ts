import assert from 'node:assert/strict';
import { recordAccess } from '../../../chaincode/src/consent/access';
import { Msp } from '../../../chaincode/src/shared/names';
import { errorCodeOf, FakeStub } from '../../support/fake-stub';
import {
  asPatient,
  asPhysician,
  asRegistrar,
  contract,
  messageOf,
  OTHER_PATIENT,
  PATIENT,
} from './fixtures';

const TIMES = [
  '2026-03-01T08:00:00Z',
  '2026-03-01T09:30:00Z',
  '2026-03-02T10:00:00Z',
  '2026-03-05T07:45:00Z',
];

async function read(
  stub: FakeStub,
  at: string,
  patientId: string,
  recordId: string,
): Promise<string> {
  stub.nextTx({ at });
  const ctx = asPhysician(stub);
  const entry = await recordAccess(ctx, {
    patientId,
    recordId,
    readerId: ctx.caller.id,
    readerMsp: Msp.ProviderA,
    practitionerId: 'prac-1',
    role: 'physician',
    purpose: 'treatment',
    emergency: false,
  });
  return entry.accessId;
}

interface LogPage {
  items: { accessId: string; at: string; recordId: string }[];
  bookmark: string;
}

async function page(stub: FakeStub, pageSize: string, bookmark = ''): Promise<LogPage> {
  return JSON.parse(await contract.listAccessLog(asPatient(stub), PATIENT, pageSize, bookmark));
}

describe('ConsentContract.listAccessLog', () => {
  let stub: FakeStub;
  let ids: string[];
  beforeEach(async () => {
    stub = new FakeStub();
    ids = [];
    // Written out of time order on purpose: the log orders by access time, not by write order.
    for (const [i, at] of [TIMES[2], TIMES[0], TIMES[3], TIMES[1]].entries()) {
      ids.push(await read(stub, at ?? '', PATIENT, `rec-${i}`));
    }
    await read(stub, TIMES[3] ?? '', OTHER_PATIENT, 'rec-other');
    stub.nextTx({ at: '2026-03-06T00:00:00Z' });
  });

  it('lists the patient’s accesses newest first, and only theirs', async () => {
    const { items, bookmark } = await page(stub, '10');
    assert.deepEqual(
      items.map((e) => e.at),
      [
        '2026-03-05T07:45:00.000Z',
        '2026-03-02T10:00:00.000Z',
        '2026-03-01T09:30:00.000Z',
        '2026-03-01T08:00:00.000Z',
      ],
    );
    assert.deepEqual(
      items.map((e) => e.accessId),
      [ids[2], ids[0], ids[3], ids[1]],
    );
    assert.equal(bookmark, '');
  });

  it('pages with the bookmark until it comes back empty', async () => {
    const first = await page(stub, '3');
    assert.equal(first.items.length, 3);
    assert.notEqual(first.bookmark, '');
    const second = await page(stub, '3', first.bookmark);
    assert.deepEqual(
      second.items.map((e) => e.at),
      ['2026-03-01T08:00:00.000Z'],
    );
    assert.equal(second.bookmark, '');
  });

  it('accepts page sizes of 1 and 100', async () => {
    assert.equal((await page(stub, '1')).items.length, 1);
    assert.equal((await page(stub, '100')).items.length, 4);
  });

  it('answers an empty page for a patient nobody read', async () => {
    const ctx = asPatient(stub, 'pat-000003');
    assert.deepEqual(JSON.parse(await contract.listAccessLog(ctx, 'pat-000003', '10', '')), {
      items: [],
      bookmark: '',
    });
  });

  for (const size of ['0', '101', '-1', '1.5', 'ten', '', '0010']) {
    it(`refuses the page size ${JSON.stringify(size)} with INVALID_ARGUMENT naming pageSize`, async () => {
      const message = await messageOf(page(stub, size));
      assert.ok(message.startsWith('INVALID_ARGUMENT: pageSize'), message);
    });
  }

  it('refuses another patient with FORBIDDEN', async () => {
    const call = contract.listAccessLog(asPatient(stub, OTHER_PATIENT), PATIENT, '10', '');
    assert.equal(await errorCodeOf(call), 'FORBIDDEN');
  });

  it('refuses the reading physician with FORBIDDEN', async () => {
    assert.equal(
      await errorCodeOf(contract.listAccessLog(asPhysician(stub), PATIENT, '10', '')),
      'FORBIDDEN',
    );
  });

  it('refuses a registrar with FORBIDDEN', async () => {
    assert.equal(
      await errorCodeOf(contract.listAccessLog(asRegistrar(stub), PATIENT, '10', '')),
      'FORBIDDEN',
    );
  });
});
