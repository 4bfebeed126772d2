// GET /feeds.opml, /sitemap.xml (or a sitemap index of /sitemap-N.xml parts), /robots.txt.
import { respond } from '../http/conditional.js';
import { dataHeaders, PAGE_CACHE_CONTROL, problem } from '../http/headers.js';
import { opml, sitemap, sitemapIndex, sitemapParts } from '../listings.js';
import { fnv1a } from '../site.js';
import { answerRendered, validatorsFor } from './answer.js';
import type { App, RouteDeps } from './deps.js';

export function listingRoutes(app: App, { corpus, view }: RouteDeps): void {
  app.get('/feeds.opml', (c) => {
    const site = c.get('site');
    return answerRendered(c, {
      validators: validatorsFor(site, corpus.version, corpus.updated, 'opml'),
      headers: dataHeaders('text/x-opml; charset=utf-8'),
      body: 'opml',
      render: async () => opml(corpus, site),
    });
  });

  app.get('/sitemap.xml', (c) => {
    const site = c.get('site');
    const whole = sitemapParts(view) <= 1;
    return answerRendered(c, {
      validators: validatorsFor(site, corpus.version, corpus.updated, 'sitemap'),
      headers: dataHeaders('application/xml; charset=utf-8'),
      body: 'sitemap',
      render: async () => (whole ? sitemap(view, site) : sitemapIndex(view, site)),
    });
  });

  app.get('/:file{sitemap-[1-9][0-9]{0,5}\\.xml}', (c) => {
    const site = c.get('site');
    const part = Number(/\d+/.exec(c.req.param('file'))![0]);
    const parts = sitemapParts(view);
    if (parts <= 1 || part > parts) return problem(404, 'Not found.');
    return answerRendered(c, {
      validators: validatorsFor(site, corpus.version, corpus.updated, `sitemap-${part}`),
      headers: dataHeaders('application/xml; charset=utf-8'),
      body: `sitemap-${part}`,
      render: async () => sitemap(view, site, part),
    });
  });

  app.get('/robots.txt', (c) => {
    const site = c.get('site');
    const body = `User-agent: *\nAllow: /\n\nSitemap: ${site.baseUrl}/sitemap.xml\n`;
    const headers = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': PAGE_CACHE_CONTROL };
    return respond(c, { etag: `"${fnv1a(body)}"`, lastModified: corpus.updated }, headers, () => body);
  });
}
