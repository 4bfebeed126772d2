// The "combine" form on an entity page and the page it leads to: plain HTML forms (GET), no JavaScript (the CSP
// allows none), that build a combined feed's URLs for the visitor to copy.
import { html } from 'hono/html';
import { type FeedLink, layout, type Markup } from './layout.js';
import type { SiteView } from './views.js';

export interface CombineOption {
  slug: string;
  name: string;
}

/** The form: another entity (the related ones), required or excluded, and about-only. */
export function combineForm(props: { slug: string; name: string; options: CombineOption[] }): Markup {
  return html`<section class="subscribe" aria-labelledby="combine"><h2 id="combine">Combine with another entity</h2>
<form class="combine" method="get" action="/entities/${props.slug}/combine">
<p><label for="combine-other">Other entity</label><br><select id="combine-other" name="other">
<option value="">None: ${props.name} alone</option>
${props.options.map((option) => html`<option value="${option.slug}">${option.name}</option>`)}
</select></p>
<fieldset><legend>Articles that</legend>
<label><input type="radio" name="mode" value="all" checked> also mention the other entity</label><br>
<label><input type="radio" name="mode" value="none"> do not mention it</label>
</fieldset>
<p><label><input type="checkbox" name="role" value="about"> Only articles about ${props.name}</label></p>
<p><button type="submit">Show the feed addresses</button></p>
</form></section>`;
}

export function combinePage(props: {
  site: SiteView;
  canonical: string;
  title: string;
  entityName: string;
  entityUrl: string;
  feeds: FeedLink[];
}): Markup {
  const body = html`<h1>${props.title}</h1>
<section class="subscribe" aria-labelledby="addresses"><h2 id="addresses">Feed addresses</h2>
<p>Copy one of these addresses into your feed reader:</p>
${props.feeds.map(
  (
    feed,
    index,
  ) => html`<p><label for="feed-${index}">${feed.title}</label> (<a href="${feed.href}">open</a>)<br><input \
id="feed-${index}" class="copy" type="text" readonly value="${feed.href}"></p>`,
)}
</section>
<p><a href="${props.entityUrl}">Back to ${props.entityName}</a></p>`;
  return layout({
    siteName: props.site.name,
    language: props.site.language,
    // The heading names the site already ("Wirefeed · Elon Musk and SpaceX").
    title: props.title,
    description: `Feed addresses for ${props.title}.`,
    canonical: props.canonical,
    feeds: props.feeds,
    body,
  });
}
