// The built Worker (dist/index.js) in plain Node: startup CPU and heap, then CPU per request, cold and warm.
// bench/run.ts transpiles this file to .mjs and runs it in a fresh `node --expose-gc`, without tsx: tsx's
// loader would also process the multi-megabyte bundle and triple the import cost we are measuring.
// So: node: imports only, nothing from the project.
//
//   node --expose-gc measure-worker.mjs discover <bundle> <assetsDir> <plan.json>
//   node --expose-gc measure-worker.mjs measure  <bundle> <assetsDir> <plan.json> <result.json>
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export const BENCH_ORIGIN = 'http://127.0.0.1:8799';
export const CONSTANT_PATH = '/__bench/constant';
const WARM_REQUESTS = 50;
const MEASURED_REQUESTS = 2000;
const DEEP_HOPS = 10;

export type RouteKind = 'constant' | 'feed' | 'conditional' | 'page';

export interface Route {
  name: string;
  path: string;
  kind: RouteKind;
  status: number;
  headers?: Record<string, string>;
}

export interface RoutePlan {
  routes: Route[];
  /** What was picked: entity slugs and counts, how deep the deep pages are. */
  notes: string[];
  /** The Worker has no constant route yet: its 404 stands in as the baseline. */
  constantMissing: boolean;
}

export interface NodeRouteResult {
  name: string;
  status: number;
  coldCpuMs: number;
  warmCpuUs: number;
}

export interface NodeResult {
  importCpuMs: number;
  firstFetchCpuMs: number;
  heapDeltaMb: number;
  routes: NodeRouteResult[];
}

/**
 * Sent with every measured request: feed readers and browsers accept gzip, and Cloudflare's front end tells
 * every Worker `Accept-Encoding: br, gzip` whatever the client sent (miniflare does the same).
 */
export const CLIENT_HEADERS: Record<string, string> = { 'Accept-Encoding': 'gzip' };

export type Get = (path: string, headers?: Record<string, string>) => Promise<Response>;

interface EntitySummary {
  slug: string;
  count: number;
}

interface JsonFeedPage {
  next_url?: string;
  items: Array<{ url: string }>;
}

async function json<T>(get: Get, path: string): Promise<T> {
  const response = await get(path);
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const pathOf = (url: string) => {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
};

/** Follows JSON Feed next_url up to `hops` times; returns the page reached, as Atom. */
async function deepPage(get: Get, start: string, hops: number): Promise<{ path: string; page: number }> {
  let path = start;
  let page = 1;
  while (page <= hops) {
    const next = (await json<JsonFeedPage>(get, path)).next_url;
    if (!next) break;
    path = pathOf(next);
    page++;
  }
  return { path: path.replace(/\/feed\.json(?=\?|$)/, '/feed.atom'), page };
}

/** The routes the bench drives, discovered from the Worker itself (run on a separate import: it warms routes). */
export async function discoverRoutes(get: Get): Promise<RoutePlan> {
  const entities = await json<EntitySummary[]>(get, '/entities.json');
  if (entities.length === 0) throw new Error('/entities.json lists no entity');
  const big = entities.reduce((best, entity) => (entity.count > best.count ? entity : best));
  const small =
    entities.find((entity) => entity.count <= 3) ??
    entities.reduce((least, entity) => (entity.count < least.count ? entity : least));
  const siteDeep = await deepPage(get, '/feed.json', DEEP_HOPS);
  const bigDeep = await deepPage(get, `/entities/${big.slug}/feed.json`, DEEP_HOPS);
  const article = (await json<JsonFeedPage>(get, '/feed.json')).items[0];
  if (!article) throw new Error('/feed.json has no item');
  const bigAtom = `/entities/${big.slug}/feed.atom`;
  const etag = (await get(bigAtom)).headers.get('etag');
  if (!etag) throw new Error(`GET ${bigAtom}: no ETag`);
  const constantStatus = (await get(CONSTANT_PATH)).status;
  if (constantStatus !== 200 && constantStatus !== 404) throw new Error(`GET ${CONSTANT_PATH}: ${constantStatus}`);

  const feed = (name: string, path: string): Route => ({ name, path, kind: 'feed', status: 200 });
  // A combined feed over the three most-mentioned entities: an intersection and a difference of rank lists,
  // spelled canonically (slugs sorted) so it is answered, not redirected.
  const [first, second, third] = [...entities].sort((a, b) => b.count - a.count);
  const combination =
    first && second && third
      ? `/feed.atom?all=${[first.slug, second.slug].sort().join(',')}&none=${third.slug}`
      : undefined;
  const formats = ['atom', 'rss', 'json'] as const;
  return {
    routes: [
      { name: 'constant', path: CONSTANT_PATH, kind: 'constant', status: constantStatus },
      ...formats.map((format) => feed(`site feed.${format}`, `/feed.${format}`)),
      ...formats.map((format) => feed(`big entity feed.${format}`, `/entities/${big.slug}/feed.${format}`)),
      ...formats.map((format) => feed(`small entity feed.${format}`, `/entities/${small.slug}/feed.${format}`)),
      feed(`site deep page ${siteDeep.page} (atom)`, siteDeep.path),
      feed(`big entity deep page ${bigDeep.page} (atom)`, bigDeep.path),
      {
        name: '304 big entity feed.atom',
        path: bigAtom,
        kind: 'conditional',
        status: 304,
        headers: { 'If-None-Match': etag },
      },
      { name: 'article page', path: pathOf(article.url), kind: 'page', status: 200 },
      ...(combination ? [feed('combination of 3 entities (atom)', combination)] : []),
    ],
    notes: [
      ...(combination ? [`combination of 3 entities: \`${combination}\``] : []),
      `big entity: \`${big.slug}\` (${big.count} articles)`,
      `small entity: \`${small.slug}\` (${small.count} articles)`,
    ],
    constantMissing: constantStatus !== 200,
  };
}

interface WorkerModule {
  fetch: (request: Request, env: unknown, ctx: unknown) => Response | Promise<Response>;
}

/** Every file under `dir`, keyed by URL path, read before any timing starts. */
function preloadAssets(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return files; // no assets directory: a Worker without [assets]
  }
  for (const entry of entries) {
    const file = join(dir, entry);
    try {
      files.set(`/${relative(dir, file).split(sep).join('/')}`, readFileSync(file));
    } catch {
      // a directory
    }
  }
  return files;
}

/** ASSETS.fetch from memory, so its cost is not the Worker's: 200 with the file, 206 for a byte range, or 404. */
function assetFetcher(assets: Map<string, Buffer>) {
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const pathname = new URL(url, BENCH_ORIGIN).pathname;
    const body = assets.get(pathname) ?? assets.get(decodeURIComponent(pathname));
    if (!body) return new Response('Not found', { status: 404 });
    // A Worker may read one article out of a pack with a Range request, as the platform allows.
    const headers = init?.headers ? new Headers(init.headers) : input instanceof Request ? input.headers : undefined;
    const range = /^bytes=(\d+)-(\d*)$/.exec(headers?.get('Range') ?? '');
    if (!range) return new Response(body, { status: 200 });
    const start = Number(range[1]);
    const end = Math.min(range[2] ? Number(range[2]) : body.length - 1, body.length - 1);
    if (start > end) return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${body.length}` } });
    return new Response(body.subarray(start, end + 1), {
      status: 206,
      headers: { 'Content-Range': `bytes ${start}-${end}/${body.length}` },
    });
  };
}

/** The bindings of the deployed Worker. */
function benchEnv(assets: Map<string, Buffer>) {
  return {
    SITE_NAME: 'Wirefeed',
    SITE_DESCRIPTION: 'Bench',
    SITE_LANGUAGE: 'en',
    BASE_URL: BENCH_ORIGIN,
    WIREFEED_BENCH: '1',
    ASSETS: { fetch: assetFetcher(assets) },
  };
}

const cpuMicros = (usage: NodeJS.CpuUsage) => usage.user + usage.system;

function gcNow(): void {
  if (!globalThis.gc) throw new Error('run with node --expose-gc');
  globalThis.gc();
}

async function loadWorker(bundle: string): Promise<{ worker: WorkerModule; importCpuMs: number; heapDeltaMb: number }> {
  gcNow();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = process.cpuUsage();
  const module = (await import(pathToFileURL(bundle).href)) as { default?: WorkerModule };
  const importCpuMs = cpuMicros(process.cpuUsage(start)) / 1000;
  gcNow();
  const heapDeltaMb = (process.memoryUsage().heapUsed - heapBefore) / 1_000_000;
  if (typeof module.default?.fetch !== 'function') throw new Error(`${bundle}: default export has no fetch()`);
  return { worker: module.default, importCpuMs, heapDeltaMb };
}

async function measure(bundle: string, assetsDir: string, plan: RoutePlan): Promise<NodeResult> {
  const assets = preloadAssets(assetsDir);
  const env = benchEnv(assets);
  const ctx = { waitUntil() {}, passThroughOnException() {} };
  const { worker, importCpuMs, heapDeltaMb } = await loadWorker(bundle);

  /** CPU of one request, body consumed outside the window; a status other than the route's stops the bench. */
  const timed = async (route: Route): Promise<number> => {
    const request = new Request(BENCH_ORIGIN + route.path, { headers: { ...CLIENT_HEADERS, ...route.headers } });
    const start = process.cpuUsage();
    const response = await worker.fetch(request, env, ctx);
    const micros = cpuMicros(process.cpuUsage(start));
    await response.arrayBuffer();
    if (response.status !== route.status)
      throw new Error(`GET ${route.path}: expected ${route.status}, got ${response.status}`);
    return micros;
  };

  // Every route's first request before any route is warmed: that is what a fresh isolate pays.
  const cold: number[] = [];
  for (const route of plan.routes) cold.push(await timed(route));
  const routes: NodeRouteResult[] = [];
  for (const [index, route] of plan.routes.entries()) {
    for (let i = 0; i < WARM_REQUESTS; i++) await timed(route);
    let total = 0;
    for (let i = 0; i < MEASURED_REQUESTS; i++) total += await timed(route);
    routes.push({
      name: route.name,
      status: route.status,
      coldCpuMs: cold[index]! / 1000,
      warmCpuUs: total / MEASURED_REQUESTS,
    });
  }
  return { importCpuMs, firstFetchCpuMs: cold[0]! / 1000, heapDeltaMb, routes };
}

async function discover(bundle: string, assetsDir: string): Promise<RoutePlan> {
  const env = benchEnv(preloadAssets(assetsDir));
  const ctx = { waitUntil() {}, passThroughOnException() {} };
  const { worker } = await loadWorker(bundle);
  return discoverRoutes(async (path, headers) =>
    worker.fetch(new Request(BENCH_ORIGIN + path, { headers: headers ?? {} }), env, ctx),
  );
}

async function main(argv: string[]): Promise<void> {
  const [mode, bundle, assetsDir, planFile, resultFile] = argv;
  if (mode === 'discover' && bundle && assetsDir && planFile) {
    writeFileSync(planFile, JSON.stringify(await discover(bundle, assetsDir), null, 2));
  } else if (mode === 'measure' && bundle && assetsDir && planFile && resultFile) {
    const plan = JSON.parse(readFileSync(planFile, 'utf8')) as RoutePlan;
    writeFileSync(resultFile, JSON.stringify(await measure(bundle, assetsDir, plan), null, 2));
  } else {
    throw new Error(
      'usage: measure-worker discover <bundle> <assetsDir> <plan.json> | measure <bundle> <assetsDir> ' +
        '<plan.json> <result.json>',
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  });
}
