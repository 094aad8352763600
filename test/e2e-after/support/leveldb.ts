/**
 * The bytes of a LevelDB file as a byte search must see them, for the peers' state, history,
 * private data and transient stores. A table (.ldb/.sst) keeps its blocks Snappy-compressed:
 * here every block listed by the table's index, decompressed. A journal (NNNNNN.log) splits
 * its records into 32 KiB blocks with a 7-byte header per fragment, which can cut a value in
 * two: here the fragments joined again. Read from the raw files rather than through a
 * LevelDB library on purpose: a library shows only live entries (and needs the lock the
 * running peer holds), where a placement scan must also see the stale versions and deleted
 * entries still on disk until compaction.
 */
import { snappyDecode, varint } from './snappy';

const TABLE_MAGIC = Buffer.from('57fb808b247547db', 'hex');
const FOOTER = 48;
const TRAILER = 5; // compression type, CRC
const JOURNAL_BLOCK = 32 * 1024;
const JOURNAL_HEADER = 7; // CRC (4), length (2), type (1)

interface Handle {
  readonly offset: number;
  readonly size: number;
}

function handleAt(bytes: Uint8Array, start: number): { handle: Handle; next: number } {
  // 64-bit varints: up to 10 bytes.
  const offset = varint(bytes, start, 10);
  const size = varint(bytes, offset.next, 10);
  return { handle: { offset: offset.value, size: size.value }, next: size.next };
}

function block(file: Buffer, { offset, size }: Handle): Buffer {
  if (offset + size + TRAILER > file.length) throw new Error('leveldb: block past the end');
  const raw = file.subarray(offset, offset + size);
  switch (file[offset + size]) {
    case 0:
      return raw;
    case 1:
      return snappyDecode(raw);
    default:
      throw new Error(`leveldb: unknown compression ${file[offset + size]}`);
  }
}

/** The values of a block's entries (keys share prefixes, values are whole). */
function entryValues(data: Buffer): Buffer[] {
  const restarts = data.readUInt32LE(data.length - 4);
  const end = data.length - 4 - 4 * restarts;
  const values: Buffer[] = [];
  for (let pos = 0; pos < end;) {
    const shared = varint(data, pos);
    const unshared = varint(data, shared.next);
    const length = varint(data, unshared.next);
    const start = length.next + unshared.value;
    values.push(data.subarray(start, start + length.value));
    pos = start + length.value;
  }
  return values;
}

export function isTable(file: Buffer): boolean {
  return file.length >= FOOTER && file.subarray(file.length - 8).equals(TABLE_MAGIC);
}

/** Every data block of a table, decompressed, one after the other. */
export function tableBlocks(file: Buffer): Buffer {
  const footer = file.subarray(file.length - FOOTER);
  const { next } = handleAt(footer, 0); // the metaindex block: filters, no values
  const index = handleAt(footer, next).handle;
  const blocks = entryValues(block(file, index)).map((v) => block(file, handleAt(v, 0).handle));
  return Buffer.concat(blocks);
}

/** The payload of every fragment of a journal, headers and block padding left out. */
export function journalPayload(file: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let base = 0; base < file.length; base += JOURNAL_BLOCK) {
    const end = Math.min(base + JOURNAL_BLOCK, file.length);
    for (let pos = base; pos + JOURNAL_HEADER <= end;) {
      const length = file.readUInt16LE(pos + 4);
      const type = file[pos + 6];
      if (type === 0 && length === 0) break; // zeroed tail of a preallocated block
      const start = pos + JOURNAL_HEADER;
      parts.push(file.subarray(start, Math.min(start + length, end)));
      pos = start + length;
    }
  }
  return Buffer.concat(parts);
}
