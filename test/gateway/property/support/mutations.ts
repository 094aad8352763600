/**
 * Mutations of a valid request body: replace it whole, set a field (at any depth) to a hostile
 * value, drop a field, or add an unexpected key. Each mutation is data, so fast-check prints
 * it when it shrinks a failure.
 */
import fc from 'fast-check';
import {
  bare,
  type Hostile,
  type HostileObject,
  hostileKey,
  hostileValue,
  RawJson,
} from './hostile';

export type Mutation =
  | { readonly kind: 'replace-body'; readonly value: Hostile }
  | { readonly kind: 'set'; readonly at: number; readonly value: Hostile }
  | { readonly kind: 'drop'; readonly at: number }
  | { readonly kind: 'add'; readonly at: number; readonly key: string; readonly value: Hostile };

type Path = readonly (string | number)[];

function isObject(v: Hostile): v is HostileObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof RawJson);
}

/** Every path to a value inside BODY (not the body itself). */
function pathsOf(body: Hostile, prefix: Path = []): Path[] {
  const out: Path[] = [];
  if (Array.isArray(body)) {
    if (body.length > 100) return out; // huge arrays: their first element stands for all
    body.forEach((v, i) => out.push([...prefix, i], ...pathsOf(v, [...prefix, i])));
  } else if (isObject(body)) {
    for (const [k, v] of Object.entries(body))
      out.push([...prefix, k], ...pathsOf(v, [...prefix, k]));
  }
  return out;
}

function containersOf(body: Hostile, prefix: Path = []): Path[] {
  const out: Path[] = isObject(body) ? [prefix] : [];
  if (Array.isArray(body) && body.length <= 100) {
    body.forEach((v, i) => out.push(...containersOf(v, [...prefix, i])));
  } else if (isObject(body)) {
    for (const [k, v] of Object.entries(body)) out.push(...containersOf(v, [...prefix, k]));
  }
  return out;
}

function at(body: Hostile, path: Path): Hostile {
  let v: Hostile = body;
  for (const step of path) {
    if (Array.isArray(v) && typeof step === 'number') v = v[step] ?? null;
    else if (isObject(v)) v = v[String(step)] ?? null;
  }
  return v;
}

function apply(body: Hostile, m: Mutation): Hostile {
  // Generated values are copied: fast-check reuses them while shrinking.
  if (m.kind === 'replace-body') return bare(m.value);
  if (m.kind === 'add') {
    const containers = containersOf(body);
    const target = containers[m.at % Math.max(containers.length, 1)];
    if (target === undefined) return body;
    const object = at(body, target);
    if (isObject(object)) object[m.key] = bare(m.value);
    return body;
  }
  const paths = pathsOf(body);
  const path = paths[m.at % Math.max(paths.length, 1)];
  if (path === undefined) return m.kind === 'set' ? bare(m.value) : body;
  const parent = at(body, path.slice(0, -1));
  const last = path[path.length - 1];
  if (Array.isArray(parent) && typeof last === 'number') {
    if (m.kind === 'set') parent[last] = bare(m.value);
    else parent.splice(last, 1);
  } else if (isObject(parent) && last !== undefined) {
    if (m.kind === 'set') parent[String(last)] = bare(m.value);
    else delete parent[String(last)];
  }
  return body;
}

const index = fc.nat({ max: 10_000 });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 1, arbitrary: hostileValue.map((value) => ({ kind: 'replace-body' as const, value })) },
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('set' as const), at: index, value: hostileValue }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('drop' as const), at: index }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      at: index,
      key: hostileKey,
      value: hostileValue,
    }),
  },
);

export const mutations = fc.array(mutation, { minLength: 1, maxLength: 3 });

/** A fresh copy of VALID with the mutations applied in order. */
export function mutate(valid: unknown, ms: readonly Mutation[]): Hostile {
  return ms.reduce<Hostile>((body, m) => apply(body, m), bare(valid));
}
