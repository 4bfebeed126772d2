// GET /feed.{atom,rss,json} and /entities/:slug/feed.{atom,rss,json}: newest first, paged by cursor.
import type { Context } from 'hono';
import { canonicalQuery, hasCombination, parseRole, spelledQuery } from '../combination.js';
import { renderFeed } from '../feeds/render.js';
import { CONTENT_TYPES, FEED_FORMATS, type FeedDocument, type FeedFormat } from '../feeds/types.js';
import { feedUrn } from '../feeds/uuid.js';
import { notModified } from '../http/conditional.js';
import { dataHeaders, NO_SUCH_ENTITY, problem } from '../http/headers.js';
import type { Site } from '../site.js';
import type { CorpusView } from '../store/corpus-view.js';
import { isQueryError, type PageQuery, page, parsePageQuery } from '../store/paging.js';
import { entityPath, feedPath, withPage } from '../urls.js';
import { answerRendered, validatorsFor } from './answer.js';
import { serveCombination } from './combinations.js';
import { type App, type AppEnv, feedItems, type RouteDeps } from './deps.js';
import { iconPath } from './icons.js';
import { movedPermanently, retiredAnswer } from './retired.js';

type Entity = NonNullable<ReturnType<CorpusView['entity']>>;

export function feedRoutes(app: App, deps: RouteDeps): void {
  for (const format of FEED_FORMATS) {
    app.get(feedPath(format), (c) => serveFeed(c, deps, format));
    app.get(`/entities/:slug/feed.${format}`, (c) => serveFeed(c, deps, format, c.req.param('slug')));
  }
}

function serveFeed(c: Context<AppEnv>, deps: RouteDeps, format: FeedFormat, slug?: string) {
  const url = new URL(c.req.url);
  if (hasCombination(url.searchParams, slug !== undefined)) return serveCombination(c, deps, format, slug);
  const site = c.get('site');
  const entity = slug === undefined ? undefined : deps.view.entity(slug);
  if (slug !== undefined && !entity) return retiredAnswer(c, deps, slug, format) ?? problem(404, NO_SUCH_ENTITY);
  const query = parsePageQuery((name) => c.req.query(name));
  if (isQueryError(query)) return problem(400, `Bad query parameter "${query.parameter}": ${query.message}.`);
  const { role } = aboutOnly(url, query, format, entity?.entry.slug, site);
  if (role instanceof Response) return role;

  // Browsers show application/atom+xml and rss+xml as plain text; as application/xml they apply the XSLT.
  // Feed readers do not ask for text/html, so they get the registered type.
  const forBrowser = format !== 'json' && (c.req.header('Accept') ?? '').includes('text/html');
  const { body, validators } = feedValidators(deps, site, format, entity, query, role, forBrowser);
  const headers = dataHeaders(forBrowser ? 'application/xml; charset=utf-8' : CONTENT_TYPES[format], {
    Vary: 'Accept',
  });
  // Before the page is even selected: most feed requests are readers polling with validators.
  const unchanged = notModified(c, validators, headers, true);
  if (unchanged) return unchanged;

  const selected = page(deps.view.articles, role ? entity?.aboutRanks() : entity?.ranks(), query, deps.packOf);
  const feedUrl = `${site.baseUrl}${feedPath(format, entity?.entry.slug)}${role ? `?role=${role}` : ''}`;
  const nextUrl = selected.next ? withPage(feedUrl, selected.next, query.limit) : undefined;
  if (nextUrl) Object.assign(headers, { Link: `<${nextUrl}>; rel="next"` });

  return answerRendered(c, {
    validators,
    headers,
    body,
    render: async () => {
      const items = await feedItems(deps, c.env, selected.ranks, site.baseUrl);
      const links = { selfUrl: withPage(feedUrl, query.cursor, query.limit), nextUrl };
      const doc = feedDocument(deps, site, entity, items, links, role);
      // The about-only feed is another feed than the entity's: its own Atom id, from its slug alone.
      if (role && entity) doc.feedId = await feedUrn(`entity:${entity.entry.slug}?role=${role}`);
      return renderFeed(format, doc);
    },
  });
}

/**
 * A feed page's validators, from build-time versions alone, and the key of its rendered body. The browser variant
 * has the same body under another type, so its own ETag but the same cached bytes. Also what /feeds-manifest.json
 * lists, so a deploy can tell which feeds changed.
 */
export function feedValidators(
  deps: RouteDeps,
  site: Site,
  format: FeedFormat,
  entity: Entity | undefined,
  query: PageQuery,
  role?: 'about',
  forBrowser = false,
) {
  const version = entity ? entity.entry.version : deps.corpus.version;
  const updated = entity ? entity.entry.updated : deps.corpus.updated;
  const slug = entity?.entry.slug;
  const body = `${format}|${slug ?? ''}|${query.limit}|${query.cursor ?? ''}${role ? `|${role}` : ''}`;
  return { body, validators: validatorsFor(site, version, updated, `${body}|${forBrowser}`) };
}

/**
 * `?role=about` on an entity's feed: only the articles about it. Spelled otherwise than `role=about`, then
 * `cursor`, `limit` (`role=about&limit=50`, `limit=5&role=about`), it answers 301 to that one URL.
 */
function aboutOnly(
  url: URL,
  query: PageQuery,
  format: FeedFormat,
  slug: string | undefined,
  site: Site,
): { role?: 'about' | Response } {
  if (slug === undefined) return {};
  const parsed = parseRole(url.searchParams);
  if ('parameter' in parsed) return { role: problem(400, `Bad query parameter "role": ${parsed.message}.`) };
  if (!parsed.role) return {};
  const canonical = canonicalQuery({ all: [], any: [], none: [], role: parsed.role }, query);
  if (spelledQuery(url.search) !== canonical) {
    return { role: movedPermanently(`${site.baseUrl}${feedPath(format, slug)}?${canonical}`) };
  }
  return { role: parsed.role };
}

function feedDocument(
  deps: RouteDeps,
  site: Site,
  entity: Entity | undefined,
  items: FeedDocument['items'],
  links: { selfUrl: string; nextUrl: string | undefined },
  role?: 'about',
): FeedDocument {
  const entry = entity?.entry;
  const ranks = role ? entity?.aboutRanks() : entity?.ranks();
  const newest = ranks ? ranks[0] : deps.view.articles.count > 0 ? 0 : undefined;
  const about = role === 'about' && entry;
  return {
    feedId: entry ? entry.feedId : deps.corpus.feedId,
    title: about ? `${site.name} · About ${entry.name}` : entry ? `${site.name} · ${entry.name}` : site.name,
    description: about
      ? `Every ${site.name} article about ${entry.name}.`
      : entry
        ? `Every ${site.name} article that mentions ${entry.name}.`
        : site.description,
    siteName: site.name,
    siteUrl: `${site.baseUrl}/`,
    htmlUrl: entry ? `${site.baseUrl}${entityPath(entry.slug)}` : `${site.baseUrl}/`,
    selfUrl: links.selfUrl,
    ...(links.nextUrl ? { nextUrl: links.nextUrl } : {}),
    updated: newest !== undefined ? deps.view.articles.date(newest) : entry ? entry.updated : deps.corpus.updated,
    ...(newest !== undefined ? { updatedId: deps.view.articles.id(newest) } : {}),
    language: site.language,
    // An entity's feeds show its icon as PNG (RSS <image> must be raster; JSON Feed and Atom take it too).
    iconUrl: entry ? `${site.baseUrl}${iconPath(entry.slug, 'icon.png')}` : `${site.baseUrl}/favicon.svg`,
    ...(entry ? { imageUrl: `${site.baseUrl}${iconPath(entry.slug, 'icon.png')}` } : {}),
    stylesheetUrl: '/feed.xsl',
    ...(site.hubUrl ? { hubUrl: site.hubUrl } : {}),
    entityScheme: `${site.baseUrl}/entities/`,
    ...(entry ? { entity: { slug: entry.slug, name: entry.name, type: entry.type } } : {}),
    items,
  };
}
