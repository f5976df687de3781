/**
 * Typed arrays kept from one `accumulate` call to the next on the same
 * dataset, by name.
 *
 * V8 starts a full collection once more than 64 MiB of array buffers have
 * been allocated since the last one, and a full collection traces the whole
 * heap, the caller's dataset included. A call on a region of 2 M pupils
 * allocated more than that in fresh typed arrays (hash tables and per-person
 * state) and paid one full collection of its 1.1 GB heap, seconds, more than
 * the computation itself: the call grew faster than the data. Buffers kept
 * with the dataset cost no allocation after the first call on it (another
 * period, another as-of date), and go with the dataset when it is collected
 * (a `WeakMap` keyed by it; a `WeakRef` would not do: the collections that
 * matter here are the ones that would empty it).
 *
 * Contents are whatever the previous call left: the caller writes every cell
 * before reading it. Buffers hold numbers only, never a reference to a record.
 */

/** The buffers of one dataset, by name. */
export type Scratch = Map<string, ArrayBuffer>;

const byOwner = new WeakMap<object, Scratch>();

/** The scratch buffers kept with `owner`. */
export function scratchFor(owner: object): Scratch {
  let scratch = byOwner.get(owner);
  if (scratch === undefined) {
    scratch = new Map();
    byOwner.set(owner, scratch);
  }
  return scratch;
}

/** The kept buffer of `name` when it has at least `bytes` bytes, else a new one (kept from now on). */
export function scratchBuffer(scratch: Scratch, name: string, bytes: number): ArrayBuffer {
  const b = scratch.get(name);
  if (b !== undefined && b.byteLength >= bytes) return b;
  const fresh = new ArrayBuffer(bytes);
  scratch.set(name, fresh);
  return fresh;
}

/** `length` cells at the start of the buffer of `name` (arbitrary contents). */
export function scratchInt32(scratch: Scratch, name: string, length: number): Int32Array<ArrayBuffer> {
  return new Int32Array(scratchBuffer(scratch, name, length * 4), 0, length);
}

/** `length` cells at the start of the buffer of `name` (arbitrary contents). */
export function scratchInt8(scratch: Scratch, name: string, length: number): Int8Array<ArrayBuffer> {
  return new Int8Array(scratchBuffer(scratch, name, length), 0, length);
}

/** `length` cells at the start of the buffer of `name` (arbitrary contents). */
export function scratchUint8(scratch: Scratch, name: string, length: number): Uint8Array<ArrayBuffer> {
  return new Uint8Array(scratchBuffer(scratch, name, length), 0, length);
}

/**
 * The array of `name` with `cap` cells: the first `a.length` as in `a`, the
 * others set to `fill`. When the kept buffer is `a`'s own and long enough,
 * the cells are already there and nothing is copied.
 */
export function grownInt32(
  scratch: Scratch,
  name: string,
  a: Int32Array,
  cap: number,
  fill: number,
): Int32Array<ArrayBuffer> {
  const b = scratchInt32(scratch, name, cap);
  if (b.buffer !== a.buffer) b.set(a);
  b.fill(fill, a.length);
  return b;
}

/** As {@link grownInt32}. */
export function grownInt8(
  scratch: Scratch,
  name: string,
  a: Int8Array,
  cap: number,
  fill: number,
): Int8Array<ArrayBuffer> {
  const b = scratchInt8(scratch, name, cap);
  if (b.buffer !== a.buffer) b.set(a);
  b.fill(fill, a.length);
  return b;
}

/** As {@link grownInt32}. */
export function grownUint8(
  scratch: Scratch,
  name: string,
  a: Uint8Array,
  cap: number,
  fill: number,
): Uint8Array<ArrayBuffer> {
  const b = scratchUint8(scratch, name, cap);
  if (b.buffer !== a.buffer) b.set(a);
  b.fill(fill, a.length);
  return b;
}
