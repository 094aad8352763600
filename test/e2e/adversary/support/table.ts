/**
 * The adversary suite's findings, one row per attempt (who tried what, what the project requires,
 * how it ended), printed once after every file of the run as a Markdown table per mode for
 * docs/TRUST.md.
 */
import { describeOutcome, type Outcome } from './outcome';

const MODES = {
  a: 'ProviderB turned hostile, mode (a): its own CA and gateway, chaincode unchanged',
  b: 'ProviderB turned hostile, mode (b): its own chaincode server replaced by a tampered build',
} as const;

type Mode = keyof typeof MODES;

interface Row {
  readonly mode: Mode;
  readonly attempt: string;
  readonly required: string;
  readonly outcome: string;
}

const rows: Row[] = [];

export function note(
  attempt: string,
  required: string,
  outcome: Outcome | string,
  mode: Mode = 'a',
): void {
  rows.push({
    mode,
    attempt,
    required,
    outcome: typeof outcome === 'string' ? outcome : describeOutcome(outcome),
  });
}

function printTable(): void {
  const cell = (text: string) => text.replaceAll('|', '\\|');
  for (const mode of Object.keys(MODES) as Mode[]) {
    const ofMode = rows.filter((r) => r.mode === mode);
    if (ofMode.length === 0) continue;
    console.log(`\n      ${MODES[mode]}\n`);
    console.log('      | Attempt | Required | Outcome |');
    console.log('      |---|---|---|');
    for (const r of ofMode) {
      console.log(`      | ${cell(r.attempt)} | ${cell(r.required)} | ${cell(r.outcome)} |`);
    }
  }
}

// A root hook, registered when the first file of the suite loads this module: the table comes
// once, after the last file, whichever files of the suite ran.
after(printTable);
