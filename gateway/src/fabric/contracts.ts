/** Builds the typed contract facades of one user over their own Gateway session. */
import type { Gateway } from '@hyperledger/fabric-gateway';
import { newClaimsFacade } from '../claims/facade';
import { newConsentFacade } from '../consent/facade';
import { newCredentialsFacade } from '../credentials/facade';
import { newFabricEventFeed } from '../events/feed';
import type { Metrics } from '../ops/metrics';
import { newRecordsFacade } from '../records/facade';
import type { CommitWaiter } from './commits';
import type { SaltSource } from './salt';
import type { Sessions } from './sessions';
import { timed } from './timed';
import { Transactions } from './transactions';
import type { ContractsProvider, UserContracts } from './user-contracts';

export interface FabricContractsOptions {
  readonly sessions: Sessions;
  readonly channel: string;
  readonly chaincode: string;
  readonly metrics: Metrics;
  readonly salt: SaltSource;
  /** The gateway's block stream, confirming every user's commits. */
  readonly commits?: CommitWaiter;
}

export function newFabricContracts(options: Readonly<FabricContractsOptions>): ContractsProvider {
  // Built once per Gateway session, not per request: the facades hold no request state, and
  // a session closed by Sessions takes its entry with it.
  const built = new WeakMap<Gateway, UserContracts>();
  return {
    async forUser(user) {
      const gateway = await options.sessions.gatewayFor(user);
      let contracts = built.get(gateway);
      if (contracts === undefined) {
        contracts = build(gateway, user.mspId, options);
        built.set(gateway, contracts);
      }
      return contracts;
    },
  };
}

function build(
  gateway: Gateway,
  mspId: string,
  options: Readonly<FabricContractsOptions>,
): UserContracts {
  const network = gateway.getNetwork(options.channel);
  const tx = (name: string) =>
    timed(
      new Transactions(network.getContract(options.chaincode, name), { commits: options.commits }),
      options.metrics,
      name,
    );
  const { salt } = options;
  return {
    records: newRecordsFacade({ tx: tx('records'), mspId, salt }),
    consent: newConsentFacade(tx('consent'), tx('records'), salt),
    credentials: newCredentialsFacade(tx('credentials'), salt),
    claims: newClaimsFacade({ tx: tx('claims'), mspId, salt }),
    events: newFabricEventFeed(network, options.chaincode),
  };
}
