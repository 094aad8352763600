/**
 * Data rules 1 and 2 for the records contract: after registering a patient and adding,
 * correcting, accessing and verifying records, nothing of the demographics or the clinical
 * content is anywhere public (world state, events) or in what the submitted transactions
 * returned.
 */
import assert from 'node:assert/strict';
import { FakeStub } from '../../support/fake-stub';
import { add, logAccess, register, Who, world } from './fixtures';
import { CLINICAL_VALUES, condition, DEMOGRAPHICS, observation, SALT } from './samples';

const PHI = [
  DEMOGRAPHICS.mrn,
  DEMOGRAPHICS.givenName,
  DEMOGRAPHICS.familyName,
  DEMOGRAPHICS.birthDate,
  'Orchard Lane',
  '555 0100',
  ...CLINICAL_VALUES,
  'mmHg',
];

function assertNoPhi(text: string): void {
  for (const value of [...PHI, SALT]) {
    assert.ok(!text.includes(value), `public text contains ${value}`);
  }
}

describe('no PHI on the public ledger', () => {
  it('after registerPatient and addRecord, the public state and events hold no name, birth date or clinical value', async () => {
    const stub = new FakeStub();
    const returned = [JSON.stringify(await register(stub))];
    const fresh = await world();
    returned.push(JSON.stringify(await add(fresh, observation())));
    returned.push(JSON.stringify(await add(fresh, condition())));
    assertNoPhi(stub.publicText());
    assertNoPhi(fresh.publicText());
    assertNoPhi(returned.join('\n'));
  });

  it('nor after a correction and an access', async () => {
    const stub = await world();
    const first = await add(stub, observation());
    const returned = [
      JSON.stringify(
        await add(stub, observation({ valueQuantity: { value: 99, unit: 'mmHg' } }), {
          replaces: first.recordId,
        }),
      ),
      JSON.stringify(await logAccess(stub, Who.patient, first.recordId)),
    ];
    assertNoPhi(stub.publicText());
    assertNoPhi(returned.join('\n'));
  });
});
