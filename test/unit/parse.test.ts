import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveHeadline, deriveSummary, HEADLINE_MAX } from '../../src/build/parse/headline.js';
import { parseSeed, validDate } from '../../src/build/parse/seed.js';
import { decodeSeed } from '../../src/build/parse/text.js';
import { BUNDLED_SEEDS, FIXTURE_SEEDS } from '../support/paths.js';

const SEED = '000_189017ad2c526773.txt';
const seedText = readFileSync(join(BUNDLED_SEEDS, SEED), 'utf8');

describe('the real seed', () => {
  const { article, warnings } = parseSeed(SEED, seedText);

  it('parses without warnings into id, date, headline, summary and blocks', () => {
    expect(warnings).toEqual([]);
    expect(article).toMatchObject({ id: '189017ad2c526773', date: '2025-06-07', source: SEED });
    expect(article!.summary).toMatch(/^Russian lawmaker Dmitry Novikov has proposed .* President Donald Trump\.$/);
  });

  it('derives a headline of at most 110 characters, cut at a word boundary', () => {
    const title = article!.title;
    expect([...title].length).toBeLessThanOrEqual(HEADLINE_MAX);
    expect(title.startsWith('Russian lawmaker Dmitry Novikov has proposed that Elon Musk')).toBe(true);
    const body = title.replace(/…$/, '');
    expect(article!.summary.startsWith(body)).toBe(true);
    expect(article!.summary[body.length]).toMatch(/[\s,;:]/);
  });

  it('finds the two subheadings and keeps every paragraph', () => {
    const headings = article!.blocks.filter((block) => block.kind === 'subheading').map((block) => block.text);
    expect(headings).toEqual(['Russia to Welcome Musk If Required', "Trump's Enemy, Russia's Friend"]);
    expect(article!.blocks.filter((block) => block.kind === 'paragraph')).toHaveLength(11);
    expect(article!.blocks.at(-1)!.text).toMatch(/pro-Kremlin stance\.$/);
  });
});

describe('headlines', () => {
  it('keeps a short first sentence whole, without its full stop', () => {
    expect(deriveHeadline('Dr. Smith met the U.S. envoy in Paris. Talks went on late.')).toBe(
      'Dr. Smith met the U.S. envoy in Paris',
    );
  });

  it('cuts a long sentence at a clause boundary when there is one', () => {
    const lead =
      'The central bank raised rates by half a point on Thursday, its fourth increase this year, ' +
      'citing inflation that has stayed stubbornly above target for months.';
    const title = deriveHeadline(lead);
    expect(title).toBe('The central bank raised rates by half a point on Thursday, its fourth increase this year');
  });

  it('cuts at a word boundary with an ellipsis otherwise, never mid-word', () => {
    const lead = `${'Supercalifragilistic words '.repeat(10)}end.`;
    const title = deriveHeadline(lead);
    expect([...title].length).toBeLessThanOrEqual(HEADLINE_MAX);
    expect(title.endsWith('words…')).toBe(true);
  });

  it('lets an explicit title header win', () => {
    const { article } = parseSeed(
      '001_0123456789abcdef.txt',
      'title Musk & Trump: the feud\n date 2025-06-08 Lead text here.\n\nMore.',
    );
    expect(article).toMatchObject({ title: 'Musk & Trump: the feud', date: '2025-06-08', summary: 'Lead text here.' });
  });
});

describe('messy input', () => {
  it('reads a BOM and CRLF file the same as a clean one (fixture 108)', () => {
    const name = '108_530f6f84b733ef08.txt';
    const bytes = readFileSync(join(FIXTURE_SEEDS, name));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { article, warnings } = parseSeed(name, decodeSeed(bytes).text);
    expect(warnings).toEqual([]);
    expect(article!.date).toBe('2025-08-19');
    expect(article!.summary.startsWith('Ontario Premier Doug Ford')).toBe(true);
    expect(article!.blocks.some((block) => block.text.includes('\r'))).toBe(false);
    expect(article!.blocks.filter((block) => block.kind === 'subheading')).toHaveLength(1);
  });

  it('warns with file and line about a missing date and does not publish the article', () => {
    const { article, warnings } = parseSeed(
      '111_42e20dd1b3a961cd.txt',
      readFileSync(join(FIXTURE_SEEDS, '111_42e20dd1b3a961cd.txt'), 'utf8'),
    );
    expect(article).toBeUndefined();
    expect(warnings).toEqual([
      { file: '111_42e20dd1b3a961cd.txt', line: 1, message: expect.stringContaining('no "date YYYY-MM-DD" header') },
    ]);
  });

  it('warns about an impossible date', () => {
    const { article, warnings } = parseSeed(
      '112_9866e3dd5cae09cb.txt',
      readFileSync(join(FIXTURE_SEEDS, '112_9866e3dd5cae09cb.txt'), 'utf8'),
    );
    expect(article).toBeUndefined();
    expect(warnings[0]).toMatchObject({
      file: '112_9866e3dd5cae09cb.txt',
      line: 1,
      message: expect.stringContaining('invalid date "2025-02-30"'),
    });
  });

  it('finds the date line after blank lines and reports its line number', () => {
    const { warnings } = parseSeed('002_0123456789abcdef.txt', '\n\n date 2025-13-45 Text.');
    expect(warnings[0]).toMatchObject({ line: 3 });
  });

  it('removes characters XML 1.0 cannot carry, and says so', () => {
    const { article, warnings } = parseSeed(
      '003_0123456789abcdef.txt',
      ' date 2025-01-02 Bad\u0000 char\u0007s\uFFFE here\uD800.',
    );
    expect(article!.summary).toBe('Bad chars here.');
    expect(warnings[0]!.message).toContain('removed 4 character(s)');
  });

  it('rejects a file name without the hex id', () => {
    const { article, warnings } = parseSeed('notes.txt', ' date 2025-01-02 Text.');
    expect(article).toBeUndefined();
    expect(warnings[0]).toMatchObject({ file: 'notes.txt', message: expect.stringContaining('no stable id') });
  });

  it('accepts any number of sequence digits', () => {
    expect(parseSeed('00001_0123456789ABCDEF.txt', ' date 2025-01-02 Text.').article!.id).toBe('0123456789abcdef');
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8', () => {
    const decoded = decodeSeed(Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94]));
    expect(decoded).toEqual({ text: 'Café “q”', encoding: 'windows-1252', invalidSequences: 0 });
  });

  it('validates calendar dates', () => {
    expect(validDate('2024-02-29')).toBe('2024-02-29');
    expect(validDate('2025-02-29')).toBeUndefined();
    expect(validDate('2025-13-45')).toBeUndefined();
    expect(validDate('2025-06-07T10:00:00Z')).toBe('2025-06-07');
    expect(validDate('June 7')).toBeUndefined();
  });
});

describe('summaries', () => {
  it('are the lead paragraph, cut at a sentence end or between words past 1,000 characters', () => {
    expect(deriveSummary('A short lead about Oslo.')).toBe('A short lead about Oslo.');
    const sentences = 'Markets in Oslo rose again today. '.repeat(60).trim();
    const cut = deriveSummary(sentences);
    expect(cut.length).toBeLessThanOrEqual(1000);
    expect(cut.endsWith('rose again today.')).toBe(true);
    const words = deriveSummary('markets '.repeat(300).trim());
    expect(words.endsWith('markets…')).toBe(true);
    expect(words.length).toBeLessThanOrEqual(1000);
  });
});
