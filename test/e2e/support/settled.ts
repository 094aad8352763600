/**
 * A TestNetwork whose submits return only once every peer of the channel has committed the
 * transaction's block. The commit status comes from the gateway's own peer alone, and a test
 * that acts next through another organisation's peer (a licence issued through the board's
 * peer, then a record filed through ProviderA's) must not race that peer's commit.
 */
import { common } from '@hyperledger/fabric-protos';
import type { Contract } from '@hyperledger/fabric-gateway';
import {
  type Committed,
  type TransactionRequest,
  Transactions,
} from '../../../gateway/src/fabric/transactions';
import { CHAINCODE, CHANNEL, MSP, type OrgName, type Session, TestNetwork } from './network';

const PEER_ORGS: readonly OrgName[] = ['providera', 'providerb', 'insurer', 'board'];
const SETTLE_TIMEOUT_MS = 15_000;
const POLL_MS = 20;

class SettledTransactions extends Transactions {
  readonly #settle: (blockNumber: bigint) => Promise<void>;

  constructor(contract: Contract, settle: (blockNumber: bigint) => Promise<void>) {
    super(contract);
    this.#settle = settle;
  }

  override async submit(
    name: string,
    request: TransactionRequest = {},
  ): Promise<Committed<string>> {
    const committed = await super.submit(name, request);
    await this.#settle(committed.blockNumber);
    return committed;
  }
}

export class SettledNetwork extends TestNetwork {
  readonly #observers = new Map<OrgName, Promise<Session>>();

  override async as(
    orgName: OrgName,
    user: string | { mspDir: string },
    via: OrgName = orgName,
  ): Promise<Session> {
    const session = await super.as(orgName, user, via);
    return {
      ...session,
      contract: (name) =>
        new SettledTransactions(session.network.getContract(CHAINCODE, name), (block) =>
          this.everyPeerHas(block),
        ),
    };
  }

  /** Waits until the peer of every organisation has committed block BLOCKNUMBER. */
  async everyPeerHas(blockNumber: bigint): Promise<void> {
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    for (const org of PEER_ORGS) {
      while ((await this.#height(org)) <= blockNumber) {
        if (Date.now() > deadline) {
          throw new Error(`the peer of ${org} has not committed block ${blockNumber}`);
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    }
  }

  async #height(org: OrgName): Promise<bigint> {
    let observer = this.#observers.get(org);
    if (!observer) {
      observer = super.as(org, 'orgadmin');
      this.#observers.set(org, observer);
    }
    const bytes = await (await observer).network.getContract('qscc').evaluate('GetChainInfo', {
      arguments: [CHANNEL],
      endorsingOrganizations: [MSP[org]],
    });
    return BigInt(common.BlockchainInfo.deserializeBinary(bytes).getHeight());
  }
}
