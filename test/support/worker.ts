import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import { DIST } from './paths.js';

export const BASE = 'https://news.example';

export const BINDINGS = {
  SITE_NAME: 'Wirefeed',
  SITE_DESCRIPTION: 'Test corpus',
  SITE_LANGUAGE: 'en',
  BASE_URL: BASE,
};

/** As wrangler.toml configures it: static assets behind the ASSETS binding, the Worker first for every request. */
function workerOptions(bindings: Record<string, string>, dist: string) {
  return {
    modules: true,
    scriptPath: join(dist, 'index.js'),
    modulesRoot: dist,
    compatibilityDate: '2026-04-26',
    bindings,
    assets: {
      directory: join(dist, 'assets'),
      binding: 'ASSETS',
      routerConfig: { has_user_worker: true, invoke_user_worker_ahead_of_assets: true },
    },
  };
}

/** The built Worker (dist/index.js from `wrangler deploy --dry-run`, and its assets) running in workerd. */
export async function startWorker(bindings: Record<string, string> = BINDINGS, dist = DIST) {
  const mf = new Miniflare(workerOptions(bindings, dist));
  await mf.ready;
  return {
    fetch: async (path: string, init?: RequestInit) => {
      const response = await mf.dispatchFetch(`http://localhost:8787${path}`, init as never);
      return response as unknown as Response;
    },
    dispose: () => mf.dispose(),
  };
}

export type Worker = Awaited<ReturnType<typeof startWorker>>;

/** The built Worker on a real loopback port, for a browser or a feed reader. */
export async function serveWorker(bindings: Record<string, string> = {}, dist = DIST) {
  const mf = new Miniflare({ ...workerOptions(bindings, dist), host: '127.0.0.1', port: 0 });
  const url = (await mf.ready).toString().replace(/\/$/, '');
  return { url, dispose: () => mf.dispose() };
}
