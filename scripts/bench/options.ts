/**
 * The benchmark's knobs, from the command line (`npm run bench -- --quick --workloads a,b`).
 * Defaults give a full run of about half an hour on a 2-core box; --quick a smoke run of a few
 * seconds per step.
 */
import type { Path } from './workloads';

export interface Options {
  readonly quick: boolean;
  readonly workloads: readonly string[] | undefined;
  readonly paths: readonly Path[];
  readonly fixedS: number;
  readonly warmupS: number;
  readonly stepS: number;
  readonly rampFactor: number;
  readonly maxSteps: number;
  readonly confirmRounds: number;
  readonly maxInFlight: number;
  readonly sockets: number;
  readonly drainS: number;
  readonly rates: Readonly<Record<string, number>>;
  readonly registrars: number;
  readonly physicians: number;
  readonly patients: number;
  readonly members: number;
  readonly main: boolean;
  readonly tuning: readonly string[];
  readonly soakMinutes: number;
  readonly soakRate: number;
  readonly out: string | undefined;
  readonly force: boolean;
  readonly report: string | undefined;
  /** The SDK path's signer: the gateway's native one, or the Gateway SDK's own (as before). */
  readonly sdkSigner: 'native' | 'sdk';
}

export const USAGE = `npm run bench -- [options]
  --quick                 smoke run: 3 s steps, at most 3 saturation steps, fewer users
  --workloads a,b         register-patient,add-record,grant-consent,read-record,submit-claim,verify-licence,mixed
  --paths sdk,http        which paths to measure (both)
  --fixed-seconds N       length of the fixed-rate step (15)
  --step-seconds N        length of each saturation step (10)
  --warmup-seconds N      unmeasured load at the fixed rate before each path of a workload (3)
  --ramp-factor F         rate multiplier between saturation steps (1.5)
  --max-steps N           saturation steps at most (6)
  --confirm-rounds N      repeats of each path's saturation step after the ramp, paths in
                          turn; sat. TPS is the median of the best step and its repeats (2)
  --max-in-flight N       cap on requests in flight; arrivals beyond it are shed (256)
  --sockets N             HTTPS connections to the gateway at most (as --max-in-flight)
  --rate name=R           offered rate of a workload's fixed step, repeatable
  --physicians N --registrars N --patients N   user pools (48, 16, 32)
  --members N             patients enrolled in the bench plan, claims spread over them (256)
  --tuning [batch,concurrency,hotkey]   tuning experiments (change the network; not on .fabric)
  --tuning-only           only the tuning experiments
  --soak MINUTES          mixed workload over HTTP for MINUTES, gateway memory every 15 s
  --soak-rate R           offered rate of the soak (20)
  --out FILE              JSON file (results/bench-<time>.json)
  --force                 allow --tuning on the default network home
  --report FILE           print the tables of an earlier run's JSON (no network needed)
  --sdk-signer native|sdk signer of the SDK path: the gateway's (native) or the SDK's own (sdk)`;

export function parseOptions(argv: readonly string[]): Options {
  if (argv.includes('--help')) {
    console.log(USAGE);
    process.exit(0);
  }
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}\n${USAGE}`);
    const [key, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    let value = inline;
    if (value === undefined && i + 1 < argv.length && !(argv[i + 1] ?? '').startsWith('--')) {
      value = argv[++i];
    }
    flags.set(key, [...(flags.get(key) ?? []), value ?? '']);
  }
  const known = new Set(USAGE.match(/--[a-z-]+/g)?.map((f) => f.slice(2)));
  for (const key of flags.keys())
    if (!known.has(key)) throw new Error(`unknown option --${key}\n${USAGE}`);
  const one = (key: string) => flags.get(key)?.at(-1);
  const num = (key: string, fallback: number) => {
    const v = one(key);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${key} needs a positive number`);
    return n;
  };
  const list = (key: string) =>
    one(key)
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const quick = flags.has('quick');
  const rates: Record<string, number> = {};
  for (const r of flags.get('rate') ?? []) {
    const [name, value] = r.split('=');
    if (!name || !(Number(value) > 0)) throw new Error(`--rate needs name=rate, got ${r}`);
    rates[name] = Number(value);
  }
  const tuningFlag = flags.has('tuning') || flags.has('tuning-only');
  const tuningList = list('tuning');
  const paths = (list('paths') ?? ['sdk', 'http']) as Path[];
  for (const p of paths) if (p !== 'sdk' && p !== 'http') throw new Error(`unknown path ${p}`);
  return {
    quick,
    workloads: list('workloads'),
    paths,
    fixedS: num('fixed-seconds', quick ? 3 : 15),
    stepS: num('step-seconds', quick ? 3 : 10),
    warmupS: num('warmup-seconds', quick ? 1 : 3),
    rampFactor: num('ramp-factor', 1.5),
    maxSteps: num('max-steps', quick ? 3 : 6),
    confirmRounds: num('confirm-rounds', quick ? 0 : 2),
    maxInFlight: num('max-in-flight', 256),
    sockets: num('sockets', num('max-in-flight', 256)),
    drainS: num('drain-seconds', 65),
    rates,
    registrars: num('registrars', quick ? 4 : 16),
    physicians: num('physicians', quick ? 12 : 48),
    patients: num('patients', quick ? 8 : 32),
    members: num('members', quick ? 32 : 256),
    main: !flags.has('tuning-only') && !flags.has('soak'),
    tuning: tuningFlag
      ? tuningList?.length
        ? tuningList
        : ['batch', 'concurrency', 'hotkey']
      : [],
    soakMinutes: flags.has('soak') ? num('soak', 10) : 0,
    soakRate: num('soak-rate', 20),
    out: one('out'),
    force: flags.has('force'),
    report: one('report'),
    sdkSigner: signerOf(one('sdk-signer') ?? 'native'),
  };
}

function signerOf(value: string): 'native' | 'sdk' {
  if (value !== 'native' && value !== 'sdk') throw new Error(`--sdk-signer: native or sdk`);
  return value;
}
