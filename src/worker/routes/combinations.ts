// Combined feeds on the site feed URLs: /feed.atom?all=elon-musk,spacex&none=tesla. Parsed, resolved (retired slugs
// give way to their successors), redirected to the one canonical URL, then paged over merged rank lists.
import type { Context } from 'hono';
import {
  type Combination,
  canonicalQuery,
  combinationDescription,
  combinationTitle,
  isEmpty,
  normalize,
  parseCombination,
  singleEntity,
  spelledQuery,
} from '../combination.js';
import { renderFeed } from '../feeds/render.js';
import { CONTENT_TYPES, type FeedDocument, type FeedFormat } from '../feeds/types.js';
import { feedUrn } from '../feeds/uuid.js';
import { notModified } from '../http/conditional.js';
import { dataHeaders, problem } from '../http/headers.js';
import { fnv1a, type Site } from '../site.js';
import { isQueryError, type PageQuery, pageOfSet, parsePageQuery } from '../store/paging.js';
import { combinedSet, type RankLists } from '../store/rank-sets.js';
import { feedPath } from '../urls.js';
import { answerRendered, validatorsFor } from './answer.js';
import { type AppEnv, feedItems, type RouteDeps } from './deps.js';
import { movedPermanently } from './retired.js';

const badQuery = (error: { parameter: string; message: string }) =>
  problem(400, `Bad query parameter "${error.parameter}": ${error.message}.`);

/**
 * A feed request with `all`, `any` or `none`: on the site feed, or on an entity's feed (`slug`, which joins
 * `all` and is redirected to the site feed's URL for the combination).
 */
export function serveCombination(c: Context<AppEnv>, deps: RouteDeps, format: FeedFormat, slug?: string) {
  const url = new URL(c.req.url);
  const parsed = parseCombination(url.searchParams);
  if ('parameter' in parsed) return badQuery(parsed);
  const query = parsePageQuery((name) => c.req.query(name));
  if (isQueryError(query)) return badQuery(query);
  if (slug !== undefined) parsed.all.push(slug);
  const resolved = resolve(deps, parsed);
  if (typeof resolved === 'string')
    return problem(404, `No such entity: "${resolved}". The list is at /entities.json.`);

  const combination = normalize(resolved);
  const site = c.get('site');
  const single = singleEntity(combination);
  if (single !== undefined || isEmpty(combination)) {
    const path = feedPath(format, single);
    const search = canonicalQuery({ all: [], any: [], none: [], ...(single ? { role: combination.role } : {}) }, query);
    return movedPermanently(`${site.baseUrl}${path}${search ? `?${search}` : ''}`);
  }
  const canonical = canonicalQuery(combination, query);
  if (slug !== undefined || spelledQuery(url.search) !== canonical) {
    return movedPermanently(`${site.baseUrl}${feedPath(format)}?${canonical}`);
  }
  return answerCombination(c, deps, format, combination, query);
}

/** Every slug resolved to a served entity (a retired one to its successor); or the first slug that is not one. */
function resolve(deps: RouteDeps, combination: Combination): Combination | string {
  const resolved: Combination = { all: [], any: [], none: [], ...(combination.role ? { role: combination.role } : {}) };
  for (const list of ['all', 'any', 'none'] as const) {
    for (const slug of combination[list]) {
      const target = deps.view.entity(slug) ? slug : deps.view.retired(slug)?.to;
      if (!target || !deps.view.entity(target)) return slug;
      resolved[list].push(target);
    }
  }
  return resolved;
}

/** `role=about` draws `all` and `any` from the about-articles; `none` always excludes every mention. */
function rankLists(deps: RouteDeps, combination: Combination): RankLists {
  const about = combination.role === 'about';
  const ranks = (slugs: string[], role: boolean) =>
    slugs.map((slug) => (role ? deps.view.entity(slug)!.aboutRanks() : deps.view.entity(slug)!.ranks()));
  return {
    all: ranks(combination.all, about),
    any: ranks(combination.any, about),
    none: ranks(combination.none, false),
  };
}

/**
 * The build-time versions the combination's articles depend on: those of its entities (an article joining or
 * leaving any of them changes that entity's version), and the corpus's when it starts from every article.
 */
function combinationVersion(deps: RouteDeps, combination: Combination): string {
  const versions = (['all', 'any', 'none'] as const).map(
    (list) => `${list}:${combination[list].map((slug) => deps.view.entity(slug)!.entry.version).join(',')}`,
  );
  const wholeSite = combination.all.length === 0 && combination.any.length === 0;
  return fnv1a(`${versions.join('|')}|${combination.role ?? ''}|${wholeSite ? deps.corpus.version : ''}`);
}

function answerCombination(
  c: Context<AppEnv>,
  deps: RouteDeps,
  format: FeedFormat,
  combination: Combination,
  query: PageQuery,
) {
  const site = c.get('site');
  const lists = rankLists(deps, combination);
  const count = deps.view.articles.count;
  const newest = combinedSet(lists, count).seek(0);
  const updated = newest === undefined ? '' : deps.view.articles.date(newest);
  const forBrowser = format !== 'json' && (c.req.header('Accept') ?? '').includes('text/html');
  const body = `${format}|combination|${canonicalQuery(combination, query)}`;
  const validators = validatorsFor(site, combinationVersion(deps, combination), updated, `${body}|${forBrowser}`);
  const headers = dataHeaders(forBrowser ? 'application/xml; charset=utf-8' : CONTENT_TYPES[format], {
    Vary: 'Accept',
  });
  const unchanged = notModified(c, validators, headers, true);
  if (unchanged) return unchanged;

  const selected = pageOfSet(deps.view.articles, combinedSet(lists, count), query, deps.packOf);
  const feedUrl = (page: PageQuery) => `${site.baseUrl}${feedPath(format)}?${canonicalQuery(combination, page)}`;
  const nextUrl = selected.next ? feedUrl({ ...query, cursor: selected.next }) : undefined;
  if (nextUrl) Object.assign(headers, { Link: `<${nextUrl}>; rel="next"` });
  const selfUrl = feedUrl(query);

  return answerRendered(c, {
    validators,
    headers,
    body,
    render: async () => {
      const items = await feedItems(deps, c.env, selected.ranks, site.baseUrl);
      const doc = await combinationDocument(deps, site, combination, { updated, newest, selfUrl, nextUrl });
      return renderFeed(format, { ...doc, items });
    },
  });
}

async function combinationDocument(
  deps: RouteDeps,
  site: Site,
  combination: Combination,
  page: { updated: string; newest: number | undefined; selfUrl: string; nextUrl: string | undefined },
): Promise<Omit<FeedDocument, 'items'>> {
  const names = (slugs: string[]) => slugs.map((slug) => deps.view.entity(slug)!.entry.name);
  const named = {
    all: names(combination.all),
    any: names(combination.any),
    none: names(combination.none),
    role: combination.role,
  };
  return {
    feedId: await feedUrn(`combination:${canonicalQuery(combination)}`),
    title: `${site.name} · ${combinationTitle(named)}`,
    description: combinationDescription(site.name, named),
    siteName: site.name,
    siteUrl: `${site.baseUrl}/`,
    htmlUrl: `${site.baseUrl}/`,
    selfUrl: page.selfUrl,
    ...(page.nextUrl ? { nextUrl: page.nextUrl } : {}),
    updated: page.updated,
    ...(page.newest !== undefined ? { updatedId: deps.view.articles.id(page.newest) } : {}),
    language: site.language,
    iconUrl: `${site.baseUrl}/favicon.svg`,
    stylesheetUrl: '/feed.xsl',
    ...(site.hubUrl ? { hubUrl: site.hubUrl } : {}),
    entityScheme: `${site.baseUrl}/entities/`,
    combination,
  };
}
