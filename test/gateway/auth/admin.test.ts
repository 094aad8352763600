/** POST /admin/users: registering users at the CA, for the organisation's admin only. */
import assert from 'node:assert/strict';
import request from 'supertest';
import { CaError } from '../../../gateway/src/ca/errors';
import { testGateway, USERS } from '../support/app';

describe('POST /admin/users', () => {
  const nurse = { enrollmentId: 'nurse7', role: 'nurse', practitionerId: 'pr-a-nurse7' };

  it('as an admin registers the user with their attributes and responds 201 with the password', async () => {
    const gw = testGateway();
    gw.register.resolves('generated-secret');
    const res = await request(gw.app)
      .post('/admin/users')
      .set('authorization', gw.bearer(USERS.admin))
      .send(nurse);
    assert.equal(res.status, 201);
    assert.deepEqual(res.body, {
      enrollmentId: 'nurse7',
      password: 'generated-secret',
      attributes: { role: 'nurse', practitionerId: 'pr-a-nurse7' },
    });
    assert.deepEqual(gw.register.firstCall.args, [
      {
        id: 'nurse7',
        secret: undefined,
        attributes: { role: 'nurse', practitionerId: 'pr-a-nurse7' },
      },
    ]);
  });

  it('as anyone but an admin responds 403 and registers nobody', async () => {
    const gw = testGateway();
    const res = await request(gw.app)
      .post('/admin/users')
      .set('authorization', gw.bearer(USERS.registrar))
      .send(nurse);
    assert.equal(res.status, 403);
    assert.equal(gw.register.callCount, 0);
  });

  it('refuses to make an admin (role not offered) with 400', async () => {
    const gw = testGateway();
    const res = await request(gw.app)
      .post('/admin/users')
      .set('authorization', gw.bearer(USERS.admin))
      .send({ enrollmentId: 'boss', role: 'admin' });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.field, 'role');
  });

  it('for an enrolment ID that exists responds 409', async () => {
    const gw = testGateway();
    gw.register.rejects(
      new CaError('conflict', 'an identity with this enrolment ID exists already'),
    );
    const res = await request(gw.app)
      .post('/admin/users')
      .set('authorization', gw.bearer(USERS.admin))
      .send(nurse);
    assert.equal(res.status, 409);
  });
});
