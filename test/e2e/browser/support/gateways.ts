/**
 * The gateways as the browser tests reach them. The URL honours HEALTHLEDGER_PORT_OFFSET (as
 * scripts/lib/netcfg.mjs does), so the tests run against any local network, not only the
 * default one; test/e2e/http/support/gateways.ts's gatewayUrl does not shift the port.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OrgName } from '../../support/network';
import { GatewayClient } from '../../http/support/http';

export { passwordOf, tlsRoot } from '../../http/support/gateways';

const repo = join(__dirname, '..', '..', '..', '..', '..');
const description = JSON.parse(readFileSync(join(repo, 'network', 'network.json'), 'utf8')) as {
  host: string;
  orgs: { name: string; gatewayPort?: number }[];
};
const offset = Number(process.env.HEALTHLEDGER_PORT_OFFSET ?? 0);

export function gatewayUrl(org: OrgName): string {
  const port = description.orgs.find((o) => o.name === org)?.gatewayPort;
  if (port === undefined) throw new Error(`${org} has no gatewayPort in network.json`);
  return `https://${description.host}:${port + offset}`;
}

/** A JSON client of ORG's gateway at the shifted port, trusting the organisation's CA. */
export function gatewayClient(org: OrgName): GatewayClient {
  return new GatewayClient(org, gatewayUrl(org));
}

/** Where the tests save screenshots (gitignored). */
export const SCREENSHOTS = join(repo, 'artifacts', 'screenshots');
