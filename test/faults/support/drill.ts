/**
 * A drill is a describe block that runs only on the fault network (scripts/faults.sh sets
 * HEALTHLEDGER_FAULTS=1): it kills processes, which on the dev or CI test network would hit
 * every other test.
 */
import { onFaultNetwork } from './report';

export function drill(title: string, body: (this: Mocha.Suite) => void): void {
  if (onFaultNetwork()) {
    describe(title, body);
  } else {
    describe.skip(`${title} (run by scripts/faults.sh on a network of its own)`, body);
  }
}
