// /new-entities.{atom,rss,json}: one item per entity, dated its first appearance, linking to its page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFeed, HAS_FEED_CHECK } from '../support/feed-check.js';
import { parsers } from '../support/feeds.js';
import { BASE, serveWorker, startWorker, type Worker } from '../support/worker.js';

let worker: Worker;
let entities: Array<{ slug: string; name: string; url: string }>;
beforeAll(async () => {
  worker = await startWorker();
  entities = await (await worker.fetch('/entities.json')).json();
});
afterAll(() => worker.dispose());

describe('new entities feed', () => {
  it('has one item per entity, dated its oldest article, newest first, linking to its page', async () => {
    const feed: any = await (await worker.fetch('/new-entities.json?limit=200')).json();
    expect(feed.title).toBe('Wirefeed · New entities');
    expect(entities.length).toBeLessThanOrEqual(200);
    expect(feed.items).toHaveLength(entities.length);
    const dates = feed.items.map((item: any) => item.date_published);
    expect([...dates].sort().reverse()).toEqual(dates);
    const bySlug = new Map(feed.items.map((item: any) => [item._wirefeed.entities[0].slug, item]));
    for (const entity of entities.slice(0, 25)) {
      const item: any = bySlug.get(entity.slug);
      expect(item.url).toBe(entity.url);
      const own: any = await (await worker.fetch(`/entities/${entity.slug}/feed.json?limit=200`)).json();
      expect(item.date_published).toBe(own.items.at(-1).date_published);
    }
    expect(new Set(feed.items.map((item: any) => item.id)).size).toBe(entities.length);
  });

  it.each(['atom', 'rss', 'json'] as const)('is served as %s with the feed headers and a 304', async (format) => {
    const response = await worker.fetch(`/new-entities.${format}?limit=3`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('max-age=600');
    const parsed = parsers[format](await response.text());
    expect(parsed.items).toHaveLength(3);
    expect(parsed.items[0]!.link).toMatch(new RegExp(`^${BASE}/entities/`));
    const again = await worker.fetch(`/new-entities.${format}?limit=3`, {
      headers: { 'If-None-Match': response.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
    expect((await worker.fetch(`/new-entities.${format}?limit=0`)).status).toBe(400);
  });

  it.skipIf(!HAS_FEED_CHECK)(
    'passes every feed checker',
    async () => {
      const server = await serveWorker();
      try {
        const problems: string[] = [];
        for (const format of ['atom', 'rss', 'json'] as const) {
          const url = `${server.url}/new-entities.${format}`;
          const { failures, warnings } = await checkFeed(url, format);
          for (const line of [...failures, ...warnings]) problems.push(`${url}: ${line}`);
        }
        expect(problems).toEqual([]);
      } finally {
        await server.dispose();
      }
    },
    120_000,
  );
});
