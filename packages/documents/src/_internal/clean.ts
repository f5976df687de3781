/**
 * Characters no document output should carry: C0 controls other than tab,
 * newline and carriage return (invalid in XML 1.0, they corrupt a DOCX),
 * DEL, the non-characters U+FFFE / U+FFFF, and the bidirectional marks,
 * embeddings, overrides and isolates, which can reorder what a reader sees
 * (a name shown backwards, a number spoofed). Plain RTL text (Arabic,
 * Hebrew names) is kept; only the invisible controls go. Lone surrogates
 * become U+FFFD.
 */
export function isUnsafeCodeUnit(c: number): boolean {
  return (
    (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) ||
    c === 0x7f ||
    c === 0x200e ||
    c === 0x200f ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0xfffe ||
    c === 0xffff
  );
}

export function cleanText(text: string): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      out += `${text.slice(start, i)}\ufffd`;
      start = i + 1;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      out += `${text.slice(start, i)}\ufffd`;
      start = i + 1;
    } else if (isUnsafeCodeUnit(c)) {
      out += text.slice(start, i);
      start = i + 1;
    }
  }
  return start === 0 ? text : out + text.slice(start);
}
