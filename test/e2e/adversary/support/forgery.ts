/**
 * ProviderB's tampered chaincode server as the mode (b) suite drives it: scripts/adversary.sh
 * swaps it in and out, `forge` writes keys made with the honest chaincode's own key functions
 * (so a forged fact sits exactly where a genuine one would), and every forged transaction is
 * endorsed by ProviderB's peer alone, as a member going it alone would send it.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ChaincodeStub } from 'fabric-shim';
import { Ledger } from '../../../../chaincode/src/shared/ledger';
import { implicitCollection } from '../../../../chaincode/src/shared/names';
import { type Committed, Transactions } from '../../../../gateway/src/fabric/transactions';
import { FakeStub } from '../../../support/fake-stub';
import { CHAINCODE, MSP, type Session } from '../../support/network';
import type { ForgedWrite } from '../tampered/index';

const run = promisify(execFile);
const repo = join(__dirname, '..', '..', '..', '..', '..');

/** Swaps ProviderB's chaincode server for the tampered build, or back. */
export async function providerB(command: 'tamper' | 'restore'): Promise<void> {
  await run('bash', [join(repo, 'scripts', 'adversary.sh'), command, 'providerb'], {
    env: process.env,
    maxBuffer: 16 * 1024 * 1024,
  });
}

/** Composite keys exactly as the chaincode makes them (the shim's format), without a peer. */
export const keys = new Ledger(new FakeStub() as unknown as ChaincodeStub);

/** A public key, and the same key attested in AUTHORITY's implicit collection. */
export function asTheAuthorityWould(authority: string, key: string, value: unknown): ForgedWrite[] {
  return [
    { key, value },
    { collection: implicitCollection(authority), key, value },
  ];
}

export class Forger {
  readonly #forge: Transactions;
  readonly #session: Session;

  constructor(session: Session) {
    this.#session = session;
    this.#forge = new Transactions(session.network.getContract(CHAINCODE, 'forge'));
  }

  /** Submits WRITES endorsed by ProviderB's peer alone; resolves once committed as VALID,
   * rejects with the validation code (CommitFailedError) or the endorsement error. */
  write(writes: readonly ForgedWrite[]): Promise<Committed<string>> {
    return this.#forge.submit('write', {
      args: [JSON.stringify(writes)],
      endorsingOrganizations: [MSP.providerb],
    });
  }

  /** What the peer of ORG returns for a private key, with no check at all. */
  peek(org: keyof typeof MSP, collection: string, key: string): Promise<string> {
    return this.#forge.evaluate('peek', {
      args: [collection, key],
      endorsingOrganizations: [MSP[org]],
    });
  }

  get session(): Session {
    return this.#session;
  }
}
