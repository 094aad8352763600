/**
 * The running local network as the end-to-end tests see it: organisations and ports from
 * network/network.json, identities enrolled by the real Fabric CAs under the network's home,
 * one gRPC connection per peer and a Gateway SDK session per user.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type * as grpc from '@grpc/grpc-js';
import type { Gateway, Network } from '@hyperledger/fabric-gateway';
import { newGateway, newGrpcClient } from '../../../gateway/src/fabric/connection';
import { loadMspIdentity } from '../../../gateway/src/fabric/identity';
import { Transactions } from '../../../gateway/src/fabric/transactions';

const repo = join(__dirname, '..', '..', '..', '..');
const description = JSON.parse(readFileSync(join(repo, 'network', 'network.json'), 'utf8')) as {
  host: string;
  channel: string;
  chaincode: { name: string };
  orgs: {
    name: string;
    mspId: string;
    kind: string;
    portBase: number;
    caPort: number;
    users: { id: string }[];
  }[];
};

// The same shift of every port that scripts/lib/netcfg.mjs applies.
const offset = Number(process.env.HEALTHLEDGER_PORT_OFFSET ?? 0);
for (const o of description.orgs) {
  o.portBase += offset;
  o.caPort += offset;
}

export const CHANNEL = description.channel;
export const host = description.host;
export const CHAINCODE = description.chaincode.name;
export const NETWORK_HOME = process.env.HEALTHLEDGER_NETWORK_HOME ?? join(repo, '.fabric');

export type OrgName = 'providera' | 'providerb' | 'insurer' | 'board';

export const MSP: Record<OrgName, string> = {
  providera: 'ProviderAMSP',
  providerb: 'ProviderBMSP',
  insurer: 'InsurerMSP',
  board: 'BoardMSP',
};

function org(name: string) {
  const found = description.orgs.find((o) => o.name === name);
  if (!found) throw new Error(`unknown organisation ${name}`);
  return found;
}

export function caPort(name: OrgName): number {
  return org(name).caPort;
}

export interface Session {
  readonly gateway: Gateway;
  readonly network: Network;
  /** Transactions of one contract of the healthledger chaincode. */
  contract(name: 'records' | 'consent' | 'credentials' | 'claims'): Transactions;
}

export class TestNetwork {
  readonly #clients = new Map<string, grpc.Client>();
  readonly #gateways: Gateway[] = [];

  /** The gRPC connection to an organisation's first peer. */
  client(orgName: OrgName): grpc.Client {
    let client = this.#clients.get(orgName);
    if (!client) {
      const o = org(orgName);
      client = newGrpcClient({
        address: `${description.host}:${o.portBase}`,
        tlsRootCert: readFileSync(
          join(NETWORK_HOME, 'orgs', orgName, 'msp', 'tlscacerts', 'ca.pem'),
        ),
      });
      this.#clients.set(orgName, client);
    }
    return client;
  }

  /** A session of USER of ORG (a user of network.json, or an MSP folder from enrolUser),
   * through the peer of VIA (default: the user's own org). */
  async as(
    orgName: OrgName,
    user: string | { mspDir: string },
    via: OrgName = orgName,
  ): Promise<Session> {
    const mspDir =
      typeof user === 'string'
        ? join(NETWORK_HOME, 'orgs', orgName, 'users', user, 'msp')
        : user.mspDir;
    const userId = typeof user === 'string' ? user : mspDir;
    if (!existsSync(mspDir))
      throw new Error(`no enrolled identity ${userId} of ${orgName} at ${mspDir}`);
    const gateway = newGateway(this.client(via), await loadMspIdentity(MSP[orgName], mspDir));
    this.#gateways.push(gateway);
    const network = gateway.getNetwork(CHANNEL);
    return {
      gateway,
      network,
      contract: (name) => new Transactions(network.getContract(CHAINCODE, name)),
    };
  }

  close(): void {
    for (const g of this.#gateways) g.close();
    for (const c of this.#clients.values()) c.close();
  }
}
