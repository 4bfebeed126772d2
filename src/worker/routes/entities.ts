// GET /entities.json (every entity, most-mentioned first) and GET /entities/:slug (its HTML page).

import { FEED_FORMATS } from '../feeds/types.js';
import { dataHeaders, HTML_HEADERS, NO_SUCH_ENTITY, problem } from '../http/headers.js';
import { entityPage } from '../pages/views.js';
import { isQueryError, page, parsePageQuery } from '../store/paging.js';
import { entityPath, feedPath, withPage } from '../urls.js';
import { answerRendered, validatorsFor } from './answer.js';
import { type App, feedLinks, type RouteDeps, siteView } from './deps.js';
import { iconPath } from './icons.js';
import { retiredAnswer } from './retired.js';

const ENTITY_PAGE_ARTICLES = 50;

export function entityRoutes(app: App, deps: RouteDeps): void {
  const { corpus, view, store } = deps;

  app.get('/entities.json', (c) => {
    const site = c.get('site');
    const entities = () =>
      corpus.entities.map((entity) => ({
        slug: entity.slug,
        name: entity.name,
        type: entity.type,
        count: entity.count,
        about: entity.about,
        aliases: entity.aliases,
        url: `${site.baseUrl}${entityPath(entity.slug)}`,
        feeds: Object.fromEntries(
          FEED_FORMATS.map((format) => [format, `${site.baseUrl}${feedPath(format, entity.slug)}`]),
        ),
        related: entity.related,
      }));
    return answerRendered(c, {
      validators: validatorsFor(site, corpus.version, corpus.updated, 'entities.json'),
      headers: dataHeaders('application/json; charset=utf-8'),
      body: 'entities.json',
      render: async () => JSON.stringify(entities()),
    });
  });

  app.get('/entities/:slug', (c) => {
    const site = c.get('site');
    const found = view.entity(c.req.param('slug'));
    if (!found) return retiredAnswer(c, deps, c.req.param('slug')) ?? problem(404, NO_SUCH_ENTITY);
    const entity = found.entry;
    const query = parsePageQuery((name) => c.req.query(name), ENTITY_PAGE_ARTICLES);
    if (isQueryError(query)) return problem(400, `Bad query parameter "${query.parameter}": ${query.message}.`);
    const selected = page(view.articles, found.ranks(), query, deps.packOf);
    const pageUrl = `${site.baseUrl}${entityPath(entity.slug)}`;
    const variant = `entity|${query.limit}|${query.cursor ?? ''}`;
    const olderLimit = query.limit === ENTITY_PAGE_ARTICLES ? undefined : query.limit;
    return answerRendered(c, {
      validators: validatorsFor(site, entity.version, entity.updated, variant),
      headers: HTML_HEADERS,
      body: `${variant}|${entity.slug}`,
      render: async () => {
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
            ...(selected.next ? { olderUrl: withPage(pageUrl, selected.next, olderLimit) } : {}),
            related: entity.related.map((slug) => view.entityLink(view.entityIndex(slug)!, site.baseUrl)),
            iconPath: iconPath(entity.slug, 'icon.svg'),
            slug: entity.slug,
            combineWith: entity.related.map((slug) => ({ slug, name: view.entity(slug)!.entry.name })),
          }),
        );
      },
    });
  });
}
