/**
 * Events by audience, through the real HTTPS gateways: ProviderA registers two patients and
 * files a record, and ProviderB's own gateway, asked for the stream from that block by a
 * ProviderB user, must not pass on any of it; a ProviderA user's stream carries it, each event
 * naming ProviderAMSP in its audience; and ProviderA's patient sees only events about themself.
 * Each stream is read until a later event it must carry (ProviderB's own registration, the
 * patient's own read), so an absence means filtered, not not-yet-arrived.
 */
import assert from 'node:assert/strict';
import { z } from 'zod';
import { EventName, EVERY_ORGANISATION } from '../../../chaincode/src/shared/events';
import { MSP, TestNetwork } from '../support/network';
import { bodyOf, committedOf, expectStatus, type User } from '../http/support/http';
import { aboutPatient, EventReader, type SseEvent } from '../http/support/sse';
import { runId, World } from '../http/support/world';
import { note } from './support/table';

const Registered = committedOf(z.object({ patientId: z.string() }));
const Filed = committedOf(z.object({ recordId: z.string() }));
const Read = z.object({ access: z.object({ blockNumber: z.int() }) });

const demographicsOf = (run: string) => ({
  mrn: `MRN-ADV${run}`,
  givenName: `Hesketh${run}`,
  familyName: `Worthington${run}`,
  birthDate: '1949-11-02',
});

const names = (events: readonly SseEvent[]) => events.map((e) => e.event);

describe('events by audience, through the gateways', function () {
  this.timeout(180_000);
  const net = new TestNetwork();
  const world = new World(net);
  const run = runId();
  // Made by the chaincode at registration.
  let patientId = '';
  let neighbourId = '';
  let patientBId = '';
  const streams: EventReader[] = [];
  let fromBlock: number;
  let streamA: EventReader;
  let streamB: EventReader;
  let streamPatient: EventReader;

  /** The new patient's pseudonym and the block of the registration. */
  async function register(
    registrar: User,
    suffix: string,
  ): Promise<{ patientId: string; blockNumber: number }> {
    const res = await registrar.post('/patients', {
      demographics: demographicsOf(`${run}${suffix}`),
    });
    const { result, blockNumber } = bodyOf(Registered, expectStatus(res, 201));
    await world.settle(blockNumber);
    return { patientId: result.patientId, blockNumber };
  }

  async function open(user: User): Promise<EventReader> {
    const reader = await EventReader.open(user, { query: `?fromBlock=${fromBlock}` });
    streams.push(reader);
    assert.equal(reader.status, 200);
    return reader;
  }

  before(async () => {
    const [registrarA, registrarB, physicianA] = await Promise.all([
      world.login('providera', 'registrar1'),
      world.login('providerb', 'registrar1'),
      world.licensedPhysician('providera', `pr-adv-e-${run}`),
    ]);
    ({ patientId, blockNumber: fromBlock } = await register(registrarA, 'p'));
    const patient = await world.newUser('providera', `adv-${run}-events`, {
      role: 'patient',
      patientId,
    });
    const filed = bodyOf(
      Filed,
      expectStatus(
        await physicianA.post(`/patients/${patientId}/records`, {
          resource: {
            resourceType: 'Observation',
            status: 'final',
            code: { text: `Haemoglobin adv${run}` },
            valueQuantity: { value: 13.7, unit: 'g/dL' },
          },
        }),
        201,
      ),
    );
    await world.settle(filed.blockNumber);
    ({ patientId: neighbourId } = await register(registrarA, 'n'));
    // The markers: later events that ProviderB's stream and the patient's must each carry.
    ({ patientId: patientBId } = await register(registrarB, 'b'));
    const read = bodyOf(
      Read,
      expectStatus(await patient.get(`/records/${filed.result.recordId}?purpose=treatment`), 200),
    );
    await world.settle(read.access.blockNumber);

    [streamA, streamB, streamPatient] = await Promise.all([
      open(registrarA),
      open(registrarB),
      open(patient),
    ]);
  });
  after(() => {
    for (const s of streams) s.close();
    world.close();
    net.close();
  });

  it("a ProviderA user's stream carries ProviderA's registration and record", async () => {
    await streamA.waitFor(
      (e) => e.event === EventName.RecordAdded && e.data.payload.patientId === patientId,
    );
    await streamA.waitFor(
      (e) => e.event === EventName.PatientRegistered && e.data.payload.patientId === neighbourId,
    );
    const carried = names(aboutPatient(streamA.events, patientId));
    note(
      "a ProviderA user streams ProviderA's events",
      'delivered',
      `delivered (${carried.join(', ')})`,
    );
    assert.deepEqual(carried.slice(0, 2), [EventName.PatientRegistered, EventName.RecordAdded]);
  });

  it('every event a ProviderA user receives names ProviderAMSP, or everyone, in its audience', async () => {
    await streamA.waitFor(
      (e) => e.event === EventName.PatientRegistered && e.data.payload.patientId === neighbourId,
    );
    const unaddressed = streamA.events.filter((e) => {
      const audience = z.array(z.string()).safeParse(e.data.payload.audience);
      return (
        !audience.success ||
        !(audience.data.includes(MSP.providera) || audience.data.includes(EVERY_ORGANISATION))
      );
    });
    assert.deepEqual(
      unaddressed.map((e) => `${e.event} ${JSON.stringify(e.data.payload)}`),
      [],
    );
  });

  it("a ProviderB user's stream from the same block carries none of ProviderA's events", async () => {
    await streamB.waitFor(
      (e) => e.event === EventName.PatientRegistered && e.data.payload.patientId === patientBId,
    );
    const leaked = [
      ...aboutPatient(streamB.events, patientId),
      ...aboutPatient(streamB.events, neighbourId),
    ];
    note(
      "a ProviderB user streams from the block of ProviderA's registration (GET /events)",
      "none of ProviderA's events",
      leaked.length === 0
        ? "filtered by ProviderB's gateway: none delivered"
        : `DELIVERED ${leaked.length} (${names(leaked).join(', ')})`,
    );
    assert.deepEqual(
      leaked.map((e) => `${e.event} ${JSON.stringify(e.data.payload)}`),
      [],
    );
  });

  it("ProviderA's patient receives only the events about themself", async () => {
    await streamPatient.waitFor(
      (e) => e.event === EventName.RecordAccessed && e.data.payload.patientId === patientId,
    );
    const others = streamPatient.events.filter((e) => e.data.payload.patientId !== patientId);
    note(
      "ProviderA's patient streams from the block of their registration",
      'only their own events',
      others.length === 0
        ? 'only their own delivered'
        : `DELIVERED ${others.length} not theirs (${names(others).join(', ')})`,
    );
    assert.deepEqual(
      others.map((e) => `${e.event} ${JSON.stringify(e.data.payload)}`),
      [],
    );
    assert.deepEqual(names(aboutPatient(streamPatient.events, patientId)).slice(0, 2), [
      EventName.PatientRegistered,
      EventName.RecordAdded,
    ]);
  });
});
