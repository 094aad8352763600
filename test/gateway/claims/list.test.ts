/**
 * GET /claims: the claims queue. The query is validated (status from the closed list, page
 * size 1..100, bookmark), reaches listClaims as its three string arguments, and the
 * chaincode's refusals come back as their HTTP statuses.
 */
import assert from 'node:assert/strict';
import sinon from 'sinon';
import request from 'supertest';
import { newClaimsFacade } from '../../../gateway/src/claims/facade';
import type { TransactionRunner } from '../../../gateway/src/fabric/runner';
import { type TestGateway, testGateway, USERS } from '../support/app';
import { evaluateError } from '../support/fabric-errors';

const PAGE = {
  items: [
    {
      claimId: 'clm-2',
      submittingMsp: 'ProviderAMSP',
      providerMsp: 'ProviderAMSP',
      insurerMsp: 'InsurerMSP',
      status: 'pended',
      hash: 'a'.repeat(64),
      submittedAt: '2026-03-01T12:00:00.000Z',
      updatedAt: '2026-03-01T12:00:00.000Z',
    },
  ],
  bookmark: 'next',
};

describe('GET /claims', () => {
  let gw: TestGateway;
  const get = (url: string) =>
    request(gw.app).get(url).set('authorization', gw.bearer(USERS.registrar));

  beforeEach(() => {
    gw = testGateway();
  });

  it('answers the page of public claims the ledger gives', async () => {
    gw.contracts.claims.listClaims.resolves(PAGE);
    const res = await get('/claims?status=pended&pageSize=5&bookmark=abc');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, PAGE);
    assert.deepEqual(gw.contracts.claims.listClaims.firstCall.args, [
      { status: 'pended', pageSize: '5', bookmark: 'abc' },
    ]);
  });

  it('lists every status, 20 to a page from the start, when nothing is asked', async () => {
    gw.contracts.claims.listClaims.resolves({ items: [], bookmark: '' });
    const res = await get('/claims');
    assert.equal(res.status, 200);
    assert.deepEqual(gw.contracts.claims.listClaims.firstCall.args, [
      { pageSize: '20', bookmark: '' },
    ]);
  });

  for (const [url, field] of [
    ['/claims?status=lost', 'status'],
    ['/claims?pageSize=0', 'pageSize'],
    ['/claims?pageSize=101', 'pageSize'],
    ['/claims?patientId=pat-a00001', 'patientId'],
  ] as const) {
    it(`refuses ${url.slice(8)} with 400 naming ${field}, calling nothing`, async () => {
      const res = await get(url);
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.equal(res.body.error.field, field);
      assert.equal(gw.contracts.claims.listClaims.callCount, 0);
    });
  }

  it('passes on the chaincode’s refusal of a caller who handles no claims as 403', async () => {
    gw.contracts.claims.listClaims.rejects(
      evaluateError('FORBIDDEN: only claims staff of a provider or of the insurer list claims'),
    );
    const res = await get('/claims?status=pended');
    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, 'FORBIDDEN');
  });
});

describe('claims facade: listClaims', () => {
  it('evaluates listClaims with status ("" for all), page size and bookmark', async () => {
    const evaluate = sinon.stub<Parameters<TransactionRunner['evaluate']>, Promise<string>>();
    evaluate.resolves(JSON.stringify({ items: [], bookmark: '' }));
    const runner: TransactionRunner = { evaluate, submit: sinon.stub() };
    const claims = newClaimsFacade({ tx: runner, mspId: 'InsurerMSP', salt: () => 'c'.repeat(64) });
    assert.deepEqual(
      await claims.listClaims({ status: 'appealed', pageSize: '7', bookmark: 'b' }),
      {
        items: [],
        bookmark: '',
      },
    );
    await claims.listClaims({ pageSize: '20', bookmark: '' });
    assert.deepEqual(evaluate.firstCall.args, ['listClaims', { args: ['appealed', '7', 'b'] }]);
    assert.deepEqual(evaluate.secondCall.args, ['listClaims', { args: ['', '20', ''] }]);
  });
});
