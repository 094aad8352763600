/**
 * The figures of each drill (load, fault, acknowledged and found, refused, recovery and
 * reconciliation times), printed when the drill ends and, when HEALTHLEDGER_FAULTS_REPORT
 * names a file, appended to it as JSON lines for docs/RELIABILITY.md.
 */
import { appendFileSync } from 'node:fs';

/** Only network drills kill processes; anywhere else they would hit a shared network. */
export function onFaultNetwork(): boolean {
  return process.env.HEALTHLEDGER_FAULTS === '1';
}

export type Figures = Readonly<Record<string, string | number | boolean>>;

export function report(drill: string, figures: Figures): void {
  console.log(`\n      ${drill}`);
  for (const [k, v] of Object.entries(figures)) console.log(`        ${k}: ${v}`);
  const file = process.env.HEALTHLEDGER_FAULTS_REPORT;
  if (file)
    appendFileSync(
      file,
      `${JSON.stringify({ drill, at: new Date().toISOString(), ...figures })}\n`,
    );
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
