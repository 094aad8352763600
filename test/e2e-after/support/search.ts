/**
 * Byte search for PHI values in files: each value as UTF-8 and as JSON escapes it once and
 * twice (a payload inside a JSON string inside a JSON log line), in each file's raw bytes and,
 * for a LevelDB file, in its decompressed table blocks or its reassembled journal.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isTable, journalPayload, tableBlocks } from './leveldb';

export type View = 'raw' | 'leveldb table, decompressed' | 'leveldb journal, reassembled';

export interface Hit {
  /** Index of the value in the list searched for. */
  readonly value: number;
  readonly file: string;
  readonly view: View;
}

export interface FileSearch {
  readonly hits: Hit[];
  /** LevelDB files whose structure could not be read (searched raw only), with the reason. */
  readonly unreadable: { file: string; reason: string }[];
  bytes: number;
}

const escape = (text: string) => JSON.stringify(text).slice(1, -1);

/** The byte strings that mean VALUE. */
export function forms(value: string): Buffer[] {
  const texts = new Set([value, escape(value), escape(escape(value))]);
  return [...texts].map((t) => Buffer.from(t, 'utf8'));
}

function isJournal(file: string): boolean {
  return /^\d+\.log$/.test(basename(file)) && existsSync(join(dirname(file), 'CURRENT'));
}

function views(file: string, bytes: Buffer, unreadable: FileSearch['unreadable']) {
  const found: { view: View; bytes: Buffer }[] = [{ view: 'raw', bytes }];
  try {
    if (/\.(ldb|sst)$/.test(file) && isTable(bytes)) {
      found.push({ view: 'leveldb table, decompressed', bytes: tableBlocks(bytes) });
    } else if (isJournal(file)) {
      found.push({ view: 'leveldb journal, reassembled', bytes: journalPayload(bytes) });
    }
  } catch (err) {
    unreadable.push({ file, reason: (err as Error).message });
  }
  return found;
}

/** Where each of VALUES occurs in FILES (one hit per value, file and view). */
export function search(files: readonly string[], values: readonly string[]): FileSearch {
  const needles = values.map(forms);
  const result: FileSearch = { hits: [], unreadable: [], bytes: 0 };
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      continue; // removed while the network runs (a compacted table, a rotated WAL)
    }
    result.bytes += bytes.length;
    for (const { view, bytes: haystack } of views(file, bytes, result.unreadable)) {
      needles.forEach((ways, value) => {
        if (ways.some((n) => haystack.includes(n))) result.hits.push({ value, file, view });
      });
    }
  }
  return result;
}
