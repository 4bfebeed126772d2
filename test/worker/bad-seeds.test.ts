// Broken and awkward seeds (test/fixtures/bad-seeds, made by make-bad-seeds.ts): each gets a clear message,
// costs only itself, and the Worker built with all of them in its corpus still serves valid feeds.

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeHTML } from 'entities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/build/corpus/build.js';
import type { ArticleRecord, Corpus } from '../../src/build/model.js';
import { loadSeeds } from '../../src/build/seeds/load.js';
import { FILES, GENERATED, HUGE_SEED } from '../fixtures/make-bad-seeds.js';
import { allItems, allJsonItems, parsers } from '../support/feeds.js';
import { BAD_SEEDS_COPY, BUILD_LOG_BAD, FIXTURE_SEEDS } from '../support/paths.js';
import { startWorker, type Worker } from '../support/worker.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');

const EXPECTED: Array<[file: string, level: 'warning' | 'note', message: string, published: boolean]> = [
  ['301_a000000000000001.txt', 'warning', 'empty file: skipped', false],
  ['302_a000000000000002.txt', 'warning', 'binary file, not text (a PNG file): skipped', false],
  ['303_a000000000000003.txt', 'warning', 'not valid UTF-8: read as Windows-1252', true],
  ['304_a000000000000004.txt', 'note', 'UTF-8 byte-order mark removed', true],
  ['305_a000000000000005.txt', 'note', 'Windows (CRLF) line endings read as LF', true],
  ['306_a000000000000006.txt', 'note', 'old Mac (CR) line endings read as LF', true],
  [
    '307_a000000000000007.txt:1',
    'warning',
    'no "date YYYY-MM-DD" header on the first line: article not published',
    false,
  ],
  [
    '308_a000000000000008.txt:1',
    'warning',
    'invalid date "2025-13-45" in the date header (expected a real YYYY-MM-DD): article not published',
    false,
  ],
  ['309_a000000000000009.txt:1', 'warning', 'date 2999-01-01 is in the future: published dated', true],
  [HUGE_SEED, 'warning', '5.0 MB is more than the 192 KiB an article may have: only the first', true],
  [
    'breaking-news.txt',
    'warning',
    'file name is not <number>_<16 hex>.txt, so the article has no stable id: skipped',
    false,
  ],
  [
    '311_a000000000000004.txt',
    'warning',
    'same id a000000000000004 as 304_a000000000000004.txt: skipped, the first file keeps the id',
    false,
  ],
  ['312_a00000000000000c.txt', 'note', 'markup-like text (tags, CDATA ends) is published as plain text, escaped', true],
  ['313_a00000000000000d.txt', 'warning', 'removed 3 invalid UTF-8 byte sequence(s)', true],
  [
    '313_a00000000000000d.txt:1',
    'warning',
    'removed 5 character(s) that XML 1.0 cannot carry (the first on line 1)',
    true,
  ],
  ['314_a00000000000000e.txt', 'note', 'combining characters composed (Unicode NFC)', true],
  ['314_a00000000000000e.txt', 'note', 'right-to-left text: published as written, shown with dir="auto"', true],
  ['315_a00000000000000f.txt', 'note', 'no entities found: the article is in the site feeds only', true],
  [
    '316_a000000000000010.txt',
    'warning',
    '500 entities found: all get the article in their feeds, its feed items list the 50 most mentioned',
    true,
  ],
  [
    '317_a000000000000011.txt:3',
    'warning',
    'removed 3 character(s) that XML 1.0 cannot carry (the first on line 3)',
    true,
  ],
  ['318_a000000000000012.txt', 'warning', 'only white space, no text: skipped', false],
  ['319_a000000000000013.TXT', 'note', 'extension .TXT read as .txt', true],
  [
    '320_a000000000000014.md',
    'note',
    '.md: read as a plain-text seed (Markdown or other markup is not interpreted)',
    true,
  ],
  ['323_a000000000000017.txt', 'note', 'markup-like text (tags, CDATA ends) is published as plain text, escaped', true],
];

/** A build of the fixtures plus some bad files, as the build step does it. */
function corpusWith(files: string[]): Corpus {
  const dir = mkdtempSync(join(tmpdir(), 'wirefeed-bad-'));
  cpSync(FIXTURE_SEEDS, dir, { recursive: true });
  for (const file of files) writeFileSync(join(dir, file), GENERATED[file]?.() ?? FILES[file]!);
  const { extracted } = loadSeeds([dir], { now: NOW });
  return buildCorpus(extracted);
}

/** What readers see of an article, entity names included (indices shift when entities are added). */
function visible(corpus: Corpus, article: ArticleRecord) {
  const { entities, about, version: _version, ...rest } = article;
  const name = (index: number) => corpus.entities[index]!.name;
  return { ...rest, entities: entities.map(name), about: about.map(name) };
}

describe('each bad seed', () => {
  const log = () => readFileSync(BUILD_LOG_BAD, 'utf8');

  it.each(EXPECTED)('%s gets a %s: %s', (file, level, message) => {
    expect(log()).toContain(`${level}: ${file}: ${message}`);
  });

  it.each([...Object.keys(FILES), ...Object.keys(GENERATED)])(
    '%s leaves every other article exactly as it was',
    (file) => {
      // The duplicate id is only a duplicate beside the file it copies.
      const company = file === '311_a000000000000004.txt' ? ['304_a000000000000004.txt'] : [];
      const baseline = corpusWith(company);
      const withBad = corpusWith([...company, file]);
      for (const article of baseline.articles) {
        const same = withBad.articles.find((candidate) => candidate.id === article.id)!;
        expect(visible(withBad, same)).toEqual(visible(baseline, article));
      }
      const published = EXPECTED.find(([name]) => name.startsWith(file))?.[3] ?? true;
      expect(withBad.articles.length).toBe(baseline.articles.length + (published ? 1 : 0));
      if (!published) expect(withBad).toEqual(baseline);
    },
  );
});

describe('the Worker with every bad seed in its corpus', () => {
  let worker: Worker;
  let items: any[];
  // Next links are absolute (https://news.example/…): the Worker is asked for their path.
  const get = (url: string) => worker.fetch(url.replace(/^https?:\/\/[^/]+/, ''));
  beforeAll(async () => {
    worker = await startWorker(undefined, join(BAD_SEEDS_COPY, '..', 'dist-bad'));
    items = await allJsonItems(get, '/feed.json?limit=200');
  });
  afterAll(() => worker.dispose());

  it('serves well-formed, parseable feeds for the site and every entity', async () => {
    const entities = (await (await worker.fetch('/entities.json')).json()) as Array<{ slug: string }>;
    expect(entities.length).toBeGreaterThan(500);
    for (const format of ['atom', 'rss', 'json'] as const) {
      expect((await worker.fetch(`/feed.${format}?limit=200`)).status).toBe(200);
      expect((await allItems(get, `/feed.${format}?limit=200`, format)).length).toBe(items.length);
    }
    for (const { slug } of entities.slice(0, 600)) {
      for (const format of ['atom', 'rss'] as const) {
        const response = await worker.fetch(`/entities/${slug}/feed.${format}`);
        expect(response.status, slug).toBe(200);
        parsers[format](await response.text());
      }
    }
  });

  it('publishes hostile text as text, escaped', async () => {
    const hostile = items.find((item) => item._wirefeed.source.startsWith('312_'));
    // Plain-text fields carry no markup a reader could render; the content shows the text as written, escaped.
    expect(hostile.summary).toContain('‹script›alert("x")‹/script›');
    expect(hostile.summary).not.toMatch(/<[a-z/]/i);
    expect(decodeHTML(hostile.content_html)).toContain('<script>alert("x")</script>');
    expect(hostile.content_html).not.toMatch(/<script|<img|<b>/);
    const atom = { items: await allItems(get, '/feed.atom?limit=200', 'atom') };
    expect(atom.items.find((item) => item.id === hostile.id)!.summary).toBe(hostile.summary);
    const page = await (await worker.fetch(`/articles/${hostile._wirefeed.id}`)).text();
    expect(page).not.toMatch(/<script>alert|<img src=x/);
    expect(page.match(/<script/g)).toHaveLength(1);
  });

  it('gives RSS, Atom and JSON Feed titles without markup, even from a title line full of it', async () => {
    const titled = items.find((item) => item._wirefeed.source.startsWith('323_'));
    expect(titled.title).toBe('‹script›alert(1)‹/script› ＆amp; ‹i›breaking‹/i› news from Bodø');
    const rss = { items: await allItems(get, '/feed.rss?limit=200', 'rss') };
    const atom = { items: await allItems(get, '/feed.atom?limit=200', 'atom') };
    for (const feed of [rss, atom]) {
      const item = feed.items.find((candidate) => candidate.id === titled.id)!;
      expect(item.title).toBe(titled.title);
    }
    for (const item of [...rss.items, ...items]) expect(item.title).not.toMatch(/<[a-z/!?]|&(?:amp|lt|gt|#)/i);
  });

  it('publishes every bad seed that is an article with text: terminal bytes, .TXT, .md, huge and long ones', () => {
    const sources = new Set(items.map((item) => item._wirefeed.source));
    const published = EXPECTED.filter(([, , , isPublished]) => isPublished).map(([file]) => file.split(':')[0]);
    for (const file of [...published, ...Object.keys(GENERATED)]) expect(sources, file).toContain(file);
    const paste = items.find((item) => item._wirefeed.source.startsWith('317_'));
    expect(decodeHTML(paste.content_html)).toContain('It said done and [0m then stopped.');
  });

  it('keeps illegal characters out, right-to-left and combined text in', async () => {
    const cleaned = items.find((item) => item._wirefeed.source.startsWith('313_'));
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters that must be gone.
    expect(cleaned.content_html).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uFFFD]/);
    expect(cleaned.content_html).toContain('Café in Bern');
    const rtl = items.find((item) => item._wirefeed.source.startsWith('314_'));
    expect(rtl.content_html).toContain('مرحبا بالعالم');
    expect(rtl.content_html).toContain('Zoë Lefèvre');
    const page = await (await worker.fetch(`/articles/${rtl._wirefeed.id}`)).text();
    expect(page).toContain('<article class="story" dir="auto">');
    const latin = items.find((item) => item._wirefeed.source.startsWith('303_'));
    expect(decodeHTML(latin.content_html)).toContain('Café “Le Monde” – Zoë Martin');
  });

  it('cuts the 5 MB article and lists at most 50 entities on an item', () => {
    const huge = items.find((item) => item._wirefeed.source === HUGE_SEED);
    expect(huge.content_html.length).toBeLessThan(600 * 1024);
    const crowded = items.find((item) => item._wirefeed.source.startsWith('316_'));
    expect(crowded._wirefeed.entities).toHaveLength(50);
  });
});
