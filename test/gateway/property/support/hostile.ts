/**
 * Hostile JSON for property tests: boundary and wrong-typed values, huge strings and arrays,
 * deep nesting, unicode edge cases, prototype-polluting keys, impossible dates and bad money.
 * Bodies are built from prototype-less objects, so "__proto__" and "constructor" become
 * ordinary own keys and reach the wire; values JSON.stringify cannot write (1e400, nesting
 * deeper than its stack) travel as raw JSON text.
 */
import fc from 'fast-check';

/** JSON text written verbatim into a body. */
export class RawJson {
  readonly text: string;
  readonly label: string;

  constructor(text: string, label: string) {
    this.text = text;
    this.label = label;
  }
}

export type Hostile = RawJson | null | boolean | number | string | HostileArray | HostileObject;
export type HostileArray = Hostile[];
export interface HostileObject {
  [key: string]: Hostile;
}

/** A prototype-less copy of a JSON value, so any key can be set on it. */
export function bare(value: unknown): Hostile {
  if (Array.isArray(value)) return value.map(bare);
  if (value instanceof RawJson) return value;
  if (typeof value === 'object' && value !== null) {
    const copy = Object.create(null) as HostileObject;
    for (const [k, v] of Object.entries(value)) copy[k] = bare(v);
    return copy;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  return null;
}

/** The JSON text of a hostile value, raw pieces written verbatim. */
export function toJsonText(value: Hostile): string {
  const raws: RawJson[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof RawJson) {
      raws.push(v);
      return `\u0000raw${raws.length - 1}\u0000`;
    }
    return v;
  });
  return text.replace(/"\\u0000raw(\d+)\\u0000"/g, (_m, i: string) => raws[Number(i)]?.text ?? '');
}

/** An object nested DEPTH levels deep, as raw text (JSON.stringify would overflow). */
export function deepObject(depth: number): RawJson {
  return new RawJson(
    `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
    `object nested ${depth} deep`,
  );
}

export function deepArray(depth: number): RawJson {
  return new RawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`, `array nested ${depth} deep`);
}

export const UNICODE_EDGES: readonly string[] = [
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
  '\u0000',
  '\u202eevil\u202c', // right-to-left override
  '\u200b', // zero-width space
  '\ufeff', // byte order mark
  'e\u0301\u0301\u0301', // stacked combining accents
  '\u{1F469}\u200d\u2695\ufe0f', // woman health worker, a ZWJ sequence
  '\u{1D518}\u{1D52B}\u{1D526}', // mathematical fraktur
  'ﷺ',
  '\uffff',
  '\r\n\t',
  '  ',
];

export const ODD_TEXT: readonly string[] = [
  '',
  ' ',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e309',
  "'; DROP TABLE patients; --",
  '../../../etc/passwd',
  '%00',
  '<script>alert(1)</script>',
  '${7*7}',
  'pat-a00001\n',
  'pat-A00001',
  'rec-',
  '__proto__',
];

export const BAD_DATES: readonly string[] = [
  '2026-02-30',
  '2025-02-29',
  '2026-13-01',
  '2026-00-10',
  '2026-01-32',
  '0000-00-00',
  '10000-01-01',
  '+275760-09-13',
  '-000001-01-01',
  '2026-1-1',
  '2026/01/01',
  '01/02/2026',
  '2026-01-01T00:00:00', // no zone
  '2026-01-01T24:00:00Z',
  '2026-01-01T23:59:60Z',
  '2026-01-01T00:00:00+25:00',
  '2026-02-30T00:00:00Z',
  'tomorrow',
  '1970-01-01 00:00:00Z',
];

/** Amounts no money field may take: negative, fractional, beyond safe integers, not numbers. */
export const BAD_MONEY: readonly Hostile[] = [
  -1,
  -0.01,
  0.5,
  1.5,
  12.345,
  -100_000,
  1e21,
  Number.MAX_SAFE_INTEGER + 1,
  100_000_000_001,
  '1000',
  '12.00',
  true,
  null,
  [],
  new RawJson('1e400', '1e400 (Infinity once parsed)'),
  new RawJson('-1e400', '-1e400'),
  new RawJson('9007199254740993', 'an integer JSON cannot keep exactly'),
];

export const PROTO_KEYS: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '__defineGetter__',
  'valueOf',
];

const hugeString = fc.constantFrom(5_000, 70_000, 300_000).map((n) => 'x'.repeat(n));

const hugeArray = fc.constantFrom(1_000, 60_000).map((n) => Array.from({ length: n }, () => 0));

const protoObject: fc.Arbitrary<Hostile> = fc
  .tuple(fc.constantFrom(...PROTO_KEYS), fc.jsonValue({ maxDepth: 2 }))
  .map(([key, value]) => {
    const o = Object.create(null) as HostileObject;
    o[key] = bare(value);
    o.polluted = 'yes';
    return o;
  });

/** Text a client may put anywhere a string goes (in bodies, paths, queries, headers). */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...UNICODE_EDGES),
  fc.constantFrom(...ODD_TEXT),
  fc.constantFrom(...BAD_DATES),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ maxLength: 300 }),
);

const oddNumber: fc.Arbitrary<Hostile> = fc.oneof(
  fc.constantFrom(...BAD_MONEY),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1, 2 ** 31, -(2 ** 31), 2 ** 53),
);

/** Any value a hostile client may put where a field belongs. */
export const hostileValue: fc.Arbitrary<Hostile> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 3, arbitrary: oddNumber },
  { weight: 1, arbitrary: fc.constantFrom<Hostile>(null, true, false, [], bare({})) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map(bare) },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: hugeArray },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(10, 200, 5_000)
      .chain((d) => fc.constantFrom(deepObject(d), deepArray(d))),
  },
  { weight: 1, arbitrary: protoObject },
);

/** A key a hostile client may add to any object. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...PROTO_KEYS),
  fc.constantFrom(...UNICODE_EDGES),
  fc.constantFrom('', ' ', 'id', 'role', 'mspId', 'admin', 'a.b', '$where', 'x'.repeat(5_000)),
  fc.string({ maxLength: 20 }),
);
