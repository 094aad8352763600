/**
 * The fault network's processes as the drills handle them: PIDs from the PID files the
 * scripts write, kill -9 by that PID only, restarts through scripts/faults.sh (the same start
 * functions as network.sh), the Raft leader from the orderers' logs and each orderer's height
 * from its channel participation API.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { NETWORK_HOME } from '../../e2e/support/network';

const run = promisify(execFile);
const repo = join(__dirname, '..', '..', '..', '..');
const pidDir = join(NETWORK_HOME, 'pids');
const logDir = join(NETWORK_HOME, 'logs');

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function pidOf(name: string): number {
  return Number(readFileSync(join(pidDir, `${name}.pid`), 'utf8').trim());
}

/** Running, and not a zombie waiting for this machine's init to reap it. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** kill -9 of the process recorded for NAME; resolves once it is gone. Returns its PID. */
export async function kill9(name: string): Promise<number> {
  const pid = pidOf(name);
  if (!alive(pid)) throw new Error(`${name} (pid ${pid}) is not running`);
  process.kill(pid, 'SIGKILL');
  while (alive(pid)) await sleep(20);
  return pid;
}

/** Removes the transient store of the peer NAME (e.g. insurer.peer0), which is down: the
 * private data it endorsed and had not yet committed, so that it has to get what it missed
 * from the other members' peers. */
export function dropTransientStore(name: string): void {
  if (alive(pidOf(name))) throw new Error(`${name} is running`);
  const [org = '', node = ''] = name.split('.');
  const store = join(NETWORK_HOME, 'orgs', org, 'nodes', node, 'data', 'transientstore');
  readdirSync(store); // throws if the layout changed, instead of removing nothing
  rmSync(store, { recursive: true });
}

/** Restarts NAME (and waits until it is healthy); returns how long that took, in ms. */
export async function restart(name: string): Promise<number> {
  const started = Date.now();
  await run('bash', [join(repo, 'scripts', 'faults.sh'), 'restart', name], {
    env: process.env,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (!alive(pidOf(name))) throw new Error(`${name} did not stay up after its restart`);
  return Date.now() - started;
}

/** Runs scripts/network.sh or gateways.sh with a subcommand; returns the duration in ms. */
export async function script(file: 'network.sh' | 'gateways.sh', command: string): Promise<number> {
  const started = Date.now();
  await run('bash', [join(repo, 'scripts', file), command], {
    env: process.env,
    maxBuffer: 16 * 1024 * 1024,
  });
  return Date.now() - started;
}

const ORDERERS = ['orderer0', 'orderer1', 'orderer2'] as const;
export type Orderer = (typeof ORDERERS)[number];

/** The current Raft leader of the channel: the latest "Raft leader changed: a -> b" line of
 * any orderer's log (Raft node IDs are 1, 2, 3 for orderer0, orderer1, orderer2). */
export function raftLeader(): Orderer {
  let latest = { at: '', leader: 0 };
  for (const file of readdirSync(logDir).filter((f) => /^orderer\.orderer\d\.log$/.test(f))) {
    const text = readFileSync(join(logDir, file), 'latin1');
    for (const m of text.matchAll(
      /(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+) UTC .*Raft leader changed: \d+ -> (\d+)/g,
    )) {
      if ((m[1] ?? '') > latest.at) latest = { at: m[1] ?? '', leader: Number(m[2]) };
    }
  }
  const leader = ORDERERS[latest.leader - 1];
  if (!leader) throw new Error('no Raft leader in the orderer logs');
  return leader;
}

/** The channel's height at ORDERER, from its channel participation API (mutual TLS). */
export async function ordererHeight(orderer: Orderer): Promise<number> {
  const index = ORDERERS.indexOf(orderer);
  const [, , , , , , admin] = (await netcfg('nodes', 'orderer'))[index] ?? [];
  const nd = join(NETWORK_HOME, 'orgs', 'orderer', 'nodes', orderer, 'tls');
  const { stdout } = await run('osnadmin', [
    'channel',
    'list',
    '--channelID',
    'health',
    '-o',
    `127.0.0.1:${admin}`,
    '--ca-file',
    join(nd, 'ca.crt'),
    '--client-cert',
    join(nd, 'server.crt'),
    '--client-key',
    join(nd, 'server.key'),
  ]);
  const match = /"height":\s*(\d+)/.exec(stdout);
  if (!match?.[1]) throw new Error(`no height from ${orderer}: ${stdout}`);
  return Number(match[1]);
}

export function orderers(): readonly Orderer[] {
  return ORDERERS;
}

async function netcfg(...args: string[]): Promise<string[][]> {
  const { stdout } = await run(process.execPath, [
    join(repo, 'scripts', 'lib', 'netcfg.mjs'),
    ...args,
  ]);
  return stdout
    .trim()
    .split('\n')
    .map((line) => line.split(' '));
}

/** Lines of NAME's log written after byte OFFSET (see logSize), e.g. after a restart. */
export function logSince(name: string, offset: number): string {
  return readFileSync(join(logDir, `${name}.log`))
    .subarray(offset)
    .toString('latin1');
}

export function logSize(name: string): number {
  return readFileSync(join(logDir, `${name}.log`)).length;
}
