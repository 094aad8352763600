/**
 * The duplicate-line index: for each provider, member, rendering practitioner, service date
 * and code, the claim line that holds it. Adjudication data, so it lives with the insurer
 * (its implicit collection), keyed by an HMAC with the insurer's secret: the key's public
 * hash says nothing about the member or the service.
 */
import { z } from 'zod';
import type { Ledger } from '../shared/ledger';
import { Id } from '../shared/schema';
import type { PriorLine } from './checks';
import type { ClaimContents } from './claim';
import { INSURER_COLLECTION } from './insurer-secret';
import { keys } from './keys';
import { LineOutcome, type LineResult } from './result';

const LineIndexEntrySchema = z.strictObject({
  claimId: Id,
  line: z.int().min(1),
  /** false once the line is denied: a denied line does not make a later one a duplicate. */
  active: z.boolean(),
});

export type LineIndexEntry = z.output<typeof LineIndexEntrySchema>;

function lineKey(ledger: Ledger, secret: string, contents: ClaimContents, code: string): string {
  return keys.claimLine(ledger, secret, {
    providerMsp: contents.providerMsp,
    patientId: contents.patientId,
    practitionerId: contents.renderingPractitionerId,
    date: contents.serviceDate,
    code,
  });
}

export async function lineIndexEntry(
  ledger: Ledger,
  secret: string | undefined,
  contents: ClaimContents,
  code: string,
): Promise<LineIndexEntry | undefined> {
  if (secret === undefined) return undefined;
  const key = lineKey(ledger, secret, contents, code);
  return ledger.getPrivate(LineIndexEntrySchema, INSURER_COLLECTION, key);
}

/** Active lines of the same member, practitioner and date with a code of this claim. */
export async function priorLinesOf(
  ledger: Ledger,
  secret: string | undefined,
  contents: ClaimContents,
): Promise<PriorLine[]> {
  const prior: PriorLine[] = [];
  for (const code of new Set(contents.lines.map((l) => l.code))) {
    const entry = await lineIndexEntry(ledger, secret, contents, code);
    if (entry?.active === true) {
      prior.push({
        claimId: entry.claimId,
        practitionerId: contents.renderingPractitionerId,
        serviceDate: contents.serviceDate,
        code,
      });
    }
  }
  return prior;
}

/**
 * Points the index at these lines of the claim: active when approved or pended, inactive
 * when denied. An entry of another claim is left alone, so denying a duplicate never
 * unblocks the line it duplicated.
 */
export async function indexLines(
  ledger: Ledger,
  secret: string,
  contents: ClaimContents,
  lines: readonly LineResult[],
): Promise<void> {
  for (const line of lines) {
    const key = lineKey(ledger, secret, contents, line.code);
    const current = await ledger.getPrivate(LineIndexEntrySchema, INSURER_COLLECTION, key);
    const active = line.outcome !== LineOutcome.Denied;
    const ours = current?.claimId === contents.claimId && current.line === line.line;
    if (ours ? current.active === active : !active) continue;
    await ledger.putPrivate(INSURER_COLLECTION, key, {
      claimId: contents.claimId,
      line: line.line,
      active,
    });
  }
}
