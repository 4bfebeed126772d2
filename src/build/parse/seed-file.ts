import type { Warning } from '../model.js';
import { decodeSeed } from './text.js';

/** Longer articles are cut at a paragraph boundary: a multi-megabyte item breaks feed readers. */
export const MAX_ARTICLE_BYTES = 192 * 1024;

export type SeedText = { text?: string; notes: Warning[] };

/**
 * From a seed file's bytes to text, or to a clear reason why there is none: empty, binary, not UTF-8,
 * a BOM, CR line endings, too long. Pure; the parse step takes it from there.
 */
export function readSeedBytes(file: string, bytes: Uint8Array): SeedText {
  const notes: Warning[] = [];
  const warn = (message: string) => notes.push({ file, message });
  const note = (message: string) => notes.push({ file, message, level: 'note' });

  if (bytes.length === 0) {
    warn('empty file: skipped');
    return { notes };
  }
  const binary = binaryEvidence(bytes);
  if (binary) {
    warn(`binary file, not text (${binary}): skipped`);
    return { notes };
  }

  const decoded = decodeSeed(bytes);
  if (decoded.encoding === 'windows-1252') warn('not valid UTF-8: read as Windows-1252');
  if (decoded.invalidSequences > 0) warn(`removed ${decoded.invalidSequences} invalid UTF-8 byte sequence(s)`);
  let text = decoded.text;
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    warn('only white space, no text: skipped');
    return { notes };
  }
  if (text.startsWith('\uFEFF')) {
    text = text.slice(1);
    note('UTF-8 byte-order mark removed');
  }
  if (/\r\n/.test(text)) note('Windows (CRLF) line endings read as LF');
  else if (/\r/.test(text)) note('old Mac (CR) line endings read as LF');

  if (bytes.length > MAX_ARTICLE_BYTES) {
    text = cutAt(text.slice(0, MAX_ARTICLE_BYTES));
    warn(
      `${(bytes.length / 1024 / 1024).toFixed(1)} MB is more than the ${MAX_ARTICLE_BYTES / 1024} KiB an \
article may have: only the first ${Math.round(text.length / 1024)} KiB published`,
    );
  }
  return { text, notes };
}

/** The longest start of `text` that ends at a paragraph break, else a sentence end, else a space: never mid-word. */
function cutAt(text: string): string {
  const paragraph = Math.max(text.lastIndexOf('\n\n'), text.lastIndexOf('\r\n\r\n'), text.lastIndexOf('\r\r'));
  if (paragraph > 0) return text.slice(0, paragraph);
  const sentence = Math.max(text.lastIndexOf('. '), text.lastIndexOf('! '), text.lastIndexOf('? '));
  if (sentence > 0) return text.slice(0, sentence + 1);
  const space = text.search(/\s\S*$/u);
  return space > 0 ? text.slice(0, space) : text;
}

/** File signatures of formats that are never text (magic numbers at offset 0). */
const BINARY_SIGNATURES: Array<[format: string, bytes: number[]]> = [
  ['PDF', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['ZIP (or DOCX, XLSX, EPUB)', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip', [0x1f, 0x8b]],
  ['7-Zip', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['RAR', [0x52, 0x61, 0x72, 0x21]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['Microsoft Office (OLE)', [0xd0, 0xcf, 0x11, 0xe0]],
  ['SQLite', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66]],
  ['WebAssembly', [0x00, 0x61, 0x73, 0x6d]],
  ['RIFF (WebP, WAV, AVI)', [0x52, 0x49, 0x46, 0x46]],
  ['MP3', [0x49, 0x44, 0x33]],
];

/** More than this share of control bytes in the first 8 KiB is a binary file; fewer are stray bytes in text. */
export const BINARY_CONTROL_SHARE = 0.1;

/**
 * Binary only on evidence: a known binary signature, or a large share of control bytes (other than tab, line ends
 * and form feed). A text file with a few NUL, BEL or ESC bytes pasted from a terminal is text: those bytes are
 * removed later, with a warning naming the line.
 */
export function binaryEvidence(bytes: Uint8Array): string | undefined {
  for (const [format, signature] of BINARY_SIGNATURES) {
    if (signature.every((byte, index) => bytes[index] === byte)) return `a ${format} file`;
  }
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (let index = 0; index < head.length; index++) {
    const byte = head[index]!;
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) || byte === 0x7f) control++;
  }
  const share = control / head.length;
  if (share > BINARY_CONTROL_SHARE) return `${Math.round(share * 100)}% control bytes`;
  return undefined;
}
