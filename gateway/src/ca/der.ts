/**
 * The little DER (ASN.1) a certificate signing request needs: sequences, sets, integers,
 * object identifiers, strings and bit strings. Node's crypto signs and exports keys but does
 * not build CSRs, and this is small enough not to need a library.
 */

export function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), length(content.length), content]);
}

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export const sequence = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items));
export const set = (...items: Buffer[]) => tlv(0x31, Buffer.concat(items));
export const smallInteger = (n: number) => tlv(0x02, Buffer.from([n]));
export const utf8String = (s: string) => tlv(0x0c, Buffer.from(s, 'utf8'));
/** A bit string of whole bytes (no unused bits). */
export const bitString = (bytes: Buffer) => tlv(0x03, Buffer.concat([Buffer.from([0]), bytes]));
/** [n] IMPLICIT, constructed. */
export const contextConstructed = (n: number, content: Buffer) => tlv(0xa0 | n, content);

export function objectIdentifier(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const chunk = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128))
      chunk.unshift(0x80 | (v & 0x7f));
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

/** Reads the value of the TLV at offset; undefined when the bytes run out. */
export function readTlv(
  der: Buffer,
  offset: number,
): { tag: number; value: Buffer; end: number } | undefined {
  const tag = der[offset];
  const first = der[offset + 1];
  if (tag === undefined || first === undefined) return undefined;
  let len = first;
  let start = offset + 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    len = 0;
    for (let i = 0; i < count; i++) len = len * 256 + (der[start + i] ?? 0);
    start += count;
  }
  if (start + len > der.length) return undefined;
  return { tag, value: der.subarray(start, start + len), end: start + len };
}
