/**
 * What a committed transaction purged from private data, read from its block: the hashed
 * private write set carries, per collection, the SHA-256 of each key it purged. Every peer of
 * the collection applies those purges when it commits the block, so they are the ledger's
 * own account of what left the private stores of the providers' peers.
 */
import { createHash } from 'node:crypto';
import type { Network } from '@hyperledger/fabric-gateway';
import { common, ledger, peer } from '@hyperledger/fabric-protos';
import { CHAINCODE, CHANNEL } from './network';

export interface PurgedKey {
  readonly collection: string;
  /** Hex SHA-256 of the key, as the hashed write set names it. */
  readonly keyHash: string;
}

/** A composite key as fabric-shim builds it (NUL-separated), hashed as Fabric hashes keys. */
export function compositeKeyHash(objectType: string, ...attributes: string[]): string {
  const key = `\u0000${[objectType, ...attributes].map((part) => `${part}\u0000`).join('')}`;
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

async function blockByNumber(network: Network, blockNumber: bigint): Promise<common.Block> {
  const bytes = await network
    .getContract('qscc')
    .evaluateTransaction('GetBlockByNumber', CHANNEL, blockNumber.toString());
  return common.Block.deserializeBinary(bytes);
}

/** The private keys the transaction TXID (committed in block BLOCKNUMBER) purged. */
export async function purgedKeys(
  network: Network,
  blockNumber: bigint,
  txId: string,
): Promise<PurgedKey[]> {
  const block = await blockByNumber(network, blockNumber);
  const purged: PurgedKey[] = [];
  for (const envelopeBytes of block.getData()?.getDataList_asU8() ?? []) {
    const payload = common.Payload.deserializeBinary(
      common.Envelope.deserializeBinary(envelopeBytes).getPayload_asU8(),
    );
    const header = common.ChannelHeader.deserializeBinary(
      payload.getHeader()?.getChannelHeader_asU8() ?? new Uint8Array(),
    );
    if (header.getTxId() !== txId) continue;
    const transaction = peer.Transaction.deserializeBinary(payload.getData_asU8());
    for (const action of transaction.getActionsList()) {
      const endorsed = peer.ChaincodeActionPayload.deserializeBinary(action.getPayload_asU8());
      const response = peer.ProposalResponsePayload.deserializeBinary(
        endorsed.getAction()?.getProposalResponsePayload_asU8() ?? new Uint8Array(),
      );
      const results = peer.ChaincodeAction.deserializeBinary(response.getExtension_asU8());
      const rwset = ledger.rwset.TxReadWriteSet.deserializeBinary(results.getResults_asU8());
      for (const ns of rwset.getNsRwsetList()) {
        if (ns.getNamespace() !== CHAINCODE) continue;
        for (const collection of ns.getCollectionHashedRwsetList()) {
          const hashed = ledger.rwset.kvrwset.HashedRWSet.deserializeBinary(
            collection.getHashedRwset_asU8(),
          );
          for (const write of hashed.getHashedWritesList()) {
            if (!write.getIsPurge()) continue;
            purged.push({
              collection: collection.getCollectionName(),
              keyHash: Buffer.from(write.getKeyHash_asU8()).toString('hex'),
            });
          }
        }
      }
    }
  }
  return purged;
}
