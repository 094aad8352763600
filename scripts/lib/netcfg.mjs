// Reads network/network.json (the network as data) for the bash scripts: prints one line per
// organisation, node or user for `while read` loops, and renders the Fabric YAML configs
// (configtx.yaml, each peer's core.yaml) from that data and Fabric's own sampleconfig.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const net = JSON.parse(readFileSync(join(repo, 'network', 'network.json'), 'utf8'));
// A second network beside the first (tests, fault drills) shifts every port by this much.
const offset = Number(process.env.HEALTHLEDGER_PORT_OFFSET ?? 0);
for (const o of net.orgs) {
  o.portBase += offset;
  o.caPort += offset;
  if (o.gatewayPort) o.gatewayPort += offset;
}
const host = net.host;

const orgByName = (name) => {
  const org = net.orgs.find((o) => o.name === name);
  if (!org) throw new Error(`unknown organisation ${name}`);
  return org;
};

/** Ports of node i: listen, operations, admin (orderer) or chaincode (peer), chaincode server. */
export function nodesOf(org) {
  return Array.from({ length: org.nodes }, (_, i) => {
    const base = org.portBase + i * 10;
    const name = org.kind === 'orderer' ? `orderer${i}` : `peer${i}`;
    return {
      org: org.name,
      mspId: org.mspId,
      kind: org.kind,
      index: i,
      name,
      listen: base,
      ops: base + 2,
      extra: base + 1,
      ccServer: base + 3,
    };
  });
}

const allNodes = () => net.orgs.flatMap(nodesOf);
const orgDir = (home, org) => join(home, 'orgs', org);
const nodeDir = (home, n) => join(orgDir(home, n.org), 'nodes', n.name);

function configtx(home) {
  const orgs = net.orgs.map((o) => {
    const roles = o.kind === 'orderer' ? ['member'] : ['admin', 'peer', 'client'];
    const any = (rs) => `OR(${rs.map((r) => `'${o.mspId}.${r}'`).join(', ')})`;
    const org = {
      Name: o.mspId,
      ID: o.mspId,
      MSPDir: join(orgDir(home, o.name), 'msp'),
      Policies: {
        Readers: { Type: 'Signature', Rule: any(roles) },
        Writers: {
          Type: 'Signature',
          Rule: any(o.kind === 'orderer' ? ['member'] : ['admin', 'client']),
        },
        Admins: { Type: 'Signature', Rule: any(['admin']) },
      },
    };
    if (o.kind === 'orderer') {
      org.OrdererEndpoints = nodesOf(o).map((n) => `${host}:${n.listen}`);
    } else {
      org.Policies.Endorsement = { Type: 'Signature', Rule: any(['peer']) };
      org.AnchorPeers = nodesOf(o)
        .slice(0, 1)
        .map((n) => ({ Host: host, Port: n.listen }));
    }
    return org;
  });
  const ordererOrg = net.orgs.find((o) => o.kind === 'orderer');
  const implicit = (rule, name) => ({ Type: 'ImplicitMeta', Rule: `${rule} ${name}` });
  const doc = {
    Profiles: {
      [net.channel]: {
        Policies: {
          Readers: implicit('ANY', 'Readers'),
          Writers: implicit('ANY', 'Writers'),
          Admins: implicit('MAJORITY', 'Admins'),
        },
        Capabilities: { V3_0: true },
        Orderer: {
          OrdererType: 'etcdraft',
          BatchTimeout: net.orderer.batchTimeout,
          BatchSize: {
            MaxMessageCount: net.orderer.maxMessageCount,
            AbsoluteMaxBytes: net.orderer.absoluteMaxBytes,
            PreferredMaxBytes: net.orderer.preferredMaxBytes,
          },
          EtcdRaft: {
            Consenters: nodesOf(ordererOrg).map((n) => {
              const tls = join(nodeDir(home, n), 'tls', 'server.crt');
              return { Host: host, Port: n.listen, ClientTLSCert: tls, ServerTLSCert: tls };
            }),
          },
          Organizations: orgs.filter((o) => o.ID === ordererOrg.mspId),
          Policies: {
            Readers: implicit('ANY', 'Readers'),
            Writers: implicit('ANY', 'Writers'),
            Admins: implicit('MAJORITY', 'Admins'),
            BlockValidation: implicit('ANY', 'Writers'),
          },
          Capabilities: { V2_0: true },
        },
        Application: {
          Organizations: orgs.filter((o) => o.ID !== ordererOrg.mspId),
          Policies: {
            Readers: implicit('ANY', 'Readers'),
            Writers: implicit('ANY', 'Writers'),
            Admins: implicit('MAJORITY', 'Admins'),
            LifecycleEndorsement: implicit('MAJORITY', 'Endorsement'),
            Endorsement: implicit('ANY', 'Endorsement'),
          },
          // V2_5 enables purgePrivateData, which erasure needs.
          Capabilities: { V2_5: true },
        },
      },
    },
  };
  return YAML.stringify(doc);
}

function core(sampleconfig, home, orgName, index) {
  const org = orgByName(orgName);
  const n = nodesOf(org)[Number(index)];
  const doc = YAML.parse(readFileSync(join(sampleconfig, 'core.yaml'), 'utf8'));
  // Chaincode runs as a service; the peer reaches it through this project's external builder.
  doc.chaincode.externalBuilders = [
    {
      name: 'healthledger-ccaas',
      path: join(repo, 'network', 'builders', 'ccaas'),
      propagateEnvironment: ['HEALTHLEDGER_CC_ADDRESS', 'HEALTHLEDGER_CC_TLS_ROOTCERT'],
    },
  ];
  // No Docker: an empty endpoint also drops the Docker health check.
  doc.vm.endpoint = '';
  // An invalid transaction's missing private data is not worth waiting for at commit, and
  // missing private data of valid ones is better fetched by the reconciler than by a 60 s stall.
  doc.peer.gossip.pvtData.skipPullingInvalidTransactionsDuringCommit = true;
  doc.peer.gossip.pvtData.pullRetryThreshold = '5s';
  doc.peer.gossip.pvtData.reconcileSleepInterval = '10s';
  doc.peer.fileSystemPath = join(nodeDir(home, n), 'data');
  doc.ledger.snapshots.rootDir = join(nodeDir(home, n), 'data', 'snapshots');
  writeFileSync(join(nodeDir(home, n), 'config', 'core.yaml'), YAML.stringify(doc));
}

const [cmd, ...args] = process.argv.slice(2);
const out = (rows) =>
  process.stdout.write(rows.map((r) => r.join(' ')).join('\n') + (rows.length ? '\n' : ''));

switch (cmd) {
  case 'get': // a top-level path like channel or chaincode.name
    console.log(args[0].split('.').reduce((v, k) => v[k], net));
    break;
  case 'orgs': // name mspId kind caPort gatewayPort
    out(
      net.orgs
        .filter((o) => !args[0] || o.kind === args[0])
        .map((o) => [o.name, o.mspId, o.kind, o.caPort, o.gatewayPort ?? 0]),
    );
    break;
  case 'nodes': // org index name kind listen ops extra ccServer mspId
    out(
      allNodes()
        .filter((n) => !args[0] || n.kind === args[0])
        .map((n) => [
          n.org,
          n.index,
          n.name,
          n.kind,
          n.listen,
          n.ops,
          n.extra,
          n.ccServer,
          n.mspId,
        ]),
    );
    break;
  case 'users': // id type attrs (fabric-ca-client --id.attrs form, ecert)
    out(
      orgByName(args[0]).users.map((u) => [
        u.id,
        u.type,
        Object.entries(u.attrs)
          .map(([k, v]) => `${k}=${v}:ecert`)
          .join(','),
      ]),
    );
    break;
  case 'configtx':
    writeFileSync(join(args[1], 'configtx.yaml'), configtx(args[0]));
    break;
  case 'core':
    core(args[0], args[1], args[2], args[3]);
    break;
  default:
    console.error(
      'usage: netcfg.mjs get PATH | orgs [kind] | nodes [kind] | users ORG | configtx HOME OUTDIR | core SAMPLECONFIG HOME ORG INDEX',
    );
    process.exit(2);
}
