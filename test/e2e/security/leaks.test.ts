/**
 * The last word of the run (a root hook: it runs after every test file of the mocha run):
 * none of the PHI values the security suite used is in any block of the channel, nor in any
 * log file of any process under $HEALTHLEDGER_NETWORK_HOME/logs (CAs, orderers, peers,
 * chaincode servers, gateways, CLIs). Then the tally of attempts for docs/RELIABILITY.md.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { allBlocks } from '../support/blocks';
import { NETWORK_HOME, TestNetwork } from '../support/network';
import { dismissCast } from './support/cast';
import { usedPhi } from './support/leaks';
import { printTally } from './support/refusals';

function logFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? logFiles(path) : [path];
  });
}

after(async function () {
  this.timeout(600_000);
  const needles = usedPhi();
  try {
    if (needles.length === 0) return;
    const net = new TestNetwork();
    let blocks: Uint8Array[];
    try {
      blocks = await allBlocks((await net.as('providera', 'orgadmin')).network);
    } finally {
      net.close();
    }
    const inBlocks = needles.filter((n) =>
      blocks.some((b) => Buffer.from(b).includes(Buffer.from(n, 'utf8'))),
    );
    const files = logFiles(join(NETWORK_HOME, 'logs'));
    const inLogs: string[] = [];
    let bytes = 0;
    for (const file of files) {
      const content = readFileSync(file);
      bytes += content.length;
      for (const n of needles)
        if (content.includes(Buffer.from(n, 'utf8'))) inLogs.push(`${n} in ${file}`);
    }
    console.log(
      `\n  PHI scan after the run: ${needles.length} values of the security suite, ` +
        `${blocks.length} blocks, ${files.length} log files (${(bytes / 1e6).toFixed(1)} MB): ` +
        `${inBlocks.length} found in blocks, ${inLogs.length} in logs`,
    );
    printTally();
    assert.deepEqual(inBlocks, [], 'PHI of the security suite is in a block');
    assert.deepEqual(inLogs, [], 'PHI of the security suite is in a log file');
  } finally {
    await dismissCast();
  }
});
