/**
 * Issue 14's data-placement scan, run after the whole end-to-end suite on the same network:
 * every PHI value the run wrote (test/e2e/support/phi-ledger.ts) is looked for in every file
 * of every node (peers, orderers, CAs, gateways, chaincode packages) and in every log, and must
 * be found on each peer of its custodian and nowhere else: in no orderer's blocks, no other
 * peer, no log. An erased patient's values were purged from the private data, but LevelDB
 * keeps old bytes until it compacts: found on the custodian's disk they are reported, not
 * failed; found anywhere else they fail like any other.
 */
import assert from 'node:assert/strict';
import { z } from 'zod';
import { NETWORK_HOME, TestNetwork } from '../e2e/support/network';
import { PHI_WRITTEN, phiWritten } from '../e2e/support/phi-ledger';
import { entitled, type Finding, findings, matrix, missing, type Value } from './support/placement';
import { type Place, places, shown } from './support/places';
import { type FileSearch, search } from './support/search';

const PatientStatus = z.object({ status: z.string() });

/** The patients among PATIENTIDS whose public registration says erased. */
async function erasedOf(patientIds: readonly string[]): Promise<Set<string>> {
  const net = new TestNetwork();
  try {
    const records = (await net.as('insurer', 'adjudicator1')).contract('records');
    const erased = new Set<string>();
    for (const patientId of patientIds) {
      const text = await records.evaluate('getPatient', { args: [patientId] });
      if (PatientStatus.parse(JSON.parse(text)).status === 'erased') erased.add(patientId);
    }
    return erased;
  } finally {
    net.close();
  }
}

const describeFinding = (f: Finding) =>
  `${f.value.kind} ${JSON.stringify(f.value.value)} (custodian ${f.value.custodians.join(' + ')}) ` +
  `on ${f.place.name} in ${shown(NETWORK_HOME, f.file)} (${f.view})`;

/** One line per file: how many values, and which view of the file showed them. */
function byFile(list: readonly Finding[]): string[] {
  const files = new Map<string, Finding[]>();
  for (const f of list) files.set(f.file, [...(files.get(f.file) ?? []), f]);
  return [...files].map(
    ([file, fs]) =>
      `${fs[0]?.place.name ?? ''}  ${shown(NETWORK_HOME, file)}: ${fs.length} (${[...new Set(fs.map((f) => f.view))].join(', ')})`,
  );
}

describe('data placement after the end-to-end run', function () {
  this.timeout(600_000);
  let values: Value[] = [];
  let all: Place[] = [];
  let found: Finding[] = [];

  before(async () => {
    const written = phiWritten();
    const patients = written.flatMap((w) => (w.patientId === undefined ? [] : [w.patientId]));
    const erased = await erasedOf([...new Set(patients)]);
    values = written.map((w) => ({
      ...w,
      erased: w.patientId !== undefined && erased.has(w.patientId),
    }));
    const started = Date.now();
    all = places(NETWORK_HOME, [PHI_WRITTEN]);
    const needles = values.map((v) => v.value);
    const searched = all.map((p): [Place, FileSearch] => [p, search(p.files, needles)]);
    found = findings(
      values,
      searched.map(([p, s]) => [p, s.hits]),
    );
    const files = all.reduce((n, p) => n + p.files.length, 0);
    const bytes = searched.reduce((n, [, s]) => n + s.bytes, 0);
    const unreadable = searched.flatMap(([, s]) => s.unreadable);
    const lines = [
      `${values.length} PHI values of the run in ${files} files (${(bytes / 2 ** 20).toFixed(0)} MiB) ` +
        `under ${NETWORK_HOME}, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      '',
      ...matrix(values, all, found),
      ...unreadable.map(
        (u) => `unreadable as LevelDB (searched raw): ${shown(NETWORK_HOME, u.file)}: ${u.reason}`,
      ),
    ];
    const held = found.filter((f) => entitled(f.place, f.value));
    lines.push('', "where the custodians' peers hold them (values per file):", ...byFile(held));
    const stale = held.filter((f) => f.value.erased);
    if (stale.length > 0) {
      lines.push('', "erased patients' values still on the custodian's disk:", ...byFile(stale));
    }
    const leaks = found.filter((f) => !entitled(f.place, f.value));
    if (leaks.length > 0)
      lines.push('', 'found where it must not be:', ...leaks.map(describeFinding));
    console.log(lines.map((l) => `      ${l}`).join('\n'));
  });

  const outside = (kinds: readonly Place['kind'][]) =>
    found
      .filter((f) => kinds.includes(f.place.kind) && !entitled(f.place, f.value))
      .map(describeFinding);

  it('the end-to-end run recorded the PHI it wrote, each value with a custodian that runs a peer', () => {
    assert.ok(
      values.length > 0,
      `no PHI recorded in ${PHI_WRITTEN}: run the end-to-end suite first`,
    );
    const peerMsps = new Set(all.filter((p) => p.kind === 'peer').map((p) => p.mspId));
    assert.deepEqual(
      values.filter((v) => !v.custodians.every((c) => peerMsps.has(c))).map((v) => v.custodians),
      [],
    );
  });

  it('finds every value not erased on each peer of its custodian', () => {
    assert.deepEqual(
      missing(values, all, found).map(
        (m) => `${m.value.kind} ${m.value.value} not on ${m.place.name}`,
      ),
      [],
    );
  });

  it('finds no value on a peer of an organisation not entitled to it', () => {
    assert.deepEqual(outside(['peer']), []);
  });

  it("finds no value in an orderer's data: block files, Raft WAL, snapshots", () => {
    assert.deepEqual(outside(['orderer']), []);
  });

  it('finds no value in any log of any process', () => {
    assert.deepEqual(outside(['logs']), []);
  });

  it('finds no value with a CA, a gateway, the chaincode packages or elsewhere in the home', () => {
    assert.deepEqual(outside(['ca', 'gateway', 'chaincode', 'other']), []);
  });
});
