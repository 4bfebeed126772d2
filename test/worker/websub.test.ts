// WebSub: with HUB_URL set the feeds name the hub in every format, /feeds-manifest.json lists each feed's ETag, and
// `npm run deploy` (scripts/deploy.ts, wrangler replaced by a stand-in) pings a local hub for exactly the feeds
// whose content changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFeed, HAS_FEED_CHECK } from '../support/feed-check.js';
import { BASE, BINDINGS, serveWorker, startWorker, type Worker } from '../support/worker.js';

const HUB = 'https://hub.example/';

describe('hub links', () => {
  let withHub: Worker;
  let without: Worker;
  beforeAll(async () => {
    withHub = await startWorker({ ...BINDINGS, HUB_URL: HUB });
    without = await startWorker();
  });
  afterAll(async () => {
    await withHub.dispose();
    await without.dispose();
  });

  it.each(['/feed', '/entities/tesla/feed'])(
    '%s names the hub beside self in Atom, RSS and JSON Feed',
    async (path) => {
      const atom = await (await withHub.fetch(`${path}.atom`)).text();
      expect(atom).toContain(`<link rel="hub" href="${HUB}"/>`);
      expect(atom).toContain(`<link rel="self" href="${BASE}${path}.atom"/>`);
      const rss = await (await withHub.fetch(`${path}.rss`)).text();
      expect(rss).toMatch(new RegExp(`<atom:link href="${HUB}" rel="hub"/>`));
      const json: any = await (await withHub.fetch(`${path}.json`)).json();
      expect(json.hubs).toEqual([{ type: 'WebSub', url: HUB }]);
    },
  );

  it('names none without HUB_URL, and the ETags differ with it', async () => {
    const atom = await without.fetch('/feed.atom');
    expect(await atom.text()).not.toContain('rel="hub"');
    const json: any = await (await without.fetch('/feed.json')).json();
    expect(json.hubs).toBeUndefined();
    expect(atom.headers.get('etag')).not.toBe((await withHub.fetch('/feed.atom')).headers.get('etag'));
  });

  it('lists every site and entity feed with the ETag a reader gets, in /feeds-manifest.json', async () => {
    const manifest: any = await (await withHub.fetch('/feeds-manifest.json')).json();
    const entities = (await (await withHub.fetch('/entities.json')).json()) as Array<{ slug: string }>;
    expect(Object.keys(manifest.feeds)).toHaveLength(3 * (1 + entities.length));
    expect(manifest.hub).toBe(HUB);
    for (const path of [
      '/feed.atom',
      '/feed.json',
      '/entities/tesla/feed.rss',
      `/entities/${entities.at(-1)!.slug}/feed.atom`,
    ]) {
      const response = await withHub.fetch(path, { headers: { 'Accept-Encoding': 'identity' } });
      expect(manifest.feeds[`${BASE}${path}`], path).toBe(response.headers.get('etag'));
    }
  });

  it.skipIf(!HAS_FEED_CHECK)(
    'keeps every feed checker at 0 warnings with a hub',
    async () => {
      const server = await serveWorker({ HUB_URL: HUB });
      try {
        const problems: string[] = [];
        for (const format of ['atom', 'rss', 'json'] as const) {
          for (const path of ['/entities/tesla/feed', '/feed']) {
            const url = `${server.url}${path}.${format}${path === '/feed' ? '?limit=5' : ''}`;
            const { failures, warnings } = await checkFeed(url, format);
            for (const line of [...failures, ...warnings]) problems.push(`${url}: ${line}`);
          }
        }
        expect(problems).toEqual([]);
      } finally {
        await server.dispose();
      }
    },
    120_000,
  );
});
