import { Hono, type Context } from 'hono';
import { renderFeed } from '../feeds/render.js';
import { CONTENT_TYPES, FEED_FORMATS, type FeedDocument, type FeedFormat } from '../feeds/types.js';
import { packSlot, type CorpusIndex } from '../model.js';
import { ICON_SVG, STYLESHEET } from '../pages/assets.js';
import { FEED_XSL } from '../pages/feed-xsl.js';
import type { FeedLink } from '../pages/layout.js';
import { articlePage, entityPage, homePage, type SiteView } from '../pages/views.js';
import { ArticleStore } from './article-store.js';
import { CorpusView } from './corpus-view.js';
import { CORS_HEADERS, dataHeaders, HTML_SECURITY_HEADERS, notModified, PAGE_CACHE_CONTROL, problem, respond, respondCached } from './http.js';
import { opml, sitemap, sitemapIndex, sitemapParts } from './listings.js';
import { isQueryError, page, parsePageQuery } from './paging.js';
import { fnv1a, siteFrom, type Env, type Site } from './site.js';
import { articlePath, entityPath, feedPath, withPage } from './urls.js';

const FORMAT_NAMES: Record<FeedFormat, string> = { atom: 'Atom', rss: 'RSS', json: 'JSON Feed' };
const ALLOWED_METHODS = 'GET, HEAD, OPTIONS';
const HOME_ARTICLES = 20;
const ENTITY_PAGE_ARTICLES = 50;
const ID = /^[0-9a-f]{16}$/;

/** Case- and accent-insensitive matching for the directory filter: "zoe" finds "Zoë". */
function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

type AppEnv = { Bindings: Env; Variables: { site: Site } };

const htmlHeaders = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': PAGE_CACHE_CONTROL, ...HTML_SECURITY_HEADERS };

/**
 * The Worker: thin routes over the prebuilt index; article text comes from the static assets on first use, and
 * rendered answers are kept per isolate, so a repeated request is a lookup.
 */
export function createApp(corpus: CorpusIndex): Hono<AppEnv> {
  const view = new CorpusView(corpus);
  const store = new ArticleStore(corpus);
  const articles = view.articles;
  const packOf = (rank: number) => packSlot(rank, articles.count).pack;
  const app = new Hono<AppEnv>();

  const siteView = (site: Site): SiteView => ({ name: site.name, language: site.language, description: site.description });
  const feedLinks = (site: Site, title: string, slug?: string): FeedLink[] =>
    FEED_FORMATS.map((format) => ({ title: `${title} · ${FORMAT_NAMES[format]}`, type: CONTENT_TYPES[format].split(';')[0]!, href: `${site.baseUrl}${feedPath(format, slug)}` }));
  const etag = (version: string, site: Site, variant: string) => `"${version}-${fnv1a(`${site.fingerprint}|${variant}`)}"`;

  app.use('*', async (c, next) => {
    const method = c.req.method;
    if (method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: { Allow: ALLOWED_METHODS, ...CORS_HEADERS, 'Access-Control-Allow-Methods': ALLOWED_METHODS, 'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since', 'Access-Control-Max-Age': '86400' },
      });
    }
    if (method !== 'GET' && method !== 'HEAD') return problem(405, 'Method not allowed: use GET or HEAD.', { Allow: ALLOWED_METHODS });
    c.set('site', siteFrom(c.env ?? {}, c.req.url));
    await next();
  });

  // The bench's yardstick: the cheapest answer a request can get through this app. Absent unless asked for.
  app.get('/__bench/constant', (c) => (c.env?.WIREFEED_BENCH === '1' ? new Response('ok\n', { headers: { 'Content-Type': 'text/plain; charset=utf-8' } }) : problem(404, 'Not found.')));

  app.get('/', (c) => {
    const site = c.get('site');
    const filter = (c.req.query('q') ?? '').trim();
    if (filter.length > 100) return problem(400, 'Bad query parameter "q": at most 100 characters.');
    const wanted = foldForSearch(filter);
    const matches = (index: number) => {
      const entity = corpus.entities[index]!;
      return [entity.name, ...entity.aliases].some((name) => foldForSearch(name).includes(wanted));
    };
    const variant = `home|${filter}`;
    return respondCached(c, { etag: etag(corpus.version, site, variant), lastModified: corpus.updated }, htmlHeaders, `${variant}|${site.fingerprint}`, async () => {
      const ranks = Array.from({ length: Math.min(HOME_ARTICLES, articles.count) }, (_, rank) => rank);
      const contents = await store.get(c.env?.ASSETS, ranks);
      return String(
        homePage({
          site: siteView(site),
          canonical: `${site.baseUrl}/`,
          feeds: feedLinks(site, site.name),
          articles: ranks.map((rank, i) => view.articleLink(rank, contents[i]!, site.baseUrl)),
          entities: corpus.entities.flatMap((_, index) => (!wanted || matches(index) ? [view.entityLink(index, site.baseUrl)] : [])),
          filter,
        }),
      );
    });
  });

  for (const format of FEED_FORMATS) {
    app.get(feedPath(format), (c) => serveFeed(c, format));
    app.get(`/entities/:slug/feed.${format}`, (c) => serveFeed(c, format, c.req.param('slug')));
  }

  function serveFeed(c: Context<AppEnv>, format: FeedFormat, slug?: string): Response | Promise<Response> {
    const site = c.get('site');
    const entity = slug === undefined ? undefined : view.entity(slug);
    if (slug !== undefined && !entity) return problem(404, 'No such entity. The list is at /entities.json.');
    const query = parsePageQuery((name) => c.req.query(name));
    if (isQueryError(query)) return problem(400, `Bad query parameter "${query.parameter}": ${query.message}.`);

    const version = entity ? entity.entry.version : corpus.version;
    const updated = entity ? entity.entry.updated : corpus.updated;
    // Browsers show application/atom+xml and rss+xml as plain text; as application/xml they apply the XSLT.
    // Feed readers do not ask for text/html, so they get the registered type.
    const forBrowser = format !== 'json' && (c.req.header('Accept') ?? '').includes('text/html');
    const body = `${format}|${slug ?? ''}|${query.limit}|${query.cursor ?? ''}`;
    // The browser variant has the same body under another type, so its own ETag but the same cached bytes.
    const variant = `${body}|${forBrowser}`;
    const headers = dataHeaders(forBrowser ? 'application/xml; charset=utf-8' : CONTENT_TYPES[format], { Vary: 'Accept' });
    const validators = { etag: etag(version, site, variant), lastModified: updated };
    // Before the page is even selected: most feed requests are readers polling with validators.
    const unchanged = notModified(c, validators, headers, true);
    if (unchanged) return unchanged;

    const selected = page(articles, entity?.ranks(), query, packOf);
    const feedUrl = `${site.baseUrl}${feedPath(format, entity?.entry.slug)}`;
    const nextUrl = selected.next ? withPage(feedUrl, selected.next, query.limit) : undefined;
    if (nextUrl) Object.assign(headers, { Link: `<${nextUrl}>; rel="next"` });

    return respondCached(c, validators, headers, `${body}|${site.fingerprint}`, async () => {
      const contents = await store.get(c.env?.ASSETS, selected.ranks);
      const doc: FeedDocument = {
        feedId: entity ? entity.entry.feedId : corpus.feedId,
        title: entity ? `${site.name} · ${entity.entry.name}` : site.name,
        description: entity ? `Every ${site.name} article that mentions ${entity.entry.name}.` : site.description,
        siteName: site.name,
        siteUrl: `${site.baseUrl}/`,
        htmlUrl: entity ? `${site.baseUrl}${entityPath(entity.entry.slug)}` : `${site.baseUrl}/`,
        selfUrl: withPage(feedUrl, query.cursor, query.limit),
        ...(nextUrl ? { nextUrl } : {}),
        updated,
        language: site.language,
        iconUrl: `${site.baseUrl}/favicon.svg`,
        stylesheetUrl: '/feed.xsl',
        entityScheme: `${site.baseUrl}/entities/`,
        ...(entity ? { entity: { slug: entity.entry.slug, name: entity.entry.name, type: entity.entry.type } } : {}),
        items: selected.ranks.map((rank, i) => view.feedItem(rank, contents[i]!, site.baseUrl)),
      };
      return renderFeed(format, doc);
    });
  }

  app.get('/entities.json', (c) => {
    const site = c.get('site');
    const headers = dataHeaders('application/json; charset=utf-8');
    return respondCached(c, { etag: etag(corpus.version, site, 'entities.json'), lastModified: corpus.updated }, headers, `entities.json|${site.fingerprint}`, async () =>
      JSON.stringify(
        corpus.entities.map((entity) => ({
          slug: entity.slug,
          name: entity.name,
          type: entity.type,
          count: entity.count,
          aliases: entity.aliases,
          url: `${site.baseUrl}${entityPath(entity.slug)}`,
          feeds: Object.fromEntries(FEED_FORMATS.map((format) => [format, `${site.baseUrl}${feedPath(format, entity.slug)}`])),
          related: entity.related,
        })),
      ),
    );
  });

  app.get('/entities/:slug', (c) => {
    const site = c.get('site');
    const found = view.entity(c.req.param('slug'));
    if (!found) return problem(404, 'No such entity. The list is at /entities.json.');
    const entity = found.entry;
    const query = parsePageQuery((name) => c.req.query(name), ENTITY_PAGE_ARTICLES);
    if (isQueryError(query)) return problem(400, `Bad query parameter "${query.parameter}": ${query.message}.`);
    const selected = page(articles, found.ranks(), query, packOf);
    const pageUrl = `${site.baseUrl}${entityPath(entity.slug)}`;
    const variant = `entity|${query.limit}|${query.cursor ?? ''}`;
    const validators = { etag: etag(entity.version, site, variant), lastModified: entity.updated };
    return respondCached(c, validators, htmlHeaders, `${variant}|${entity.slug}|${site.fingerprint}`, async () => {
      const contents = await store.get(c.env?.ASSETS, selected.ranks);
      return String(
        entityPage({
          site: siteView(site),
          canonical: pageUrl,
          name: entity.name,
          type: entity.type,
          aliases: entity.aliases,
          count: entity.count,
          feeds: feedLinks(site, `${site.name} · ${entity.name}`, entity.slug),
          articles: selected.ranks.map((rank, i) => view.articleLink(rank, contents[i]!, site.baseUrl)),
          ...(selected.next ? { olderUrl: withPage(pageUrl, selected.next, query.limit === ENTITY_PAGE_ARTICLES ? undefined : query.limit) } : {}),
          related: entity.related.map((slug) => view.entityLink(view.entityIndex(slug)!, site.baseUrl)),
        }),
      );
    });
  });

  app.get('/articles/:id', (c) => {
    const site = c.get('site');
    const id = c.req.param('id');
    const rank = ID.test(id) ? articles.rankOf(id) : undefined;
    if (rank === undefined) return problem(404, 'No such article.');
    const date = articles.date(rank);
    return respondCached(c, { etag: etag(articles.version(rank), site, 'article'), lastModified: date }, htmlHeaders, `article|${id}|${site.fingerprint}`, async () => {
      const [content] = await store.get(c.env?.ASSETS, [rank]);
      return String(
        articlePage({
          site: siteView(site),
          siteUrl: `${site.baseUrl}/`,
          canonical: `${site.baseUrl}${articlePath(id)}`,
          feeds: feedLinks(site, site.name),
          title: content!.title,
          date,
          summary: content!.summary,
          contentHtml: content!.contentHtml,
          source: content!.source,
          entities: content!.entities.map((index) => view.entityLink(index, site.baseUrl)),
        }),
      );
    });
  });

  app.get('/feeds.opml', (c) => {
    const site = c.get('site');
    const headers = dataHeaders('text/x-opml; charset=utf-8');
    return respondCached(c, { etag: etag(corpus.version, site, 'opml'), lastModified: corpus.updated }, headers, `opml|${site.fingerprint}`, async () => opml(corpus, site));
  });

  const staticAsset = (path: string, type: string, body: string) => {
    const validators = { etag: `"${fnv1a(body)}"`, lastModified: '' };
    app.get(path, (c) => respond(c, validators, { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400', 'X-Content-Type-Options': 'nosniff' }, () => body));
  };
  staticAsset('/style.css', 'text/css; charset=utf-8', STYLESHEET);
  staticAsset('/favicon.svg', 'image/svg+xml', ICON_SVG);
  staticAsset('/feed.xsl', 'text/xsl; charset=utf-8', FEED_XSL);

  app.get('/sitemap.xml', (c) => {
    const site = c.get('site');
    const headers = dataHeaders('application/xml; charset=utf-8');
    const whole = sitemapParts(view) <= 1;
    return respondCached(c, { etag: etag(corpus.version, site, 'sitemap'), lastModified: corpus.updated }, headers, `sitemap|${site.fingerprint}`, async () =>
      whole ? sitemap(view, site) : sitemapIndex(view, site),
    );
  });

  app.get('/:file{sitemap-[1-9][0-9]{0,5}\\.xml}', (c) => {
    const site = c.get('site');
    const part = Number(/\d+/.exec(c.req.param('file'))![0]);
    const parts = sitemapParts(view);
    if (parts <= 1 || part > parts) return problem(404, 'Not found.');
    const headers = dataHeaders('application/xml; charset=utf-8');
    return respondCached(c, { etag: etag(corpus.version, site, `sitemap-${part}`), lastModified: corpus.updated }, headers, `sitemap-${part}|${site.fingerprint}`, async () =>
      sitemap(view, site, part),
    );
  });

  app.get('/robots.txt', (c) => {
    const site = c.get('site');
    const body = `User-agent: *\nAllow: /\n\nSitemap: ${site.baseUrl}/sitemap.xml\n`;
    return respond(c, { etag: `"${fnv1a(body)}"`, lastModified: corpus.updated }, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': PAGE_CACHE_CONTROL }, () => body);
  });

  app.notFound(() => problem(404, 'Not found.'));
  app.onError((error) => {
    console.error(error);
    return new Response('Internal error.\n', { status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  });
  return app;
}
