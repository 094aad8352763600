/**
 * The benchmark's users, each usable on both paths under the same name and attributes: made
 * by the organisation's admin through the gateway (POST /admin/users), signed in to the
 * gateway (POST /auth/login, re-done before the 15-minute token expires; the requests then go
 * through the bench's own lean HTTPS client, http-client.ts) and, for the SDK
 * path, enrolled once more at the same CA in this process (key in memory only) with a Gateway
 * SDK session over the one gRPC connection per peer that TestNetwork keeps.
 */
import { createPrivateKey } from 'node:crypto';
import { type Gateway, hash, signers } from '@hyperledger/fabric-gateway';
import { z } from 'zod';
import { newCaClient } from '../../gateway/src/ca/ca-client';
import { loadRegistrar } from '../../gateway/src/ca/registrar';
import { newGateway } from '../../gateway/src/fabric/connection';
import { loadMspIdentity, newSigningIdentity } from '../../gateway/src/fabric/identity';
import { Transactions } from '../../gateway/src/fabric/transactions';
import { bodyOf, expectStatus, GatewayClient, type User } from '../../test/e2e/http/support/http';
import { passwordOf, tlsRoot } from '../../test/e2e/http/support/gateways';
import {
  CHAINCODE,
  CHANNEL,
  caPort,
  host,
  MSP,
  NETWORK_HOME,
  type OrgName,
  type TestNetwork,
} from '../../test/e2e/support/network';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatewayUrl } from './env';
import { type HttpClient, type HttpSession, newHttpClient } from './http-client';

export type ContractName = 'records' | 'consent' | 'credentials' | 'claims';

export interface Attributes {
  readonly role: string;
  readonly patientId?: string;
  readonly practitionerId?: string;
}

/** Tokens live 15 minutes. Before each HTTP step the benchmark signs in again every user whose
 * token is older than REFRESH_AFTER_MS (no step lasts that long), so a sign-in never lands
 * inside a measured step; http() itself only signs in again past EXPIRES_SOON_MS. */
export const REFRESH_AFTER_MS = 5 * 60_000;
const EXPIRES_SOON_MS = 13 * 60_000;

const Registered = z.object({ password: z.string().min(1) });

/** One gateway as the benchmark uses it: sign-ins through the end-to-end tests' client (not
 * measured), every measured request through the lean one. */
export interface GatewayEndpoint {
  readonly login: GatewayClient;
  readonly requests: HttpClient;
}

/** One user of the benchmark on both paths. */
export class Party {
  readonly org: OrgName;
  readonly id: string;
  readonly attrs: Attributes;
  readonly gateway: Gateway;
  readonly #endpoint: GatewayEndpoint;
  readonly #password: string;
  readonly #contracts = new Map<ContractName, Transactions>();
  #login: { at: number; session: Promise<HttpSession> } | undefined;
  /** Signed in anew and no request since: the gateway opens the wallet entry (scrypt, about
   * 50 ms) on the first request of a session, which a measured step should not pay. */
  cold = true;

  constructor(
    org: OrgName,
    id: string,
    attrs: Attributes,
    password: string,
    endpoint: GatewayEndpoint,
    gateway: Gateway,
  ) {
    this.org = org;
    this.id = id;
    this.attrs = attrs;
    this.#password = password;
    this.#endpoint = endpoint;
    this.gateway = gateway;
  }

  /** The signed-in gateway user (HTTP path); signs in again when the token is older than
   * OLDER_THAN_MS. */
  http(olderThanMs = EXPIRES_SOON_MS): Promise<HttpSession> {
    if (this.#login === undefined || Date.now() - this.#login.at > olderThanMs) {
      const { login, requests } = this.#endpoint;
      const session = login.login(this.id, this.#password).then((u) => requests.session(u.token));
      this.#login = { at: Date.now(), session };
      this.cold = true;
    }
    return this.#login.session;
  }

  /** Transactions of one contract (SDK path); MVCC retries are left to the caller, who counts them. */
  contract(name: ContractName): Transactions {
    let tx = this.#contracts.get(name);
    if (!tx) {
      tx = new Transactions(this.gateway.getNetwork(CHANNEL).getContract(CHAINCODE, name), {
        maxAttempts: 1,
      });
      this.#contracts.set(name, tx);
    }
    return tx;
  }
}

export class Directory {
  readonly #net: TestNetwork;
  readonly #maxSockets: number;
  readonly #clients = new Map<OrgName, GatewayClient>();
  readonly #endpoints = new Map<OrgName, GatewayEndpoint>();
  readonly #admins = new Map<OrgName, Promise<User>>();
  readonly #gateways: Gateway[] = [];
  readonly #signer: 'native' | 'sdk';

  constructor(net: TestNetwork, maxSockets: number, signer: 'native' | 'sdk' = 'native') {
    this.#net = net;
    this.#maxSockets = maxSockets;
    this.#signer = signer;
  }

  /** ORG's gateway for sign-ins and set-up: one keep-alive HTTPS agent, at most maxSockets
   * connections. */
  client(org: OrgName): GatewayClient {
    let client = this.#clients.get(org);
    if (!client) {
      client = new GatewayClient(org, gatewayUrl(org));
      client.agent.maxSockets = this.#maxSockets;
      this.#clients.set(org, client);
    }
    return client;
  }

  /** ORG's gateway for the measured requests too: one more keep-alive agent, at most maxSockets
   * connections. */
  endpoint(org: OrgName): GatewayEndpoint {
    let endpoint = this.#endpoints.get(org);
    if (!endpoint) {
      const requests = newHttpClient({
        url: gatewayUrl(org),
        ca: tlsRoot(org),
        maxSockets: this.#maxSockets,
      });
      endpoint = { login: this.client(org), requests };
      this.#endpoints.set(org, endpoint);
    }
    return endpoint;
  }

  /** A user of network.json (registrar1, officer1, ...): its MSP folder and enrolment secret. */
  async existing(org: OrgName, userId: string, attrs: Attributes): Promise<Party> {
    const mspDir = join(NETWORK_HOME, 'orgs', org, 'users', userId, 'msp');
    const gateway = newGateway(this.#net.client(org), await loadMspIdentity(MSP[org], mspDir));
    this.#gateways.push(gateway);
    const password = passwordOf(org, userId);
    return new Party(org, userId, attrs, password, this.endpoint(org), gateway);
  }

  /** A new user registered by ORG's admin through the gateway, enrolled for the SDK path. */
  async create(org: OrgName, id: string, attrs: Attributes): Promise<Party> {
    let admin = this.#admins.get(org);
    if (!admin) {
      admin = this.client(org).login('orgadmin');
      this.#admins.set(org, admin);
    }
    const res = await (await admin).post('/admin/users', { enrollmentId: id, ...attrs });
    const { password } = bodyOf(Registered, expectStatus(res, 201));
    const credentials = await (await this.#ca(org)).enroll(id, password);
    let identity = newSigningIdentity(MSP[org], credentials.certificate, credentials.privateKey);
    if (this.#signer === 'sdk') {
      // The Gateway SDK's own signer (pure JavaScript), as the gateway signed before.
      const signer = signers.newPrivateKeySigner(createPrivateKey(credentials.privateKey));
      identity = { ...identity, signer, hash: hash.sha256 };
    }
    const gateway = newGateway(this.#net.client(org), identity);
    this.#gateways.push(gateway);
    return new Party(org, id, attrs, password, this.endpoint(org), gateway);
  }

  readonly #cas = new Map<OrgName, ReturnType<typeof newCaClient>>();

  async #ca(org: OrgName) {
    let ca = this.#cas.get(org);
    if (!ca) {
      const orgDir = join(NETWORK_HOME, 'orgs', org);
      ca = newCaClient({
        url: `https://${host}:${caPort(org)}`,
        caName: `ca-${org}`,
        tlsRootCert: readFileSync(join(orgDir, 'ca', 'ca-cert.pem')),
        registrar: await loadRegistrar(join(orgDir, 'ca-admin', 'msp')),
      });
      this.#cas.set(org, ca);
    }
    return ca;
  }

  close(): void {
    for (const g of this.#gateways) g.close();
    for (const c of this.#clients.values()) c.close();
    for (const e of this.#endpoints.values()) e.requests.close();
  }
}

/** Runs TASKS with at most LIMIT at a time; the results in order. */
export async function limited<T>(
  tasks: readonly (() => Promise<T>)[],
  limit: number,
): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      const task = tasks[i];
      if (task) results[i] = await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
