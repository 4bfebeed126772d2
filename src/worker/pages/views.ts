import { html, raw } from 'hono/html';
import type { EntityType } from '../../contract/corpus-index.js';
import { type CombineOption, combineForm } from './combine.js';
import { type FeedLink, layout, type Markup } from './layout.js';

export interface SiteView {
  name: string;
  language: string;
  description: string;
}

export interface ArticleLink {
  title: string;
  url: string;
  date: string;
  summary: string;
}

export interface EntityLink {
  name: string;
  type: EntityType;
  url: string;
  count: number;
  /** On an article page: whether the article is about the entity (JSON-LD `about`) or mentions it (`mentions`). */
  about?: boolean;
}

const TYPE_HEADINGS: Record<EntityType, string> = { person: 'People', organization: 'Organizations', place: 'Places' };
const SCHEMA_TYPES: Record<EntityType, string> = { person: 'Person', organization: 'Organization', place: 'Place' };
const TYPE_LABELS: Record<EntityType, string> = { person: 'Person', organization: 'Organization', place: 'Place' };

function longDate(isoDay: string): string {
  return new Date(`${isoDay}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** The lead, shortened at a word boundary for lists. */
function excerpt(text: string, max = 220): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

function articleList(articles: ArticleLink[]): Markup {
  if (articles.length === 0) return html`<p>No articles yet.</p>`;
  return html`<ol class="articles">
${articles.map(
  (article) => html`<li dir="auto"><a class="title" href="${article.url}">${article.title}</a>
<div class="meta"><time datetime="${article.date}">${longDate(article.date)}</time></div>
<p class="excerpt">${excerpt(article.summary)}</p></li>
`,
)}</ol>`;
}

function entityChips(entities: EntityLink[], label: string): Markup {
  return html`<ul class="entities" aria-label="${label}">
${entities.map(
  (entity) => html`<li><a href="${entity.url}">${entity.name} <span \
class="count">${entity.count}</span></a></li>`,
)}
</ul>`;
}

/** Readers that subscribe from a link: the feed URL goes in their query. */
const ONE_CLICK_READERS: Array<[string, (url: string) => string]> = [
  ['Feedly', (url) => `https://feedly.com/i/subscription/feed/${encodeURIComponent(url)}`],
  ['Inoreader', (url) => `https://www.inoreader.com/?add_feed=${encodeURIComponent(url)}`],
  ['NewsBlur', (url) => `https://www.newsblur.com/?url=${encodeURIComponent(url)}`],
  ['The Old Reader', (url) => `https://theoldreader.com/feeds/subscribe?url=${encodeURIComponent(url)}`],
];

export function homePage(props: {
  site: SiteView;
  canonical: string;
  feeds: FeedLink[];
  articles: ArticleLink[];
  entities: EntityLink[];
  /** The directory filter, from `?q=`: works without JavaScript. */
  filter: string;
}): Markup {
  const groups = (['person', 'organization', 'place'] as const).map((type) => ({
    type,
    entities: props.entities.filter((entity) => entity.type === type),
  }));
  const body = html`<h1>Latest news</h1>
<p class="meta">${props.site.description}</p>
${articleList(props.articles)}
<h2 id="entities">Follow a person, organization or place</h2>
<p>Each has its own feed. <a href="/feeds.opml">Subscribe to all of them at once (OPML)</a> or <a \
href="/entities.json">browse the list as JSON</a>.</p>
<form class="filter" method="get" action="/#entities" role="search">
<label for="q">Find</label>
<input id="q" name="q" type="search" value="${props.filter}" placeholder="A name, e.g. Musk" maxlength="100">
<button type="submit">Filter</button>
${props.filter ? html`<a href="/#entities">Show all</a>` : ''}
</form>
${groups.map(
  ({ type, entities }) => html`<section aria-labelledby="type-${type}"><h3 id="type-${type}">${TYPE_HEADINGS[type]} \
(${entities.length})</h3>
${entities.length ? entityChips(entities, TYPE_HEADINGS[type]) : html`<p>None yet.</p>`}</section>
`,
)}`;
  return layout({
    siteName: props.site.name,
    language: props.site.language,
    title: props.site.name,
    description: props.site.description,
    canonical: props.canonical,
    feeds: props.feeds,
    body,
  });
}

export function entityPage(props: {
  site: SiteView;
  canonical: string;
  name: string;
  type: EntityType;
  aliases: string[];
  count: number;
  feeds: FeedLink[];
  articles: ArticleLink[];
  olderUrl?: string;
  related: EntityLink[];
  /** The entity's icon (same origin: the CSP allows only 'self' images). */
  iconPath: string;
  slug: string;
  /** Entities the combine form offers (the related ones). */
  combineWith: CombineOption[];
}): Markup {
  const description = `News about ${props.name} (${TYPE_LABELS[props.type].toLowerCase()}) \
from ${props.site.name}: ${props.count} article${props.count === 1 ? '' : 's'}.`;
  const body = html`<img class="entity-icon" src="${props.iconPath}" alt="" width="48" height="48">
<h1>${props.name}</h1>
<p class="meta">${TYPE_LABELS[props.type]} · ${props.count} \
article${props.count === 1 ? '' : 's'}${
    props.aliases.length
      ? html` · also \
written ${props.aliases.join(', ')}`
      : ''
  }</p>
<section class="subscribe" aria-labelledby="subscribe"><h2 id="subscribe">Subscribe to ${props.name}</h2>
<p>Copy one of these addresses into your feed reader:</p>
${props.feeds.map((feed, index) => {
  const label = feed.title.replace(/^.* · /, '');
  return html`<p><label for="feed-${index}">${label}</label> (<a href="${feed.href}">open</a>)<br><input \
id="feed-${index}" class="copy" type="text" readonly value="${feed.href}"></p>`;
})}
<p>Or subscribe in one click:
${ONE_CLICK_READERS.map(
  ([name, link], index) => html`${index ? ', ' : ''}<a \
href="${link(props.feeds[0]!.href)}">${name}</a>`,
)}.</p>
</section>
${combineForm({ slug: props.slug, name: props.name, options: props.combineWith })}
<h2>Articles</h2>
${articleList(props.articles)}
${props.olderUrl ? html`<p><a href="${props.olderUrl}" rel="next">Older articles</a></p>` : ''}
${props.related.length ? html`<h2>Related</h2>${entityChips(props.related, `Related to ${props.name}`)}` : ''}`;
  return layout({
    siteName: props.site.name,
    language: props.site.language,
    title: `${props.name} · ${props.site.name}`,
    description,
    canonical: props.canonical,
    feeds: props.feeds,
    body,
  });
}

const schemaThing = (entity: EntityLink) => ({
  '@type': SCHEMA_TYPES[entity.type],
  name: entity.name,
  url: entity.url,
});

export function articlePage(props: {
  site: SiteView;
  siteUrl: string;
  canonical: string;
  feeds: FeedLink[];
  title: string;
  date: string;
  summary: string;
  contentHtml: string;
  source: string;
  entities: EntityLink[];
}): Markup {
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: props.title,
    description: props.summary.slice(0, 300),
    datePublished: `${props.date}T00:00:00Z`,
    dateModified: `${props.date}T00:00:00Z`,
    mainEntityOfPage: props.canonical,
    url: props.canonical,
    publisher: { '@type': 'Organization', name: props.site.name, url: props.siteUrl },
    about: props.entities.filter((entity) => entity.about).map(schemaThing),
    mentions: props.entities.filter((entity) => !entity.about).map(schemaThing),
  };
  // JSON-LD is data, never run (the CSP allows no scripts); "<" is escaped so no text can close the element.
  const head = html`<meta property="article:published_time" content="${props.date}T00:00:00Z">
<script type="application/ld+json">${raw(JSON.stringify(jsonLd).replace(/</g, '\\u003c'))}</script>`;
  const body = html`<article class="story" dir="auto">
<h1>${props.title}</h1>
<p class="meta"><time datetime="${props.date}">${longDate(props.date)}</time></p>
${raw(props.contentHtml)}
</article>
${props.entities.length ? html`<h2>In this article</h2>${entityChips(props.entities, 'Entities in this article')}` : ''}
<p class="meta">Source file: ${props.source}</p>`;
  return layout({
    siteName: props.site.name,
    language: props.site.language,
    title: `${props.title} · ${props.site.name}`,
    description: props.summary.slice(0, 300),
    canonical: props.canonical,
    feeds: props.feeds,
    body,
    ogType: 'article',
    head,
  });
}
