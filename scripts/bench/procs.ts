/**
 * Resident memory and CPU time of every process the network scripts started, read from
 * /proc/<pid>/status (VmRSS) and /proc/<pid>/stat (utime + stime) through the PID files in
 * $HEALTHLEDGER_NETWORK_HOME/pids; the benchmark's own process is measured too, since the
 * load generator shares the machine's cores with the network.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PID_DIR } from './env';
import { round } from './stats';

export const SELF = 'bench (load generator)';

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

export interface ProcSample {
  /** process name (PID file name) -> CPU seconds used so far and resident memory in MiB. */
  readonly procs: Map<string, { cpuS: number; rssMiB: number }>;
  /** Busy and total CPU seconds of the whole machine (/proc/stat), other users included. */
  readonly machine: { busyS: number; totalS: number };
  readonly at: number;
}

function pids(): Map<string, number> {
  const found = new Map<string, number>();
  let files: string[];
  try {
    files = readdirSync(PID_DIR).filter((f) => f.endsWith('.pid'));
  } catch {
    return found;
  }
  for (const file of files) {
    const pid = Number(readFileSync(join(PID_DIR, file), 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0) found.set(file.slice(0, -'.pid'.length), pid);
  }
  return found;
}

function readProc(pid: number): { cpuS: number; rssMiB: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may contain spaces, closed by the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14, 15)
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKiB = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    return { cpuS: ticks / TICKS_PER_SECOND, rssMiB: rssKiB / 1024 };
  } catch {
    return undefined;
  }
}

function machine(): { busyS: number; totalS: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const total = v.reduce((s, x) => s + x, 0);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  return { busyS: (total - idle) / TICKS_PER_SECOND, totalS: total / TICKS_PER_SECOND };
}

export function sample(): ProcSample {
  const procs = new Map<string, { cpuS: number; rssMiB: number }>();
  for (const [name, pid] of pids()) {
    const p = readProc(pid);
    if (p) procs.set(name, p);
  }
  const self = readProc(process.pid);
  if (self) procs.set(SELF, self);
  return { procs, machine: machine(), at: Date.now() };
}

export interface CpuShare {
  /** process name -> percent of one core over the interval (200 = both cores of this box). */
  readonly perProcess: Record<string, number>;
  /** Sum over the network's processes and the load generator. */
  readonly ours: number;
  /** Whole machine, other users included, in percent of one core. */
  readonly machine: number;
  readonly cores: number;
  readonly busiest: string;
}

export function cpuBetween(before: ProcSample, after: ProcSample): CpuShare {
  const wallS = Math.max(0.001, (after.at - before.at) / 1000);
  const perProcess: Record<string, number> = {};
  let ours = 0;
  let busiest = '';
  for (const [name, now] of after.procs) {
    const then = before.procs.get(name);
    if (!then) continue;
    const pct = round(((now.cpuS - then.cpuS) / wallS) * 100);
    perProcess[name] = pct;
    ours += pct;
    if (busiest === '' || pct > (perProcess[busiest] ?? 0)) busiest = name;
  }
  const totalS = after.machine.totalS - before.machine.totalS;
  const cores = totalS > 0 ? Math.round(totalS / wallS) : 0;
  const machinePct =
    totalS > 0 ? round(((after.machine.busyS - before.machine.busyS) / totalS) * cores * 100) : 0;
  return { perProcess, ours: round(ours), machine: machinePct, cores, busiest };
}

/** Resident memory in MiB by process, and totals by kind of process. */
export function memoryOf(s: ProcSample): {
  perProcess: Record<string, number>;
  byKind: Record<string, number>;
} {
  const perProcess: Record<string, number> = {};
  const byKind: Record<string, number> = {};
  for (const [name, p] of s.procs) {
    perProcess[name] = round(p.rssMiB);
    const kind = kindOf(name);
    byKind[kind] = round((byKind[kind] ?? 0) + p.rssMiB);
  }
  return { perProcess, byKind };
}

/** gateway.providera -> gateway; providera.peer0 -> peer; cc.x.peer0 -> chaincode; ... */
export function kindOf(name: string): string {
  if (name === SELF) return 'bench';
  if (name.startsWith('gateway.')) return 'gateway';
  if (name.startsWith('cc.')) return 'chaincode';
  if (name.startsWith('ca.')) return 'ca';
  if (name.startsWith('orderer.')) return 'orderer';
  if (/\.peer\d+$/.test(name)) return 'peer';
  return 'other';
}
