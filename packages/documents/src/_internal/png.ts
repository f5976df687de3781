/**
 * A tiny PNG encoder and bar-chart rasteriser with no native dependency
 * (pure TypeScript, works in Node and browsers). Palette image, 8 bits per
 * pixel, stored (uncompressed) deflate blocks: the DOCX zip compresses it.
 * Text is limited to digits, «,», «%» and «.» drawn from a 3×5 bitmap font:
 * the chart numbers its bars and the document prints the legend beside it.
 */

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const x of bytes) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function u32(n: number): number[] {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  out.set(u32(data.length), 0);
  const typeAndData = new Uint8Array(4 + data.length);
  for (let i = 0; i < 4; i++) typeAndData[i] = type.charCodeAt(i);
  typeAndData.set(data, 4);
  out.set(typeAndData, 4);
  out.set(u32(crc32(typeAndData)), 8 + data.length);
  return out;
}

function zlibStored(raw: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(raw.length / 65535));
  const out = new Uint8Array(2 + raw.length + blocks * 5 + 4);
  out[0] = 0x78;
  out[1] = 0x01;
  let o = 2;
  for (let i = 0; i < blocks; i++) {
    const start = i * 65535;
    const len = Math.min(65535, raw.length - start);
    out[o++] = i === blocks - 1 ? 1 : 0;
    out[o++] = len & 255;
    out[o++] = len >>> 8;
    out[o++] = ~len & 255;
    out[o++] = (~len >>> 8) & 255;
    out.set(raw.subarray(start, start + len), o);
    o += len;
  }
  out.set(u32(adler32(raw)), o);
  return out;
}

/** Encode a palette image (indices into `palette`, RGB triples). */
export function encodePng(
  width: number,
  height: number,
  pixels: Uint8Array,
  palette: readonly [number, number, number][],
): Uint8Array {
  const raw = new Uint8Array(height * (width + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0;
    raw.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  }
  const ihdr = new Uint8Array([...u32(width), ...u32(height), 8, 3, 0, 0, 0]);
  const plte = new Uint8Array(palette.flat());
  const parts = [
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('PLTE', plte),
    chunk('IDAT', zlibStored(raw)),
    chunk('IEND', new Uint8Array(0)),
  ];
  const total = parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const GLYPHS: Record<string, readonly string[]> = {
  '0': ['111', '101', '101', '101', '111'],
  '1': ['010', '110', '010', '010', '111'],
  '2': ['111', '001', '111', '100', '111'],
  '3': ['111', '001', '111', '001', '111'],
  '4': ['101', '101', '111', '001', '001'],
  '5': ['111', '100', '111', '001', '111'],
  '6': ['111', '100', '111', '101', '111'],
  '7': ['111', '001', '010', '010', '010'],
  '8': ['111', '101', '111', '101', '111'],
  '9': ['111', '101', '111', '001', '111'],
  ',': ['000', '000', '000', '010', '100'],
  '.': ['000', '000', '000', '000', '010'],
  '%': ['101', '001', '010', '100', '101'],
  ' ': ['000', '000', '000', '000', '000'],
  '\u00a0': ['000', '000', '000', '000', '000'],
};

const BAR = 1;
const INK = 2;
const GRID = 3;

/** Rasterise a bar chart: bars numbered 1…n, values above them. */
export function barChartPng(
  bars: readonly { readonly value: number; readonly text: string }[],
  max: number,
  width = 640,
  height = 320,
): Uint8Array {
  const px = new Uint8Array(width * height);
  const rect = (x0: number, y0: number, w: number, h: number, c: number) => {
    for (let y = Math.max(0, y0); y < Math.min(height, y0 + h); y++) {
      for (let x = Math.max(0, x0); x < Math.min(width, x0 + w); x++) px[y * width + x] = c;
    }
  };
  const text = (s: string, cx: number, y: number, scale: number) => {
    const chars = [...s].filter((ch) => GLYPHS[ch] !== undefined);
    const w = chars.length * 4 * scale - scale;
    let x = Math.round(cx - w / 2);
    for (const ch of chars) {
      const g = GLYPHS[ch] as readonly string[];
      g.forEach((row, ry) => {
        [...row].forEach((bit, rx) => {
          if (bit === '1') rect(x + rx * scale, y + ry * scale, scale, scale, INK);
        });
      });
      x += 4 * scale;
    }
  };
  const left = 20;
  const bottom = height - 40;
  const top = 40;
  const plotH = bottom - top;
  for (let i = 0; i <= 4; i++) rect(left, bottom - Math.round((plotH * i) / 4), width - left - 10, 1, GRID);
  rect(left, bottom, width - left - 10, 2, INK);
  const n = Math.max(1, bars.length);
  const slot = (width - left - 20) / n;
  const barW = Math.max(4, Math.round(slot * 0.6));
  bars.forEach((b, i) => {
    const h = max > 0 ? Math.round((Math.max(0, Math.min(b.value, max)) / max) * plotH) : 0;
    const cx = left + 10 + slot * i + slot / 2;
    rect(Math.round(cx - barW / 2), bottom - h, barW, h, BAR);
    text(b.text, cx, bottom - h - 20, 3);
    text(String(i + 1), cx, bottom + 10, 4);
  });
  return encodePng(width, height, px, [
    [255, 255, 255],
    [47, 84, 150],
    [0, 0, 0],
    [210, 210, 210],
  ]);
}
