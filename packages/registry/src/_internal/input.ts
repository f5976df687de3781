import { fail, registerCatalogue } from '@nastavnik/core';

registerCatalogue();

/**
 * What `importRegistry` accepts: the bytes of a file (`Uint8Array`,
 * `ArrayBuffer`), a `Blob` or `File` (an `<input type="file">`), a web
 * `ReadableStream` (`file.stream()`, `fetch` bodies) or any async iterable of
 * byte chunks (a Node `fs.ReadStream`).
 *
 * @category Import
 * @example
 * const fromNode: RegistryInput = fs.createReadStream('наставники.xlsx');
 * const fromBrowser: RegistryInput = fileInput.files[0]; // a File is a Blob
 */
export type RegistryInput =
  | Uint8Array
  | ArrayBuffer
  | Blob
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array>;

function isReadableStream(x: unknown): x is ReadableStream<Uint8Array> {
  return (
    typeof x === 'object' && x !== null && typeof (x as { getReader?: unknown }).getReader === 'function'
  );
}

function isAsyncIterable(x: unknown): x is AsyncIterable<unknown> {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function'
  );
}

function badInput(): never {
  throw fail('invalid_type', ['input'], { expected: 'bytes' });
}

function toBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  if (typeof chunk === 'string') return new TextEncoder().encode(chunk);
  return badInput();
}

/** Any accepted input as an async iterable of byte chunks. */
export async function* chunksOf(input: unknown): AsyncGenerator<Uint8Array> {
  if (input instanceof Uint8Array) {
    yield input;
    return;
  }
  if (input instanceof ArrayBuffer) {
    yield new Uint8Array(input);
    return;
  }
  if (typeof Blob !== 'undefined' && input instanceof Blob) input = input.stream();
  if (isReadableStream(input)) {
    const reader = input.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield toBytes(value);
      }
    } finally {
      reader.releaseLock();
    }
  }
  if (isAsyncIterable(input)) {
    for await (const c of input) yield toBytes(c);
    return;
  }
  badInput();
}

/** A byte stream whose first bytes can be inspected before it is consumed. */
export class PeekedBytes {
  private constructor(
    readonly head: Uint8Array,
    private readonly rest: AsyncIterator<Uint8Array> | undefined,
  ) {}

  /** Read at least `min` bytes (or everything, if shorter). */
  static async open(chunks: AsyncIterable<Uint8Array>, min: number): Promise<PeekedBytes> {
    const it = chunks[Symbol.asyncIterator]();
    const parts: Uint8Array[] = [];
    let size = 0;
    let ended = false;
    while (size < min) {
      const r = await it.next();
      if (r.done) {
        ended = true;
        break;
      }
      parts.push(r.value);
      size += r.value.byteLength;
    }
    const head = parts.length === 1 && parts[0] ? parts[0] : concat(parts, size);
    return new PeekedBytes(head, ended ? undefined : it);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    if (this.head.byteLength > 0) yield this.head;
    if (!this.rest) return;
    for (;;) {
      const r = await this.rest.next();
      if (r.done) return;
      yield r.value;
    }
  }
}

function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.byteLength;
  }
  return out;
}

/** XLSX (a zip), the old binary XLS (unsupported), or text. */
export function sniffFormat(head: Uint8Array): 'xlsx' | 'xls' | 'csv' {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'xls';
  return 'csv';
}
