import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHTML } from 'entities';
import { parseOpml } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ParsedFeed, parseAtom, parseJson, parseRss, parsers } from '../support/feeds.js';
import { DIST } from '../support/paths.js';
import { BASE, BINDINGS, startWorker, type Worker } from '../support/worker.js';

const FORMATS = ['atom', 'rss', 'json'] as const;
const CONTENT_TYPES = {
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};
// seeds/ (1) + test/fixtures/seeds (13), less 111 (no date) and 112 (impossible date).
const PUBLISHED = 12;

let worker: Worker;
let siteJson: ReturnType<typeof parseJson>;
let entities: Array<{
  slug: string;
  name: string;
  type: string;
  count: number;
  url: string;
  aliases: string[];
  related: string[];
  feeds: Record<string, string>;
}>;

async function get(path: string, init?: RequestInit) {
  return worker.fetch(path, init);
}

async function feed(path: string, format: (typeof FORMATS)[number]): Promise<ParsedFeed> {
  const response = await get(path);
  expect(response.status, path).toBe(200);
  expect(response.headers.get('content-type')).toBe(CONTENT_TYPES[format]);
  return parsers[format](await response.text());
}

/** Follows rel="next" / next_url from the first page to the last. */
async function walk(path: string, format: (typeof FORMATS)[number]): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let url: string | undefined = path;
  let pages = 0;
  while (url) {
    const parsed = await feed(url.replace(BASE, ''), format);
    ids.push(...parsed.items.map((item) => item.id));
    url = parsed.nextUrl;
    pages++;
    expect(pages).toBeLessThan(50);
  }
  return { ids, pages };
}

beforeAll(async () => {
  worker = await startWorker();
  siteJson = parseJson(await (await get('/feed.json?limit=200')).text());
  entities = await (await get('/entities.json')).json();
});
afterAll(() => worker.dispose());

describe('site feeds', () => {
  it.each(['/feed', '/entities/elon-musk/feed'])('%s in RSS has a <ttl> equal to its max-age', async (path) => {
    const response = await get(`${path}.rss`);
    const maxAge = Number(/max-age=(\d+)/.exec(response.headers.get('cache-control') ?? '')?.[1]);
    expect(maxAge).toBe(600);
    const ttl = /<ttl>(\d+)<\/ttl>/.exec(await response.text())?.[1];
    expect(Number(ttl) * 60).toBe(maxAge);
  });

  it.each(FORMATS)('%s lists every published article, newest first, with absolute links', async (format) => {
    const parsed = await feed(`/feed.${format}`, format);
    expect(parsed.title).toBe('Wirefeed');
    expect(parsed.selfUrl).toBe(`${BASE}/feed.${format}`);
    expect(parsed.htmlUrl).toBe(`${BASE}/`);
    expect(parsed.items).toHaveLength(PUBLISHED);
    const dates = parsed.items.map((item) => item.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    for (const item of parsed.items) {
      expect(item.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(item.link).toMatch(new RegExp(`^${BASE}/articles/[0-9a-f]{16}$`));
      expect(item.title.length).toBeGreaterThan(10);
      expect([...item.title].length).toBeLessThanOrEqual(111);
      expect(item.content).toContain('<p>');
      expect(item.summary.length).toBeGreaterThan(20);
    }
    expect(new Set(parsed.items.map((item) => item.id)).size).toBe(PUBLISHED);
  });

  it('carries the same items with the same ids, titles, links and dates in all three formats', async () => {
    const [atom, rss, json] = await Promise.all(FORMATS.map((format) => feed(`/feed.${format}`, format)));
    const strip = (f: ParsedFeed) =>
      f.items.map(({ id, title, link, date, summary }) => ({ id, title, link, date, summary }));
    expect(strip(atom!)).toEqual(strip(json!));
    expect(strip(rss!)).toEqual(strip(json!));
  });

  it('dates each item from its seed header, at midnight UTC', () => {
    const seed = siteJson.raw.items.find((item: any) => item._wirefeed.source === '000_189017ad2c526773.txt');
    expect(seed.date_published).toBe('2025-06-07T00:00:00.000Z');
    expect(seed.url).toBe(`${BASE}/articles/189017ad2c526773`);
  });

  it('writes JSON Feed 1.1 with authors, language and the _wirefeed extension', () => {
    const raw = siteJson.raw;
    expect(raw.version).toBe('https://jsonfeed.org/version/1.1');
    expect(raw.authors).toEqual([{ name: 'Wirefeed', url: `${BASE}/` }]);
    // 1.0's `author` beside 1.1's `authors`, as 1.1 allows: NetNewsWire reads only `author`.
    expect(raw.author).toEqual(raw.authors[0]);
    expect(raw.language).toBe('en');
    expect(raw.feed_url).toBe(`${BASE}/feed.json?limit=200`);
    for (const item of raw.items) {
      // Items name no author of their own (they inherit the feed's), so they carry neither field.
      expect(item.author).toBeUndefined();
      expect(item.authors).toBeUndefined();
      expect(typeof item.content_html).toBe('string');
      expect(item._wirefeed.source).toMatch(/^\d+_[0-9a-f]{16}\.txt$/);
      expect(item._wirefeed.id).toBe(item.url.split('/').pop());
      for (const entity of item._wirefeed.entities)
        expect(Object.keys(entity).sort()).toEqual(['name', 'role', 'slug', 'type']);
      expect(item.tags).toEqual(item._wirefeed.entities.map((entity: any) => entity.name));
    }
  });

  it('tags each item with its entities: Atom term/label/scheme, RSS domain', async () => {
    const atomXml = await (await get('/feed.atom')).text();
    expect(atomXml).toMatch(
      /<category label="Elon Musk" scheme="https:\/\/news\.example\/entities\/" term="elon-musk"\/>/,
    );
    const rssXml = await (await get('/feed.rss')).text();
    expect(rssXml).toContain('<category domain="https://news.example/entities/">Elon Musk</category>');
  });
});

describe('escaping of hostile article text (fixture 107)', () => {
  const hostile = () => siteJson.raw.items.find((item: any) => item._wirefeed.source.startsWith('107_'));

  it.each(FORMATS)('%s stays parseable and shows the text exactly', async (format) => {
    const parsed = await feed(`/feed.${format}`, format);
    const item = parsed.items.find((candidate) => candidate.id === hostile().id)!;
    expect(item.title).toBe(hostile().title);
    expect(item.summary).toContain('Q&A');
    expect(item.summary).toContain('1 < 2');
    // A plain-text field carries no markup a reader could render; the content shows it as written, escaped.
    expect(item.summary).toContain('‹script›alert(1)‹/script›');
    expect(item.summary).not.toMatch(/<[a-z/]/i);
    expect(item.summary.match(/]]>/g)).toHaveLength(2);
    // Content is HTML: the markup-looking text must arrive escaped, never as markup.
    expect(item.content).not.toContain('<script>');
    expect(item.content).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('never reaches an HTML page unescaped', async () => {
    const html = await (await get(`/articles/${hostile()._wirefeed.id}`)).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('entity feeds', () => {
  it('lists entities most-mentioned first with their urls and feeds', () => {
    expect(entities.length).toBeGreaterThan(30);
    const counts = entities.map((entity) => entity.count);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    for (const entity of entities) {
      expect(entity.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(['person', 'organization', 'place']).toContain(entity.type);
      expect(entity.url).toBe(`${BASE}/entities/${entity.slug}`);
      expect(entity.feeds).toEqual({
        atom: `${BASE}/entities/${entity.slug}/feed.atom`,
        rss: `${BASE}/entities/${entity.slug}/feed.rss`,
        json: `${BASE}/entities/${entity.slug}/feed.json`,
      });
    }
    expect(new Set(entities.map((entity) => entity.slug)).size).toBe(entities.length);
  });

  it('holds exactly the articles that mention the entity, for every entity', async () => {
    for (const entity of entities) {
      const expected = siteJson.raw.items
        .filter((item: any) => item._wirefeed.entities.some((e: any) => e.slug === entity.slug))
        .map((item: any) => item.id);
      const parsed = parseJson(await (await get(`/entities/${entity.slug}/feed.json?limit=200`)).text());
      expect(
        parsed.items.map((item) => item.id),
        entity.slug,
      ).toEqual(expected);
      expect(expected.length, entity.slug).toBe(entity.count);
      // And the article really says it, under its name or one of its aliases.
      for (const item of parsed.items) {
        const text = decodeHTML(item.content);
        expect(
          [entity.name, ...entity.aliases].some((form) => text.includes(form)),
          `${entity.slug} in ${item.link}`,
        ).toBe(true);
      }
    }
  });

  it.each(FORMATS)('%s feed for Elon Musk names him and links to his page', async (format) => {
    const parsed = await feed(`/entities/elon-musk/feed.${format}`, format);
    expect(parsed.title).toBe('Wirefeed · Elon Musk');
    expect(parsed.selfUrl).toBe(`${BASE}/entities/elon-musk/feed.${format}`);
    expect(parsed.htmlUrl).toBe(`${BASE}/entities/elon-musk`);
    expect(parsed.items.length).toBeGreaterThanOrEqual(5);
  });

  it('merges spellings across articles and keeps namesakes apart', () => {
    const bySlug = new Map(entities.map((entity) => [entity.slug, entity]));
    expect(bySlug.get('zoe-lefevre')).toMatchObject({ name: 'Zoë Lefèvre', type: 'person', count: 2 });
    expect(bySlug.get('united-states')).toMatchObject({ type: 'place', count: 4 });
    expect(bySlug.get('united-states')!.aliases).toEqual(expect.arrayContaining(['US', 'U.S.']));
    expect(bySlug.get('doug-ford')).toMatchObject({ type: 'person', count: 1 });
    expect(bySlug.get('harrison-ford')).toMatchObject({ type: 'person', count: 1 });
    expect(bySlug.get('ford-motor-company')).toMatchObject({ type: 'organization' });
    expect(bySlug.has('ford')).toBe(false);
    expect(bySlug.get('elon-musk')).toMatchObject({ type: 'person', count: 5 });
    expect(bySlug.has('musk')).toBe(false);
    expect(bySlug.get('donald-trump')!.count).toBe(4);
  });

  it("applies the publisher's entities.config.json end to end", async () => {
    // The project config declares Steve Bannon with the alias the seed uses, "Bannon".
    const bannon = entities.find((entity) => entity.slug === 'steve-bannon')!;
    expect(bannon).toMatchObject({ name: 'Steve Bannon', type: 'person', aliases: ['Bannon'], count: 1 });
    expect((await get('/entities/bannon')).status).toBe(404);
    const html = await (await get('/entities/steve-bannon')).text();
    expect(html).toContain('<h1>Steve Bannon</h1>');
    expect(html).toContain('also written Bannon');
  });

  it('answers an unknown slug with 404', async () => {
    for (const path of ['/entities/nobody/feed.atom', '/entities/nobody', '/entities/ELON-MUSK/feed.json']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect((await response.text()).length).toBeLessThan(200);
    }
  });
});

describe('paging', () => {
  it.each(FORMATS)('%s pages with a next link and loses or repeats nothing', async (format) => {
    const first = await feed(`/feed.${format}?limit=5`, format);
    expect(first.items).toHaveLength(5);
    expect(first.nextUrl).toMatch(
      new RegExp(`^${BASE}/feed\\.${format}\\?cursor=\\d{4}-\\d{2}-\\d{2}\\.[0-9a-f]{16}&limit=5$`),
    );
    const { ids, pages } = await walk(`/feed.${format}?limit=5`, format);
    expect(pages).toBe(3);
    expect(ids).toEqual(siteJson.items.map((item) => item.id));
  });

  it('pages entity feeds too', async () => {
    const { ids, pages } = await walk('/entities/elon-musk/feed.atom?limit=2', 'atom');
    const all = parseAtom(await (await get('/entities/elon-musk/feed.atom')).text()).items.map((item) => item.id);
    expect(pages).toBe(3);
    expect(ids).toEqual(all);
  });

  it('uses a cursor that names a position in time, not an offset', async () => {
    // No article has this id: the page starts after where it would sort, so adding articles never shifts it.
    const parsed = parseJson(await (await get('/feed.json?cursor=2025-06-07.ffffffffffffffff&limit=200')).text());
    const expected = siteJson.raw.items
      .filter((item: any) => item.date_published < '2025-06-07')
      .map((item: any) => item.id);
    expect(parsed.items.map((item) => item.id)).toEqual(expected);
  });

  it('has no next link on the last page and sends Link headers on the others', async () => {
    const last = parseRss(await (await get('/feed.rss?limit=200')).text());
    expect(last.nextUrl).toBeUndefined();
    const response = await get('/feed.json?limit=3');
    expect(response.headers.get('link')).toMatch(/^<https:\/\/news\.example\/feed\.json\?cursor=[^>]+>; rel="next"$/);
  });

  it.each([
    ['/feed.atom?limit=0', 'limit'],
    ['/feed.atom?limit=201', 'limit'],
    ['/feed.rss?limit=abc', 'limit'],
    ['/feed.json?limit=-1', 'limit'],
    ['/entities/elon-musk/feed.json?cursor=yesterday', 'cursor'],
    ['/feed.atom?cursor=%3Cscript%3E', 'cursor'],
  ])('%s is a 400 naming %s', async (path, parameter) => {
    const response = await get(path);
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(body).toContain(`"${parameter}"`);
    expect(body).not.toContain('<script>');
  });
});

describe('HTTP semantics', () => {
  const paths = [
    '/',
    '/feed.atom',
    '/feed.rss',
    '/feed.json',
    '/entities.json',
    '/entities/elon-musk',
    '/entities/russia/feed.rss',
    '/articles/189017ad2c526773',
    '/feeds.opml',
  ];

  it.each(paths)('%s has a strong ETag, Last-Modified and Cache-Control, and answers 304', async (path) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    const etag = response.headers.get('etag')!;
    const lastModified = response.headers.get('last-modified')!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(new Date(lastModified).toUTCString()).toBe(lastModified);
    expect(response.headers.get('cache-control')).toMatch(/max-age=\d+/);

    const byTag = await get(path, { headers: { 'If-None-Match': etag } });
    expect(byTag.status).toBe(304);
    expect(await byTag.text()).toBe('');
    expect(byTag.headers.get('etag')).toBe(etag);
    // RFC 9110 §15.4.5: what a 200 would carry of Cache-Control and Vary, no other representation metadata.
    expect(byTag.headers.get('cache-control')).toBe(response.headers.get('cache-control'));
    expect(byTag.headers.get('vary')).toBe(response.headers.get('vary'));
    for (const header of ['content-type', 'last-modified', 'x-content-type-options'])
      expect(byTag.headers.get(header), header).toBeNull();

    const byDate = await get(path, { headers: { 'If-Modified-Since': lastModified } });
    expect(byDate.status).toBe(304);

    const older = await get(path, { headers: { 'If-Modified-Since': 'Mon, 01 Jan 2024 00:00:00 GMT' } });
    expect(older.status).toBe(200);
    // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
    const stale = await get(path, { headers: { 'If-None-Match': '"other"', 'If-Modified-Since': lastModified } });
    expect(stale.status).toBe(200);
  });

  it('gives every representation its own ETag', async () => {
    const tags = await Promise.all(
      ['/feed.atom', '/feed.rss', '/feed.json', '/feed.atom?limit=5', '/entities/elon-musk/feed.atom'].map(
        async (path) => (await get(path)).headers.get('etag'),
      ),
    );
    expect(new Set(tags).size).toBe(tags.length);
  });

  it.each(['/feed.atom', '/entities/elon-musk', '/entities.json'])(
    'HEAD %s has the headers of GET and no body',
    async (path) => {
      const getResponse = await get(path);
      const head = await get(path, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(await head.text()).toBe('');
      for (const header of ['content-type', 'etag', 'last-modified', 'cache-control'])
        expect(head.headers.get(header)).toBe(getResponse.headers.get(header));
    },
  );

  it('sends content types, CORS and nosniff where they belong', async () => {
    for (const path of ['/feed.atom', '/feed.rss', '/feed.json', '/entities.json', '/entities/tass/feed.json']) {
      const response = await get(path);
      expect(response.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
    expect((await get('/entities.json')).headers.get('content-type')).toBe('application/json; charset=utf-8');
    for (const path of ['/', '/entities/tass', '/articles/189017ad2c526773']) {
      const response = await get(path);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('answers unknown paths and ids with a short 404 and other methods with 405', async () => {
    for (const path of ['/nope', '/articles/0000000000000000', '/articles/..%2Ffeed.atom', '/articles/%3Cb%3E']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain('<b>');
    }
    const post = await get('/feed.atom', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });

  it('never serves the content packs by path, and has no bench route unless asked', async () => {
    const packs = readdirSync(join(DIST, 'assets', 'packs'));
    expect(packs.length).toBeGreaterThan(0);
    for (const path of [`/packs/${packs[0]}`, '/__bench/constant']) expect((await get(path)).status, path).toBe(404);
    const bench = await startWorker({ ...BINDINGS, WIREFEED_BENCH: '1' });
    try {
      const response = await bench.fetch('/__bench/constant');
      expect([response.status, await response.text()]).toEqual([200, 'ok\n']);
    } finally {
      await bench.dispose();
    }
  });
});

describe('content from the static assets', () => {
  it('renders an answer once and serves the same bytes, with the same validators, from the isolate after', async () => {
    const fresh = await startWorker();
    try {
      for (const path of ['/entities/elon-musk/feed.rss', '/articles/189017ad2c526773', '/']) {
        // The request that renders is answered plain, later ones gzip (fetch decodes): the same text, the tag
        // of the gzip representation.
        const first = await fresh.fetch(path);
        const again = await fresh.fetch(path);
        const third = await fresh.fetch(path);
        expect(again.headers.get('etag'), path).toBe(first.headers.get('etag')!.replace(/"$/, '-gzip"'));
        expect(third.headers.get('etag'), path).toBe(again.headers.get('etag'));
        const text = await first.text();
        expect(await again.text(), path).toBe(text);
        expect(await third.text(), path).toBe(text);
      }
      const browser = await fresh.fetch('/entities/elon-musk/feed.rss', { headers: { Accept: 'text/html' } });
      expect(browser.headers.get('content-type')).toBe('application/xml; charset=utf-8');
      expect(parseRss(await browser.text()).items.length).toBeGreaterThan(0);
    } finally {
      await fresh.dispose();
    }
  });
});

describe('HTML pages', () => {
  const alternates = (html: string) =>
    [...html.matchAll(/<link rel="alternate" type="([^"]+)" title="([^"]+)" href="([^"]+)">/g)].map((m) => ({
      type: m[1],
      href: m[3],
    }));

  it('home lists the newest articles, the entity directory by type, and the site feeds', async () => {
    const html = await (await get('/')).text();
    expect(alternates(html)).toEqual([
      { type: 'application/atom+xml', href: `${BASE}/feed.atom` },
      { type: 'application/rss+xml', href: `${BASE}/feed.rss` },
      { type: 'application/feed+json', href: `${BASE}/feed.json` },
    ]);
    for (const heading of ['People', 'Organizations', 'Places'])
      expect(html).toMatch(new RegExp(`<h3 id="type-[a-z]+">${heading} \\(\\d+\\)</h3>`));
    expect(html).toContain(`<a href="${BASE}/entities/elon-musk">Elon Musk <span class="count">5</span></a>`);
    for (const item of siteJson.items) expect(html).toContain(`href="${item.link}"`);
  });

  it('entity page shows its articles, feeds and related entities', async () => {
    const html = await (await get('/entities/elon-musk')).text();
    expect(html).toContain('<h1>Elon Musk</h1>');
    expect(alternates(html).map((link) => link.href)).toEqual(
      FORMATS.map((format) => `${BASE}/entities/elon-musk/feed.${format}`),
    );
    const articles = parseJson(await (await get('/entities/elon-musk/feed.json')).text());
    for (const item of articles.items) expect(html).toContain(`href="${item.link}"`);
    expect(html).toContain('<h2>Related</h2>');
    expect(html).toContain(`href="${BASE}/entities/spacex"`);
  });

  it('every feed item links to an article page that shows it', async () => {
    for (const item of siteJson.raw.items) {
      const response = await get(new URL(item.url).pathname);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain(`<link rel="canonical" href="${item.url}">`);
      expect(html).toContain(item.content_html.split('\n')[0]);
      for (const entity of item._wirefeed.entities) expect(html).toContain(`href="${BASE}/entities/${entity.slug}"`);
    }
  });
});

describe('OPML', () => {
  it('lists the site feed and one feed per entity', async () => {
    const response = await get('/feeds.opml');
    expect(response.headers.get('content-type')).toBe('text/x-opml; charset=utf-8');
    const opml = parseOpml(await response.text()) as any;
    const urls: string[] = [];
    const collect = (outlines: any[] = []) => {
      for (const outline of outlines) {
        if (outline.xmlUrl) urls.push(outline.xmlUrl);
        collect(outline.outlines);
      }
    };
    collect(opml.body.outlines);
    expect(urls).toEqual(expect.arrayContaining([`${BASE}/feed.atom`, ...entities.map((entity) => entity.feeds.atom)]));
    expect(urls).toHaveLength(entities.length + 1);
  });
});

describe('hosts', () => {
  it('keeps item ids identical on another host while links follow the host', async () => {
    const other = await startWorker({ SITE_NAME: 'Elsewhere' });
    try {
      const response = await other.fetch('/feed.atom');
      const parsed = parseAtom(await response.text());
      expect(parsed.items.map((item) => item.id)).toEqual(siteJson.items.map((item) => item.id));
      expect(parsed.items[0]!.link).toMatch(/^http:\/\/localhost:8787\/articles\//);
      expect(parsed.title).toBe('Elsewhere');
    } finally {
      await other.dispose();
    }
  });
});
