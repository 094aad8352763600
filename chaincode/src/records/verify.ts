/**
 * Verifying a copy of a record: does it hash, with the salt its reader got, to what the
 * ledger holds for that version? The copy is PHI and the salt guards the hash against
 * guessing, so both come in the transient map; the answer is a yes or no and the hash.
 */
import { z } from 'zod';
import type { HealthContext } from '../shared/context';
import { saltedHash } from '../shared/hash';
import { Transient } from '../shared/names';
import { parse } from '../shared/schema';
import { RecordIdSchema, VersionArgSchema } from './state';
import { findRecord, findVersion } from './store';
import { transientSalt } from './transient';

/** Any JSON object: a copy that is not the resource simply does not match. */
const CopySchema = z.record(z.string(), z.unknown(), { error: 'must be a JSON object' });

export interface Verification {
  readonly matches: boolean;
  readonly recordId: string;
  readonly version: number;
  readonly ledgerHash: string;
}

export async function verifyRecord(
  ctx: HealthContext,
  recordIdArg: string,
  versionArg: string,
): Promise<Verification> {
  const recordId = parse(RecordIdSchema, recordIdArg, 'recordId');
  const version = parse(VersionArgSchema, versionArg, 'version');
  const copy = ctx.ledger.transientJson(CopySchema, Transient.Payload);
  const salt = transientSalt(ctx.ledger);
  // Tombstones keep their hashes: a copy of an erased record still verifies.
  const metadata = await findVersion(ctx.ledger, await findRecord(ctx.ledger, recordId), version);
  return {
    matches: saltedHash(salt, copy) === metadata.hash,
    recordId,
    version: metadata.version,
    ledgerHash: metadata.hash,
  };
}
