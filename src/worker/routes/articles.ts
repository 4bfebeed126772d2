// GET /articles/:id: the HTML page every feed item links to.
import { HTML_HEADERS, problem } from '../http/headers.js';
import { articlePage } from '../pages/views.js';
import { articlePath } from '../urls.js';
import { answerRendered, validatorsFor } from './answer.js';
import { type App, feedLinks, type RouteDeps, siteView } from './deps.js';

const ID = /^[0-9a-f]{16}$/;

export function articleRoutes(app: App, { view, store }: RouteDeps): void {
  const articles = view.articles;
  app.get('/articles/:id', (c) => {
    const site = c.get('site');
    const id = c.req.param('id');
    const rank = ID.test(id) ? articles.rankOf(id) : undefined;
    if (rank === undefined) return problem(404, 'No such article.');
    const date = articles.date(rank);
    return answerRendered(c, {
      validators: validatorsFor(site, articles.version(rank), date, 'article'),
      headers: HTML_HEADERS,
      body: `article|${id}`,
      render: async () => {
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
            entities: content!.entities.map((index) =>
              view.entityLink(index, site.baseUrl, content!.about?.includes(index) ?? false),
            ),
          }),
        );
      },
    });
  });
}
