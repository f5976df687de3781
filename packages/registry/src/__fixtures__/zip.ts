import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/** One part of a hand-made zip: its bytes, or bytes already deflated with their real size and CRC. */
export interface ZipPartSpec {
  readonly name: string;
  readonly data?: Uint8Array;
  readonly deflated?: { readonly bytes: Uint8Array; readonly size: number; readonly crc: number };
  /** The unpacked size the central directory claims (a lying zip), when not the real one. */
  readonly declaredSize?: number;
}

/** A minimal zip writer for crafted files (bombs, liars) the libraries would refuse to write. */
export function makeZip(parts: readonly ZipPartSpec[]): Uint8Array {
  const enc = new TextEncoder();
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = enc.encode(p.name);
    const packed = p.deflated?.bytes ?? deflateRawSync(p.data ?? new Uint8Array(0));
    const size = p.deflated?.size ?? p.data?.byteLength ?? 0;
    const crc = p.deflated?.crc ?? crc32(p.data ?? new Uint8Array(0));
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(8, 8);
    lh.writeUInt16LE(0x21, 12);
    lh.writeUInt32LE(crc >>> 0, 14);
    lh.writeUInt32LE(packed.byteLength, 18);
    lh.writeUInt32LE(size, 22);
    lh.writeUInt16LE(name.byteLength, 26);
    locals.push(lh, Buffer.from(name), Buffer.from(packed));
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(8, 10);
    ch.writeUInt16LE(0x21, 14);
    ch.writeUInt32LE(crc >>> 0, 16);
    ch.writeUInt32LE(packed.byteLength, 20);
    ch.writeUInt32LE(p.declaredSize ?? size, 24);
    ch.writeUInt16LE(name.byteLength, 28);
    ch.writeUInt32LE(offset, 42);
    central.push(ch, Buffer.from(name));
    offset += 30 + name.byteLength + packed.byteLength;
  }
  const cd = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(parts.length, 8);
  eocd.writeUInt16LE(parts.length, 10);
  eocd.writeUInt32LE(cd.byteLength, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, eocd]));
}

/** Deflate `prefix`, `repeat` copies of `unit`, then `suffix`, never holding them unpacked (a zip bomb's part). */
export async function deflateRepeated(
  prefix: string,
  unit: string,
  repeat: number,
  suffix: string,
): Promise<{ bytes: Uint8Array; size: number; crc: number }> {
  const z = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve, reject) => {
    z.on('end', resolve);
    z.on('error', reject);
  });
  let size = 0;
  let crc = 0;
  const write = async (b: Buffer) => {
    size += b.byteLength;
    crc = crc32(b, crc);
    if (!z.write(b)) await new Promise((r) => z.once('drain', r));
  };
  await write(Buffer.from(prefix));
  const block = Buffer.from(unit.repeat(Math.max(1, Math.floor(1_048_576 / unit.length))));
  const perBlock = Math.max(1, Math.floor(1_048_576 / unit.length));
  let left = repeat;
  while (left >= perBlock) {
    await write(block);
    left -= perBlock;
  }
  if (left > 0) await write(Buffer.from(unit.repeat(left)));
  await write(Buffer.from(suffix));
  z.end();
  await done;
  return { bytes: new Uint8Array(Buffer.concat(out)), size, crc };
}
