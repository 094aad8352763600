/** What a run measured against: the machine, the network's shape and settings, the clients. */
import { readFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { HOME, PID_DIR, PORT_OFFSET, shape } from './env';
import type { Options } from './options';

/** An environment variable of a running process of the network (from /proc/<pid>/environ). */
function envOf(pidName: string, variable: string): string | undefined {
  try {
    const pid = readFileSync(join(PID_DIR, `${pidName}.pid`), 'utf8').trim();
    const env = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    return env.find((e) => e.startsWith(`${variable}=`))?.slice(variable.length + 1);
  } catch {
    return undefined;
  }
}

/** The command line of a running process of the network (node flags and script). */
function commandOf(pidName: string): string | undefined {
  try {
    const pid = readFileSync(join(PID_DIR, `${pidName}.pid`), 'utf8').trim();
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return undefined;
  }
}

export function metaOf(options: Options, batch: string) {
  return {
    machine: {
      cpu: cpus()[0]?.model,
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      kernel: release(),
      node: process.version,
    },
    network: {
      home: HOME,
      portOffset: PORT_OFFSET,
      ...shape(),
      batch,
      peerGatewayConcurrency: envOf(
        'providera.peer0',
        'CORE_PEER_LIMITS_CONCURRENCY_GATEWAYSERVICE',
      ),
      gatewayRateLimitPerMinute:
        envOf('gateway.providera', 'HEALTHLEDGER_RATE_LIMIT_PER_MINUTE') ?? '600 (default)',
      gatewayLogLevel: envOf('gateway.providera', 'HEALTHLEDGER_LOG_LEVEL'),
      gatewayMallocArenas: envOf('gateway.providera', 'MALLOC_ARENA_MAX'),
      gatewayCommand: commandOf('gateway.providera'),
    },
    options,
    clients: {
      process: `one Node.js process (the bench), open loop, at most ${options.maxInFlight} requests in flight`,
      sdk: 'one gRPC connection per peer (TestNetwork); one Gateway SDK session per identity',
      http: `the bench's own node:https client (scripts/bench/http-client.ts), one keep-alive agent per gateway, at most ${options.sockets} connections; one bearer token per identity`,
      identities: `${options.registrars} registrars, ${options.physicians} physicians, ${options.patients} patients of ProviderA (the same identities on both paths)`,
    },
  };
}
