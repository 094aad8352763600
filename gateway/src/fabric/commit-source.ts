/**
 * The filtered-block stream of one channel as a BlockSource for the CommitTracker, read with
 * the gateway's own identity (a client of its organisation, a channel reader). The newest block
 * comes from the query system chaincode (qscc GetChainInfo).
 */
import type { Network } from '@hyperledger/fabric-gateway';
import { common } from '@hyperledger/fabric-protos';
import type { BlockSource, BlockStream, CommittedBlock } from './commits';

export function fabricBlockSource(network: Network): BlockSource {
  return {
    async newestBlock() {
      const bytes = await network
        .getContract('qscc')
        .evaluateTransaction('GetChainInfo', network.getName());
      const height = common.BlockchainInfo.deserializeBinary(bytes).getHeight();
      return BigInt(Math.max(0, height - 1));
    },
    async open(start): Promise<BlockStream> {
      const blocks = await network.getFilteredBlockEvents({ startBlock: start });
      return {
        close: () => blocks.close(),
        async *[Symbol.asyncIterator](): AsyncIterator<CommittedBlock> {
          for await (const block of blocks) {
            yield {
              number: BigInt(block.getNumber()),
              transactions: block.getFilteredTransactionsList().map((tx) => ({
                id: tx.getTxid(),
                code: tx.getTxValidationCode(),
              })),
            };
          }
        },
      };
    },
  };
}
