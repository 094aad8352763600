/** The transaction context every contract uses: the ledger and the caller, built once. */
import { Context } from 'fabric-contract-api';
import { type Caller, callerOf } from './identity';
import { Ledger } from './ledger';

export class HealthContext extends Context {
  #ledger: Ledger | undefined;
  #caller: Caller | undefined;

  get ledger(): Ledger {
    this.#ledger ??= new Ledger(this.stub);
    return this.#ledger;
  }

  get caller(): Caller {
    this.#caller ??= callerOf(this.clientIdentity);
    return this.#caller;
  }
}
