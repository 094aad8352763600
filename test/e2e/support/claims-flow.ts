/**
 * Steps of the claims end-to-end run that several scenarios share: waiting until every peer
 * has committed a block (a claim is endorsed by two organisations' peers, which must both
 * see what the previous step wrote), the event a transaction emitted, a claim read under the
 * access-trail rule (logClaimAccess, then getClaim) and the raw text of a failure.
 */
import { z } from 'zod';
import { ClaimContentsSchema, PublicClaimSchema } from '../../../chaincode/src/claims/claim';
import { Salt } from '../../../chaincode/src/claims/membership';
import { ClaimRecordSchema } from '../../../chaincode/src/claims/record';
import { ClaimResultSchema } from '../../../chaincode/src/claims/result';
import type { Committed } from '../../../gateway/src/fabric/transactions';
import { common } from '@hyperledger/fabric-protos';
import { CHAINCODE, CHANNEL, MSP, type OrgName, type Session, type TestNetwork } from './network';

const ORGS: readonly OrgName[] = ['providera', 'providerb', 'insurer', 'board'];

/** Sessions through each organisation's peer, to ask each peer for its height. */
export class Peers {
  readonly #sessions = new Map<OrgName, Session>();

  static async of(net: TestNetwork): Promise<Peers> {
    const peers = new Peers();
    for (const org of ORGS) peers.#sessions.set(org, await net.as('insurer', 'orgadmin', org));
    return peers;
  }

  async height(org: OrgName): Promise<bigint> {
    const session = this.#sessions.get(org);
    if (!session) throw new Error(`no session through ${org}`);
    const bytes = await session.network.getContract('qscc').evaluate('GetChainInfo', {
      arguments: [CHANNEL],
      endorsingOrganizations: [MSP[org]],
    });
    return BigInt(common.BlockchainInfo.deserializeBinary(bytes).getHeight());
  }

  /** Waits until every peer has committed block `blockNumber` (height above it). */
  async settle(blockNumber: bigint, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (const org of ORGS) {
      while ((await this.height(org)) <= blockNumber) {
        if (Date.now() > deadline) throw new Error(`${org}'s peer never reached ${blockNumber}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }
}

/** The chaincode event a committed transaction emitted: name and parsed payload. */
export async function eventOf(
  session: Session,
  committed: Committed<string>,
): Promise<{ name: string; payload: unknown }> {
  const events = await session.network.getChaincodeEvents(CHAINCODE, {
    startBlock: committed.blockNumber,
  });
  try {
    for await (const event of events) {
      if (event.transactionId === committed.transactionId) {
        return {
          name: event.eventName,
          payload: JSON.parse(Buffer.from(event.payload).toString('utf8')),
        };
      }
      if (event.blockNumber > committed.blockNumber) break;
    }
  } finally {
    events.close();
  }
  throw new Error(`transaction ${committed.transactionId} emitted no event`);
}

/** Everything a failed call said, gateway details included, for failures without a code. */
export async function failureText(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (err) {
    const details = (err as { details?: { message?: string }[] }).details ?? [];
    return [String((err as Error).message), ...details.map((d) => d.message ?? '')].join('\n');
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** What getClaim returns to a party of the claim, validated by the chaincode's own schemas. */
export const ClaimViewSchema = z.strictObject({
  claim: PublicClaimSchema,
  contents: ClaimContentsSchema,
  salt: Salt,
  // Every claim the run reads is adjudicated: its record has a result.
  record: ClaimRecordSchema.extend({ result: ClaimResultSchema }),
});

export type ClaimView = z.output<typeof ClaimViewSchema>;

/** getClaim's answer for any claim, one only submitted (no result yet) included. */
export const SubmittedClaimViewSchema = ClaimViewSchema.extend({ record: ClaimRecordSchema });

export const CLAIM_PARTIES = [MSP.providera, MSP.insurer];

/**
 * Data rule 6 on the real network: the reader's access entry is committed first (endorsed
 * by both parties, as every claim transaction), then the claim is read on the reader's peer.
 */
export async function readClaim(
  session: Session,
  peers: Peers,
  claimId: string,
): Promise<ClaimView> {
  const claims = session.contract('claims');
  const logged = await claims.submit('logClaimAccess', {
    args: [claimId],
    endorsingOrganizations: CLAIM_PARTIES,
  });
  await peers.settle(logged.blockNumber);
  return ClaimViewSchema.parse(JSON.parse(await claims.evaluate('getClaim', { args: [claimId] })));
}
