/**
 * The running gateways as the HTTP end-to-end tests see them: each organisation's URL from
 * network/network.json (gatewayPort), its TLS root from the network's home, and the
 * passwords of the users of network.json (enrollment.secret).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NETWORK_HOME, type OrgName } from '../../support/network';

const repo = join(__dirname, '..', '..', '..', '..', '..');
const description = JSON.parse(readFileSync(join(repo, 'network', 'network.json'), 'utf8')) as {
  host: string;
  orgs: { name: string; portBase: number; gatewayPort?: number }[];
};

/** Every port moves by this much on a second network (scripts/lib/fabric-env.sh). */
const offset = Number(process.env.HEALTHLEDGER_PORT_OFFSET ?? 0);

export const REPO = repo;
export const HOST = description.host;

export function gatewayUrl(org: OrgName): string {
  const port = description.orgs.find((o) => o.name === org)?.gatewayPort;
  if (port === undefined) throw new Error(`${org} has no gatewayPort in network.json`);
  return `https://${HOST}:${port + offset}`;
}

/** The listen port of the organisation's first peer. */
export function peerPort(org: OrgName): number {
  const found = description.orgs.find((o) => o.name === org);
  if (!found) throw new Error(`unknown organisation ${org}`);
  return found.portBase + offset;
}

/** The organisation's CA certificate: the root of its gateway's TLS certificate. */
export function tlsRoot(org: OrgName): Buffer {
  return readFileSync(join(NETWORK_HOME, 'orgs', org, 'msp', 'tlscacerts', 'ca.pem'));
}

/** The enrolment password of a user listed in network.json. */
export function passwordOf(org: OrgName, userId: string): string {
  return readFileSync(
    join(NETWORK_HOME, 'orgs', org, 'users', userId, 'enrollment.secret'),
    'utf8',
  ).trim();
}

export function gatewayDir(org: OrgName): string {
  return join(NETWORK_HOME, 'gateways', org);
}
