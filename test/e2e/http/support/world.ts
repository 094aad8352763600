/**
 * The people of one HTTP end-to-end run, made through the gateways themselves: each
 * organisation's admin registers fresh users at its CA (POST /admin/users), who then log in;
 * the board's officer licenses physicians (POST /credentials). Also waits, after a write,
 * until every peer has the block, since the next request may be endorsed elsewhere.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { Peers } from '../../support/claims-flow';
import { MSP, type OrgName, type TestNetwork } from '../../support/network';
import { bodyOf, expectStatus, GatewayClient, type User } from './http';

export const ORGS: readonly OrgName[] = ['providera', 'providerb', 'insurer', 'board'];

export function runId(): string {
  return randomBytes(4).toString('hex');
}

/** YYYY-MM-DD, OFFSET days from today (UTC). */
export function day(offset = 0): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

const Registered = z.strictObject({
  enrollmentId: z.string(),
  password: z.string().min(1),
  attributes: z.record(z.string(), z.string()),
});

export class World {
  readonly #clients = new Map<OrgName, GatewayClient>();
  readonly #admins = new Map<OrgName, Promise<User>>();
  readonly #peers: Promise<Peers>;

  constructor(net: TestNetwork) {
    this.#peers = Peers.of(net);
  }

  client(org: OrgName): GatewayClient {
    let client = this.#clients.get(org);
    if (!client) {
      client = new GatewayClient(org);
      this.#clients.set(org, client);
    }
    return client;
  }

  /** A user of network.json, logged in with their enrolment secret. */
  login(org: OrgName, userId: string): Promise<User> {
    return this.client(org).login(userId);
  }

  /** A new user registered by the organisation's admin, logged in. */
  async newUser(
    org: OrgName,
    id: string,
    attrs: { role: string; patientId?: string; practitionerId?: string },
  ): Promise<User> {
    let admin = this.#admins.get(org);
    if (!admin) {
      admin = this.login(org, 'orgadmin');
      this.#admins.set(org, admin);
    }
    const res = expectStatus(
      await (await admin).post('/admin/users', { enrollmentId: id, ...attrs }),
      201,
    );
    return this.client(org).login(id, bodyOf(Registered, res).password);
  }

  /** A new physician of ORG with an active licence from the board; waits until all peers know it. */
  async licensedPhysician(org: OrgName, practitionerId: string): Promise<User> {
    const [physician, officer] = await Promise.all([
      this.newUser(org, practitionerId, { role: 'physician', practitionerId }),
      this.login('board', 'officer1'),
    ]);
    const issued = expectStatus(
      await officer.post('/credentials', {
        practitionerId,
        licenceNumber: `LIC-${practitionerId}`,
        licenceType: 'physician',
        organisation: MSP[org],
        specialty: 'internal medicine',
        jurisdiction: 'US-CA',
        validFrom: day(-1),
        validTo: day(365),
      }),
      201,
    );
    await this.settle(bodyOf(z.object({ blockNumber: z.int() }), issued).blockNumber);
    return physician;
  }

  /** Waits until every peer has committed BLOCK. */
  async settle(block: number): Promise<void> {
    await (await this.#peers).settle(BigInt(block), 30_000);
  }

  close(): void {
    for (const client of this.#clients.values()) client.close();
  }
}
