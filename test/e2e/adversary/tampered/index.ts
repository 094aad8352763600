/**
 * A tampered build of the healthledger chaincode, for the adversary suite's mode (b) only: what
 * a member could run on its own peer. It serves the four honest contracts unchanged (so the
 * peer still endorses everything else as before) and `forge`, which checks nothing: it writes
 * whatever keys and values it is told, public or private, in any collection, and reads any
 * private data the peer holds. scripts/adversary.sh runs it in place of one organisation's
 * chaincode server. No package carries it: a peer talks to whatever listens at its chaincode
 * server's address, and that is the point.
 */
import { Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { contracts as honest } from '../../../../chaincode/src/index';
import { HealthContext } from '../../../../chaincode/src/shared/context';

/** One key (a composite key, as the honest chaincode's key functions make it) to write:
 * public when COLLECTION is absent. */
export interface ForgedWrite {
  readonly collection?: string;
  readonly key: string;
  readonly value: unknown;
}

@Info({ title: 'forge', description: 'Test only: writes and reads anything, checks nothing' })
export class ForgeContract extends Contract {
  constructor() {
    super('forge');
  }

  override createContext(): HealthContext {
    return new HealthContext();
  }

  /** Writes every key of WRITESJSON (a ForgedWrite[]) as given. */
  @Transaction()
  async write(ctx: HealthContext, writesJson: string): Promise<void> {
    for (const w of JSON.parse(writesJson) as ForgedWrite[]) {
      const bytes = Buffer.from(JSON.stringify(w.value));
      if (w.collection === undefined) await ctx.stub.putState(w.key, bytes);
      else await ctx.stub.putPrivateData(w.collection, w.key, bytes);
    }
  }

  /** Whatever this peer holds under the key in COLLECTION, with no check; '' when nothing. */
  @Transaction(false)
  @Returns('string')
  async peek(ctx: HealthContext, collection: string, key: string): Promise<string> {
    const bytes = await ctx.stub.getPrivateData(collection, key);
    return Buffer.from(bytes).toString('utf8');
  }
}

export const contracts = [...honest, ForgeContract];
