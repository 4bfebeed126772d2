// Combined feeds (?all= ?any= ?none=) through the built Worker: membership against a brute-force filter over the
// corpus, the canonical URL and its redirects, 400/404s, paging, validators and the feed checkers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFeed, HAS_FEED_CHECK } from '../support/feed-check.js';
import { parsers } from '../support/feeds.js';
import { BASE, serveWorker, startWorker, type Worker } from '../support/worker.js';

const FORMATS = ['atom', 'rss', 'json'] as const;
let worker: Worker;
/** Every article id (newest first) and, per entity slug, the ids of its feed. */
let siteIds: string[];
const members = new Map<string, Set<string>>();
let top: string[];

async function feedIds(path: string): Promise<string[]> {
  const response = await worker.fetch(path);
  expect(response.status, path).toBe(200);
  const feed: any = await response.json();
  return feed.items.map((item: { _wirefeed: { id: string } }) => item._wirefeed.id);
}

beforeAll(async () => {
  worker = await startWorker();
  siteIds = await feedIds('/feed.json?limit=200');
  const entities = (await (await worker.fetch('/entities.json')).json()) as Array<{ slug: string; count: number }>;
  for (const { slug } of entities) members.set(slug, new Set(await feedIds(`/entities/${slug}/feed.json?limit=200`)));
  // The most-mentioned entities, so that combinations of them overlap.
  top = entities.slice(0, 6).map((entity) => entity.slug);
});
afterAll(() => worker.dispose());

function brute(all: string[], any: string[], none: string[]): string[] {
  const has = (id: string) => (slug: string) => members.get(slug)!.has(id);
  return siteIds.filter((id) => all.every(has(id)) && (any.length === 0 || any.some(has(id))) && !none.some(has(id)));
}

const query = (all: string[], any: string[], none: string[]) =>
  [['all', all] as const, ['any', any] as const, ['none', none] as const]
    .filter(([, slugs]) => slugs.length > 0)
    .map(([name, slugs]) => `${name}=${[...slugs].sort().join(',')}`)
    .join('&');

describe('combined feeds', () => {
  it('hold exactly the articles a brute-force filter finds, newest first, each once', async () => {
    const [a, b, c, d] = top as [string, string, string, string];
    const cases: Array<[string[], string[], string[]]> = [
      [[a, b], [], []],
      [[a, b, c], [], []],
      [[], [a, b], []],
      [[], [c, d], [a]],
      [[], [], [a]],
      [[a], [], [b]],
      [[a], [b, c], []],
      [[a], [b, c], [d]],
      [['elon-musk', 'spacex'], [], []],
      [[], ['spacex', 'tesla'], []],
      [['elon-musk'], [], ['tesla']],
    ];
    let nonEmpty = 0;
    for (const [all, any, none] of cases) {
      const search = query(all, any, none);
      const expected = brute(all, any, none);
      if (expected.length > 0) nonEmpty++;
      expect(await feedIds(`/feed.json?${search}&limit=200`), search).toEqual(expected);
    }
    expect(nonEmpty).toBeGreaterThan(6);
  });

  it('page by cursor like every feed, with next links on the canonical URL', async () => {
    const search = query([], [], [top[0]!]);
    const expected = brute([], [], [top[0]!]);
    expect(expected.length).toBeGreaterThan(2);
    const ids: string[] = [];
    let path: string | undefined = `/feed.json?${search}&limit=2`;
    while (path) {
      const response = await worker.fetch(path);
      const feed: any = await response.json();
      ids.push(...feed.items.map((item: { _wirefeed: { id: string } }) => item._wirefeed.id));
      if (feed.next_url) {
        expect(feed.next_url).toMatch(
          new RegExp(`^${BASE}/feed\\.json\\?${search}&cursor=[0-9-]+\\.[0-9a-f]{16}&limit=2$`),
        );
        expect(response.headers.get('link')).toBe(`<${feed.next_url}>; rel="next"`);
      }
      path = feed.next_url?.replace(BASE, '');
    }
    expect(ids).toEqual(expected);
  });

  it('say what they are, and list every entity of an item as categories', async () => {
    const feed: any = await (await worker.fetch('/feed.json?all=elon-musk,spacex&none=tesla')).json();
    expect(feed.title).toBe('Wirefeed · Elon Musk and SpaceX, without Tesla');
    expect(feed.description).toBe(
      'Every Wirefeed article that mentions Elon Musk and SpaceX, and does not mention Tesla.',
    );
    expect(feed._wirefeed).toEqual({ combination: { all: ['elon-musk', 'spacex'], any: [], none: ['tesla'] } });
    expect(feed.feed_url).toBe(`${BASE}/feed.json?all=elon-musk,spacex&none=tesla`);
    for (const item of feed.items) expect(item.tags).toEqual(item._wirefeed.entities.map((e: any) => e.name));
    const any = parsers.atom(await (await worker.fetch('/feed.atom?any=spacex,tesla')).text());
    expect(any.title).toBe('Wirefeed · SpaceX or Tesla');
    expect(any.items.map((item) => item.categories.length).every((n) => n >= 1)).toBe(true);
  });

  it.each([
    ['/feed.atom?all=spacex,elon-musk', '/feed.atom?all=elon-musk,spacex'],
    ['/feed.atom?all=spacex&all=elon-musk,,spacex', '/feed.atom?all=elon-musk,spacex'],
    ['/feed.rss?none=tesla&all=elon-musk', '/feed.rss?all=elon-musk&none=tesla'],
    ['/feed.json?limit=5&all=elon-musk&none=tesla', '/feed.json?all=elon-musk&none=tesla&limit=5'],
    ['/feed.json?all=elon-musk&none=tesla&limit=50', '/feed.json?all=elon-musk&none=tesla'],
    ['/feed.json?all=elon-musk%2Cspacex', '/feed.json?all=elon-musk,spacex'],
    ['/feed.atom?any=tesla', '/entities/tesla/feed.atom'],
    ['/feed.atom?all=tesla&any=tesla,spacex', '/entities/tesla/feed.atom'],
    ['/feed.atom?all=&limit=5', '/feed.atom?limit=5'],
    ['/entities/tesla/feed.rss?none=spacex', '/feed.rss?all=tesla&none=spacex'],
  ])('%s answers 301 to its one canonical URL %s', async (from, to) => {
    const response = await worker.fetch(from, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(`${BASE}${to}`);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('ignores tracking parameters without a redirect', async () => {
    const response = await worker.fetch('/feed.atom?all=elon-musk,spacex&utm_source=reader', { redirect: 'manual' });
    expect(response.status).toBe(200);
  });

  it.each([
    ['/feed.atom?all=elon-musk,no-such-entity', 404, '"no-such-entity"'],
    ['/feed.atom?none=nobody-at-all', 404, '"nobody-at-all"'],
    ['/feed.atom?all=Elon%20Musk', 400, '"all"'],
    ['/feed.atom?any=spacex,<b>', 400, '"any"'],
    ['/feed.atom?all=a,b,c,d,e&any=f,g,h&none=i', 400, '"none"'],
    ['/feed.atom?all=elon-musk,spacex&cursor=yesterday', 400, '"cursor"'],
  ])('%s answers %i naming %s', async (path, status, named) => {
    const response = await worker.fetch(path, { redirect: 'manual' });
    expect(response.status).toBe(status);
    expect(await response.text()).toContain(named);
  });

  it('have one ETag per combination, answer 304, HEAD and CORS like every feed', async () => {
    const path = '/feed.atom?all=elon-musk,spacex';
    const first = await worker.fetch(path);
    const etag = first.headers.get('etag')!;
    expect(first.headers.get('cache-control')).toContain('max-age=600');
    const other = await worker.fetch('/feed.atom?all=elon-musk,tesla');
    expect(other.headers.get('etag')).not.toBe(etag);
    const again = await worker.fetch(path, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    const head = await worker.fetch(path, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(etag);
    expect(await head.text()).toBe('');
    expect(head.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('give each combination a stable Atom id of its own', async () => {
    const id = async (path: string) => /<id>([^<]+)<\/id>/.exec(await (await worker.fetch(path)).text())![1];
    const a = await id('/feed.atom?all=elon-musk,spacex');
    expect(a).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(await id('/feed.atom?all=elon-musk,spacex&limit=1')).toBe(a);
    expect(await id('/feed.atom?any=spacex,tesla')).not.toBe(a);
  });
});

describe('salience: role=about', () => {
  /** Per slug, the ids of the articles whose item marks it `about`, from the site feed. */
  const about = new Map<string, string[]>();
  let siteItems: Array<{ _wirefeed: { id: string; entities: Array<{ slug: string; role: string }> } }>;

  beforeAll(async () => {
    siteItems = ((await (await worker.fetch('/feed.json?limit=200')).json()) as any).items;
    for (const item of siteItems) {
      for (const entity of item._wirefeed.entities) {
        expect(['about', 'mentions']).toContain(entity.role);
        if (entity.role === 'about') about.set(entity.slug, [...(about.get(entity.slug) ?? []), item._wirefeed.id]);
      }
    }
  });

  it('marks some entities of an item about and the others mentions', () => {
    expect(about.size).toBeGreaterThan(5);
    const roles = siteItems.flatMap((item) => item._wirefeed.entities.map((entity) => entity.role));
    expect(roles.filter((role) => role === 'mentions').length).toBeGreaterThan(about.size);
  });

  it('counts about-articles in /entities.json and serves them as ?role=about on the entity feed', async () => {
    const entities = (await (await worker.fetch('/entities.json')).json()) as Array<{ slug: string; about: number }>;
    for (const { slug, about: count } of entities) {
      expect(count, slug).toBe(about.get(slug)?.length ?? 0);
      if (count === 0) continue;
      expect(await feedIds(`/entities/${slug}/feed.json?role=about&limit=200`), slug).toEqual(about.get(slug));
    }
    const feed: any = await (await worker.fetch('/entities/tesla/feed.json?role=about')).json();
    expect(feed.title).toBe('Wirefeed · About Tesla');
    expect(feed.feed_url).toBe(`${BASE}/entities/tesla/feed.json?role=about`);
  });

  it('filters combinations to about-articles for all and any, and excludes every mention for none', async () => {
    const isAbout = (id: string) => (slug: string) => about.get(slug)?.includes(id) ?? false;
    const [a, b, c] = top as [string, string, string];
    const cases: Array<[string[], string[], string[]]> = [
      [[a, b], [], []],
      [[], [a, b, c], []],
      [[], [a, b], [c]],
    ];
    for (const [all, any, none] of cases) {
      const expected = siteIds.filter(
        (id) =>
          all.every(isAbout(id)) &&
          (any.length === 0 || any.some(isAbout(id))) &&
          !none.some((slug) => members.get(slug)!.has(id)),
      );
      const search = `${query(all, any, none)}&role=about`;
      expect(await feedIds(`/feed.json?${search}&limit=200`), search).toEqual(expected);
    }
    const feed: any = await (await worker.fetch('/feed.json?all=elon-musk,spacex&role=about')).json();
    expect(feed.title).toBe('Wirefeed · About Elon Musk and SpaceX');
  });

  it.each([
    ['/entities/tesla/feed.atom?limit=5&role=about', '/entities/tesla/feed.atom?role=about&limit=5'],
    ['/entities/tesla/feed.atom?role=about&limit=50', '/entities/tesla/feed.atom?role=about'],
    ['/feed.atom?role=about&all=tesla', '/entities/tesla/feed.atom?role=about'],
    ['/feed.atom?role=about&all=tesla,spacex', '/feed.atom?all=spacex,tesla&role=about'],
  ])('%s answers 301 to %s', async (from, to) => {
    const response = await worker.fetch(from, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(`${BASE}${to}`);
  });

  it.each(['/feed.atom?role=about', '/feed.atom?none=tesla&role=about', '/entities/tesla/feed.atom?role=x'])(
    '%s is a 400 naming role',
    async (path) => {
      const response = await worker.fetch(path, { redirect: 'manual' });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('"role"');
    },
  );

  it('says about and mentions apart in the article page JSON-LD', async () => {
    const html = await (await worker.fetch('/articles/432bafc4d76a8f5c')).text();
    const data = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);
    const names = (things: Array<{ name: string }>) => things.map((thing) => thing.name);
    expect(names(data.about)).toContain('Tesla');
    expect(names(data.mentions)).toContain('Elon Musk');
    expect(names(data.about)).not.toContain('Elon Musk');
  });
});

describe("the combine page (the entity page form's target)", () => {
  it.each([
    ['other=spacex&mode=all', '/feed.json?all=elon-musk,spacex'],
    ['other=tesla&mode=none&role=about', '/feed.json?all=elon-musk&none=tesla&role=about'],
    ['other=&mode=all&role=about', '/entities/elon-musk/feed.json?role=about'],
    ['other=&mode=all', '/entities/elon-musk/feed.json'],
  ])('?%s shows the canonical URLs, which answer 200', async (search, json) => {
    const html = await (await worker.fetch(`/entities/elon-musk/combine?${search}`)).text();
    expect(html).toContain(`value="${BASE}${json.replaceAll('&', '&amp;')}"`);
    expect((await worker.fetch(json, { redirect: 'manual' })).status).toBe(200);
  });

  it('is on the entity page as a GET form, and answers bad input with 4xx', async () => {
    const page = await (await worker.fetch('/entities/elon-musk')).text();
    expect(page).toContain('<form class="combine" method="get" action="/entities/elon-musk/combine">');
    expect((await worker.fetch('/entities/elon-musk/combine?other=nobody')).status).toBe(404);
    expect((await worker.fetch('/entities/elon-musk/combine?mode=any')).status).toBe(400);
    expect((await worker.fetch('/entities/elon-musk/combine?other=elon-musk')).status).toBe(400);
    expect((await worker.fetch('/entities/nobody/combine')).status).toBe(404);
  });
});

describe.skipIf(!HAS_FEED_CHECK)('every feed checker on combined feeds', () => {
  it('passes with no warning, in every format', async () => {
    const server = await serveWorker();
    try {
      const problems: string[] = [];
      const searches = [
        'all=elon-musk,spacex&none=tesla',
        'any=spacex,tesla&limit=2',
        'none=tesla',
        'any=spacex,tesla&role=about',
      ];
      for (const search of searches) {
        for (const format of FORMATS) {
          const url = `${server.url}/feed.${format}?${search}`;
          const { failures, warnings } = await checkFeed(url, format);
          for (const line of [...failures, ...warnings]) problems.push(`${url}: ${line}`);
        }
      }
      expect(problems).toEqual([]);
    } finally {
      await server.dispose();
    }
  }, 300_000);
});
