/**
 * Admission control: at most `maxActive` API requests do their work at once; the others wait
 * their turn in arrival order, at most `maxQueued` of them and each for at most `queueMs`, and
 * beyond that are answered 503 at once, before anything was sent to Fabric (so nothing is half
 * done). A request whose client left while it waited is dropped when its turn comes.
 *
 * Why: past saturation, every request the gateway starts adds Fabric client work to its one
 * event loop and endorsements to the peer, and more requests in progress made each of them
 * dearer (measured in docs/BENCHMARKS.md, "Admission control"). Waiting costs a pending
 * promise; working costs CPU.
 */
import { gatewayBusy } from './problem';

export interface AdmissionOptions {
  /** Requests doing their work at once. */
  readonly maxActive: number;
  /** Requests waiting for a place; more are refused at once. */
  readonly maxQueued: number;
  /** The longest a request waits for a place before it is refused. */
  readonly queueMs: number;
  /** Each refusal: the queue was full, or the request waited too long. */
  readonly onRefused?: (reason: 'full' | 'waited') => void;
  /** Each request dropped because its client left while it waited. */
  readonly onAbandoned?: () => void;
}

export interface Admission {
  /**
   * Runs WORK once a place is free, and frees the place when it settles. Resolves to
   * undefined, without running WORK, when GONE() says the client left while it waited;
   * rejects with a 503 HttpProblem when it cannot wait.
   */
  run<T>(work: () => Promise<T>, gone?: () => boolean): Promise<T | undefined>;
  readonly active: number;
  readonly queued: number;
}

interface Waiter {
  readonly admit: () => void;
  readonly timer: NodeJS.Timeout;
}

export function newAdmission(options: Readonly<AdmissionOptions>): Admission {
  let active = 0;
  // FIFO of waiters; a waiter that timed out is removed from the set, and skipped.
  const waiting = new Set<Waiter>();

  const next = () => {
    const [w] = waiting;
    if (w === undefined) return;
    waiting.delete(w);
    clearTimeout(w.timer);
    active += 1;
    w.admit();
  };

  const place = (): Promise<void> => {
    if (active < options.maxActive && waiting.size === 0) {
      active += 1;
      return Promise.resolve();
    }
    if (waiting.size >= options.maxQueued) {
      options.onRefused?.('full');
      return Promise.reject(gatewayBusy());
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(w);
        options.onRefused?.('waited');
        reject(gatewayBusy());
      }, options.queueMs);
      timer.unref();
      const w: Waiter = { admit: resolve, timer };
      waiting.add(w);
    });
  };

  return {
    async run(work, gone) {
      await place();
      try {
        if (gone?.()) {
          options.onAbandoned?.();
          return undefined;
        }
        return await work();
      } finally {
        active -= 1;
        next();
      }
    },
    get active() {
      return active;
    },
    get queued() {
      return waiting.size;
    },
  };
}
