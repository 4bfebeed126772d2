// Prints every route the built Worker serves for a corpus, one line each: request, status, headers and a hash
// of the body. Two snapshots taken before and after a refactor must be identical (`diff`), which is how a move
// proves it changed no behaviour. Usage:
//   npx tsx scripts/snapshot-routes.ts --seeds seeds --seeds test/fixtures/seeds > before.txt
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Miniflare } from 'miniflare';

const { values } = parseArgs({ options: { seeds: { type: 'string', multiple: true, default: ['seeds'] } } });
const root = resolve(import.meta.dirname, '..');
const dist = mkdtempSync(join(tmpdir(), 'wirefeed-snapshot-'));

function buildWorker(): void {
  const seeds = values.seeds.map((dir) => resolve(dir)).join(delimiter);
  const ledger = join(dist, 'entities.lock.json');
  const env = { ...process.env, WIREFEED_SEEDS: seeds, WIREFEED_LEDGER: ledger, WRANGLER_SEND_METRICS: 'false' };
  const args = ['wrangler', 'deploy', '--dry-run', '--outdir', dist];
  const result = spawnSync('npx', args, { cwd: root, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${result.stdout}\n${result.stderr}`);
  cpSync(join(root, 'src/generated/assets'), join(dist, 'assets'), { recursive: true });
}

type Probe = { path: string; headers?: Record<string, string>; method?: string };

/** Every route family, every entity and article, the variants (browser, gzip, paging) and the error answers. */
function probes(entities: Array<{ slug: string }>, articleIds: string[]): Probe[] {
  const list: Probe[] = [];
  const variants = (path: string) => {
    list.push({ path }, { path, headers: { 'Accept-Encoding': 'gzip' } }, { path, headers: { Accept: 'text/html' } });
  };
  for (const path of ['/', '/?q=musk', '/?q=zoe', '/entities.json', '/feeds.opml', '/sitemap.xml', '/robots.txt']) {
    variants(path);
  }
  for (const path of ['/style.css', '/favicon.svg', '/feed.xsl', '/sitemap-1.xml', '/nope', '/articles/xyz']) {
    list.push({ path });
  }
  for (const format of ['atom', 'rss', 'json']) {
    variants(`/feed.${format}`);
    list.push({ path: `/feed.${format}?limit=2` }, { path: `/feed.${format}?limit=0` });
    list.push({ path: `/feed.${format}?cursor=bad` }, { path: `/feed.${format}?limit=2&utm_source=x` });
    for (const { slug } of entities) variants(`/entities/${slug}/feed.${format}`);
    list.push({ path: `/entities/no-such-entity/feed.${format}` });
  }
  for (const { slug } of entities) variants(`/entities/${slug}`);
  for (const id of articleIds) variants(`/articles/${id}`);
  list.push(
    { path: '/', method: 'POST' },
    { path: '/feed.atom', method: 'OPTIONS' },
    { path: '/feed.atom', method: 'HEAD' },
  );
  return list;
}

async function main(): Promise<void> {
  buildWorker();
  const mf = new Miniflare({
    modules: true,
    scriptPath: join(dist, 'index.js'),
    modulesRoot: dist,
    compatibilityDate: '2026-04-26',
    bindings: {
      SITE_NAME: 'Wirefeed',
      SITE_DESCRIPTION: 'Snapshot',
      SITE_LANGUAGE: 'en',
      BASE_URL: 'https://news.example',
    },
    assets: {
      directory: join(dist, 'assets'),
      binding: 'ASSETS',
      routerConfig: { has_user_worker: true, invoke_user_worker_ahead_of_assets: true },
    },
  });
  const fetch = async ({ path, headers, method }: Probe) => {
    const response = await mf.dispatchFetch(`http://localhost:8787${path}`, { headers, method, redirect: 'manual' });
    const body = Buffer.from(await response.arrayBuffer());
    return { response, body };
  };
  const entities = JSON.parse((await fetch({ path: '/entities.json' })).body.toString()) as Array<{ slug: string }>;
  const site = JSON.parse((await fetch({ path: '/feed.json?limit=200' })).body.toString()) as {
    items: Array<{ _wirefeed: { id: string } }>;
  };
  for (const probe of probes(
    entities,
    site.items.map((item) => item._wirefeed.id),
  )) {
    const { response, body } = await fetch(probe);
    const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).sort();
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
    const request = `${probe.method ?? 'GET'} ${probe.path} ${JSON.stringify(probe.headers ?? {})}`;
    console.log(`${request} → ${response.status} ${hash} ${headers.join(' | ')}`);
  }
  await mf.dispose();
  rmSync(dist, { recursive: true, force: true });
}

await main();
