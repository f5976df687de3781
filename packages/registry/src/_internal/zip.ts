import { Inflate } from 'fflate';

const EOCD = 0x06054b50;
const CDH = 0x02014b50;
const LFH = 0x04034b50;

/** Where the zip's end-of-central-directory record starts, or -1 (a truncated file). */
export function eocdAt(b: Uint8Array): number {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const min = Math.max(0, b.byteLength - 65_557);
  for (let i = b.byteLength - 22; i >= min; i--) if (dv.getUint32(i, true) === EOCD) return i;
  return -1;
}

/** A part of the zip as its central directory lists it. */
export interface ZipPart {
  readonly name: string;
  /** Unpacked size as declared. */
  readonly size: number;
  /** Packed size as declared. */
  readonly packed: number;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  /** The general-purpose flags (bit 0: encrypted). */
  readonly flags: number;
  /** Where its local header starts. */
  readonly offset: number;
}

/** The zip's central directory: its parts and where it starts. */
export interface ZipDirectory {
  readonly parts: readonly ZipPart[];
  readonly offset: number;
  /** Declared unpacked size of each part by name. */
  readonly sizes: ReadonlyMap<string, number>;
}

/**
 * The zip's central directory, or `undefined` when it cannot be read (zip64,
 * damage): an XLSX is read through its directory, so such a file is damaged.
 */
export function zipDirectory(b: Uint8Array, at: number): ZipDirectory | undefined {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const count = dv.getUint16(at + 10, true);
  const size = dv.getUint32(at + 12, true);
  const offset = dv.getUint32(at + 16, true);
  if (offset + size > at) return undefined;
  const parts: ZipPart[] = [];
  const sizes = new Map<string, number>();
  const names = new TextDecoder('utf-8');
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > at || dv.getUint32(p, true) !== CDH) return undefined;
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const packed = dv.getUint32(p + 20, true);
    const unpacked = dv.getUint32(p + 24, true);
    const nameLength = dv.getUint16(p + 28, true);
    const local = dv.getUint32(p + 42, true);
    const next = p + 46 + nameLength + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
    if (next > at || local >= offset) return undefined;
    const name = names.decode(b.subarray(p + 46, p + 46 + nameLength));
    parts.push({ name, size: unpacked, packed, method, flags, offset: local });
    sizes.set(name, (sizes.get(name) ?? 0) + unpacked);
    p = next;
  }
  return { parts, offset, sizes };
}

/**
 * Compressed bytes handed to the inflater at a time: from 4 KiB, doubling up to
 * 16 KiB (larger slices measured slower) while a slice unpacks to less than
 * 64 times its size (XML packs 10–20 times). A zip bomb (up to ~1000 times)
 * is fed 4 KiB at a time, so one step never unpacks more than ~4 MB before
 * the meter sees it.
 */
const SLICE_MIN = 4096;
const SLICE_MAX = 16_384;
const NORMAL_RATIO = 64;

/**
 * The unpacked bytes of one part, chunk by chunk (never the whole part at
 * once). Throws `broken()` for a local header that does not match, an
 * encrypted part, a method other than stored or deflate, or a damaged stream.
 */
export function* unpack(
  b: Uint8Array,
  dir: ZipDirectory,
  part: ZipPart,
  broken: () => Error,
): Generator<Uint8Array> {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (part.offset + 30 > dir.offset || dv.getUint32(part.offset, true) !== LFH) throw broken();
  if ((part.flags & 1) !== 0) throw broken();
  const start =
    part.offset + 30 + dv.getUint16(part.offset + 26, true) + dv.getUint16(part.offset + 28, true);
  const end = start + part.packed;
  if (end > dir.offset) throw broken();
  if (part.method === 0) {
    for (let o = start; o < end; o += SLICE_MAX) yield b.subarray(o, Math.min(o + SLICE_MAX, end));
    return;
  }
  if (part.method !== 8) throw broken();
  const out: Uint8Array[] = [];
  let unpacked = 0;
  const inflater = new Inflate((chunk) => {
    out.push(chunk);
    unpacked += chunk.byteLength;
  });
  let slice = SLICE_MIN;
  for (let o = start, first = true; o < end || first; first = false) {
    const stop = Math.min(o + slice, end);
    unpacked = 0;
    try {
      inflater.push(b.subarray(o, stop), stop >= end);
    } catch {
      throw broken();
    }
    for (const c of out) yield c;
    out.length = 0;
    slice = unpacked < (stop - o) * NORMAL_RATIO ? Math.min(slice * 2, SLICE_MAX) : SLICE_MIN;
    o = stop;
  }
}
