/**
 * A call to another organisation's peer right after a commit: the caller's own peer has
 * committed the block (submit waits for that), the custodian's peer may be a block behind and
 * answer as if the transaction had not happened yet ("no fresh access entry", "not erased").
 * Such an answer is retried for a short while (blocks are cut every 250 ms); any other error,
 * and the same answer once the time is up, goes to the caller as it is.
 */
import { GatewayError } from '@hyperledger/fabric-gateway';

export interface LagOptions {
  /** The chaincode's answer while the custodian's peer lags. */
  readonly lagging: RegExp;
  readonly tries?: number;
  readonly delayMs?: number;
}

export async function onceCommittedThere<T>(
  attempt: () => Promise<T>,
  options: Readonly<LagOptions>,
): Promise<T> {
  const tries = options.tries ?? 12;
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (err) {
      if (i >= tries || !saysLagging(err, options.lagging)) throw err;
      await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 250));
    }
  }
}

function saysLagging(err: unknown, lagging: RegExp): boolean {
  return (
    err instanceof GatewayError &&
    [err.message, ...err.details.map((d) => d.message)].some((m) => lagging.test(m))
  );
}
