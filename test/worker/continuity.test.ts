// No subscriber stranded: entities renamed, merged and blocked through entities.config.json between two builds.
// A real reader (newsboat) subscribed to the old feed URLs follows the 301s and keeps its items; a merged feed
// goes on under the bigger entity's Atom id; a blocked entity's feed answers 410 with a valid feed.
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAtom, parsers } from '../support/feeds.js';
import { BUNDLED_SEEDS, FIXTURE_SEEDS, GENERATED_ASSETS, ROOT } from '../support/paths.js';
import { serveWorker } from '../support/worker.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'wirefeed-continuity-'));
const ledger = join(dir, 'entities.lock.json');
const RENAMED = { spacex: 'space-exploration-technologies', kremlin: 'tass' } as const;
const SECOND_CONFIG = {
  entities: [],
  rename: { SpaceX: 'Space Exploration Technologies' },
  // The Kremlin (4 articles) into TASS (3): the smaller takes the bigger one's articles and its feed id.
  merge: { Kremlin: 'TASS' },
  block: ['Moscow'],
};

/** `wrangler deploy --dry-run` with this config and the test's own ledger; the built Worker's folder. */
function buildWorker(name: string, config: object): { dist: string; log: string } {
  const dist = join(dir, name);
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(config));
  const result = spawnSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', dist], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      WRANGLER_SEND_METRICS: 'false',
      WIREFEED_SEEDS: [BUNDLED_SEEDS, FIXTURE_SEEDS].join(delimiter),
      WIREFEED_ENTITIES: join(dir, `${name}.json`),
      WIREFEED_LEDGER: ledger,
    },
  });
  if (result.status !== 0) throw new Error(`${result.stdout}\n${result.stderr}`);
  cpSync(GENERATED_ASSETS, join(dist, 'assets'), { recursive: true });
  return { dist, log: `${result.stdout}\n${result.stderr}` };
}

let proxy: http.Server;
let target = '';
let base = '';
const exchanges: Array<{ path: string; status: number }> = [];
const newsboat = (...extra: string[]) =>
  run('newsboat', ['-u', join(dir, 'urls'), '-c', join(dir, 'cache.db'), '-C', join(dir, 'config'), ...extra], {
    env: { ...process.env, HOME: dir },
    timeout: 120_000,
  }).catch((error: { stdout?: string; stderr?: string }) => error);
const sql = async <T>(query: string): Promise<T[]> =>
  JSON.parse((await run('sqlite3', ['-json', join(dir, 'cache.db'), query])).stdout || '[]');
const stored = () =>
  sql<{ feedurl: string; guid: string }>('SELECT feedurl, guid FROM rss_item ORDER BY feedurl, guid');

let first: { dist: string; log: string };
let second: { dist: string; log: string };
const oldAtomIds: Record<string, string> = {};
const oldGuids: Record<string, string[]> = {};

beforeAll(async () => {
  first = buildWorker('first', {});
  second = buildWorker('second', SECOND_CONFIG);
  // One fixed address in front of whichever build is served, as a deployment is.
  proxy = http.createServer(async (request, response) => {
    const answer = await fetch(`${target}${request.url}`, {
      headers: { accept: request.headers.accept ?? '*/*' },
      redirect: 'manual',
    });
    exchanges.push({ path: request.url!, status: answer.status });
    const headers: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!['content-encoding', 'content-length', 'transfer-encoding'].includes(name)) headers[name] = value;
    });
    response.writeHead(answer.status, headers);
    response.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  writeFileSync(join(dir, 'config'), 'reload-threads 2\ndownload-timeout 30\n');
  writeFileSync(
    join(dir, 'urls'),
    ['spacex/feed.atom', 'kremlin/feed.rss', 'tass/feed.atom', 'moscow/feed.atom']
      .map((path) => `${base}/entities/${path}\n`)
      .join(''),
  );
}, 240_000);

afterAll(() => proxy?.close());

describe('renaming, merging and blocking entities between builds', () => {
  it('reports each retired slug and why, as notes when the config asked for it', () => {
    expect(second.log).toContain(
      `note: ${ledger}: slug "spacex" (SpaceX) retired, renamed to "Space Exploration Technologies" by the entity ` +
        'config: its URLs now answer 301 to /entities/space-exploration-technologies',
    );
    expect(second.log).toContain(`note: ${ledger}: slug "kremlin" (Kremlin) retired, merged into "TASS"`);
    expect(second.log).toContain(`note: ${ledger}: slug "moscow" (Moscow) retired, blocked by the entity config`);
    const saved = JSON.parse(readFileSync(ledger, 'utf8')).slugs;
    expect(saved.spacex.retired).toEqual({
      to: 'space-exploration-technologies',
      reason: 'renamed to "Space Exploration Technologies" by the entity config',
    });
  });

  it('lets newsboat read the old URLs, then follow the 301s and keep every item without duplicates', async () => {
    const worker = await serveWorker({ BASE_URL: base, SITE_NAME: 'Wirefeed' }, first.dist);
    target = worker.url;
    for (const slug of ['kremlin', 'tass', 'spacex']) {
      const xml = await (await fetch(`${base}/entities/${slug}/feed.atom`)).text();
      oldAtomIds[slug] = /<id>([^<]+)<\/id>/.exec(xml)![1]!;
      oldGuids[slug] = parseAtom(xml).items.map((item) => item.id);
    }
    await newsboat('-x', 'reload');
    await worker.dispose();
    const before = await stored();
    // newsboat keeps one row per item id across all feeds: every old item must be in its cache.
    const all = (rows: typeof before) => new Set(rows.map((row) => row.guid));
    const subscribed = new Set([...oldGuids.spacex!, ...oldGuids.kremlin!, ...oldGuids.tass!]);
    for (const guid of subscribed) expect(all(before)).toContain(guid);
    expect(oldGuids.spacex!.length).toBeGreaterThan(1);

    const next = await serveWorker({ BASE_URL: base, SITE_NAME: 'Wirefeed' }, second.dist);
    target = next.url;
    exchanges.length = 0;
    await newsboat('-x', 'reload');
    await next.dispose();
    expect(exchanges).toEqual(
      expect.arrayContaining([
        { path: '/entities/spacex/feed.atom', status: 301 },
        { path: '/entities/space-exploration-technologies/feed.atom', status: 200 },
        { path: '/entities/kremlin/feed.rss', status: 301 },
        { path: '/entities/tass/feed.rss', status: 200 },
        { path: '/entities/moscow/feed.atom', status: 410 },
      ]),
    );
    const after = await stored();
    // Every item kept, none twice. newsboat stores an item once, under whichever feed it fetched first: an article
    // in both the Moscow and the Kremlin feeds may move from the first (now 410) to the second, so compare ids.
    expect([...all(after)].sort()).toEqual([...all(before)].sort());
    expect(all(after).size).toBe(after.length);
    expect(after.length).toBe(before.length);
    // The old subscriptions now read the successors' feeds.
    const feeds = await sql<{ rssurl: string; title: string }>('SELECT rssurl, title FROM rss_feed');
    const titleOf = (slug: string) => feeds.find((feed) => feed.rssurl.includes(`/entities/${slug}/`))?.title;
    expect(titleOf('spacex')).toBe('Wirefeed · Space Exploration Technologies');
    expect(titleOf('kremlin')).toBe('Wirefeed · TASS');
  });

  it('answers every old URL with a 301 to the right new one, query kept', async () => {
    const worker = await serveWorker({ BASE_URL: 'https://news.example', SITE_NAME: 'Wirefeed' }, second.dist);
    try {
      for (const [from, to] of Object.entries(RENAMED)) {
        for (const suffix of ['', '/feed.atom', '/feed.rss', '/feed.json', '/feed.json?limit=2']) {
          const response = await fetch(`${worker.url}/entities/${from}${suffix}`, { redirect: 'manual' });
          expect(response.status, `${from}${suffix}`).toBe(301);
          expect(response.headers.get('location')).toBe(`https://news.example/entities/${to}${suffix}`);
        }
        expect(
          (await fetch(`${worker.url}/entities/${from}/feed.atom`, { method: 'HEAD', redirect: 'manual' })).status,
        ).toBe(301);
      }
    } finally {
      await worker.dispose();
    }
  });

  it('keeps the bigger entity’s feed id for the merged feed, and the renamed feed its own', async () => {
    const worker = await serveWorker({ BASE_URL: 'https://news.example', SITE_NAME: 'Wirefeed' }, second.dist);
    try {
      const tass = parseAtom(await (await fetch(`${worker.url}/entities/tass/feed.atom`)).text());
      const tassXml = await (await fetch(`${worker.url}/entities/tass/feed.atom`)).text();
      expect(/<id>([^<]+)<\/id>/.exec(tassXml)![1]).toBe(oldAtomIds.kremlin);
      expect(tass.items.map((item) => item.id).sort()).toEqual(
        [...new Set([...oldGuids.kremlin!, ...oldGuids.tass!])].sort(),
      );
      const renamed = await (await fetch(`${worker.url}/entities/space-exploration-technologies/feed.atom`)).text();
      expect(/<id>([^<]+)<\/id>/.exec(renamed)![1]).toBe(oldAtomIds.spacex);
    } finally {
      await worker.dispose();
    }
  });

  it('answers a blocked entity with 410 Gone and, for its feeds, a valid feed that says it ended', async () => {
    const worker = await serveWorker({ BASE_URL: 'https://news.example', SITE_NAME: 'Wirefeed' }, second.dist);
    try {
      const page = await fetch(`${worker.url}/entities/moscow`);
      expect(page.status).toBe(410);
      expect(await page.text()).toContain(
        'Moscow (place) is no longer published by Wirefeed: blocked by the entity config',
      );
      for (const format of ['atom', 'rss', 'json'] as const) {
        const response = await fetch(`${worker.url}/entities/moscow/feed.${format}`);
        expect(response.status).toBe(410);
        const feed = parsers[format](await response.text());
        expect(feed.items.map((item) => item.title)).toEqual(['This feed has ended: Moscow is no longer published']);
      }
    } finally {
      await worker.dispose();
    }
  });

  it('redirects a combined feed and an icon with a retired slug to its successor; a gone slug is a 404', async () => {
    const worker = await serveWorker({ BASE_URL: 'https://news.example', SITE_NAME: 'Wirefeed' }, second.dist);
    try {
      const moved = await fetch(`${worker.url}/feed.atom?all=tass,spacex`, { redirect: 'manual' });
      expect(moved.status).toBe(301);
      expect(moved.headers.get('location')).toBe(
        'https://news.example/feed.atom?all=space-exploration-technologies,tass',
      );
      const merged = await fetch(`${worker.url}/feed.atom?all=kremlin,tass`, { redirect: 'manual' });
      expect(merged.headers.get('location')).toBe('https://news.example/entities/tass/feed.atom');
      const icon = await fetch(`${worker.url}/entities/spacex/icon.png`, { redirect: 'manual' });
      expect(icon.status).toBe(301);
      expect(icon.headers.get('location')).toBe(
        'https://news.example/entities/space-exploration-technologies/icon.png',
      );
      const gone = await fetch(`${worker.url}/feed.atom?none=moscow`, { redirect: 'manual' });
      expect(gone.status).toBe(404);
      expect(await gone.text()).toContain('"moscow"');
    } finally {
      await worker.dispose();
    }
  });
});
