// Hostile seed files through the real seed loader: each costs only itself, and every file that has text is
// published. The Worker-level counterparts (feeds valid with every checker) are in test/worker/.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/build/parse/plain-text.js';
import { BINARY_CONTROL_SHARE, binaryEvidence, readSeedBytes } from '../../src/build/parse/seed-file.js';
import { loadSeeds } from '../../src/build/seeds/load.js';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

function seedDir(files: Record<string, Buffer | string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'wirefeed-hostile-'));
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  return dir;
}

/** `size` bytes of article text with `control` of them control bytes (BEL), spread out. */
function withControls(size: number, control: number): Buffer {
  const bytes = Buffer.from(` date 2025-01-01 ${'Text about Oslo and more words. '.repeat(size)}`.slice(0, size));
  for (let i = 0; i < control; i++) bytes[40 + Math.floor((i * (size - 41)) / control)] = 0x07;
  return bytes;
}

describe('binary or text', () => {
  it('publishes a text file with a NUL, a BEL and an ESC in it, naming the line they were on', () => {
    const text =
      ' date 2025-01-01 Pasted from a terminal in Oslo.\n\nA NUL \u0000, a BEL \u0007 and an ESC \u001b here.';
    const { extracted, warnings } = loadSeeds([seedDir({ '1_c000000000000001.txt': utf8(text) })]);
    expect(extracted).toHaveLength(1);
    expect(extracted[0]!.article.blocks[1]!.text).toBe('A NUL , a BEL and an ESC here.');
    expect(warnings).toContainEqual({
      file: '1_c000000000000001.txt',
      line: 3,
      message: 'removed 3 character(s) that XML 1.0 cannot carry (the first on line 3)',
    });
  });

  it('decides binary by evidence: a known signature, or more control bytes than text can have', () => {
    const size = 4000;
    const limit = Math.floor(size * BINARY_CONTROL_SHARE);
    expect(binaryEvidence(withControls(size, limit - 10))).toBeUndefined();
    expect(binaryEvidence(withControls(size, limit + 10))).toMatch(/^1\d% control bytes$/);
    expect(binaryEvidence(Buffer.concat([Buffer.from('%PDF-1.7\n'), utf8(' date 2025-01-01 text')]))).toBe(
      'a PDF file',
    );
    expect(binaryEvidence(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toBe('a PNG file');
    expect(binaryEvidence(utf8(' date 2025-01-01 Plain text about Oslo.'))).toBeUndefined();
  });

  it('skips a binary file with the reason, and publishes the text beside it', () => {
    const dir = seedDir({
      '1_c000000000000001.txt': withControls(4000, 1000),
      '2_c000000000000002.txt': utf8(' date 2025-01-01 A story about Lima.'),
    });
    const { extracted, warnings } = loadSeeds([dir]);
    expect(extracted.map(({ article }) => article.id)).toEqual(['c000000000000002']);
    expect(warnings).toContainEqual({
      file: '1_c000000000000001.txt',
      message: 'binary file, not text (25% control bytes): skipped',
    });
  });
});

describe('awkward files', () => {
  it('skips a file of only white space, saying so', () => {
    expect(readSeedBytes('a.txt', utf8(' \n\t\u00a0\u3000\r\n  ')).notes).toEqual([
      { file: 'a.txt', message: 'only white space, no text: skipped' },
    ]);
  });

  it('reads .TXT and .md seeds as text with a note, and reports a seed-named file of another kind', () => {
    const dir = seedDir({
      '1_c000000000000001.TXT': utf8(' date 2025-01-01 Upper-case extension, about Quito.'),
      '2_c000000000000002.md': utf8(' date 2025-01-02 # Not a heading, about Lima.'),
      '3_c000000000000003.docx': utf8('PK'),
      'README.md': utf8('Notes for the newsroom.'),
    });
    const { extracted, warnings } = loadSeeds([dir]);
    expect(extracted.map(({ article }) => article.id)).toEqual(['c000000000000001', 'c000000000000002']);
    expect(extracted[1]!.article.summary).toBe('# Not a heading, about Lima.');
    expect(warnings).toEqual([
      { file: '1_c000000000000001.TXT', message: 'extension .TXT read as .txt', level: 'note' },
      {
        file: '2_c000000000000002.md',
        message: '.md: read as a plain-text seed (Markdown or other markup is not interpreted)',
        level: 'note',
      },
      {
        file: '3_c000000000000003.docx',
        message: 'named like a seed but not a .txt file: skipped (rename it to .txt)',
      },
    ]);
  });

  it('publishes one line of 100,000 words and a file of 10,000 paragraphs', () => {
    const words = Array.from({ length: 100_000 }, (_, i) => (i % 17 === 0 ? 'Oslo' : 'the')).join(' ');
    const paragraphs = Array.from({ length: 10_000 }, (_, i) => `This is paragraph ${i}, about Berlin.`).join('\n\n');
    const dir = seedDir({
      '1_c000000000000001.txt': utf8(` date 2025-01-01 ${words}.`),
      '2_c000000000000002.txt': utf8(` date 2025-01-02 A lead about Paris.\n\n${paragraphs}`),
    });
    const { extracted, warnings } = loadSeeds([dir]);
    // Both are more than an article may have: cut between words and at a paragraph break, and published.
    expect(warnings.map(({ file, message }) => `${file}: ${message}`)).toEqual([
      '1_c000000000000001.txt: 0.4 MB is more than the 192 KiB an article may have: only the first 192 KiB published',
      '2_c000000000000002.txt: 0.4 MB is more than the 192 KiB an article may have: only the first 192 KiB published',
    ]);
    const [line, many] = extracted;
    expect(line!.article.title.length).toBeLessThanOrEqual(111);
    expect(line!.mentions.map((mention) => mention.name)).toEqual(['Oslo']);
    expect(many!.article.blocks.length).toBeGreaterThan(5_000);
    expect(many!.article.blocks.at(-1)!.text).toMatch(/^This is paragraph \d+, about Berlin\.$/);
    expect(many!.mentions.map((mention) => mention.name).sort()).toEqual(['Berlin', 'Paris']);
  });
});

describe('the size cut-off', () => {
  it('cuts a one-line seed over 192 KiB at a sentence end, or else between words', () => {
    const sentences = ` date 2025-01-01 ${'Markets in Oslo rose again. '.repeat(30_000)}`;
    const cut = readSeedBytes('a.txt', utf8(sentences)).text!;
    expect(cut.endsWith('rose again.')).toBe(true);
    const words = ` date 2025-01-01 ${'markets '.repeat(90_000)}`;
    const cutWords = readSeedBytes('a.txt', utf8(words)).text!;
    expect(cutWords.endsWith(' markets')).toBe(true);
    expect(cutWords.length).toBeLessThanOrEqual(192 * 1024);
  });
});

describe('plain-text fields', () => {
  it('make markup inert and leave ordinary text alone', () => {
    expect(plainText('Hostile: <script>alert(1)</script> & <b>bold</b>')).toBe(
      'Hostile: ‹script›alert(1)‹/script› & ‹b›bold‹/b›',
    );
    expect(plainText('&amp; &lt; &#38; &nbsp')).toBe('＆amp; ＆lt; ＆#38; ＆nbsp');
    expect(plainText('1 < 2 > 0, AT&T and Procter & Gamble')).toBe('1 < 2 > 0, AT&T and Procter & Gamble');
  });

  it('are what a parsed article carries as title and summary, while its body keeps the text as written', () => {
    const dir = seedDir({ '1_c000000000000001.txt': utf8(' date 2025-01-01 <b>Bold</b> claims in Oslo.') });
    const { article } = loadSeeds([dir]).extracted[0]!;
    expect(article.title).toBe('‹b›Bold‹/b› claims in Oslo');
    expect(article.summary).toBe('‹b›Bold‹/b› claims in Oslo.');
    expect(article.blocks[0]!.text).toBe('<b>Bold</b> claims in Oslo.');
  });
});
