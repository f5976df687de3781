import { cleanText } from './clean';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escape a text for HTML (element content and quoted attributes): `& < > " '`,
 * and drop the invisible controls that can corrupt or spoof output (C0
 * controls, bidi overrides and isolates).
 *
 * @category Render
 * @example
 * escapeHtml('<script>alert("x")</script>'); // '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
 */
export function escapeHtml(text: string): string {
  return cleanText(text).replace(/[&<>"']/gu, (c) => ESCAPES[c] ?? c);
}
