import { Feed, type Item } from 'feed';
import { escapeHtml } from '../../contract/escape.js';
import { FEED_MAX_AGE } from '../http/headers.js';
import type { FeedDocument, FeedFormat, FeedItem } from './types.js';

/**
 * RSS `<ttl>`, in minutes: how long a reader may keep a copy, the feeds' Cache-Control max-age (600 s), so a
 * reader honouring either polls no more often than a cache refreshes.
 */
export const FEED_TTL_MINUTES = Math.round(FEED_MAX_AGE / 60);

// `feed` 6.0.0 defects this module works around (each one has a test in test/feeds.test.ts):
// - json1() writes JSON Feed version 1 with `author`; we need 1.1 with `authors` and `language` (and 1.0's
//   `author` at feed level beside them, for readers that know only 1.0).
// - Atom <title type="html"> is written without HTML-escaping: "Q&A" or "1 < 2" garble in readers.
// - Only the first `]]>` inside a CDATA section is split: a second one ends the section and breaks the XML.
// - No way to write RFC 5005 paging links or xml:lang; an RSS author without email is invalid (we write none),
//   an Atom entry without author is invalid unless the feed has one (we set the feed's).

const GENERATOR = 'Wirefeed';
// A noncharacter the parse stage strips from all input, so it can only come from here.
const CDATA_END_MARK = '\uFDD0';

/** Marks every `]]>` so that, after rendering, each can be split out of its CDATA section. */
function guardCdata(text: string): string {
  return text.replaceAll(']]>', `]]${CDATA_END_MARK}>`);
}

function splitGuardedCdata(xml: string): string {
  return xml.replaceAll(`]]${CDATA_END_MARK}>`, ']]]]><![CDATA[>');
}

const toDate = (isoDay: string) => new Date(`${isoDay}T00:00:00Z`);

/**
 * An Atom entry's `updated`: seeds give a day, not a time, and entries of one feed must not share one `updated`
 * (the W3C validator warns; readers use it to tell entries apart), so each article gets a fixed offset into its
 * day from its own random hex id. It never changes, so no reader sees a spurious update. `published` stays the
 * day at 00:00 UTC, as do RSS `pubDate` and JSON Feed's dates.
 */
export function entryUpdated(isoDay: string, id: string): Date {
  return new Date(toDate(isoDay).getTime() + (Number.parseInt(id.slice(0, 8), 16) % 86_400_000));
}

function newFeed(doc: FeedDocument, format: FeedFormat): Feed {
  return new Feed({
    id: doc.feedId,
    title: doc.title,
    description: doc.description,
    link: doc.htmlUrl,
    language: doc.language,
    updated: doc.updated
      ? format === 'atom' && doc.updatedId
        ? entryUpdated(doc.updated, doc.updatedId)
        : toDate(doc.updated)
      : new Date(0),
    generator: GENERATOR,
    ...(format === 'rss' ? { ttl: FEED_TTL_MINUTES } : {}),
    favicon: format === 'atom' ? doc.iconUrl : undefined,
    image: format === 'json' ? undefined : doc.imageUrl,
    hub: format === 'json' ? undefined : doc.hubUrl,
    feedLinks: { [format]: doc.selfUrl },
    // Browsers render the feed through it; readers ignore it.
    stylesheet: format === 'json' ? undefined : doc.stylesheetUrl,
    author: { name: doc.siteName, link: doc.siteUrl },
    copyright: undefined,
  });
}

function baseItem(item: FeedItem, doc: FeedDocument): Item {
  return {
    title: item.title,
    id: item.guid,
    guid: item.guid,
    link: item.url,
    date: toDate(item.date),
    published: toDate(item.date),
    description: item.summary,
    content: item.contentHtml,
    category: item.entities.map((entity) => ({
      name: entity.name,
      term: entity.slug,
      scheme: doc.entityScheme,
      domain: doc.entityScheme,
    })),
  };
}

export function renderAtom(doc: FeedDocument): string {
  const feed = newFeed(doc, 'atom');
  for (const item of doc.items) {
    const entry = baseItem(item, doc);
    entry.date = entryUpdated(item.date, item.id);
    // Atom title, summary and content are written as type="html": give them HTML.
    entry.title = guardCdata(escapeHtml(item.title));
    entry.description = guardCdata(escapeHtml(item.summary));
    entry.content = guardCdata(item.contentHtml);
    feed.addItem(entry);
  }
  let xml = splitGuardedCdata(feed.atom1());
  xml = xml.replace(
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeHtml(doc.language)}">`,
  );
  if (doc.nextUrl)
    xml = insertAfterSelfLink(xml, `<link rel="next" href="${escapeHtml(doc.nextUrl)}"/>`, '<link rel="self"');
  return xml;
}

export function renderRss(doc: FeedDocument): string {
  const feed = newFeed(doc, 'rss');
  for (const item of doc.items) {
    const entry = baseItem(item, doc);
    // RSS title is plain text; description and content:encoded are HTML.
    entry.title = guardCdata(item.title);
    entry.description = guardCdata(escapeHtml(item.summary));
    entry.content = guardCdata(item.contentHtml);
    feed.addItem(entry);
  }
  let xml = splitGuardedCdata(feed.rss2());
  if (doc.nextUrl) {
    xml = insertAfterSelfLink(
      xml,
      `<atom:link href="${escapeHtml(doc.nextUrl)}" rel="next" type="application/rss+xml"/>`,
      '<atom:link',
    );
  }
  return xml;
}

export function renderJson(doc: FeedDocument): string {
  const feed = newFeed(doc, 'json');
  for (const item of doc.items) {
    const entry = baseItem(item, doc);
    entry.extensions = [
      {
        name: '_wirefeed',
        objects: {
          id: item.id,
          source: item.source,
          entities: item.entities.map(({ slug, name, type, role }) => ({ slug, name, type, role })),
        },
      },
    ];
    feed.addItem(entry);
  }
  const json = JSON.parse(feed.json1()) as Record<string, unknown> & { items: Array<Record<string, unknown>> };
  const upgraded: Record<string, unknown> = {
    version: 'https://jsonfeed.org/version/1.1',
    title: json.title,
    home_page_url: json.home_page_url,
    feed_url: json.feed_url,
    ...(doc.nextUrl ? { next_url: doc.nextUrl } : {}),
    description: json.description,
    icon: doc.iconUrl,
    favicon: doc.iconUrl,
    authors: [{ name: doc.siteName, url: doc.siteUrl }],
    // 1.0's `author` too, as 1.1 allows: NetNewsWire reads only `author`. (The JSON Feed checker notes the
    // deprecation; test/support/feed-check.ts expects exactly that note.)
    author: { name: doc.siteName, url: doc.siteUrl },
    language: doc.language,
    ...(doc.hubUrl ? { hubs: [{ type: 'WebSub', url: doc.hubUrl }] } : {}),
    ...(doc.entity ? { _wirefeed: { entity: doc.entity } } : {}),
    ...(doc.combination ? { _wirefeed: { combination: doc.combination } } : {}),
    items: json.items.map(({ author: _author, ...item }) => {
      if (item.content_html === undefined && item.content_text === undefined) item.content_text = '';
      return item;
    }),
  };
  return JSON.stringify(upgraded);
}

export function renderFeed(format: FeedFormat, doc: FeedDocument): string {
  return format === 'atom' ? renderAtom(doc) : format === 'rss' ? renderRss(doc) : renderJson(doc);
}

function insertAfterSelfLink(xml: string, element: string, anchor: string): string {
  const start = xml.indexOf(anchor);
  if (start < 0) throw new Error('feed output has no self link to anchor a paging link');
  const end = xml.indexOf('/>', start) + 2;
  return `${xml.slice(0, end)}\n    ${element}${xml.slice(end)}`;
}
