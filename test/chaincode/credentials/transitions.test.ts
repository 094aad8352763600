/** The pure transitions: what each one keeps, sets and clears. */
import assert from 'node:assert/strict';
import {
  type Actor,
  reinstate,
  renew,
  revoke,
  suspend,
} from '../../../chaincode/src/credentials/transitions';
import { credential } from './fixtures';

const actor: Actor = { id: 'officer-9', mspId: 'BoardMSP', at: '2026-07-01T00:00:00.000Z' };

describe('credential transitions', () => {
  it('a reason does not linger on the next version', () => {
    const s = suspend(credential(), 'CONTINUING_EDUCATION_NOT_MET', actor);
    const r = reinstate(s, actor);
    assert.deepEqual(
      [s.lastReason, r.lastReason, r.statusReason],
      ['CONTINUING_EDUCATION_NOT_MET', undefined, undefined],
    );
  });

  it('renewing keeps the practitioner, type, organisation, issuer and issue time', () => {
    const before = credential();
    const after = renew(before, { validFrom: '2028-01-01', validTo: '2029-01-01' }, actor);
    const kept = (c: typeof before) => [
      c.practitionerId,
      c.licenceType,
      c.organisation,
      c.issuingBoard,
      c.issuedAt,
    ];
    assert.deepEqual(kept(after), kept(before));
    assert.deepEqual([after.updatedAt, after.lastActor], [actor.at, 'officer-9']);
  });

  it('revoking a suspended licence replaces the suspension reason', () => {
    const r = revoke(
      suspend(credential(), 'CONTINUING_EDUCATION_NOT_MET', actor),
      'FRAUDULENT_CREDENTIALS',
      actor,
    );
    assert.deepEqual([r.status, r.statusReason], ['revoked', 'FRAUDULENT_CREDENTIALS']);
  });

  it('refuses with FAILED_PRECONDITION, naming the licence, what the status forbids', () => {
    const revoked = revoke(credential(), 'FRAUDULENT_CREDENTIALS', actor);
    assert.throws(
      () => renew(revoked, { validFrom: '2028-01-01', validTo: '2029-01-01' }, actor),
      /FAILED_PRECONDITION: licence MD-12345 is revoked/,
    );
    assert.throws(
      () => suspend(suspend(credential(), 'IMPAIRMENT', actor), 'FEES_UNPAID', actor),
      /FAILED_PRECONDITION: licence MD-12345 is already suspended/,
    );
    assert.throws(
      () => reinstate(credential(), actor),
      /FAILED_PRECONDITION: licence MD-12345 is not suspended/,
    );
    assert.throws(
      () => revoke(revoked, 'DISCIPLINARY_ACTION', actor),
      /FAILED_PRECONDITION: licence MD-12345 is already revoked/,
    );
  });
});
