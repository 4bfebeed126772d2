// `npm run deploy`: `wrangler deploy`, then WebSub publish pings (§7: `hub.mode=publish` with `hub.url` repeated,
// batched) for every site and entity feed, in every format, whose content changed: the deployed site's
// /feeds-manifest.json (each feed's ETag) read before and after the deploy tells which. A redeploy with no change
// pings nothing. A failed ping is reported and retried, and never fails a deploy that succeeded.
//
// Settings (environment first, then `[vars]` in wrangler.toml):
//   HUB_URL                 the hub; empty: no pings
//   BASE_URL                the deployed site, whose manifest is read (WIREFEED_DEPLOY_URL overrides it)
//   WIREFEED_WRANGLER       the deploy command (default `npx wrangler deploy`; tests put a stand-in here)
//   WIREFEED_DEPLOY_WAIT_MS wait between reads of the new manifest while it still shows the old build (2000)
//   WIREFEED_PING_RETRY_MS  first wait before retrying a failed ping, doubled each time (1000)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'smol-toml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** URLs per publish request: hubs take repeated hub.url, and a form body stays small. */
export const PING_BATCH = 50;
const PING_ATTEMPTS = 4;
const MANIFEST_READS = 5;

type Manifest = { version: string; feeds: Record<string, string> };

function setting(name: string, vars: Record<string, unknown>): string {
  return (process.env[name] ?? String(vars[name] ?? '')).trim();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The deployed manifest, or undefined when there is none yet (a first deploy) or the site does not answer. */
async function readManifest(base: string): Promise<Manifest | undefined> {
  try {
    const response = await fetch(`${base}/feeds-manifest.json`, { headers: { 'Cache-Control': 'no-cache' } });
    if (!response.ok) return undefined;
    return (await response.json()) as Manifest;
  } catch {
    return undefined;
  }
}

/** Feed URLs whose ETag is new or different; feeds that went away are not pinged (they answer 301 or 410). */
export function changedFeeds(before: Manifest | undefined, after: Manifest): string[] {
  return Object.keys(after.feeds)
    .filter((url) => before?.feeds[url] !== after.feeds[url])
    .sort();
}

/** One publish request per batch, each retried with a growing wait; returns the URLs that could not be pinged. */
export async function ping(hub: string, urls: string[], retryMs: number, log = console.log): Promise<string[]> {
  const failed: string[] = [];
  for (let start = 0; start < urls.length; start += PING_BATCH) {
    const batch = urls.slice(start, start + PING_BATCH);
    const body = new URLSearchParams([
      ['hub.mode', 'publish'],
      ...batch.map((url): [string, string] => ['hub.url', url]),
    ]);
    let outcome = '';
    for (let attempt = 1; attempt <= PING_ATTEMPTS; attempt++) {
      try {
        const response = await fetch(hub, { method: 'POST', body });
        if (response.ok) {
          outcome = 'ok';
          break;
        }
        outcome = `HTTP ${response.status}`;
      } catch (error) {
        outcome = (error as Error).message;
      }
      if (attempt < PING_ATTEMPTS) {
        log(`deploy: ping of ${batch.length} feeds failed (${outcome}); retry ${attempt} of ${PING_ATTEMPTS - 1}`);
        await sleep(retryMs * 2 ** (attempt - 1));
      }
    }
    if (outcome !== 'ok') failed.push(...batch);
  }
  return failed;
}

async function main(): Promise<number> {
  const toml = parse(readFileSync(join(ROOT, 'wrangler.toml'), 'utf8')) as { vars?: Record<string, unknown> };
  const vars = toml.vars ?? {};
  const hub = setting('HUB_URL', vars);
  const base = (process.env.WIREFEED_DEPLOY_URL ?? setting('BASE_URL', vars)).replace(/\/+$/, '');
  const command = process.env.WIREFEED_WRANGLER ?? 'npx wrangler deploy';
  const waitMs = Number(process.env.WIREFEED_DEPLOY_WAIT_MS ?? 2000);
  const retryMs = Number(process.env.WIREFEED_PING_RETRY_MS ?? 1000);
  if (hub && !base) console.log('deploy: HUB_URL is set but BASE_URL is empty: no pings (no deployed site to compare)');
  const before = hub && base ? await readManifest(base) : undefined;

  const deployed = spawnSync(command, { cwd: ROOT, shell: true, stdio: 'inherit' });
  if (deployed.status !== 0) return deployed.status ?? 1;
  if (!hub || !base) return 0;

  // The new build may take a moment to answer everywhere: read until the manifest shows another build (or give up
  // waiting: an unchanged build shows the same version, and then nothing changed).
  let after = await readManifest(base);
  for (let read = 1; read < MANIFEST_READS && (!after || after.version === before?.version); read++) {
    await sleep(waitMs);
    after = await readManifest(base);
  }
  if (!after) {
    console.log(`deploy: deployed, but ${base}/feeds-manifest.json did not answer: no pings sent`);
    return 0;
  }
  const changed = changedFeeds(before, after);
  if (changed.length === 0) {
    console.log('deploy: no feed changed: no pings');
    return 0;
  }
  const failed = await ping(hub, changed, retryMs);
  console.log(`deploy: pinged ${hub} for ${changed.length - failed.length} of ${changed.length} changed feeds`);
  for (const url of failed) console.log(`deploy: ping failed for ${url} (the deploy itself succeeded)`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
