// WebSub: with HUB_URL set the feeds name the hub in every format, /feeds-manifest.json lists each feed's ETag, and
// `npm run deploy` (scripts/deploy.ts, wrangler replaced by a stand-in) pings a local hub for exactly the feeds
// whose content changed.
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFeed, HAS_FEED_CHECK } from '../support/feed-check.js';
import { DIST, DIST_BAD, ROOT } from '../support/paths.js';
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

describe('npm run deploy pings the hub for the feeds that changed', () => {
  type Served = Awaited<ReturnType<typeof serveWorker>>;
  let hub: http.Server;
  let hubUrl = '';
  /** Each publish request the hub got: its hub.mode and hub.url values. */
  let received: Array<{ mode: string | null; urls: string[] }> = [];
  let failNext = 0;
  let proxy: http.Server;
  let site = '';
  let target = '';
  let pending = '';
  let first: Served;
  let second: Served;

  const listen = async (server: http.Server) => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  beforeAll(async () => {
    hub = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        if (failNext > 0) {
          failNext--;
          response.writeHead(503).end();
          return;
        }
        const form = new URLSearchParams(body);
        received.push({ mode: form.get('hub.mode'), urls: form.getAll('hub.url') });
        response.writeHead(204).end();
      });
    });
    hubUrl = `${await listen(hub)}/`;
    // The "deployed site": one address in front of whichever build is live; the stand-in for wrangler switches it.
    proxy = http.createServer(async (request, response) => {
      if (request.url === '/__deploy') {
        target = pending;
        response.writeHead(200).end('deployed');
        return;
      }
      const answer = await fetch(`${target}${request.url}`);
      response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' });
      response.end(Buffer.from(await answer.arrayBuffer()));
    });
    site = await listen(proxy);
    const bindings = { BASE_URL: BASE, SITE_NAME: 'Wirefeed', HUB_URL: hubUrl };
    first = await serveWorker(bindings, DIST);
    second = await serveWorker(bindings, DIST_BAD);
  }, 120_000);
  afterAll(async () => {
    await first?.dispose();
    await second?.dispose();
    hub?.close();
    proxy?.close();
  });

  /** `npm run deploy` with wrangler replaced by a request that makes `next` the live build. */
  function deploy(next: string, hubSetting = hubUrl): Promise<{ code: number | null; output: string }> {
    pending = next;
    received = [];
    const wrangler = `node -e "fetch('${site}/__deploy').then((r) => process.exit(r.ok ? 0 : 1))"`;
    return new Promise((resolve) => {
      const child = spawn('npm', ['run', '--silent', 'deploy'], {
        cwd: ROOT,
        env: {
          ...process.env,
          HUB_URL: hubSetting,
          WIREFEED_DEPLOY_URL: site,
          WIREFEED_WRANGLER: wrangler,
          WIREFEED_DEPLOY_WAIT_MS: '50',
          WIREFEED_PING_RETRY_MS: '20',
        },
      });
      let output = '';
      child.stdout.on('data', (chunk) => {
        output += chunk;
      });
      child.stderr.on('data', (chunk) => {
        output += chunk;
      });
      child.on('close', (code) => resolve({ code, output }));
    });
  }

  const manifest = async (base: string) =>
    ((await (await fetch(`${base}/feeds-manifest.json`)).json()) as { feeds: Record<string, string> }).feeds;

  it('pings exactly the feeds whose ETag changed, batched, with hub.mode=publish', async () => {
    target = first.url;
    const [before, after] = [await manifest(first.url), await manifest(second.url)];
    const expected = Object.keys(after).filter((url) => before[url] !== after[url]);
    const { code, output } = await deploy(second.url);
    expect(code, output).toBe(0);
    expect(received.every((request) => request.mode === 'publish')).toBe(true);
    expect(received.every((request) => request.urls.length <= 50)).toBe(true);
    const pinged = received.flatMap((request) => request.urls);
    expect(pinged.sort()).toEqual(expected.sort());
    expect(pinged).toEqual(expect.arrayContaining([`${BASE}/feed.atom`, `${BASE}/feed.rss`, `${BASE}/feed.json`]));
    expect(received.length).toBe(Math.ceil(expected.length / 50));
    // No change is missed: feeds that were not pinged serve the same bytes as before.
    const unpinged = Object.keys(after).filter((url) => !pinged.includes(url));
    expect(unpinged.length).toBeGreaterThan(10);
    for (const url of unpinged.slice(0, 60)) {
      const path = url.replace(BASE, '');
      const [was, is] = await Promise.all(
        [first.url, second.url].map(async (base) => (await fetch(base + path)).text()),
      );
      expect(is, path).toBe(was);
    }
  }, 120_000);

  it('pings nothing when a redeploy changed nothing', async () => {
    target = second.url;
    const { code, output } = await deploy(second.url);
    expect(code, output).toBe(0);
    expect(received).toEqual([]);
    expect(output).toContain('no feed changed');
  }, 60_000);

  it('retries a failed ping, and never fails a deploy that succeeded', async () => {
    target = first.url;
    failNext = 2;
    const retried = await deploy(second.url);
    expect(retried.code).toBe(0);
    expect(retried.output).toContain('retry 1 of 3');
    expect(received.flatMap((request) => request.urls).length).toBeGreaterThan(3);
    // A hub that never answers: reported, and the deploy still succeeds.
    target = first.url;
    const closed = http.createServer();
    const deadHub = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const dead = await deploy(second.url, `${deadHub}/`);
    expect(dead.code).toBe(0);
    expect(dead.output).toContain('ping failed for https://news.example/feed.atom (the deploy itself succeeded)');
  }, 120_000);
});
