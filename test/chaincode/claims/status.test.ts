/** Every status change a claim can make, and every one it cannot. */
import assert from 'node:assert/strict';
import {
  ALL_ACTIONS,
  ALL_STATUSES,
  actionsFrom,
  type ClaimAction,
  type ClaimStatus,
  mayTransition,
  requireAction,
  requireTransition,
} from '../../../chaincode/src/claims/status';
import { ChaincodeError } from '../../../chaincode/src/shared/errors';

/** The whole table, written out: status → the actions it allows. */
const EXPECTED: Record<ClaimStatus | 'new', ClaimAction[]> = {
  new: ['submit'],
  submitted: ['adjudicate'],
  pended: ['decide'],
  approved: ['pay'],
  'partially-approved': ['appeal', 'pay'],
  denied: ['appeal'],
  appealed: ['decide-appeal'],
  'appeal-approved': ['pay'],
  'appeal-denied': ['pay'],
  paid: [],
};

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof ChaincodeError ? err.code : 'not a ChaincodeError';
  }
  return undefined;
}

describe('claims: status transitions', () => {
  for (const from of [undefined, ...ALL_STATUSES]) {
    const name = from ?? 'new';
    const allowed = EXPECTED[name];
    it(`a ${name} claim allows exactly: ${allowed.join(', ') || 'nothing (closed)'}`, () => {
      assert.deepEqual(actionsFrom(from), allowed);
    });
    for (const action of ALL_ACTIONS) {
      const ok = allowed.includes(action);
      it(`${action} on a ${name} claim is ${ok ? 'allowed' : 'refused with FAILED_PRECONDITION'}`, () => {
        assert.equal(
          codeOf(() => requireAction(from, action)),
          ok ? undefined : 'FAILED_PRECONDITION',
        );
      });
    }
  }

  const OUTCOMES: [ClaimAction, ClaimStatus[]][] = [
    ['submit', ['submitted']],
    ['adjudicate', ['approved', 'partially-approved', 'denied', 'pended']],
    ['decide', ['approved', 'partially-approved', 'denied']],
    ['appeal', ['appealed']],
    ['decide-appeal', ['appeal-approved', 'appeal-denied']],
    ['pay', ['paid']],
  ];
  for (const [action, targets] of OUTCOMES) {
    it(`${action} leads only to ${targets.join(', ')}`, () => {
      const from = EXPECTED.new.includes(action)
        ? undefined
        : ALL_STATUSES.find((s) => EXPECTED[s].includes(action));
      for (const to of ALL_STATUSES) {
        assert.equal(mayTransition(from, action, to), targets.includes(to), `${action} → ${to}`);
      }
    });
  }

  it('a decision cannot leave a claim pended, nor an appeal decision make it plainly approved', () => {
    assert.equal(
      codeOf(() => requireTransition('pended', 'decide', 'pended')),
      'FAILED_PRECONDITION',
    );
    assert.equal(
      codeOf(() => requireTransition('appealed', 'decide-appeal', 'approved')),
      'FAILED_PRECONDITION',
    );
  });

  it('a claim is appealed at most once: no appeal outcome can be appealed again', () => {
    for (const s of ['appealed', 'appeal-approved', 'appeal-denied', 'paid'] as const) {
      assert.equal(
        codeOf(() => requireAction(s, 'appeal')),
        'FAILED_PRECONDITION',
        s,
      );
    }
  });

  it('names the status and the allowed ones in the refusal', () => {
    assert.throws(
      () => requireAction('paid', 'appeal'),
      /cannot appeal a claim that is paid; only from denied, partially-approved/,
    );
  });
});
