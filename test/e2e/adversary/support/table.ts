/**
 * The adversary suite's findings, one row per attempt (who tried what, what the project requires,
 * how it ended), printed once after every file of the run as a Markdown table for
 * docs/TRUST.md.
 */
import { describeOutcome, type Outcome } from './outcome';

interface Row {
  readonly attempt: string;
  readonly required: string;
  readonly outcome: string;
}

const rows: Row[] = [];

export function note(attempt: string, required: string, outcome: Outcome | string): void {
  rows.push({
    attempt,
    required,
    outcome: typeof outcome === 'string' ? outcome : describeOutcome(outcome),
  });
}

function printTable(): void {
  if (rows.length === 0) return;
  const cell = (text: string) => text.replaceAll('|', '\\|');
  console.log(
    '\n      ProviderB turned hostile, mode (a): its own CA and gateway, chaincode unchanged\n',
  );
  console.log('      | Attempt | Required | Outcome |');
  console.log('      |---|---|---|');
  for (const r of rows) {
    console.log(`      | ${cell(r.attempt)} | ${cell(r.required)} | ${cell(r.outcome)} |`);
  }
}

// A root hook, registered when the first file of the suite loads this module: the table comes
// once, after the last file, whichever files of the suite ran.
after(printTable);
