// Every feed checker on the feeds of the Worker built with every bad seed: 0 failures and 0 warnings (W3C
// included), for the site feeds and the entity feeds of each hostile article, in all three formats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFeed, HAS_FEED_CHECK } from '../support/feed-check.js';
import { allJsonItems } from '../support/feeds.js';
import { DIST_BAD } from '../support/paths.js';
import { serveWorker } from '../support/worker.js';

const FORMATS = ['atom', 'rss', 'json'] as const;

describe.skipIf(!HAS_FEED_CHECK)('every feed checker on the feeds built from the bad seeds', () => {
  let server: Awaited<ReturnType<typeof serveWorker>>;
  const paths: string[] = [];

  beforeAll(async () => {
    server = await serveWorker({}, DIST_BAD);
    const site = {
      items: (await allJsonItems(fetch, `${server.url}/feed.json?limit=200`)) as Array<{
        _wirefeed: { source: string; entities: Array<{ slug: string }> };
      }>,
    };
    // Every page of the site feed (pages end at 200 KiB of text, so the bad seeds' articles spread over several).
    paths.push('/feed?limit=5');
    for (let query: string | undefined = ''; query !== undefined; ) {
      paths.push(`/feed${query}`);
      const page = (await (await fetch(`${server.url}/feed.json${query}`)).json()) as { next_url?: string };
      query = page.next_url ? new URL(page.next_url).search : undefined;
    }
    // Each bad seed's article through the feed of its first entity (its only feed when the article names one).
    const slugs = new Set<string>();
    for (const item of site.items) {
      if (!/^3\d\d_/.test(item._wirefeed.source)) continue;
      const first = item._wirefeed.entities[0];
      if (first) slugs.add(first.slug);
    }
    for (const slug of [...slugs].sort()) paths.push(`/entities/${slug}/feed`);
  }, 120_000);
  afterAll(() => server?.dispose());

  it('passes every checker with no warning, in every format', async () => {
    expect(paths.length).toBeGreaterThan(5);
    const problems: string[] = [];
    for (const path of paths) {
      const [base, query] = path.split('?');
      const results = await Promise.all(
        FORMATS.map(async (format) => {
          const url = `${server.url}${base}.${format}${query ? `?${query}` : ''}`;
          return { url, ...(await checkFeed(url, format)) };
        }),
      );
      for (const { url, failures, warnings } of results) {
        for (const line of [...failures, ...warnings]) problems.push(`${url}: ${line}`);
      }
    }
    expect(problems).toEqual([]);
  }, 600_000);
});
