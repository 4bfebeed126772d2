import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface FeedLink {
  title: string;
  type: string;
  href: string;
}

export interface LayoutProps {
  siteName: string;
  language: string;
  title: string;
  description: string;
  canonical: string;
  feeds: FeedLink[];
  body: Markup;
  /** Open Graph type: "website" or "article". */
  ogType?: 'website' | 'article';
  /** Extra head markup (JSON-LD, article times). */
  head?: Markup;
}

export function layout(props: LayoutProps): Markup {
  return html`<!doctype html>
<html lang="${props.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${props.title}</title>
<meta name="description" content="${props.description}">
<link rel="canonical" href="${props.canonical}">
<meta property="og:type" content="${props.ogType ?? 'website'}">
<meta property="og:title" content="${props.title}">
<meta property="og:description" content="${props.description}">
<meta property="og:url" content="${props.canonical}">
<meta property="og:site_name" content="${props.siteName}">
<meta name="twitter:card" content="summary">
${props.head ?? ''}
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/style.css">
${props.feeds.map(
  (feed) => html`<link rel="alternate" type="${feed.type}" title="${feed.title}" \
href="${feed.href}">\n`,
)}
</head>
<body>
<header class="site"><a class="brand" href="/">${props.siteName}</a>
<nav aria-label="Site"><a href="/#entities">Entities</a><a href="/feed.atom">Feed</a><a \
href="/feeds.opml">OPML</a></nav></header>
<main>
${props.body}
</main>
<footer class="site">${props.siteName}: every person, organization and place in the news has its own feed, in \
Atom, RSS and JSON Feed.</footer>
</body>
</html>
`;
}
