// The scale design's moving parts, without workerd: packing at build time, reading packs on demand, the
// per-isolate caches and the per-page pack budget. The Worker tests cover the same through real requests.
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/build/corpus/build.js';
import { splitForWorker } from '../../src/build/corpus/packs.js';
import { extractEntities } from '../../src/build/entities/extract.js';
import type { Corpus } from '../../src/build/model.js';
import { parseSeed } from '../../src/build/parse/seed.js';
import { decodeRanks, encodeRanks } from '../../src/contract/columns.js';
import { ARTICLES_PER_PACK, type CorpusIndex, packSlot } from '../../src/contract/corpus-index.js';
import { SITEMAP_URLS, sitemap, sitemapIndex, sitemapParts } from '../../src/worker/listings.js';
import { ArticleIndex } from '../../src/worker/store/article-index.js';
import { ArticleStore } from '../../src/worker/store/article-store.js';
import { CorpusView } from '../../src/worker/store/corpus-view.js';
import { Lru } from '../../src/worker/store/lru.js';
import { MAX_PACKS_PER_PAGE, page } from '../../src/worker/store/paging.js';

function corpusOf(count: number, firstDay = 1): Corpus {
  return buildCorpus(
    Array.from({ length: count }, (_, i) => {
      const day = firstDay + i;
      const date = new Date(Date.UTC(2024, 0, day)).toISOString().slice(0, 10);
      const id = day.toString(16).padStart(16, '0');
      const { article } = parseSeed(
        `${day}_${id}.txt`,
        ` date ${date} Article ${day} says "${'x]]>'.repeat(day % 3)}" about Elon Musk in Paris.\n\nSecond \
paragraph ${day}.`,
      );
      return { article: article!, ...extractEntities(article!.blocks) };
    }),
  );
}

/** The ASSETS binding, served from the packs in memory, counting reads. */
function assetsOf(packs: Array<{ path: string; body: string }>) {
  const files = new Map(packs.map((pack) => [pack.path, new TextEncoder().encode(pack.body)]));
  const reads: string[] = [];
  return {
    reads,
    fetch: async (input: Request | string) => {
      const path = new URL(typeof input === 'string' ? input : input.url).pathname;
      reads.push(path);
      const body = files.get(path);
      return body ? new Response(body) : new Response('not found', { status: 404 });
    },
  };
}

describe('content packs', () => {
  const corpus = corpusOf(30);
  const { index, packs } = splitForWorker(corpus);

  it('keep the article text out of the index, and every article at its slot', () => {
    const articles = new ArticleIndex(index);
    expect(JSON.stringify(index)).not.toContain(corpus.articles[0]!.summary);
    corpus.articles.forEach((article, rank) => {
      expect([articles.id(rank), articles.date(rank), articles.rankOf(article.id)]).toEqual([
        article.id,
        article.date,
        rank,
      ]);
      expect(article.version.startsWith(articles.version(rank))).toBe(true);
    });
    expect(articles.rankOf('ffffffffffffffff')).toBeUndefined();
    corpus.entities.forEach((entity, i) => {
      expect(articles.entityRanks(i)).toEqual(entity.articles);
      expect(articles.entityAboutRanks(i)).toEqual(entity.aboutArticles);
    });
    expect(packs).toHaveLength(Math.ceil(30 / ARTICLES_PER_PACK));
    corpus.articles.forEach((article, rank) => {
      const { pack, line } = packSlot(rank, corpus.articles.length);
      const record = JSON.parse(packs[pack]!.body.split('\n')[line]!);
      expect(record).toEqual({
        guid: article.guid,
        source: article.source,
        title: article.title,
        summary: article.summary,
        contentHtml: article.contentHtml,
        entities: article.entities,
        about: article.about,
      });
    });
  });

  it('are named by content, and a newer article changes only the newest pack', () => {
    const later = splitForWorker(corpusOf(31)).packs;
    expect(packs.every((pack) => /^\/packs\/[\w-]{16}\.ndjson$/.test(pack.path))).toBe(true);
    const unchanged = packs.filter((pack) => later.some((other) => other.path === pack.path));
    expect(unchanged).toHaveLength(packs.length - 1);
  });

  it('are read once each for a page, then served from the isolate', async () => {
    const assets = assetsOf(packs);
    const store = new ArticleStore(index);
    const ranks = [0, 1, 2, 17, 29];
    const contents = await store.get(assets, ranks);
    expect(contents.map((content) => content.title)).toEqual(ranks.map((rank) => corpus.articles[rank]!.title));
    expect(assets.reads.sort()).toEqual(
      [...new Set(ranks.map((rank) => index.packs[packSlot(rank, 30).pack]!))].sort(),
    );
    assets.reads.length = 0;
    await store.get(assets, ranks);
    expect(assets.reads).toEqual([]);
  });

  it('fail with a message that says what is missing', async () => {
    await expect(new ArticleStore(index).get(undefined, [0])).rejects.toThrow(/ASSETS binding is missing/);
    await expect(new ArticleStore(index).get(assetsOf([]), [0])).rejects.toThrow(
      /HTTP 404; was the Worker deployed with its assets/,
    );
  });
});

describe('the per-isolate cache', () => {
  it('drops the least recently used entries beyond its weight', () => {
    const lru = new Lru<string, string>(10, (value) => value.length);
    lru.set('a', 'aaaa');
    lru.set('b', 'bbbb');
    expect(lru.get('a')).toBe('aaaa');
    lru.set('c', 'cccc');
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual(['aaaa', undefined, 'cccc']);
    lru.set('huge', 'x'.repeat(11));
    expect(lru.get('huge')).toBeUndefined();
    expect(lru.size).toBe(2);
  });
});

describe('the pack budget of a page', () => {
  const corpus = corpusOf(ARTICLES_PER_PACK * 60);
  const articles = new ArticleIndex(splitForWorker(corpus).index);
  const packOf = (rank: number) => packSlot(rank, articles.count).pack;
  // One article from each pack: the worst case, an entity spread thin over the archive.
  const sparse = Array.from({ length: 60 }, (_, i) => i * ARTICLES_PER_PACK);

  it('stops a page before it would read more packs than a request may, and the next link carries on', () => {
    const first = page(articles, sparse, { limit: 50 }, packOf);
    expect(first.ranks).toHaveLength(MAX_PACKS_PER_PAGE);
    const second = page(articles, sparse, { limit: 50, cursor: first.next! }, packOf);
    expect(second.ranks).toHaveLength(60 - MAX_PACKS_PER_PAGE);
    expect(second.next).toBeUndefined();
    expect([...first.ranks, ...second.ranks]).toEqual(sparse);
  });

  it('fills whole pages when the articles share packs', () => {
    const site = page(articles, undefined, { limit: 200 }, packOf);
    expect(site.ranks).toHaveLength(200);
    expect(new Set(site.ranks.map(packOf)).size).toBe(200 / ARTICLES_PER_PACK);
  });
});

describe('the rank code', () => {
  it('gives back any ascending list of ranks', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat({ max: 2_000_000 }), { maxLength: 300 }), (values) => {
        const ranks = [...values].sort((a, b) => a - b);
        expect(decodeRanks(encodeRanks(ranks), ranks.length)).toEqual(ranks);
      }),
      { numRuns: 300, ...(process.env.CI ? { seed: 20261129 } : {}) },
    );
    expect(encodeRanks([0, 1, 2, 3]).length).toBe(4);
  });
});

describe('the sitemap of a large site', () => {
  const count = 12_000;
  const index: CorpusIndex = {
    articles: {
      count,
      ids: Array.from({ length: count }, (_, rank) => rank.toString(16).padStart(16, '0')).join(''),
      dates: '2025-01-01'.repeat(count),
      versions: 'v'.repeat(8 * count),
      sizes: '01'.repeat(count),
      byId: Array.from({ length: count }, (_, rank) => rank.toString(36).padStart(4, '0')).join(''),
    },
    entities: [
      {
        slug: 'a&b',
        name: 'A & B',
        type: 'organization',
        aliases: [],
        related: [],
        version: 'x',
        feedId: 'urn:uuid:x',
        count: 1,
        ranks: 'A',
        about: 0,
        aboutRanks: '',
        updated: '2025-01-01',
        first: '2025-01-01',
      },
    ],
    version: 'x',
    feedId: 'urn:uuid:y',
    updated: '2025-01-01',
    packs: [],
    retired: [],
  };
  const view = new CorpusView(index);
  const site = { name: 'S', description: 'D', language: 'en', baseUrl: 'https://news.example', fingerprint: 'f' };
  const xml = new XMLParser();

  it('is an index of parts at the root, which together list every page once', () => {
    expect(sitemapParts(view)).toBe(Math.ceil((count + 2) / SITEMAP_URLS));
    const parts = [xml.parse(sitemapIndex(view, site)).sitemapindex.sitemap]
      .flat()
      .map((entry: { loc: string }) => entry.loc);
    expect(parts).toEqual([
      'https://news.example/sitemap-1.xml',
      'https://news.example/sitemap-2.xml',
      'https://news.example/sitemap-3.xml',
    ]);
    const locs = parts.flatMap((_, i) =>
      [xml.parse(sitemap(view, site, i + 1)).urlset.url].flat().map((entry: { loc: string }) => entry.loc),
    );
    expect(locs).toHaveLength(count + 2);
    expect(new Set(locs).size).toBe(count + 2);
    expect(locs.slice(0, 2)).toEqual(['https://news.example/', 'https://news.example/entities/a%26b']);
    expect(locs.at(-1)).toBe(`https://news.example/articles/${(count - 1).toString(16).padStart(16, '0')}`);
  });
});
