/**
 * What every peer's ledger says after a drill: its height, whether a transaction is in it and
 * with which validation code, and waiting until all peers agree on the height. Each peer is
 * asked through its own organisation's admin, so a peer that lags is not hidden by another.
 */
import type { Network } from '@hyperledger/fabric-gateway';
import { chainHeight } from '../../e2e/support/blocks';
import { type OrgName, TestNetwork } from '../../e2e/support/network';
import { ledgerStatusOf } from '../../e2e/security/support/refusals';
import { sleep } from './processes';

export const PEER_ORGS: readonly OrgName[] = ['providera', 'providerb', 'insurer', 'board'];

export class Ledgers {
  readonly net = new TestNetwork();
  readonly #networks = new Map<OrgName, Promise<Network>>();

  network(org: OrgName): Promise<Network> {
    let network = this.#networks.get(org);
    if (!network) {
      network = this.net.as(org, 'orgadmin').then((s) => s.network);
      this.#networks.set(org, network);
    }
    return network;
  }

  async height(org: OrgName): Promise<number> {
    return Number(await chainHeight(await this.network(org)));
  }

  async heights(): Promise<Record<OrgName, number>> {
    const entries = await Promise.all(
      PEER_ORGS.map(async (o) => [o, await this.height(o)] as const),
    );
    return Object.fromEntries(entries) as Record<OrgName, number>;
  }

  /** Waits until every peer has the same height, stable for a moment; returns it. */
  async settled(timeoutMs = 120_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hs = Object.values(await this.heights());
      if (hs.every((h) => h === hs[0])) {
        await sleep(1_000);
        const again = Object.values(await this.heights());
        if (again.every((h) => h === hs[0])) return hs[0] ?? 0;
      }
      if (Date.now() > deadline)
        throw new Error(`the peers never agreed: ${JSON.stringify(await this.heights())}`);
      await sleep(250);
    }
  }

  /** The validation code of each transaction on each peer (undefined: not in its ledger). */
  async statuses(
    txIds: readonly string[],
  ): Promise<Map<string, Record<OrgName, string | undefined>>> {
    const out = new Map<string, Record<OrgName, string | undefined>>();
    for (const txId of txIds) out.set(txId, {} as Record<OrgName, string | undefined>);
    await Promise.all(
      PEER_ORGS.map(async (org) => {
        const network = await this.network(org);
        for (const txId of txIds) {
          const row = out.get(txId);
          if (row) row[org] = await ledgerStatusOf(network, txId);
        }
      }),
    );
    return out;
  }

  close(): void {
    this.net.close();
  }
}
