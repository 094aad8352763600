/**
 * Chaincode events of the healthledger chaincode as a stream that can start after a
 * checkpoint: the block number and the ID of the last transaction the client has seen.
 */
import type { Network } from '@hyperledger/fabric-gateway';

export interface LedgerEvent {
  readonly blockNumber: bigint;
  readonly transactionId: string;
  readonly eventName: string;
  readonly payload: Uint8Array;
}

export interface EventStream extends AsyncIterable<LedgerEvent> {
  close(): void;
}

/** Where to start: after a seen event, or at a block; nothing means "from now". */
export type EventPosition =
  | { readonly after: { readonly blockNumber: bigint; readonly transactionId: string } }
  | { readonly fromBlock: bigint };

export interface EventFeed {
  open(position?: EventPosition): Promise<EventStream>;
}

export function newFabricEventFeed(network: Network, chaincode: string): EventFeed {
  return {
    open: async (position) => {
      if (position === undefined) return network.getChaincodeEvents(chaincode);
      if ('fromBlock' in position) {
        return network.getChaincodeEvents(chaincode, { startBlock: position.fromBlock });
      }
      const { blockNumber, transactionId } = position.after;
      return network.getChaincodeEvents(chaincode, {
        checkpoint: { getBlockNumber: () => blockNumber, getTransactionId: () => transactionId },
      });
    },
  };
}
