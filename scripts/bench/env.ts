/**
 * The network the benchmark runs against, as the scripts see it: network/network.json with
 * every port shifted by HEALTHLEDGER_PORT_OFFSET, the state under HEALTHLEDGER_NETWORK_HOME
 * (default .fabric), the gateways' URLs and the PID files of every process the scripts started.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NETWORK_HOME, type OrgName } from '../../test/e2e/support/network';

export const REPO = join(__dirname, '..', '..', '..');

const description = JSON.parse(readFileSync(join(REPO, 'network', 'network.json'), 'utf8')) as {
  host: string;
  orderer: { batchTimeout: string; maxMessageCount: number };
  orgs: { name: string; kind: string; nodes: number; portBase: number; gatewayPort?: number }[];
};

export const PORT_OFFSET = Number(process.env.HEALTHLEDGER_PORT_OFFSET ?? 0);
export const HOME = NETWORK_HOME;
export const PID_DIR = join(NETWORK_HOME, 'pids');
export const HOST = description.host;

/** The batch settings the channel was created with (network.json). */
export const DEFAULT_BATCH = {
  timeout: description.orderer.batchTimeout,
  maxMessageCount: description.orderer.maxMessageCount,
};

/** The HTTPS URL of ORG's gateway, with the port offset applied (the e2e helper ignores it). */
export function gatewayUrl(org: OrgName): string {
  const port = description.orgs.find((o) => o.name === org)?.gatewayPort;
  if (port === undefined) throw new Error(`${org} has no gatewayPort in network.json`);
  return `https://${HOST}:${port + PORT_OFFSET}`;
}

/** Counts of the network's nodes, for the report. */
export function shape(): { orderers: number; peers: number; orgs: number } {
  const orderers = description.orgs
    .filter((o) => o.kind === 'orderer')
    .reduce((n, o) => n + o.nodes, 0);
  const peerOrgs = description.orgs.filter((o) => o.kind === 'peer');
  return { orderers, peers: peerOrgs.reduce((n, o) => n + o.nodes, 0), orgs: peerOrgs.length };
}

/** The default home (.fabric) is the developer's network: tuning refuses to touch it. */
export function isDefaultHome(): boolean {
  return process.env.HEALTHLEDGER_NETWORK_HOME === undefined;
}

/** The listen port of ORG's first peer, with the port offset applied. */
export function peerPort(org: OrgName): number {
  const base = description.orgs.find((o) => o.name === org)?.portBase;
  if (base === undefined) throw new Error(`unknown organisation ${org}`);
  return base + PORT_OFFSET;
}
