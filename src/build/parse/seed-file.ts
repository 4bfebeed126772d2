import type { Warning } from '../model.js';
import { decodeSeed } from './text.js';

/** Longer articles are cut at a paragraph boundary: a multi-megabyte item breaks feed readers. */
export const MAX_ARTICLE_BYTES = 512 * 1024;

export type SeedText = { text?: string; notes: Warning[] };

/**
 * From a seed file's bytes to text, or to a clear reason why there is none: empty, binary, not UTF-8,
 * a BOM, CR line endings, too long. Pure; the parse step takes it from there.
 */
export function readSeedBytes(file: string, bytes: Uint8Array): SeedText {
  const notes: Warning[] = [];
  const warn = (message: string) => notes.push({ file, message });
  const note = (message: string) => notes.push({ file, message, level: 'note' });

  if (bytes.length === 0 || bytes.every((byte) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d)) {
    warn('empty file: skipped');
    return { notes };
  }
  if (looksBinary(bytes)) {
    warn('binary file, not text: skipped');
    return { notes };
  }

  const decoded = decodeSeed(bytes);
  if (decoded.encoding === 'windows-1252') warn('not valid UTF-8: read as Windows-1252');
  if (decoded.invalidSequences > 0) warn(`removed ${decoded.invalidSequences} invalid UTF-8 byte sequence(s)`);
  let text = decoded.text;
  if (text.startsWith('\uFEFF')) {
    text = text.slice(1);
    note('UTF-8 byte-order mark removed');
  }
  if (/\r\n/.test(text)) note('Windows (CRLF) line endings read as LF');
  else if (/\r/.test(text)) note('old Mac (CR) line endings read as LF');

  if (bytes.length > MAX_ARTICLE_BYTES) {
    const limit = text.slice(0, MAX_ARTICLE_BYTES);
    const cut = Math.max(limit.lastIndexOf('\n\n'), limit.lastIndexOf('\r\n\r\n'), limit.lastIndexOf('\r\r'));
    text = cut > 0 ? limit.slice(0, cut) : limit;
    warn(
      `${(bytes.length / 1024 / 1024).toFixed(1)} MB is more than the ${MAX_ARTICLE_BYTES / 1024} KiB an \
article may have: only the first ${Math.round(text.length / 1024)} KiB published`,
    );
  }
  return { text, notes };
}

/** NUL bytes, or more than 10% control bytes other than tab and line ends, in the first 8 KiB. */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  return control > head.length * 0.1;
}
