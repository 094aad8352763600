/**
 * The verdict of the data-placement scan: for each PHI value, the places it was found, whether
 * each was entitled to it (a peer of one of its custodians), and the matrix printed for the
 * run: value kind (with custodian) × place → how many of its values were found there.
 */
import type { PhiEntry } from '../../e2e/support/phi-ledger';
import type { Place } from './places';
import type { Hit } from './search';

export interface Value extends PhiEntry {
  /** The patient was erased: their values were purged from the custodian's private data. */
  readonly erased: boolean;
}

export interface Finding {
  readonly value: Value;
  readonly place: Place;
  readonly file: string;
  readonly view: Hit['view'];
}

export function entitled(place: Place, value: PhiEntry): boolean {
  return (
    place.kind === 'peer' && place.mspId !== undefined && value.custodians.includes(place.mspId)
  );
}

/** One finding per value, place and file (the first view that showed it). */
export function findings(values: readonly Value[], located: readonly [Place, Hit[]][]): Finding[] {
  const seen = new Set<string>();
  const found: Finding[] = [];
  for (const [place, hits] of located) {
    for (const hit of hits) {
      const key = `${hit.value} ${hit.file}`;
      const value = values[hit.value];
      if (seen.has(key) || !value) continue;
      seen.add(key);
      found.push({ value, place, file: hit.file, view: hit.view });
    }
  }
  return found;
}

/** Values, not erased, missing from a peer of their custodian. */
export function missing(values: readonly Value[], all: readonly Place[], found: Finding[]) {
  return values.flatMap((value) =>
    value.erased
      ? []
      : all
          .filter((place) => entitled(place, value))
          .filter((place) => !found.some((f) => f.value === value && f.place === place))
          .map((place) => ({ value, place })),
  );
}

const group = (v: Value) =>
  `${v.kind}, custodian ${v.custodians.join(' + ')}${v.erased ? ', patient erased' : ''}`;

/** The matrix as lines of text: a legend of value kinds (K1…), then one row per place. */
export function matrix(
  values: readonly Value[],
  all: readonly Place[],
  found: Finding[],
): string[] {
  const groups = [...new Set(values.map(group))];
  const lines = groups.map((g, i) => {
    const n = values.filter((v) => group(v) === g).length;
    return `K${i + 1}  ${g}: ${n} value${n === 1 ? '' : 's'}`;
  });
  const width = Math.max(...all.map((p) => p.name.length));
  const cells = groups.map((g, i) => {
    const of = values.filter((v) => group(v) === g);
    return {
      header: `K${i + 1}`,
      cell: (place: Place) => {
        const present = of.filter((v) => found.some((f) => f.value === v && f.place === place));
        const sample = of[0];
        const text = present.length === 0 ? '-' : `${present.length}/${of.length}`;
        return sample && entitled(place, sample) ? `[${present.length}/${of.length}]` : text;
      },
    };
  });
  const pad = (text: string) => text.padStart(8);
  lines.push('', `${'place'.padEnd(width)}${cells.map((c) => pad(c.header)).join('')}`);
  for (const place of all) {
    lines.push(`${place.name.padEnd(width)}${cells.map((c) => pad(c.cell(place))).join('')}`);
  }
  lines.push(
    '',
    '[n/m] a place entitled to the kind: n of its m values found there (all, unless erased)',
    ' n/m  a place not entitled: n values found there, each a finding below',
    '  -   none found',
  );
  return lines;
}
