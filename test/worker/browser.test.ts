// A real browser (Debian's chromium, driven by playwright-core) opens the home page, an entity page, an
// article and a feed rendered through its XSLT, at 390 px and 1280 px, in light and dark mode: it checks what
// a visitor sees, the autodiscovery links, that nothing overflows, and runs axe-core on every page.
// Screenshots go to test/screenshots/ (not in git).

import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths.js';
import { serveWorker } from '../support/worker.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = join(ROOT, 'test/screenshots');
const WIDTHS = [390, 1280];
const PAGES = [
  { name: 'home', path: '/' },
  { name: 'entity', path: '/entities/elon-musk' },
  { name: 'article', path: '/articles/189017ad2c526773' },
  { name: 'feed-xslt', path: '/entities/elon-musk/feed.atom' },
  { name: 'combine', path: '/entities/elon-musk/combine?other=spacex&mode=none&role=about' },
];

let server: Awaited<ReturnType<typeof serveWorker>>;
let context: BrowserContext;
const axeTotals: Record<string, number> = {};

async function open(path: string, width: number, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.emulateMedia({ colorScheme });
  const response = await page.goto(`${server.url}${path}`);
  expect(response!.status()).toBe(200);
  return page;
}

async function axeViolations(page: Page): Promise<axe.Result[]> {
  await page.evaluate(axe.source);
  // Chromium's own XSLT deprecation banner is not ours to fix.
  return page.evaluate(
    async () =>
      (await (globalThis as unknown as { axe: typeof axe }).axe.run({ exclude: [['xslt-warning-banner']] })).violations,
  );
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await serveWorker({ SITE_NAME: 'Wirefeed', SITE_LANGUAGE: 'en' });
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'wirefeed-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
    bypassCSP: true,
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  await server?.dispose();
  console.log(`axe-core violations per page: ${JSON.stringify(axeTotals)}`);
});

describe.each(WIDTHS)('at %i px', (width) => {
  it.each(PAGES)('$name passes axe-core, does not overflow, and is screenshotted', async ({ name, path }) => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await open(path, width, scheme);
      const violations = await axeViolations(page);
      axeTotals[`${name}@${width}/${scheme}`] = violations.length;
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      const overflow = await page.evaluate(() => {
        const browser = globalThis as unknown as {
          document: { documentElement: { scrollWidth: number } };
          innerWidth: number;
        };
        return browser.document.documentElement.scrollWidth - browser.innerWidth;
      });
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}-${scheme}.png`), fullPage: true });
      await page.close();
    }
  });
});

describe('what the browser sees', () => {
  it('finds the site feeds and the entity feeds by autodiscovery', async () => {
    const links = async (path: string) => {
      const page = await open(path, 1280);
      const found = await page.$$eval('link[rel="alternate"]', (elements) =>
        elements.map((e) => [e.getAttribute('type'), (e as unknown as { href: string }).href]),
      );
      await page.close();
      return found;
    };
    expect(await links('/')).toEqual([
      ['application/atom+xml', `${server.url}/feed.atom`],
      ['application/rss+xml', `${server.url}/feed.rss`],
      ['application/feed+json', `${server.url}/feed.json`],
    ]);
    expect((await links('/entities/elon-musk')).map(([, href]) => href)).toEqual(
      ['atom', 'rss', 'json'].map((f) => `${server.url}/entities/elon-musk/feed.${f}`),
    );
  });

  it('renders a feed through its XSLT as a page that explains how to subscribe', async () => {
    const page = await open('/entities/elon-musk/feed.rss', 1280);
    expect(await page.textContent('h1')).toBe('Wirefeed · Elon Musk');
    expect(await page.inputValue('#feed-url')).toBe(`${server.url}/entities/elon-musk/feed.rss`);
    expect(await page.getAttribute('a[href^="https://feedly.com/"]', 'href')).toContain('/entities/elon-musk/feed.rss');
    const items = await page.$$eval('ol.articles li a.title', (anchors) =>
      anchors.map((a) => (a as unknown as { href: string }).href),
    );
    expect(items).toContain(`${server.url}/articles/189017ad2c526773`);
    await page.close();
  });

  it('filters the entity directory without JavaScript', async () => {
    const page = await context.newPage();
    await page.route('**/*', (route) => route.continue());
    await page.goto(`${server.url}/`);
    await page.fill('#q', 'dmitry');
    await Promise.all([page.waitForNavigation(), page.click('form.filter button')]);
    const names = await page.$$eval('#entities ~ section li a', (anchors) =>
      anchors.map((a) => a.textContent!.replace(/\s*\d+$/, '').trim()),
    );
    expect(names.sort()).toEqual(['Dmitry Novikov', 'Dmitry Peskov']);
    await page.close();
  });

  it("builds a combined feed with the entity page's form, without JavaScript", async () => {
    const page = await open('/entities/elon-musk', 1280);
    await page.selectOption('#combine-other', 'spacex');
    await page.check('input[name="mode"][value="none"]');
    await page.check('input[name="role"]');
    await Promise.all([page.waitForNavigation(), page.click('form.combine button')]);
    expect(page.url()).toBe(`${server.url}/entities/elon-musk/combine?other=spacex&mode=none&role=about`);
    expect(await page.textContent('h1')).toBe('Wirefeed · About Elon Musk, without SpaceX');
    const addresses = await page.$$eval('input.copy', (inputs) =>
      inputs.map((input) => (input as unknown as { value: string }).value),
    );
    expect(addresses).toEqual(
      ['atom', 'rss', 'json'].map((format) => `${server.url}/feed.${format}?all=elon-musk&none=spacex&role=about`),
    );
    const response = await fetch(addresses[0]!, { redirect: 'manual' });
    expect(response.status).toBe(200);
    await page.close();
  });

  it('gives article pages JSON-LD, Open Graph and a canonical link', async () => {
    const page = await open('/articles/189017ad2c526773', 1280);
    const data = JSON.parse((await page.textContent('script[type="application/ld+json"]'))!);
    expect(data).toMatchObject({
      '@type': 'NewsArticle',
      datePublished: '2025-06-07T00:00:00Z',
      url: `${server.url}/articles/189017ad2c526773`,
    });
    expect(data.about).toEqual(
      expect.arrayContaining([{ '@type': 'Person', name: 'Elon Musk', url: `${server.url}/entities/elon-musk` }]),
    );
    expect(await page.getAttribute('meta[property="og:type"]', 'content')).toBe('article');
    expect(await page.getAttribute('link[rel="canonical"]', 'href')).toBe(`${server.url}/articles/189017ad2c526773`);
    expect(await page.locator('script').count()).toBe(1);
    await page.close();
  });

  it('serves sitemap.xml and robots.txt', async () => {
    const robots = await (await fetch(`${server.url}/robots.txt`)).text();
    expect(robots).toContain(`Sitemap: ${server.url}/sitemap.xml`);
    const sitemap = await (await fetch(`${server.url}/sitemap.xml`)).text();
    expect(sitemap).toContain(`<loc>${server.url}/articles/189017ad2c526773</loc>`);
    expect(sitemap).toContain(`<loc>${server.url}/entities/elon-musk</loc>`);
  });
});
