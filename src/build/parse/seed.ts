import { firstXmlIllegal, stripXmlIllegal } from '../../contract/escape.js';
import type { Article, Block, Warning } from '../model.js';
import { deriveHeadline, deriveSummary } from './headline.js';
import { plainText } from './plain-text.js';
import { normalizeNewlines, squish } from './text.js';

/** `<sequence number>_<16 hex>.txt`; the sequence has as many digits as the corpus needs. */
const FILE_NAME = /^(\d+)_([0-9a-fA-F]{16})\.(?:txt|text|md|markdown)$/i;
const DATE_HEADER = /^\s*date\s*:?\s+(\S+)(?:[ \t]+(.*))?$/i;
const TITLE_HEADER = /^\s*title\s*:?\s+(.+)$/i;
const SUBHEADING_MAX_CHARS = 100;
const SUBHEADING_MAX_WORDS = 14;

export type ParseResult = { article?: Article; warnings: Warning[] };

export function idFromFileName(file: string): string | undefined {
  return FILE_NAME.exec(file)?.[2]?.toLowerCase();
}

/**
 * Parses one seed file's text. Pure: the caller reads the file and decides what an id collision means.
 * An article without a valid date is not published (feeds need a date and inventing one misleads readers):
 * it comes back as a warning only.
 */
export interface ParseOptions {
  /** Build time, ms since the epoch: dates far beyond it are reported. */
  now?: number;
}

const FUTURE_TOLERANCE_DAYS = 2;
// Explicit direction controls can reorder what a reader sees ("Trojan Source"); RTL letters themselves are fine.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

// Any character the direction, right-to-left and markup checks look for (stripXmlIllegal has its own pre-test).
const FLAGGED = /[\u202A-\u202E\u2066-\u2069\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF<\]]/;

export function parseSeed(file: string, raw: string, options: ParseOptions = {}): ParseResult {
  const warnings: Warning[] = [];
  const warn = (message: string, line?: number) => warnings.push(line ? { file, line, message } : { file, message });

  const id = idFromFileName(file);
  if (!id) {
    warn('file name is not <number>_<16 hex>.txt, so the article has no stable id: skipped');
    return { warnings };
  }

  const text = cleanText(file, raw, warnings);
  const lines = text.split('\n');
  const { title, date, dateLine, index, firstBodyLine } = readHeaders(lines, warn);

  const bodyLines = firstBodyLine === undefined ? lines.slice(index) : [firstBodyLine, ...lines.slice(index)];
  const blocks = toBlocks(bodyLines);
  const lead = blocks.find((block) => block.kind === 'paragraph');

  if (dateLine === undefined) warn('no "date YYYY-MM-DD" header on the first line: article not published', 1);
  if (!lead) {
    warn('no text after the headers: article not published', dateLine);
    return { warnings };
  }
  if (!date) return { warnings };
  let published = date;
  if (options.now !== undefined && Date.parse(date) > options.now + FUTURE_TOLERANCE_DAYS * 86_400_000) {
    // An item from the future sits atop every reader's list until then, and feed validators reject it.
    published = new Date(options.now).toISOString().slice(0, 10);
    warn(`date ${date} is in the future: published dated ${published}, the day of the build`, dateLine);
  }

  return {
    article: {
      id,
      source: file,
      date: published,
      title: plainText(title || deriveHeadline(lead.text)),
      summary: plainText(deriveSummary(lead.text)),
      blocks,
    },
    warnings,
  };
}

/** Unicode and XML clean-up of the whole text; each repair is a note or a warning naming the file. */
function cleanText(file: string, raw: string, warnings: Warning[]): string {
  const unified = normalizeNewlines(raw.replace(/^\uFEFF/, ''));
  const composed = unified.normalize('NFC');
  if (composed !== unified)
    warnings.push({ file, message: 'combining characters composed (Unicode NFC)', level: 'note' });
  // Each of these checks is a pass over the text (~50 ms per 10,000 articles); most texts have none of what they seek.
  const visible = FLAGGED.test(composed) ? flagRareText(file, composed, warnings) : composed;
  const stripped = stripXmlIllegal(visible);
  if (stripped.removed > 0) {
    // Control characters pasted from a terminal or a legacy CMS: the text around them is published.
    const line = visible.slice(0, firstXmlIllegal(visible)).split('\n').length;
    const message = `removed ${stripped.removed} character(s) that XML 1.0 cannot carry (the first on line ${line})`;
    warnings.push({ file, line, message });
  }
  return stripped.text;
}

/** Direction controls (removed), right-to-left text and markup-like text (noted): the text without the controls. */
function flagRareText(file: string, composed: string, warnings: Warning[]): string {
  const warn = (message: string) => warnings.push({ file, message });
  const bidi = (composed.match(BIDI_CONTROLS) ?? []).length;
  if (bidi > 0) warn(`removed ${bidi} bidirectional control character(s) that could disguise the text`);
  if (/[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u.test(composed)) {
    warnings.push({ file, message: 'right-to-left text: published as written, shown with dir="auto"', level: 'note' });
  }
  if (/<\/?[a-z!?][^>]*>|\]\]>/i.test(composed)) {
    warnings.push({
      file,
      message: 'markup-like text (tags, CDATA ends) is published as plain text, escaped',
      level: 'note',
    });
  }
  return composed.replace(BIDI_CONTROLS, '');
}

interface Headers {
  title?: string;
  date?: string;
  /** 1-based line of the date header. */
  dateLine?: number;
  /** Index of the first line after the headers. */
  index: number;
  /** The first paragraph's text when it starts on the date line. */
  firstBodyLine?: string;
}

/** The optional `title` line and the `date` line (in either order), then where the body starts. */
function readHeaders(lines: string[], warn: (message: string, line?: number) => void): Headers {
  let index = 0;
  const skipBlank = () => {
    while (index < lines.length && lines[index]!.trim() === '') index++;
  };

  let title: string | undefined;
  let date: string | undefined;
  let dateLine: number | undefined;
  let firstBodyLine: string | undefined;
  skipBlank();
  for (let headers = 0; headers < 2 && index < lines.length; headers++) {
    const line = lines[index]!;
    const titleMatch = title === undefined ? TITLE_HEADER.exec(line) : null;
    const dateMatch = dateLine === undefined ? DATE_HEADER.exec(line) : null;
    if (titleMatch) {
      title = squish(titleMatch[1]!);
    } else if (dateMatch) {
      dateLine = index + 1;
      date = validDate(dateMatch[1]!);
      if (!date)
        warn(
          `invalid date "${dateMatch[1]}" in the date header (expected a real YYYY-MM-DD): article not published`,
          dateLine,
        );
      if (dateMatch[2]?.trim()) {
        firstBodyLine = dateMatch[2];
        index++;
        break;
      }
    } else break;
    index++;
    skipBlank();
  }

  return { title, date, dateLine, index, firstBodyLine };
}

/** Accepts `YYYY-MM-DD` (or a full ISO timestamp, whose date part is kept) when it is a real calendar day. */
export function validDate(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  if (!match) return undefined;
  const [, year, month, day] = match;
  const time = Date.UTC(Number(year), Number(month) - 1, Number(day));
  const iso = new Date(time).toISOString().slice(0, 10);
  return iso === `${year}-${month}-${day}` ? iso : undefined;
}

function toBlocks(lines: string[]): Block[] {
  const paragraphs: string[][] = [[]];
  for (const line of lines) {
    if (line.trim() === '') {
      if (paragraphs.at(-1)!.length > 0) paragraphs.push([]);
    } else paragraphs.at(-1)!.push(line);
  }
  const blocks: Block[] = [];
  for (const paragraphLines of paragraphs) {
    if (paragraphLines.length === 0) continue;
    const text = squish(paragraphLines.join(' '));
    const isSubheading = blocks.length > 0 && paragraphLines.length === 1 && looksLikeSubheading(text);
    blocks.push({ kind: isSubheading ? 'subheading' : 'paragraph', text });
  }
  return blocks;
}

/** A short line without final punctuation, starting like a heading. */
export function looksLikeSubheading(text: string): boolean {
  return (
    text.length <= SUBHEADING_MAX_CHARS &&
    text.split(' ').length <= SUBHEADING_MAX_WORDS &&
    /^[\p{Lu}\p{N}"“‘']/u.test(text) &&
    !/[.!?…:;,"”’')\]]$/u.test(text)
  );
}
