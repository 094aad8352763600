/** GET /events: chaincode events as Server-Sent Events, resumable from Last-Event-ID. */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { get, type IncomingMessage, type Server } from 'node:http';
import { MSP, type TestGateway, testGateway, USERS } from '../support/app';

const TX1 = '1'.repeat(64);
const TX2 = '2'.repeat(64);
const event = (blockNumber: bigint, transactionId: string, eventName: string, payload: object) => ({
  blockNumber,
  transactionId,
  eventName,
  payload: Buffer.from(JSON.stringify(payload)),
});

/** Opens the stream and collects its text until UNTIL matches. */
function readStream(
  server: Server,
  headers: Record<string, string>,
  path = '/events',
): Promise<{ res: IncomingMessage; text: () => string }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = get({ host: '127.0.0.1', port, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      resolve({ res, text: () => text });
    });
    req.on('error', reject);
  });
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(condition(), 'condition reached in time');
}

describe('GET /events', () => {
  let gw: TestGateway;
  let server: Server;
  beforeEach((done) => {
    gw = testGateway();
    server = gw.app.listen(0, '127.0.0.1', done);
  });
  afterEach((done) => {
    gw.streams.closeAll();
    server.close(() => done());
  });

  it('streams each event with its checkpoint as id, its name and its payload', async () => {
    const { res, text } = await readStream(server, { authorization: gw.bearer(USERS.patient) });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /text\/event-stream/);
    gw.contracts.events.push(
      event(12n, TX1, 'RecordAdded', {
        recordId: 'rec-1',
        patientId: 'pat-a00001',
        version: 1,
        audience: [MSP],
      }),
    );
    await until(() => text().includes('RecordAdded'));
    assert.match(
      text(),
      new RegExp(
        `id: 12:${TX1}\nevent: RecordAdded\ndata: \\{"eventName":"RecordAdded","blockNumber":12,"transactionId":"${TX1}","payload":\\{"recordId":"rec-1"`,
      ),
    );
    assert.deepEqual(gw.contracts.events.positions, [undefined]);
  });

  it('resumes right after the Last-Event-ID checkpoint', async () => {
    await readStream(server, {
      authorization: gw.bearer(USERS.patient),
      'last-event-id': `12:${TX1}`,
    });
    await until(() => gw.contracts.events.positions.length === 1);
    assert.deepEqual(gw.contracts.events.positions, [
      { after: { blockNumber: 12n, transactionId: TX1 } },
    ]);
  });

  it('starts at a block when asked with fromBlock, and filters by event name', async () => {
    const { text } = await readStream(
      server,
      { authorization: gw.bearer(USERS.patient) },
      '/events?fromBlock=3&names=ConsentGranted',
    );
    const mine = { patientId: 'pat-a00001', audience: [MSP] };
    gw.contracts.events.push(event(3n, TX1, 'RecordAdded', mine));
    gw.contracts.events.push(event(4n, TX2, 'ConsentGranted', { consentId: 'c-1', ...mine }));
    await until(() => text().includes('ConsentGranted'));
    assert.ok(!text().includes('RecordAdded'));
    assert.deepEqual(gw.contracts.events.positions, [{ fromBlock: 3n }]);
  });

  it("carries only the events whose audience names the user's organisation", async () => {
    const { text } = await readStream(server, { authorization: gw.bearer(USERS.registrar) });
    gw.contracts.events.push(
      event(5n, TX1, 'PatientRegistered', { patientId: 'pat-b1', audience: ['ProviderBMSP'] }),
    );
    gw.contracts.events.push(
      event(6n, TX1, 'CredentialIssued', { licenceNumber: 'l-9', audience: ['*'] }),
    );
    gw.contracts.events.push(
      event(7n, TX2, 'PatientRegistered', { patientId: 'pat-a9', audience: [MSP] }),
    );
    await until(() => text().includes('pat-a9'));
    assert.ok(!text().includes('pat-b1'), "another organisation's registration is not streamed");
    assert.ok(text().includes('l-9'), 'a public fact (audience *) is streamed');
  });

  it('carries to a patient only the events about themself', async () => {
    const { text } = await readStream(server, { authorization: gw.bearer(USERS.patient) });
    gw.contracts.events.push(
      event(5n, TX1, 'RecordAdded', {
        recordId: 'rec-other',
        patientId: 'pat-a00002',
        audience: [MSP],
      }),
    );
    gw.contracts.events.push(
      event(6n, TX1, 'CredentialIssued', { licenceNumber: 'l-9', audience: ['*'] }),
    );
    gw.contracts.events.push(
      event(7n, TX2, 'RecordAdded', {
        recordId: 'rec-mine',
        patientId: 'pat-a00001',
        audience: [MSP],
      }),
    );
    await until(() => text().includes('rec-mine'));
    assert.ok(!text().includes('rec-other'), "another patient's event is not streamed");
    assert.ok(!text().includes('l-9'), 'an event about no patient is not streamed to a patient');
  });

  it('sends keep-alive comments while nothing happens', async () => {
    const { text } = await readStream(server, { authorization: gw.bearer(USERS.patient) });
    await until(() => text().includes(': keep-alive'));
  });

  it('closes the ledger stream when the client goes away', async () => {
    const { res } = await readStream(server, { authorization: gw.bearer(USERS.patient) });
    res.destroy();
    await until(() => gw.contracts.events.closed === 1);
    await until(() => gw.streams.size === 0);
  });

  it('ends every stream on shutdown', async () => {
    const { res } = await readStream(server, { authorization: gw.bearer(USERS.patient) });
    const ended = new Promise((resolve) => res.on('end', resolve));
    await until(() => gw.streams.size === 1);
    gw.streams.closeAll();
    await ended;
    assert.equal(gw.contracts.events.closed, 1);
  });

  it('with a malformed Last-Event-ID responds 400', async () => {
    const { res } = await readStream(server, {
      authorization: gw.bearer(USERS.patient),
      'last-event-id': 'yesterday',
    });
    assert.equal(res.statusCode, 400);
  });

  it('without a token responds 401', async () => {
    const { res } = await readStream(server, {});
    assert.equal(res.statusCode, 401);
  });
});
