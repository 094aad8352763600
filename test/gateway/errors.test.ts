/** The one error mapping module, on its own: chaincode codes found in messages, CA failures, parser errors. */
import assert from 'node:assert/strict';
import { CaError } from '../../gateway/src/ca/errors';
import { chaincodeFailureOf, toHttpAnswer } from '../../gateway/src/http/errors';
import { badRequest } from '../../gateway/src/http/problem';

describe('chaincodeFailureOf', () => {
  it('finds the code after the peer prefix', () => {
    assert.deepEqual(
      chaincodeFailureOf(['chaincode response 500, NOT_FOUND: record rec-1 does not exist']),
      {
        code: 'NOT_FOUND',
        text: 'record rec-1 does not exist',
      },
    );
  });

  it('takes the first message that has a code', () => {
    const found = chaincodeFailureOf([
      'timeout',
      'chaincode response 500, CONFLICT: exists already',
    ]);
    assert.equal(found?.code, 'CONFLICT');
  });

  it('ignores codes it does not know and words inside other words', () => {
    assert.equal(chaincodeFailureOf(['chaincode response 500, TEAPOT: no']), undefined);
    assert.equal(chaincodeFailureOf(['XFORBIDDEN: no']), undefined);
  });
});

describe('toHttpAnswer', () => {
  it('answers a wrong password at the CA with 401', () => {
    assert.equal(toHttpAnswer(new CaError('unauthorized', 'wrong')).status, 401);
  });

  it('answers an identity registered twice with 409', () => {
    assert.equal(toHttpAnswer(new CaError('conflict', 'exists')).status, 409);
  });

  it('answers an unreachable CA with 503 and keeps its messages for the log', () => {
    const answer = toHttpAnswer(new CaError('unreachable', 'down', ['ECONNREFUSED']));
    assert.equal(answer.status, 503);
    assert.deepEqual(answer.log.fields.caMessages, ['ECONNREFUSED']);
    assert.ok(!JSON.stringify(answer.body).includes('ECONNREFUSED'));
  });

  it('answers malformed JSON with 400 on the body', () => {
    const answer = toHttpAnswer(
      Object.assign(new SyntaxError('bad'), { type: 'entity.parse.failed', status: 400 }),
    );
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error.field, 'body');
  });

  it('answers a body over the limit with 413', () => {
    assert.equal(
      toHttpAnswer(Object.assign(new Error('big'), { type: 'entity.too.large' })).status,
      413,
    );
  });

  it("keeps the gateway's own problems as they are", () => {
    const answer = toHttpAnswer(badRequest('pageSize', 'must be a whole number'));
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error.field, 'pageSize');
  });

  it('answers anything else with 500, logged as an error', () => {
    const answer = toHttpAnswer('a string thrown');
    assert.equal(answer.status, 500);
    assert.equal(answer.log.level, 'error');
  });
});
