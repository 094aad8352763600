/**
 * The custodian of clinical data: the provider whose implicit collection holds it (the
 * registering provider for demographics, the author for a record). Its peers alone store it,
 * and it leaves them only through the custodian's own chaincode: the reader's access entry is
 * endorsed by the custodian's peer, which attests it in its own implicit collection (a write
 * there is valid only with that organisation's endorsement), and the content comes back from
 * an evaluate directed at the custodian's peer, which checks that attestation again.
 */
import type { HealthContext } from '../shared/context';
import { forbidden } from '../shared/errors';
import type { Ledger } from '../shared/ledger';
import { parse } from '../shared/schema';
import { RecordIdSchema } from './state';
import { findRecord } from './store';

export interface Custody {
  readonly recordId: string;
  readonly custodian: string;
}

/** Public facts (the record's key and author are on the ledger): anyone may ask. */
export async function recordCustodian(ctx: HealthContext, recordIdArg: string): Promise<Custody> {
  const recordId = parse(RecordIdSchema, recordIdArg, 'recordId');
  return { recordId, custodian: (await findRecord(ctx.ledger, recordId)).authorMsp };
}

/** FORBIDDEN unless this transaction runs on a peer of CUSTODIAN. A chaincode server not told
 * its peer's MSP cannot say; then the custodian's collection policy decides at validation. */
export function requireCustodianPeer(ledger: Ledger, custodian: string, what: string): void {
  const peer = ledger.peerMsp();
  if (peer !== undefined && peer !== custodian) {
    throw forbidden(
      `${what} is held by ${custodian}, not by this peer's organisation (${peer}): send the request to ${custodian}'s peer`,
    );
  }
}
