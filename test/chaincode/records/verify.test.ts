import assert from 'node:assert/strict';
import { saltedHash } from '../../../chaincode/src/shared/hash';
import { errorCodeOf, type FakeStub, type IdentityOptions } from '../../support/fake-stub';
import {
  add,
  type Added,
  as,
  logAccess,
  PATIENT_ID,
  read,
  records,
  T0,
  Who,
  world,
} from './fixtures';
import { type Json, observation, OTHER_SALT, SALT } from './samples';

interface Verification {
  matches: boolean;
  recordId: string;
  version: number;
  ledgerHash: string;
}

async function verify(
  stub: FakeStub,
  recordId: string,
  copy: Json | string,
  options: { version?: string; salt?: string; who?: IdentityOptions } = {},
): Promise<Verification> {
  const transient: Record<string, string> = {
    payload: typeof copy === 'string' ? copy : JSON.stringify(copy),
  };
  if (options.salt !== '') transient.salt = options.salt ?? SALT;
  stub.nextTx({ at: T0, transient });
  const text = await records.verifyRecord(
    as(stub, options.who ?? Who.adjudicator),
    recordId,
    options.version ?? '',
  );
  return JSON.parse(text) as Verification;
}

describe('records.verifyRecord', () => {
  let stub: FakeStub;
  let obs: Added;
  beforeEach(async () => {
    stub = await world();
    obs = await add(stub, observation());
  });

  it('says a faithful copy matches, with the version and the ledger hash (anyone may ask)', async () => {
    assert.deepEqual(await verify(stub, obs.recordId, observation()), {
      matches: true,
      recordId: obs.recordId,
      version: 1,
      ledgerHash: saltedHash(SALT, observation()),
    });
  });

  it('does not care about the order of keys in the copy', async () => {
    const reordered = Object.fromEntries(Object.entries(observation()).reverse());
    assert.equal((await verify(stub, obs.recordId, reordered)).matches, true);
  });

  it('says an altered copy does not match', async () => {
    const altered = observation({ valueQuantity: { value: 120, unit: 'mmHg' } });
    assert.equal((await verify(stub, obs.recordId, altered)).matches, false);
  });

  it('says a copy with the wrong salt does not match', async () => {
    assert.equal(
      (await verify(stub, obs.recordId, observation(), { salt: OTHER_SALT })).matches,
      false,
    );
  });

  it('verifies the copy a reader got from readRecord, with the salt that came with it', async () => {
    await logAccess(stub, Who.patient, obs.recordId);
    const got = await read(stub, Who.patient, obs.recordId);
    assert.equal(
      (await verify(stub, obs.recordId, got.resource, { salt: got.salt, who: Who.patient }))
        .matches,
      true,
    );
  });

  it('checks against the version asked for', async () => {
    const fixed = observation({ valueQuantity: { value: 128 } });
    await add(stub, fixed, { replaces: obs.recordId, salt: OTHER_SALT });
    assert.equal((await verify(stub, obs.recordId, observation(), { version: '1' })).matches, true);
    const latest = await verify(stub, obs.recordId, observation());
    assert.equal(latest.version, 2);
    assert.equal(latest.matches, false);
    assert.equal((await verify(stub, obs.recordId, fixed, { salt: OTHER_SALT })).matches, true);
  });

  it("still verifies against an erased record's tombstone", async () => {
    stub.nextTx({ at: T0 });
    await records.erasePatient(as(stub, Who.registrarA), PATIENT_ID);
    assert.equal((await verify(stub, obs.recordId, observation())).matches, true);
  });

  it('refuses a copy that is not a JSON object (INVALID_ARGUMENT)', async () => {
    assert.equal(await errorCodeOf(verify(stub, obs.recordId, 'not json')), 'INVALID_ARGUMENT');
    assert.equal(await errorCodeOf(verify(stub, obs.recordId, '[1,2]')), 'INVALID_ARGUMENT');
  });

  it('refuses a verification without the transient salt (INVALID_ARGUMENT)', async () => {
    assert.equal(
      await errorCodeOf(verify(stub, obs.recordId, observation(), { salt: '' })),
      'INVALID_ARGUMENT',
    );
  });

  it('refuses an unknown record or version (NOT_FOUND)', async () => {
    assert.equal(await errorCodeOf(verify(stub, 'rec-nosuchrecord', observation())), 'NOT_FOUND');
    assert.equal(
      await errorCodeOf(verify(stub, obs.recordId, observation(), { version: '3' })),
      'NOT_FOUND',
    );
  });
});
