/**
 * Reads every block of the channel from a peer, to prove that no PHI used in a test reached
 * the public ledger: arguments, results, events and write sets are all inside block bytes.
 */
import { common } from '@hyperledger/fabric-protos';
import type { Network } from '@hyperledger/fabric-gateway';
import { CHANNEL } from './network';

export async function chainHeight(network: Network): Promise<bigint> {
  const bytes = await network.getContract('qscc').evaluateTransaction('GetChainInfo', CHANNEL);
  return BigInt(common.BlockchainInfo.deserializeBinary(bytes).getHeight());
}

/** The raw bytes of blocks 0 .. height-1. */
export async function allBlocks(network: Network): Promise<Uint8Array[]> {
  const height = await chainHeight(network);
  const blocks: Uint8Array[] = [];
  const events = await network.getBlockEvents({ startBlock: BigInt(0) });
  try {
    for await (const block of events) {
      blocks.push(block.serializeBinary());
      if (BigInt(blocks.length) >= height) break;
    }
  } finally {
    events.close();
  }
  return blocks;
}

/** The values among NEEDLES found in any block, as UTF-8 text. */
export async function phiFoundInBlocks(
  network: Network,
  needles: readonly string[],
): Promise<string[]> {
  const blocks = await allBlocks(network);
  const haystacks = blocks.map((b) => Buffer.from(b));
  return needles.filter((n) => haystacks.some((h) => h.includes(Buffer.from(n, 'utf8'))));
}
