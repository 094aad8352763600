/**
 * Every place under the network's home where a node keeps data, as the scripts lay it out
 * (scripts/lib/paths.sh, nodes.sh, ca.sh, gateway.sh, chaincode.sh): each peer's and each
 * orderer's node folder (ledgers, private data and transient stores, block files, Raft WAL,
 * its MSP), each organisation's CA and identities, each gateway's folder and wallet, the
 * chaincode packages (the chaincode servers keep no folder of their own), every log, and
 * whatever else lies in the home, so nothing on disk goes unsearched.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const repo = join(__dirname, '..', '..', '..', '..');

export type PlaceKind = 'peer' | 'orderer' | 'ca' | 'gateway' | 'chaincode' | 'logs' | 'other';

export interface Place {
  readonly name: string;
  readonly kind: PlaceKind;
  /** The MSP ID of the organisation that runs it, if one does. */
  readonly mspId?: string;
  /** Its files, as absolute paths. */
  readonly files: readonly string[];
}

interface Org {
  readonly name: string;
  readonly mspId: string;
  readonly kind: 'orderer' | 'peer';
}

function orgs(): Org[] {
  const text = readFileSync(join(repo, 'network', 'network.json'), 'utf8');
  return (JSON.parse(text) as { orgs: Org[] }).orgs;
}

/** Regular files under PATH (symbolic links not followed: their target is elsewhere). */
function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(path, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) found.push(join(entry.parentPath, entry.name));
  }
  return found;
}

/** The places of the network at HOME; SKIP names files of the home that are not the network's. */
export function places(home: string, skip: readonly string[]): Place[] {
  const found: Place[] = [];
  for (const org of orgs()) {
    const dir = join(home, 'orgs', org.name);
    const nodes = join(dir, 'nodes');
    for (const node of existsSync(nodes) ? readdirSync(nodes).sort() : []) {
      const files = filesUnder(join(nodes, node));
      found.push({ name: `${org.name}.${node}`, kind: org.kind, mspId: org.mspId, files });
    }
    const identities = filesUnder(dir).filter((f) => !f.startsWith(`${nodes}/`));
    found.push({ name: `${org.name}.ca`, kind: 'ca', mspId: org.mspId, files: identities });
    const gateway = filesUnder(join(home, 'gateways', org.name));
    if (gateway.length > 0) {
      found.push({
        name: `${org.name}.gateway`,
        kind: 'gateway',
        mspId: org.mspId,
        files: gateway,
      });
    }
  }
  found.push({ name: 'chaincode', kind: 'chaincode', files: filesUnder(join(home, 'chaincode')) });
  found.push({ name: 'logs', kind: 'logs', files: filesUnder(join(home, 'logs')) });
  const placed = new Set([...found.flatMap((p) => p.files), ...skip]);
  const rest = filesUnder(home).filter((f) => !placed.has(f));
  found.push({ name: 'other', kind: 'other', files: rest });
  return found;
}

/** PATH as shown in a finding: relative to the network's home. */
export function shown(home: string, path: string): string {
  return relative(home, path);
}
