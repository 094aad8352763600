/**
 * A write workload over HTTPS: writers loop, each sending one write after another through an
 * organisation's gateway, and every answer is kept: its status, error code, transaction ID
 * and block, or that no answer came (the connection broke). What a drill asserts on is this
 * record of what the gateways acknowledged and what they refused.
 */
import { z } from 'zod';
import type { User } from '../../e2e/http/support/http';
import { day, diagnosisCodes, line, planTerms } from '../../e2e/support/claims-data';
import { MSP, type OrgName } from '../../e2e/support/network';
import { demographicsOf } from '../../e2e/security/support/leaks';

export interface Outcome {
  readonly writer: string;
  readonly org: OrgName;
  /** The ID of what was written: a pseudonym, a licence number, a plan. */
  readonly key: string;
  /** 0 when no HTTP answer came. */
  readonly status: number;
  readonly code?: string;
  readonly transactionId?: string;
  readonly blockNumber?: number;
  readonly startedAt: number;
  readonly endedAt: number;
}

export interface Write {
  readonly path: string;
  readonly body: unknown;
  readonly key: string;
  /** The ID the answer names, when the ledger makes it (a patient's pseudonym); KEY stands in
   * for it when no answer came. */
  readonly keyOf?: (answer: unknown) => string | undefined;
}

export interface Writer {
  readonly name: string;
  readonly org: OrgName;
  readonly user: User;
  next(n: number): Write;
}

const Acknowledged = z.object({
  transactionId: z.string().regex(/^[0-9a-f]{64}$/),
  blockNumber: z.int(),
});
const Refused = z.object({ error: z.object({ code: z.string() }) });

export const acknowledged = (o: Outcome) => o.status >= 200 && o.status < 300;

export class Workload {
  readonly outcomes: Outcome[] = [];
  readonly #writers: readonly Writer[];
  #running = false;
  #loops: Promise<void>[] = [];

  constructor(writers: readonly Writer[]) {
    this.#writers = writers;
  }

  start(): void {
    this.#running = true;
    this.#loops = this.#writers.map((w) => this.#loop(w));
  }

  /** Stops after the requests in flight have been answered; returns every outcome. */
  async stop(): Promise<Outcome[]> {
    this.#running = false;
    await Promise.all(this.#loops);
    return this.outcomes;
  }

  /** Acknowledged writes that started after AT: proof the service answered then. */
  acknowledgedSince(at: number, until = Number.MAX_SAFE_INTEGER): Outcome[] {
    return this.outcomes.filter((o) => acknowledged(o) && o.startedAt >= at && o.endedAt <= until);
  }

  async #loop(writer: Writer): Promise<void> {
    for (let n = 0; this.#running; n++) {
      const write = writer.next(n);
      const startedAt = Date.now();
      let outcome: Outcome;
      try {
        const res = await writer.user.client.send('POST', write.path, {
          token: writer.user.token,
          body: write.body,
          timeoutMs: 120_000,
        });
        const ack = Acknowledged.safeParse(res.body);
        const refused = Refused.safeParse(res.body);
        const endedAt = Date.now();
        // A client backs off when refused, as Retry-After asks (at most a second here).
        if (res.status >= 400) {
          await new Promise((resolve) =>
            setTimeout(resolve, retryDelay(res.headers['retry-after'])),
          );
        }
        outcome = {
          writer: writer.name,
          org: writer.org,
          key: (ack.success ? write.keyOf?.(res.body) : undefined) ?? write.key,
          status: res.status,
          code: refused.success ? refused.data.error.code : undefined,
          transactionId: ack.success ? ack.data.transactionId : undefined,
          blockNumber: ack.success ? ack.data.blockNumber : undefined,
          startedAt,
          endedAt,
        };
      } catch {
        outcome = {
          writer: writer.name,
          org: writer.org,
          key: write.key,
          status: 0,
          startedAt,
          endedAt: Date.now(),
        };
        // The gateway is gone: do not spin.
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      this.outcomes.push(outcome);
    }
  }
}

function retryDelay(header: string | string[] | undefined): number {
  const secondsAsked = Number(Array.isArray(header) ? header[0] : header);
  return Number.isFinite(secondsAsked) && secondsAsked > 0
    ? Math.min(secondsAsked * 1000, 1_000)
    : 250;
}

const Registered = z.object({ result: z.object({ patientId: z.string() }) });

/** Registers patients through USER's gateway (demographics: PHI, unique to the run). The
 * chaincode makes each pseudonym: an acknowledged write's key is the one its answer names; a
 * write without an answer keeps a stand-in, so whether it committed anyway is not known by ID. */
export function patientWriter(name: string, org: OrgName, user: User, run: string): Writer {
  return {
    name,
    org,
    user,
    next: (n) => {
      return {
        path: '/patients',
        key: `registration-${run}-${name}-${n}`,
        body: { demographics: demographicsOf(run, n) },
        keyOf: (answer) => {
          const parsed = Registered.safeParse(answer);
          return parsed.success ? parsed.data.result.patientId : undefined;
        },
      };
    },
  };
}

/** Issues licences through the board's gateway (public data). */
export function licenceWriter(name: string, user: User, run: string): Writer {
  return {
    name,
    org: 'board',
    user,
    next: (n) => {
      const key = `LIC-F-${run}-${name}-${n}`;
      return {
        path: '/credentials',
        key,
        body: {
          practitionerId: `pr-f-${run}-${name}-${n}`,
          licenceNumber: key,
          licenceType: 'nurse',
          // A made-up practitioner nobody enrolled: any provider does.
          organisation: MSP.providera,
          specialty: 'intensive care',
          jurisdiction: 'US-CA',
          validFrom: day(-1),
          validTo: day(365),
        },
      };
    },
  };
}

/** Publishes plans through the insurer's gateway (public data). */
export function planWriter(name: string, user: User, run: string): Writer {
  return {
    name,
    org: 'insurer',
    user,
    next: (n) => {
      const key = `plan-f-${run}-${name}-${n}`;
      return { path: '/plans', key, body: planTerms(key, false) };
    },
  };
}

export interface ClaimBody {
  readonly claimId: string;
  readonly patientId: string;
  readonly renderingPractitionerId: string;
  readonly serviceDate: string;
  readonly diagnosisCodes: readonly string[];
  readonly lines: readonly ReturnType<typeof line>[];
}

/** Submits ProviderA claims through USER's gateway (a provider's registrar), one member after
 * another from PATIENTS: a member's next claim reads the accumulators its last one wrote, so
 * the pool keeps a writer's consecutive claims on different members. SENT keeps each body by
 * claim ID, for the read-back. */
export function claimWriter(
  name: string,
  user: User,
  run: string,
  patients: readonly string[],
  practitionerId: string,
  sent: Map<string, ClaimBody>,
): Writer {
  return {
    name,
    org: 'providera',
    user,
    next: (n) => {
      const key = `clm-f-${run}-${name}-${n}`;
      const body: ClaimBody = {
        claimId: key,
        patientId: patients[n % patients.length] ?? '',
        renderingPractitionerId: practitionerId,
        serviceDate: day(0),
        diagnosisCodes: diagnosisCodes(),
        lines: [line('99213', 18_000), line('97110', 12_000, 3)],
      };
      sent.set(key, body);
      return { path: '/claims', key, body };
    },
  };
}

/** Counts by status (0: no answer) and code, e.g. "201: 310, 503 UNAVAILABLE: 4". */
export function statusSummary(outcomes: readonly Outcome[]): string {
  const counts = new Map<string, number>();
  for (const o of outcomes) {
    const label = o.status === 0 ? 'no answer' : `${o.status}${o.code ? ` ${o.code}` : ''}`;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts]
    .sort()
    .map(([k, n]) => `${k}: ${n}`)
    .join(', ');
}
