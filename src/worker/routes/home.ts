// GET /: the newest articles and the entity directory, with an accent-insensitive filter (`?q=`).
import { HTML_HEADERS, problem } from '../http/headers.js';
import { homePage } from '../pages/views.js';
import { answerRendered, validatorsFor } from './answer.js';
import { type App, feedLinks, type RouteDeps, siteView } from './deps.js';

const HOME_ARTICLES = 20;
const MAX_FILTER = 100;

/** Case- and accent-insensitive matching for the directory filter: "zoe" finds "Zoë". */
function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function homeRoutes(app: App, { corpus, view, store }: RouteDeps): void {
  app.get('/', (c) => {
    const site = c.get('site');
    const filter = (c.req.query('q') ?? '').trim();
    if (filter.length > MAX_FILTER) return problem(400, `Bad query parameter "q": at most ${MAX_FILTER} characters.`);
    const wanted = foldForSearch(filter);
    const matches = (index: number) => {
      const entity = corpus.entities[index]!;
      return [entity.name, ...entity.aliases].some((name) => foldForSearch(name).includes(wanted));
    };
    const variant = `home|${filter}`;
    return answerRendered(c, {
      validators: validatorsFor(site, corpus.version, corpus.updated, variant),
      headers: HTML_HEADERS,
      body: variant,
      render: async () => {
        const ranks = Array.from({ length: Math.min(HOME_ARTICLES, view.articles.count) }, (_, rank) => rank);
        const contents = await store.get(c.env?.ASSETS, ranks);
        const entities = corpus.entities.flatMap((_, index) =>
          !wanted || matches(index) ? [view.entityLink(index, site.baseUrl)] : [],
        );
        return String(
          homePage({
            site: siteView(site),
            canonical: `${site.baseUrl}/`,
            feeds: feedLinks(site, site.name),
            articles: ranks.map((rank, i) => view.articleLink(rank, contents[i]!, site.baseUrl)),
            entities,
            filter,
          }),
        );
      },
    });
  });
}
