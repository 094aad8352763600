/**
 * The people of a browser test, made fresh for each run through the gateways themselves: an
 * organisation's admin registers users at its CA (POST /admin/users answers their password,
 * which the test then types into the console's login form), the board's officer licenses
 * physicians, a registrar registers patients. Writes made outside the browser wait until
 * every peer has their block, since the next step may be endorsed by another organisation.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { Peers } from '../../support/claims-flow';
import { MSP, type OrgName, type TestNetwork } from '../../support/network';
import { day, person } from '../../support/people';
import { bodyOf, expectStatus, type GatewayClient, type User } from '../../http/support/http';
import { gatewayClient } from './gateways';

export function runId(): string {
  return randomBytes(4).toString('hex');
}

export interface Credentials {
  readonly org: OrgName;
  readonly enrollmentId: string;
  readonly password: string;
}

const Registered = z.object({ enrollmentId: z.string(), password: z.string().min(1) });
const Committed = z.object({ result: z.record(z.string(), z.unknown()), blockNumber: z.int() });

export class People {
  readonly #clients = new Map<OrgName, GatewayClient>();
  readonly #users = new Map<string, Promise<User>>();
  readonly #net: TestNetwork;
  #peers: Promise<Peers> | undefined;

  constructor(net: TestNetwork) {
    this.#net = net;
  }

  client(org: OrgName): GatewayClient {
    let client = this.#clients.get(org);
    if (!client) {
      client = gatewayClient(org);
      this.#clients.set(org, client);
    }
    return client;
  }

  /** A user of network.json (orgadmin, registrar1, officer1, ...), signed in once. */
  as(org: OrgName, userId: string): Promise<User> {
    const key = `${org}/${userId}`;
    let user = this.#users.get(key);
    if (!user) {
      user = this.client(org).login(userId);
      this.#users.set(key, user);
    }
    return user;
  }

  /** A new user of ORG's CA with these attributes; their password for the login form. */
  async newUser(
    org: OrgName,
    enrollmentId: string,
    attrs: { role: string; patientId?: string; practitionerId?: string },
  ): Promise<Credentials> {
    const admin = await this.as(org, 'orgadmin');
    const res = expectStatus(await admin.post('/admin/users', { enrollmentId, ...attrs }), 201);
    return { org, enrollmentId, password: bodyOf(Registered, res).password };
  }

  /** A new physician of ORG with an active licence; waits until every peer knows it. */
  async licensedPhysician(org: OrgName, practitionerId: string): Promise<Credentials> {
    const physician = await this.newUser(org, practitionerId, {
      role: 'physician',
      practitionerId,
    });
    const officer = await this.as('board', 'officer1');
    await this.committed(officer, '/credentials', {
      practitionerId,
      licenceNumber: `LIC-${practitionerId}`,
      licenceType: 'physician',
      organisation: MSP[org],
      specialty: 'internal medicine',
      jurisdiction: 'US-CA',
      validFrom: day(-1),
      validTo: day(365),
    });
    return physician;
  }

  /** ORG's registrar registers a patient (demographics unique to RUN); then a patient user.
   * The pseudonym is the chaincode's. */
  async newPatient(org: OrgName, run: string): Promise<Credentials & { patientId: string }> {
    const registrar = await this.as(org, 'registrar1');
    const result = await this.committed(registrar, '/patients', { demographics: person(run) });
    const patientId = z.string().parse(result.patientId);
    const user = await this.newUser(org, patientId, { role: 'patient', patientId });
    return { ...user, patientId };
  }

  /** WHO files RESOURCE for PATIENTID; the new record's ID. */
  async addRecord(who: Credentials, patientId: string, resource: unknown): Promise<string> {
    const user = await this.client(who.org).login(who.enrollmentId, who.password);
    const result = await this.committed(user, `/patients/${patientId}/records`, { resource });
    return z.object({ recordId: z.string() }).parse(result).recordId;
  }

  /** POSTs BODY and waits until every peer has the block; the chaincode's result. */
  async committed(user: User, path: string, body: unknown): Promise<Record<string, unknown>> {
    const answer = bodyOf(Committed, expectStatus(await user.post(path, body), 201));
    await this.settle(answer.blockNumber);
    return answer.result;
  }

  /** Waits until every peer has committed BLOCK. */
  async settle(block: number): Promise<void> {
    // Connected on first use, so that loading a test file opens no connection.
    this.#peers ??= Peers.of(this.#net);
    await (await this.#peers).settle(BigInt(block), 30_000);
  }

  close(): void {
    for (const client of this.#clients.values()) client.close();
  }
}
