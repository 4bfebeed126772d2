// `npm run load`: 64 connections for 30 s against `wrangler dev` on loopback, over a mix of routes on a
// generated corpus of 10,000 articles. Prints requests/s, p50/p99 latency and the count of answers that were
// not the status expected for their route (must be 0).

import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startDevServer } from './dev-server.js';
import { writeCorpus } from './generate.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '30' },
    connections: { type: 'string', default: '64' },
    port: { type: 'string', default: '8799' },
  },
});

const dir = join(process.cwd(), '.wirefeed-load');
const seeds = join(dir, 'seeds');
rmSync(dir, { recursive: true, force: true });
mkdirSync(seeds, { recursive: true });
const count = Number(values.articles);
console.log(`generating ${count} articles…`);
writeCorpus(seeds, { count, seed: 1 });

console.log('building and starting wrangler dev…');
const server = await startDevServer(seeds, Number(values.port));
try {
  const entities = (await (await fetch(`${server.url}/entities.json`)).json()) as Array<{
    slug: string;
    count: number;
  }>;
  const big = entities[0]!.slug;
  const small = entities.find((entity) => entity.count <= 3)?.slug ?? entities.at(-1)!.slug;
  const first = (await (await fetch(`${server.url}/feed.json?limit=50`)).json()) as {
    next_url: string;
    items: Array<{ url: string }>;
  };
  const etag = (await fetch(`${server.url}/entities/${big}/feed.atom`)).headers.get('etag')!;

  const mix: Array<{ path: string; status: number; headers?: Record<string, string> }> = [
    { path: '/feed.atom', status: 200 },
    { path: '/feed.rss', status: 200 },
    { path: '/feed.json', status: 200 },
    { path: `/entities/${big}/feed.atom`, status: 200 },
    { path: `/entities/${small}/feed.json`, status: 200 },
    { path: new URL(first.next_url).pathname + new URL(first.next_url).search, status: 200 },
    { path: `/entities/${big}/feed.atom`, status: 304, headers: { 'if-none-match': etag } },
    { path: '/entities/no-such-entity/feed.atom', status: 404 },
    { path: '/feed.atom?limit=0', status: 400 },
    { path: new URL(first.items[0]!.url).pathname, status: 200 },
  ];
  const unexpected = new Map<string, number>();
  const result = await autocannon({
    url: server.url,
    connections: Number(values.connections),
    duration: Number(values.seconds),
    requests: mix.map(({ path, status, headers }) => ({
      method: 'GET',
      path,
      headers: headers ?? {},
      onResponse: (got: number) => {
        if (got !== status) unexpected.set(`${path} ${got}`, (unexpected.get(`${path} ${got}`) ?? 0) + 1);
      },
    })),
  });
  const wrong = [...unexpected.values()].reduce((a, b) => a + b, 0);
  console.log(
    [
      `load: ${count} articles, ${values.connections} connections, ${values.seconds} s, ${mix.length} routes \
in the mix`,
      `requests: ${result.requests.total} (${Math.round(result.requests.average)} req/s)`,
      `latency: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
      `errors: ${result.errors}, timeouts: ${result.timeouts}, unexpected statuses: ${wrong}`,
      ...[...unexpected].map(([key, n]) => `  ${key}: ${n}`),
    ].join('\n'),
  );
  if (wrong > 0 || result.errors > 0) process.exitCode = 1;
} finally {
  await server.stop();
}
