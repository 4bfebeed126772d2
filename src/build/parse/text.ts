// Text clean-up for seed files.

/** Collapses runs of whitespace (including NBSP and friends) to one space and trims. */
export function squish(text: string): string {
  // Only runs that are not already one plain space: replacing every space with itself cost a build ~0.5 s.
  return text.replace(/ [\s\u200B]+|[^\S ][\s\u200B]*|\u200B[\s\u200B]*/g, ' ').trim();
}

export type Decoded = { text: string; encoding: 'utf-8' | 'windows-1252'; invalidSequences: number };

// Node's TextDecoder decodes "windows-1252" as Latin-1, leaving curly quotes and dashes (0x80–0x9F) as C1 controls.
const WINDOWS_1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/**
 * UTF-8 when the bytes are valid UTF-8 (a BOM is kept for the caller to note). UTF-8 with a few broken
 * sequences (it has valid multi-byte characters too) loses only the broken bytes. Anything else is read as
 * Windows-1252, the usual culprit.
 */
export function decodeSeed(bytes: Uint8Array): Decoded {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text, encoding: 'utf-8', invalidSequences: 0 };
  } catch {
    const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
    const invalid = (lenient.match(/\uFFFD/g) ?? []).length;
    const validMultibyte = /[\u0080-\uFFFC\u{10000}-\u{10FFFF}]/u.test(lenient);
    if (validMultibyte) return { text: lenient.replace(/\uFFFD/g, ''), encoding: 'utf-8', invalidSequences: invalid };
    let text = '';
    for (const byte of bytes)
      text += byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
    return { text, encoding: 'windows-1252', invalidSequences: 0 };
  }
}

/** CRLF and lone CR become LF. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
