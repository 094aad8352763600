/**
 * An unreachable peer over HTTPS: an extra ProviderA gateway reaches its peer through a relay
 * the test cuts (the shared peer keeps running). While cut, reads answer 503 within the
 * deadline and /readyz says not ready; once restored, the same requests work again. Finally
 * the gateway stops cleanly on SIGTERM.
 */
import assert from 'node:assert/strict';
import { expectError, expectStatus, GatewayClient, type User } from './support/http';
import { ExtraGateway, freePort, Relay } from './support/extra-gateway';
import { HOST, peerPort } from './support/gateways';

describe('a gateway whose peer is unreachable', function () {
  this.timeout(120_000);
  const relay = new Relay(peerPort('providera'));
  let gateway: ExtraGateway;
  let client: GatewayClient;
  let registrar: User;

  async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline)
        throw new Error(`not reached within ${timeoutMs} ms; log:\n${gateway.log}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  // A read the chaincode answers 404 (nobody registered this pseudonym): an answer from the
  // peer, with no state of its own to set up.
  const lookup = () => registrar.get('/patients/pat-unregistered0');

  before(async () => {
    await relay.start();
    const port = await freePort();
    gateway = new ExtraGateway(port, relay.port);
    client = new GatewayClient('providera', `https://${HOST}:${port}`);
    await waitUntil(
      async () =>
        (await client.send('GET', '/healthz').catch(() => ({ status: 0 }))).status === 200,
      30_000,
    );
    registrar = await client.login('registrar1');
  });
  after(async () => {
    client?.close();
    await relay.cut();
  });

  it('works while the peer is reachable', async () => {
    expectError(await lookup(), 404, 'NOT_FOUND');
    expectStatus(await client.send('GET', '/readyz'), 200);
  });

  it('answers 503 within the deadline once the peer is gone, and /readyz says not ready', async () => {
    await relay.cut();
    const started = Date.now();
    const res = await lookup();
    const elapsed = Date.now() - started;
    expectError(res, 503, 'UNAVAILABLE');
    assert.equal(res.headers['retry-after'], '5');
    assert.ok(elapsed < 10_000, `answered in ${elapsed} ms`);
    expectError(await client.send('GET', '/readyz'), 503, 'UNAVAILABLE');
  });

  it('works again once the peer is back', async () => {
    await relay.start();
    await waitUntil(async () => (await client.send('GET', '/readyz')).status === 200, 60_000);
    expectError(await lookup(), 404, 'NOT_FOUND');
  });

  it('stops on SIGTERM with exit code 0', async () => {
    assert.equal(await gateway.stop(), 0);
  });
});
