import { Hono, type Context } from 'hono';
import { renderFeed } from '../feeds/render.js';
import { CONTENT_TYPES, FEED_FORMATS, type FeedDocument, type FeedFormat } from '../feeds/types.js';
import type { Corpus } from '../model.js';
import { ICON_SVG, STYLESHEET } from '../pages/assets.js';
import { FEED_XSL } from '../pages/feed-xsl.js';
import type { FeedLink } from '../pages/layout.js';
import { articlePage, entityPage, homePage, type SiteView } from '../pages/views.js';
import { CorpusView } from './corpus-view.js';
import { CORS_HEADERS, dataHeaders, HTML_SECURITY_HEADERS, PAGE_CACHE_CONTROL, problem, respond } from './http.js';
import { opml, sitemap } from './listings.js';
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

/** The Worker: thin routes over the prebuilt corpus; all heavy lifting happened at build time. */
export function createApp(corpus: Corpus): Hono<AppEnv> {
  const view = new CorpusView(corpus);
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

  app.get('/', (c) => {
    const site = c.get('site');
    const filter = (c.req.query('q') ?? '').trim();
    if (filter.length > 100) return problem(400, 'Bad query parameter "q": at most 100 characters.');
    const wanted = foldForSearch(filter);
    const matches = (index: number) => {
      const entity = corpus.entities[index]!;
      return [entity.name, ...entity.aliases].some((name) => foldForSearch(name).includes(wanted));
    };
    return respond(c, { etag: etag(corpus.version, site, `home|${filter}`), lastModified: corpus.updated }, htmlHeaders, () =>
      String(
        homePage({
          site: siteView(site),
          canonical: `${site.baseUrl}/`,
          feeds: feedLinks(site, site.name),
          articles: corpus.articles.slice(0, HOME_ARTICLES).map((article) => ({ title: article.title, url: `${site.baseUrl}${articlePath(article.id)}`, date: article.date, summary: article.summary })),
          entities: corpus.entities.flatMap((_, index) => (!wanted || matches(index) ? [view.entityLink(index, site.baseUrl)] : [])),
          filter,
        }),
      ),
    );
  });

  for (const format of FEED_FORMATS) {
    app.get(feedPath(format), (c) => serveFeed(c, format));
    app.get(`/entities/:slug/feed.${format}`, (c) => serveFeed(c, format, c.req.param('slug')));
  }

  function serveFeed(c: Context<AppEnv>, format: FeedFormat, slug?: string): Response {
    const site = c.get('site');
    const entity = slug === undefined ? undefined : view.entity(slug);
    if (slug !== undefined && !entity) return problem(404, 'No such entity. The list is at /entities.json.');
    const query = parsePageQuery((name) => c.req.query(name));
    if (isQueryError(query)) return problem(400, `Bad query parameter "${query.parameter}": ${query.message}.`);

    const version = entity ? entity.version : corpus.version;
    const ranks = entity?.articles;
    const updated = ranks ? (corpus.articles[ranks[0]!]?.date ?? '') : corpus.updated;
    // Browsers show application/atom+xml and rss+xml as plain text; as application/xml they apply the XSLT.
    // Feed readers do not ask for text/html, so they get the registered type.
    const forBrowser = format !== 'json' && (c.req.header('Accept') ?? '').includes('text/html');
    const variant = `${format}|${slug ?? ''}|${query.limit}|${query.cursor ?? ''}|${forBrowser}`;
    const headers = dataHeaders(forBrowser ? 'application/xml; charset=utf-8' : CONTENT_TYPES[format], { Vary: 'Accept' });

    const selected = page(corpus.articles, ranks, query);
    const feedUrl = `${site.baseUrl}${feedPath(format, entity?.slug)}`;
    const nextUrl = selected.next ? withPage(feedUrl, selected.next, query.limit) : undefined;
    if (nextUrl) Object.assign(headers, { Link: `<${nextUrl}>; rel="next"` });

    return respond(c, { etag: etag(version, site, variant), lastModified: updated }, headers, () => {
      const doc: FeedDocument = {
        feedId: entity ? entity.feedId : corpus.feedId,
        title: entity ? `${site.name} · ${entity.name}` : site.name,
        description: entity ? `Every ${site.name} article that mentions ${entity.name}.` : site.description,
        siteName: site.name,
        siteUrl: `${site.baseUrl}/`,
        htmlUrl: entity ? `${site.baseUrl}${entityPath(entity.slug)}` : `${site.baseUrl}/`,
        selfUrl: withPage(feedUrl, query.cursor, query.limit),
        ...(nextUrl ? { nextUrl } : {}),
        updated,
        language: site.language,
        iconUrl: `${site.baseUrl}/favicon.svg`,
        stylesheetUrl: '/feed.xsl',
        entityScheme: `${site.baseUrl}/entities/`,
        ...(entity ? { entity: { slug: entity.slug, name: entity.name, type: entity.type } } : {}),
        items: selected.ranks.map((rank) => view.feedItem(rank, site.baseUrl)),
      };
      return renderFeed(format, doc);
    });
  }

  app.get('/entities.json', (c) => {
    const site = c.get('site');
    const headers = dataHeaders('application/json; charset=utf-8');
    return respond(c, { etag: etag(corpus.version, site, 'entities.json'), lastModified: corpus.updated }, headers, () =>
      JSON.stringify(
        corpus.entities.map((entity) => ({
          slug: entity.slug,
          name: entity.name,
          type: entity.type,
          count: entity.articles.length,
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
    const entity = view.entity(c.req.param('slug'));
    if (!entity) return problem(404, 'No such entity. The list is at /entities.json.');
    const query = parsePageQuery((name) => c.req.query(name), ENTITY_PAGE_ARTICLES);
    if (isQueryError(query)) return problem(400, `Bad query parameter "${query.parameter}": ${query.message}.`);
    const selected = page(corpus.articles, entity.articles, query);
    const pageUrl = `${site.baseUrl}${entityPath(entity.slug)}`;
    const variant = `entity|${query.limit}|${query.cursor ?? ''}`;
    return respond(c, { etag: etag(entity.version, site, variant), lastModified: corpus.articles[entity.articles[0]!]?.date ?? '' }, htmlHeaders, () =>
      String(
        entityPage({
          site: siteView(site),
          canonical: pageUrl,
          name: entity.name,
          type: entity.type,
          aliases: entity.aliases,
          count: entity.articles.length,
          feeds: feedLinks(site, `${site.name} · ${entity.name}`, entity.slug),
          articles: selected.ranks.map((rank) => {
            const article = corpus.articles[rank]!;
            return { title: article.title, url: `${site.baseUrl}${articlePath(article.id)}`, date: article.date, summary: article.summary };
          }),
          ...(selected.next ? { olderUrl: withPage(pageUrl, selected.next, query.limit === ENTITY_PAGE_ARTICLES ? undefined : query.limit) } : {}),
          related: entity.related.map((slug) => view.entityLink(view.entityIndex(slug)!, site.baseUrl)),
        }),
      ),
    );
  });

  app.get('/articles/:id', (c) => {
    const site = c.get('site');
    const id = c.req.param('id');
    const rank = ID.test(id) ? view.rank(id) : undefined;
    if (rank === undefined) return problem(404, 'No such article.');
    const article = corpus.articles[rank]!;
    return respond(c, { etag: etag(article.version, site, 'article'), lastModified: article.date }, htmlHeaders, () =>
      String(
        articlePage({
          site: siteView(site),
          siteUrl: `${site.baseUrl}/`,
          canonical: `${site.baseUrl}${articlePath(article.id)}`,
          feeds: feedLinks(site, site.name),
          title: article.title,
          date: article.date,
          summary: article.summary,
          contentHtml: article.contentHtml,
          source: article.source,
          entities: article.entities.map((index) => view.entityLink(index, site.baseUrl)),
        }),
      ),
    );
  });

  app.get('/feeds.opml', (c) => {
    const site = c.get('site');
    const headers = dataHeaders('text/x-opml; charset=utf-8');
    return respond(c, { etag: etag(corpus.version, site, 'opml'), lastModified: corpus.updated }, headers, () => opml(corpus, site));
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
    return respond(c, { etag: etag(corpus.version, site, 'sitemap'), lastModified: corpus.updated }, headers, () => sitemap(corpus, site));
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
