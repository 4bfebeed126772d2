// Reads served feeds with real parsers (feedsmith for Atom/RSS/JSON Feed, fast-xml-parser for well-formedness)
// into one shape, so the three formats can be compared item by item.
import { decodeHTML } from 'entities';
import { XMLValidator } from 'fast-xml-parser';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { expect } from 'vitest';

export interface ParsedItem {
  id: string;
  title: string;
  link: string;
  date: string;
  summary: string;
  content: string;
  categories: string[];
}

export interface ParsedFeed {
  title: string;
  selfUrl?: string;
  nextUrl?: string;
  htmlUrl?: string;
  updated?: string;
  items: ParsedItem[];
}

export function assertWellFormedXml(xml: string): void {
  const result = XMLValidator.validate(xml);
  expect(result, JSON.stringify(result)).toBe(true);
}

const textOf = (value: { value?: string; type?: string } | string | undefined): string => {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  const raw = value.value ?? '';
  return value.type === 'html' ? decodeHTML(raw) : raw;
};

export function parseAtom(xml: string): ParsedFeed {
  assertWellFormedXml(xml);
  const feed = parseAtomFeed(xml) as any;
  const link = (links: any[] | undefined, rel: string) => links?.find((l) => (l.rel ?? 'alternate') === rel)?.href;
  return {
    title: textOf(feed.title),
    selfUrl: link(feed.links, 'self'),
    nextUrl: link(feed.links, 'next'),
    htmlUrl: link(feed.links, 'alternate'),
    updated: feed.updated,
    items: (feed.entries ?? []).map((entry: any) => ({
      id: entry.id,
      title: textOf(entry.title),
      link: link(entry.links, 'alternate'),
      date: new Date(entry.published ?? entry.updated).toISOString(),
      summary: textOf(entry.summary),
      content: entry.content?.value ?? '',
      categories: (entry.categories ?? []).map((category: any) => category.term),
    })),
  };
}

export function parseRss(xml: string): ParsedFeed {
  assertWellFormedXml(xml);
  const feed = parseRssFeed(xml) as any;
  const atomLinks: any[] = feed.atom?.links ?? [];
  return {
    title: feed.title,
    selfUrl: atomLinks.find((l) => l.rel === 'self')?.href,
    nextUrl: atomLinks.find((l) => l.rel === 'next')?.href,
    htmlUrl: feed.link,
    updated: feed.lastBuildDate,
    items: (feed.items ?? []).map((item: any) => ({
      id: typeof item.guid === 'string' ? item.guid : item.guid?.value,
      title: item.title,
      link: item.link,
      date: new Date(item.pubDate).toISOString(),
      summary: decodeHTML(item.description ?? ''),
      content: item.content?.encoded ?? '',
      categories: (item.categories ?? []).map((category: any) => category.name),
    })),
  };
}

export function parseJson(text: string): ParsedFeed & { raw: any } {
  const raw = JSON.parse(text);
  const feed = parseJsonFeed(raw) as any;
  return {
    raw,
    title: feed.title,
    selfUrl: feed.feed_url,
    nextUrl: feed.next_url,
    htmlUrl: feed.home_page_url,
    items: (feed.items ?? []).map((item: any) => ({
      id: item.id,
      title: item.title,
      link: item.url,
      date: new Date(item.date_published).toISOString(),
      summary: item.summary ?? '',
      content: item.content_html ?? '',
      categories: item.tags ?? [],
    })),
  };
}

export const parsers = { atom: parseAtom, rss: parseRss, json: parseJson } as const;

/** Every item of a paged feed, following its next links; `get` fetches a path or an absolute URL. */
export async function allItems(
  get: (pathOrUrl: string) => Promise<Response>,
  first: string,
  format: 'atom' | 'rss' | 'json',
): Promise<ParsedItem[]> {
  const items: ParsedItem[] = [];
  for (let url: string | undefined = first; url; ) {
    const feed: ParsedFeed = parsers[format](await (await get(url)).text());
    items.push(...feed.items);
    url = feed.nextUrl;
  }
  return items;
}

/** Every raw JSON Feed item (with its `_wirefeed` extension), following `next_url`. */
export async function allJsonItems(get: (pathOrUrl: string) => Promise<Response>, first: string): Promise<any[]> {
  const items: any[] = [];
  for (let url: string | undefined = first; url; ) {
    const page = (await (await get(url)).json()) as { items: any[]; next_url?: string };
    items.push(...page.items);
    url = page.next_url;
  }
  return items;
}
