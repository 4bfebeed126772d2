// GET /new-entities.{atom,rss,json}: one item per entity, dated the day it first appeared (its oldest article),
// newest first, linking to its page: subscribe to learn of every new person, organization and place.
import type { Context } from 'hono';
import type { EntityEntry } from '../../contract/corpus-index.js';
import { escapeHtml } from '../../contract/escape.js';
import { renderFeed } from '../feeds/render.js';
import { CONTENT_TYPES, FEED_FORMATS, type FeedFormat, type FeedItem } from '../feeds/types.js';
import { feedUrn, uuidV5 } from '../feeds/uuid.js';
import { dataHeaders, problem } from '../http/headers.js';
import type { Site } from '../site.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../store/paging.js';
import { entityPath } from '../urls.js';
import { answerRendered, validatorsFor } from './answer.js';
import type { App, AppEnv, RouteDeps } from './deps.js';

const TYPE_WORDS = { person: 'person', organization: 'organization', place: 'place' } as const;

export const newEntitiesPath = (format: FeedFormat) => `/new-entities.${format}`;

export function newEntityRoutes(app: App, deps: RouteDeps): void {
  // First appearance, newest first, then by slug: fixed by the build.
  const byFirst = [...deps.corpus.entities].sort((a, b) =>
    a.first !== b.first ? (a.first < b.first ? 1 : -1) : a.slug < b.slug ? -1 : 1,
  );
  for (const format of FEED_FORMATS) app.get(newEntitiesPath(format), (c) => serve(c, deps, byFirst, format));
}

function serve(c: Context<AppEnv>, deps: RouteDeps, byFirst: EntityEntry[], format: FeedFormat) {
  const site = c.get('site');
  const limitText = c.req.query('limit');
  const limit = limitText === undefined ? DEFAULT_LIMIT : Number(limitText);
  if (limitText !== undefined && (!/^\d{1,4}$/.test(limitText) || limit < 1 || limit > MAX_LIMIT)) {
    return problem(400, `Bad query parameter "limit": limit must be a whole number from 1 to ${MAX_LIMIT}.`);
  }
  const forBrowser = format !== 'json' && (c.req.header('Accept') ?? '').includes('text/html');
  const body = `new-entities|${format}|${limit}`;
  const newest = byFirst[0]?.first ?? '';
  return answerRendered(c, {
    validators: validatorsFor(site, deps.corpus.version, newest, `${body}|${forBrowser}`),
    headers: dataHeaders(forBrowser ? 'application/xml; charset=utf-8' : CONTENT_TYPES[format], { Vary: 'Accept' }),
    body,
    render: async () => {
      const items = await Promise.all(byFirst.slice(0, limit).map((entity) => newEntityItem(entity, site)));
      const selfUrl = `${site.baseUrl}${newEntitiesPath(format)}${limit === DEFAULT_LIMIT ? '' : `?limit=${limit}`}`;
      return renderFeed(format, {
        feedId: await feedUrn('new-entities'),
        title: `${site.name} · New entities`,
        description: `Each person, organization and place the first time it appears in ${site.name}.`,
        siteName: site.name,
        siteUrl: `${site.baseUrl}/`,
        htmlUrl: `${site.baseUrl}/`,
        selfUrl,
        updated: newest,
        ...(items[0] ? { updatedId: items[0].id } : {}),
        language: site.language,
        iconUrl: `${site.baseUrl}/favicon.svg`,
        stylesheetUrl: '/feed.xsl',
        entityScheme: `${site.baseUrl}/entities/`,
        ...(site.hubUrl ? { hubUrl: site.hubUrl } : {}),
        items,
      });
    },
  });
}

async function newEntityItem(entity: EntityEntry, site: Site): Promise<FeedItem> {
  const uuid = await uuidV5(`new-entity:${entity.slug}`);
  const url = `${site.baseUrl}${entityPath(entity.slug)}`;
  const summary =
    `${entity.name} (${TYPE_WORDS[entity.type]}) first appeared in ${site.name} on ${entity.first}; ` +
    `${entity.count} article${entity.count === 1 ? '' : 's'} so far.`;
  return {
    guid: `urn:uuid:${uuid}`,
    // A hex id of its own (Atom's per-entry `updated` offset is drawn from it), from the slug alone.
    id: uuid.replaceAll('-', '').slice(-16),
    title: `New ${TYPE_WORDS[entity.type]}: ${entity.name}`,
    url,
    date: entity.first,
    summary,
    contentHtml: `<p>${escapeHtml(summary)}</p>`,
    source: '',
    entities: [{ slug: entity.slug, name: entity.name, type: entity.type, url, role: 'about' }],
  };
}
