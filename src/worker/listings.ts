// Whole-site listings: OPML of every feed, sitemap of every page.
import { escapeHtml } from '../text/escape.js';
import type { CorpusIndex, EntityType } from '../model.js';
import type { CorpusView } from './corpus-view.js';
import type { Site } from './site.js';
import { articlePath, feedPath, entityPath } from './urls.js';
import { httpDate } from './http.js';

const GROUPS: Record<EntityType, string> = { person: 'People', organization: 'Organizations', place: 'Places' };

/** OPML 2.0 listing the site feed and every entity feed (Atom), grouped by type, for one-step subscription. */
export function opml(corpus: CorpusIndex, site: Site): string {
  const outline = (text: string, feedUrl: string, htmlUrl: string) =>
    `<outline type="rss" text="${escapeHtml(text)}" title="${escapeHtml(text)}" xmlUrl="${escapeHtml(feedUrl)}" htmlUrl="${escapeHtml(htmlUrl)}"/>`;
  const groups = (Object.keys(GROUPS) as EntityType[]).map((type) => {
    const entities = corpus.entities.filter((entity) => entity.type === type);
    if (entities.length === 0) return '';
    const children = entities.map((entity) => `      ${outline(`${site.name} · ${entity.name}`, `${site.baseUrl}${feedPath('atom', entity.slug)}`, `${site.baseUrl}${entityPath(entity.slug)}`)}`);
    return `    <outline text="${GROUPS[type]}" title="${GROUPS[type]}">\n${children.join('\n')}\n    </outline>\n`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<opml version="2.0">
  <head>
    <title>${escapeHtml(site.name)}: all feeds</title>
    <dateModified>${httpDate(corpus.updated)}</dateModified>
  </head>
  <body>
    ${outline(site.name, `${site.baseUrl}${feedPath('atom')}`, `${site.baseUrl}/`)}
${groups.join('')}  </body>
</opml>
`;
}

/** sitemap.xml: home, every entity page and every article page (one file holds up to 50,000 URLs). */
export function sitemap(view: CorpusView, site: Site): string {
  const { corpus, articles } = view;
  const url = (loc: string, lastmod?: string) => `  <url><loc>${escapeHtml(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`;
  const lines = [
    url(`${site.baseUrl}/`, corpus.updated || undefined),
    ...corpus.entities.map((entity) => url(`${site.baseUrl}${entityPath(entity.slug)}`, entity.updated || undefined)),
    ...Array.from({ length: Math.min(articles.count, 50_000) }, (_, rank) => url(`${site.baseUrl}${articlePath(articles.id(rank))}`, articles.date(rank))),
  ].slice(0, 50_000);
  return `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${lines.join('\n')}\n</urlset>\n`;
}
