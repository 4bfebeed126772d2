// GET /entities/:slug/combine?other=…&mode=all|none&role=about: what the entity page's combine form submits; a
// page with the combined feed's canonical URLs, in every format, to copy.
import { canonicalQuery, combinationTitle, normalize, parseRole, singleEntity } from '../combination.js';
import { CONTENT_TYPES, FEED_FORMATS } from '../feeds/types.js';
import { HTML_HEADERS, NO_SUCH_ENTITY, problem } from '../http/headers.js';
import { combinePage } from '../pages/combine.js';
import { entityPath, feedPath } from '../urls.js';
import { answerRendered, validatorsFor } from './answer.js';
import { type App, type RouteDeps, siteView } from './deps.js';
import { retiredAnswer } from './retired.js';

const FORMAT_NAMES = { atom: 'Atom', rss: 'RSS', json: 'JSON Feed' } as const;

export function combinePageRoutes(app: App, deps: RouteDeps): void {
  app.get('/entities/:slug/combine', (c) => {
    const site = c.get('site');
    const slug = c.req.param('slug');
    const entity = deps.view.entity(slug);
    if (!entity) return retiredAnswer(c, deps, slug, undefined, 'combine') ?? problem(404, NO_SUCH_ENTITY);
    const other = c.req.query('other') ?? '';
    const mode = c.req.query('mode') ?? 'all';
    const role = parseRole(new URL(c.req.url).searchParams);
    if ('parameter' in role) return problem(400, `Bad query parameter "role": ${role.message}.`);
    if (mode !== 'all' && mode !== 'none') return problem(400, 'Bad query parameter "mode": mode must be all or none.');
    if (other !== '' && !deps.view.entity(other)) return problem(404, `No such entity: "other". ${NO_SUCH_ENTITY}`);
    if (other === slug) return problem(400, 'Bad query parameter "other": choose another entity than this one.');

    const combination = normalize({
      all: other && mode === 'all' ? [slug, other] : [slug],
      any: [],
      none: other && mode === 'none' ? [other] : [],
      ...role,
    });
    const single = singleEntity(combination);
    const query = canonicalQuery(single ? { all: [], any: [], none: [], ...role } : combination);
    const url = (format: (typeof FEED_FORMATS)[number]) =>
      `${site.baseUrl}${feedPath(format, single)}${query ? `?${query}` : ''}`;
    const names = (slugs: string[]) => slugs.map((name) => deps.view.entity(name)!.entry.name);
    const title = combinationTitle({
      all: names(combination.all),
      any: [],
      none: names(combination.none),
      ...role,
    });
    const variant = `combine|${slug}|${other}|${mode}|${role.role ?? ''}`;
    return answerRendered(c, {
      validators: validatorsFor(site, deps.corpus.version, deps.corpus.updated, variant),
      headers: HTML_HEADERS,
      body: variant,
      render: async () =>
        String(
          combinePage({
            site: siteView(site),
            canonical: `${site.baseUrl}${entityPath(slug)}/combine`,
            title: `${site.name} · ${title}`,
            entityName: entity.entry.name,
            entityUrl: `${site.baseUrl}${entityPath(slug)}`,
            feeds: FEED_FORMATS.map((format) => ({
              title: FORMAT_NAMES[format],
              type: CONTENT_TYPES[format].split(';')[0]!,
              href: url(format),
            })),
          }),
        ),
    });
  });
}
