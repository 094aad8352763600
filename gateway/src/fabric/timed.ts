/** Measures every Fabric call of one contract into the fabric latency histogram. */
import type { Metrics } from '../ops/metrics';
import type { TransactionRunner } from './runner';
import type { TransactionRequest } from './transactions';

export function timed(
  runner: TransactionRunner,
  metrics: Metrics,
  contract: string,
): TransactionRunner {
  const measure = async <T>(kind: string, transaction: string, call: () => Promise<T>) => {
    const end = metrics.fabricDuration.startTimer({ contract, transaction, kind });
    try {
      const value = await call();
      end({ outcome: 'ok' });
      return value;
    } catch (err) {
      end({ outcome: 'error' });
      throw err;
    }
  };
  return {
    submit: (name: string, request?: TransactionRequest) =>
      measure('submit', name, () => runner.submit(name, request)),
    evaluate: (name: string, request?: TransactionRequest) =>
      measure('evaluate', name, () => runner.evaluate(name, request)),
  };
}
