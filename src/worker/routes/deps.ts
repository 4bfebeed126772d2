// What every route module is given: the index and its views, built once per isolate, and small shared helpers.
import type { Hono } from 'hono';
import { type CorpusIndex, packSlot } from '../../contract/corpus-index.js';
import { CONTENT_TYPES, FEED_FORMATS } from '../feeds/types.js';
import type { FeedLink } from '../pages/layout.js';
import type { SiteView } from '../pages/views.js';
import type { Env, Site } from '../site.js';
import { ArticleStore } from '../store/article-store.js';
import { CorpusView } from '../store/corpus-view.js';
import { feedPath } from '../urls.js';

export type AppEnv = { Bindings: Env; Variables: { site: Site } };
export type App = Hono<AppEnv>;

export interface RouteDeps {
  corpus: CorpusIndex;
  view: CorpusView;
  store: ArticleStore;
  /** The content pack an article rank is in: the page selection's budget counts packs. */
  packOf: (rank: number) => number;
}

export function routeDeps(corpus: CorpusIndex): RouteDeps {
  const view = new CorpusView(corpus);
  const count = view.articles.count;
  return { corpus, view, store: new ArticleStore(corpus), packOf: (rank) => packSlot(rank, count).pack };
}

const FORMAT_NAMES = { atom: 'Atom', rss: 'RSS', json: 'JSON Feed' } as const;

export const siteView = (site: Site): SiteView => ({
  name: site.name,
  language: site.language,
  description: site.description,
});

/** Autodiscovery links of a feed in every format, for the page's head and its subscribe block. */
export function feedLinks(site: Site, title: string, slug?: string): FeedLink[] {
  return FEED_FORMATS.map((format) => ({
    title: `${title} · ${FORMAT_NAMES[format]}`,
    type: CONTENT_TYPES[format].split(';')[0]!,
    href: `${site.baseUrl}${feedPath(format, slug)}`,
  }));
}

/** The feed items of a page: its articles' text read from the content packs, in rank order. */
export async function feedItems(deps: RouteDeps, env: Env | undefined, ranks: number[], baseUrl: string) {
  const contents = await deps.store.get(env?.ASSETS, ranks);
  return ranks.map((rank, i) => deps.view.feedItem(rank, contents[i]!, baseUrl));
}
