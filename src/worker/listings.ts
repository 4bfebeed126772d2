// Whole-site listings: OPML of every feed, sitemap of every page.

import type { CorpusIndex, EntityType } from '../contract/corpus-index.js';
import { escapeHtml } from '../contract/escape.js';
import { httpDate } from './http/conditional.js';
import type { Site } from './site.js';
import type { CorpusView } from './store/corpus-view.js';
import { articlePath, entityPath, feedPath } from './urls.js';

const GROUPS: Record<EntityType, string> = { person: 'People', organization: 'Organizations', place: 'Places' };

/** OPML 2.0 listing the site feed and every entity feed (Atom), grouped by type, for one-step subscription. */
export function opml(corpus: CorpusIndex, site: Site): string {
  const outline = (text: string, feedUrl: string, htmlUrl: string) =>
    `<outline type="rss" text="${escapeHtml(text)}" title="${escapeHtml(text)}" \
xmlUrl="${escapeHtml(feedUrl)}" htmlUrl="${escapeHtml(htmlUrl)}"/>`;
  const groups = (Object.keys(GROUPS) as EntityType[]).map((type) => {
    const entities = corpus.entities.filter((entity) => entity.type === type);
    if (entities.length === 0) return '';
    const children = entities.map((entity) => {
      const feedUrl = `${site.baseUrl}${feedPath('atom', entity.slug)}`;
      return `      ${outline(`${site.name} · ${entity.name}`, feedUrl, `${site.baseUrl}${entityPath(entity.slug)}`)}`;
    });
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

/** URLs per sitemap file: small enough that rendering one stays within a free-plan request's CPU time. */
export const SITEMAP_URLS = 5_000;

/** Home, every entity page, every article page: the URLs search engines should know, in a fixed order. */
function sitemapEntry(view: CorpusView, site: Site, position: number): { loc: string; lastmod?: string } {
  const { corpus, articles } = view;
  if (position === 0) return { loc: `${site.baseUrl}/`, lastmod: corpus.updated || undefined };
  const entity = corpus.entities[position - 1];
  if (entity) return { loc: `${site.baseUrl}${entityPath(entity.slug)}`, lastmod: entity.updated || undefined };
  const rank = position - 1 - corpus.entities.length;
  return { loc: `${site.baseUrl}${articlePath(articles.id(rank))}`, lastmod: articles.date(rank) };
}

export function sitemapParts(view: CorpusView): number {
  return Math.ceil((1 + view.corpus.entities.length + view.articles.count) / SITEMAP_URLS);
}

/** One sitemap of up to SITEMAP_URLS URLs; `part` counts from 1. */
export function sitemap(view: CorpusView, site: Site, part = 1): string {
  const total = 1 + view.corpus.entities.length + view.articles.count;
  const lines: string[] = [];
  for (let position = (part - 1) * SITEMAP_URLS; position < Math.min(total, part * SITEMAP_URLS); position++) {
    const { loc, lastmod } = sitemapEntry(view, site, position);
    lines.push(`  <url><loc>${escapeHtml(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`);
  }
  return `<?xml version="1.0" encoding="utf-8"?>\n<urlset \
xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${lines.join('\n')}\n</urlset>\n`;
}

/** A site with more URLs than one sitemap holds gets an index of parts, all at the root so they cover the site. */
export function sitemapIndex(view: CorpusView, site: Site): string {
  const parts = Array.from(
    { length: sitemapParts(view) },
    (_, i) =>
      `  <sitemap><loc>${escapeHtml(`${site.baseUrl}/sitemap-${i + 1}.xml`)}</loc>` +
      `<lastmod>${view.corpus.updated}</lastmod></sitemap>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>\n<sitemapindex \
xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${parts.join('\n')}\n</sitemapindex>\n`;
}
