// Slugs the site published once (entities.lock.json): no subscriber is stranded. A slug whose entity was renamed
// or merged answers 301 to its successor, for the page, every feed format and any query; readers update their
// subscription. A slug whose entity is gone answers 410, and a feed request gets a valid feed that says so.
import type { Context } from 'hono';
import type { RetiredSlug } from '../../contract/corpus-index.js';
import { escapeHtml } from '../../contract/escape.js';
import { renderFeed } from '../feeds/render.js';
import { CONTENT_TYPES, type FeedFormat } from '../feeds/types.js';
import { CORS_HEADERS, dataHeaders } from '../http/headers.js';
import type { Site } from '../site.js';
import { entityPath, feedPath } from '../urls.js';
import type { AppEnv, RouteDeps } from './deps.js';

const TYPE_WORDS = { person: 'person', organization: 'organization', place: 'place' } as const;
/** Moves are permanent, but a long cache would hide a later correction of the config for a day. */
const MOVED_CACHE_CONTROL = 'public, max-age=3600';

/** A `301` to an absolute URL: a retired slug's successor, a combined feed's canonical spelling. */
export function movedPermanently(location: string): Response {
  return new Response(`Moved permanently to ${location}\n`, {
    status: 301,
    headers: {
      Location: location,
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': MOVED_CACHE_CONTROL,
      'X-Content-Type-Options': 'nosniff',
      ...CORS_HEADERS,
    },
  });
}

/** The answer for a retired slug, or undefined when the slug was never published (the caller's 404). */
export function retiredAnswer(
  c: Context<AppEnv>,
  deps: RouteDeps,
  slug: string,
  format?: FeedFormat,
  file?: string,
): Response | undefined {
  const retired = deps.view.retired(slug);
  if (!retired) return undefined;
  const site = c.get('site');
  if (retired.to !== null) {
    const path = format
      ? feedPath(format, retired.to)
      : file
        ? `${entityPath(retired.to)}/${file}`
        : entityPath(retired.to);
    return movedPermanently(`${site.baseUrl}${path}${new URL(c.req.url).search}`);
  }
  const explanation =
    `${retired.name} (${TYPE_WORDS[retired.type]}) is no longer published by ${site.name}: ${retired.reason}. ` +
    `Every entity it publishes is listed at ${site.baseUrl}/entities.json.`;
  if (!format) {
    const headers = { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' };
    return new Response(`Gone. ${explanation}\n`, { status: 410, headers: { ...headers, ...CORS_HEADERS } });
  }
  const body = renderFeed(format, endedFeed(retired, site, format, deps.corpus.updated, explanation));
  return new Response(body, { status: 410, headers: dataHeaders(CONTENT_TYPES[format]) });
}

/** A feed that stays valid for readers that show an error's body: one item saying the feed has ended. */
function endedFeed(retired: RetiredSlug, site: Site, format: FeedFormat, updated: string, explanation: string) {
  const home = `${site.baseUrl}/`;
  return {
    feedId: retired.feedId,
    title: `${site.name} · ${retired.name} (ended)`,
    description: explanation,
    siteName: site.name,
    siteUrl: home,
    htmlUrl: home,
    selfUrl: `${site.baseUrl}${feedPath(format, retired.slug)}`,
    updated: updated || '2000-01-01',
    language: site.language,
    iconUrl: `${site.baseUrl}/favicon.svg`,
    stylesheetUrl: '/feed.xsl',
    entityScheme: `${site.baseUrl}/entities/`,
    items: [
      {
        guid: retired.noticeId,
        id: retired.noticeId.slice(-16).replaceAll('-', '0'),
        title: `This feed has ended: ${retired.name} is no longer published`,
        url: home,
        date: updated || '2000-01-01',
        summary: explanation,
        contentHtml: `<p>${escapeHtml(explanation)}</p>`,
        source: '',
        entities: [],
      },
    ],
  };
}
