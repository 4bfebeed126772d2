import { Miniflare } from 'miniflare';
import { join } from 'node:path';
import { DIST } from './paths.js';

export const BASE = 'https://news.example';

export const BINDINGS = {
  SITE_NAME: 'Wirefeed',
  SITE_DESCRIPTION: 'Test corpus',
  SITE_LANGUAGE: 'en',
  BASE_URL: BASE,
};

/** The built Worker (dist/index.js from `wrangler deploy --dry-run`) running in workerd. */
export async function startWorker(bindings: Record<string, string> = BINDINGS, dist = DIST) {
  const mf = new Miniflare({
    modules: true,
    scriptPath: join(dist, 'index.js'),
    compatibilityDate: '2026-04-26',
    bindings,
  });
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
  const mf = new Miniflare({
    modules: true,
    scriptPath: join(dist, 'index.js'),
    compatibilityDate: '2026-04-26',
    bindings,
    host: '127.0.0.1',
    port: 0,
  });
  const url = (await mf.ready).toString().replace(/\/$/, '');
  return { url, dispose: () => mf.dispose() };
}
