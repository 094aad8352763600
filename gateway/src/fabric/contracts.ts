/** Builds the typed contract facades of one user over their own Gateway session. */
import { newClaimsFacade } from '../claims/facade';
import { newConsentFacade } from '../consent/facade';
import { newCredentialsFacade } from '../credentials/facade';
import { newFabricEventFeed } from '../events/feed';
import type { Metrics } from '../ops/metrics';
import { newRecordsFacade } from '../records/facade';
import type { SaltSource } from './salt';
import type { Sessions } from './sessions';
import { timed } from './timed';
import { Transactions } from './transactions';
import type { ContractsProvider } from './user-contracts';

export interface FabricContractsOptions {
  readonly sessions: Sessions;
  readonly channel: string;
  readonly chaincode: string;
  readonly metrics: Metrics;
  readonly salt: SaltSource;
}

export function newFabricContracts(options: Readonly<FabricContractsOptions>): ContractsProvider {
  return {
    async forUser(user) {
      const network = (await options.sessions.gatewayFor(user)).getNetwork(options.channel);
      const tx = (name: string) =>
        timed(
          new Transactions(network.getContract(options.chaincode, name)),
          options.metrics,
          name,
        );
      const { salt } = options;
      return {
        records: newRecordsFacade({ tx: tx('records'), mspId: user.mspId, salt }),
        consent: newConsentFacade(tx('consent')),
        credentials: newCredentialsFacade(tx('credentials')),
        claims: newClaimsFacade({ tx: tx('claims'), mspId: user.mspId, salt }),
        events: newFabricEventFeed(network, options.chaincode),
      };
    },
  };
}
