// A real feed reader: newsboat (Debian) imports /feeds.opml, reloads every feed headless, and its cache
// (SQLite) must hold every item with title, link and date. A second reload must add nothing (stable ids)
// and get 304s, since newsboat sends the validators it stored. A logging proxy sees every exchange.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWorker } from '../support/worker.js';

const run = promisify(execFile);
type Exchange = { path: string; status: number; conditional: boolean };

let proxy: http.Server;
let worker: Awaited<ReturnType<typeof serveWorker>>;
let base: string;
const exchanges: Exchange[] = [];
const dir = mkdtempSync(join(tmpdir(), 'wirefeed-newsboat-'));
const args = () => ['-u', join(dir, 'urls'), '-c', join(dir, 'cache.db'), '-C', join(dir, 'config')];
const newsboat = (...extra: string[]) =>
  run('newsboat', [...args(), ...extra], { env: { ...process.env, HOME: dir }, timeout: 120_000 });
const sql = async <T>(query: string): Promise<T[]> =>
  JSON.parse((await run('sqlite3', ['-json', join(dir, 'cache.db'), query])).stdout || '[]');

beforeAll(async () => {
  for (const tool of ['/usr/bin/newsboat', '/usr/bin/sqlite3'])
    if (!existsSync(tool)) throw new Error(`${tool} is missing: apt-get install newsboat sqlite3 (.ci/run does)`);
  let target = '';
  proxy = http.createServer(async (request, response) => {
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name !== 'host')) as Record<
      string,
      string
    >;
    const answer = await fetch(`${target}${request.url}`, { method: request.method, headers });
    exchanges.push({
      path: request.url!,
      status: answer.status,
      conditional: 'if-none-match' in request.headers || 'if-modified-since' in request.headers,
    });
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!['content-encoding', 'content-length', 'transfer-encoding'].includes(name)) out[name] = value;
    });
    response.writeHead(answer.status, out);
    response.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  worker = await serveWorker({ BASE_URL: base, SITE_NAME: 'Wirefeed' });
  target = worker.url;
  writeFileSync(join(dir, 'feeds.opml'), await (await fetch(`${base}/feeds.opml`)).text());
  writeFileSync(join(dir, 'config'), 'reload-threads 4\ndownload-timeout 30\n');
}, 60_000);

afterAll(async () => {
  proxy?.close();
  await worker?.dispose();
});

describe('newsboat', () => {
  let feedUrls: string[];

  it('imports every feed from /feeds.opml', async () => {
    await newsboat('-i', join(dir, 'feeds.opml'));
    feedUrls = readFileSync(join(dir, 'urls'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(' ')[0]!);
    const entities = (await (await fetch(`${base}/entities.json`)).json()) as Array<{ feeds: { atom: string } }>;
    expect(feedUrls.sort()).toEqual([`${base}/feed.atom`, ...entities.map((entity) => entity.feeds.atom)].sort());
  });

  it('fetches every feed and stores every item with its title, link and date', async () => {
    exchanges.length = 0;
    await newsboat('-x', 'reload');
    expect(
      exchanges
        .filter((e) => e.status === 200)
        .map((e) => `${base}${e.path}`)
        .sort(),
    ).toEqual([...feedUrls].sort());
    const feeds = await sql<{ rssurl: string; title: string }>('select rssurl, title from rss_feed');
    expect(feeds.map((feed) => feed.rssurl).sort()).toEqual([...feedUrls].sort());
    for (const feed of feeds) expect(feed.title).toMatch(/^Wirefeed/);

    const site = (await (await fetch(`${base}/feed.json?limit=200`)).json()) as {
      items: Array<{ id: string; title: string; url: string; date_published: string }>;
    };
    // newsboat keeps one row per guid, whichever feed brought it first: the stable ids make that work.
    const stored = await sql<{ guid: string; title: string; url: string; pubDate: number }>(
      'select guid, title, url, pubDate from rss_item',
    );
    expect(stored.map((item) => item.guid).sort()).toEqual(site.items.map((item) => item.id).sort());
    for (const item of site.items) {
      const match = stored.find((candidate) => candidate.guid === item.id)!;
      expect(match.title).toBe(item.title);
      expect(match.url).toBe(item.url);
      expect(match.pubDate * 1000).toBe(Date.parse(item.date_published));
    }
  });

  it('finds nothing new on later reloads, and every request with validators is answered 304', async () => {
    const count = async () => (await sql<{ n: number }>('select count(*) n from rss_item'))[0]!.n;
    const before = await count();
    // newsboat 2.21 stores a feed's validators only once the feed's row exists, so it sends them from the
    // third fetch on; the second reload is plain GETs, the third all conditional.
    for (const reload of [2, 3]) {
      exchanges.length = 0;
      await newsboat('-x', 'reload');
      expect(await count(), `reload ${reload}`).toBe(before);
      expect(exchanges).toHaveLength(feedUrls.length);
      for (const exchange of exchanges) expect(exchange.status, exchange.path).toBe(exchange.conditional ? 304 : 200);
    }
    expect(exchanges.every((exchange) => exchange.conditional && exchange.status === 304)).toBe(true);
    const validators = await sql<{ etag: string }>('select etag from rss_feed');
    for (const { etag } of validators) expect(etag).toMatch(/^"[^"]+"$/);
  });
});
