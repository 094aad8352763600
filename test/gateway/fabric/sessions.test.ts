/** Per-user Gateway sessions over one connection, from the wallet. */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import sinon from 'sinon';
import { DEFAULT_DEADLINES } from '../../../gateway/src/fabric/connection';
import { newSessions } from '../../../gateway/src/fabric/sessions';
import { HttpProblem } from '../../../gateway/src/http/problem';
import type { Credentials, Wallet } from '../../../gateway/src/wallet/wallet';

const user = { id: 'physician1', mspId: 'ProviderAMSP', role: 'physician' };

describe('sessions', () => {
  const client = new grpc.Client('127.0.0.1:1', grpc.credentials.createInsecure());
  after(() => client.close());
  const key = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();

  function walletWith(credentials: Credentials | undefined) {
    const get = sinon.stub<[string], Promise<Credentials | undefined>>().resolves(credentials);
    const wallet: Wallet = { get, put: sinon.stub() };
    return { wallet, get };
  }

  it('opens one session per user and reuses it', async () => {
    const { wallet, get } = walletWith({ certificate: 'CERT', privateKey: key });
    const sessions = newSessions({
      client,
      wallet,
      mspId: 'ProviderAMSP',
      deadlines: DEFAULT_DEADLINES,
    });
    const [a, b] = await Promise.all([sessions.gatewayFor(user), sessions.gatewayFor(user)]);
    assert.equal(a, b);
    assert.equal(get.callCount, 1);
    assert.equal(a.getIdentity().mspId, 'ProviderAMSP');
    assert.equal(Buffer.from(a.getIdentity().credentials).toString(), 'CERT');
  });

  it('reopens from the wallet after forget (a new login)', async () => {
    const { wallet, get } = walletWith({ certificate: 'CERT', privateKey: key });
    const sessions = newSessions({
      client,
      wallet,
      mspId: 'ProviderAMSP',
      deadlines: DEFAULT_DEADLINES,
    });
    await sessions.gatewayFor(user);
    sessions.forget(user.id);
    await sessions.gatewayFor(user);
    assert.equal(get.callCount, 2);
  });

  it('answers 401 for a user with nothing in the wallet', async () => {
    const { wallet } = walletWith(undefined);
    const sessions = newSessions({
      client,
      wallet,
      mspId: 'ProviderAMSP',
      deadlines: DEFAULT_DEADLINES,
    });
    await assert.rejects(
      sessions.gatewayFor(user),
      (err: unknown) => err instanceof HttpProblem && err.status === 401,
    );
  });
});
