/**
 * Snappy decompression (the raw block format, not the framing format), for the LevelDB tables
 * of the peers: goleveldb, as Fabric opens it (leveldbhelper, default options), compresses
 * every table block with Snappy, where a value may be split by back-references into earlier
 * bytes and so be invisible to a byte search. Decoding only, hand-written: the format is a
 * length and two kinds of element (literal, copy); the npm packages for it are native
 * bindings, a dependency for a test to avoid.
 */

/** A little-endian base-128 varint (Snappy's length, LevelDB's handles) of at most MAXBYTES. */
export function varint(
  input: Uint8Array,
  start: number,
  maxBytes = 5,
): { value: number; next: number } {
  let value = 0;
  let factor = 1;
  for (let pos = start; pos < input.length && pos < start + maxBytes; pos++) {
    const byte = input[pos] ?? 0;
    value += (byte & 0x7f) * factor;
    if (byte < 0x80) return { value, next: pos + 1 };
    factor *= 128;
  }
  throw new Error('bad varint');
}

function littleEndian(input: Uint8Array, pos: number, bytes: number): number {
  let value = 0;
  for (let i = bytes - 1; i >= 0; i--) value = value * 256 + (input[pos + i] ?? 0);
  return value;
}

/** The decompressed bytes; throws on input that is not Snappy. */
export function snappyDecode(input: Uint8Array): Buffer {
  const { value: length, next } = varint(input, 0);
  const out = Buffer.alloc(length);
  let pos = next;
  let o = 0;
  while (pos < input.length) {
    const tag = input[pos++] ?? 0;
    if ((tag & 3) === 0) {
      let len = tag >>> 2;
      if (len >= 60) {
        const bytes = len - 59;
        len = littleEndian(input, pos, bytes);
        pos += bytes;
      }
      len += 1;
      if (pos + len > input.length || o + len > length) throw new Error('snappy: bad literal');
      out.set(input.subarray(pos, pos + len), o);
      pos += len;
      o += len;
      continue;
    }
    let len: number;
    let offset: number;
    if ((tag & 3) === 1) {
      len = 4 + ((tag >>> 2) & 7);
      offset = ((tag >>> 5) << 8) | (input[pos++] ?? 0);
    } else {
      const bytes = (tag & 3) === 2 ? 2 : 4;
      len = 1 + (tag >>> 2);
      offset = littleEndian(input, pos, bytes);
      pos += bytes;
    }
    if (offset === 0 || offset > o || o + len > length) throw new Error('snappy: bad copy');
    // Byte by byte: a copy may overlap its own output (a run).
    for (let i = 0; i < len; i++, o++) out[o] = out[o - offset] ?? 0;
  }
  if (o !== length) throw new Error('snappy: short output');
  return out;
}
