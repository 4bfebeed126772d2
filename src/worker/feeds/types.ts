import type { EntityType } from '../../contract/corpus-index.js';

export type FeedFormat = 'atom' | 'rss' | 'json';

export const FEED_FORMATS: readonly FeedFormat[] = ['atom', 'rss', 'json'];

export const CONTENT_TYPES: Record<FeedFormat, string> = {
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

export interface ItemEntity {
  slug: string;
  name: string;
  type: EntityType;
  url: string;
  /** Build-time salience: the article is about the entity, or only mentions it. */
  role: 'about' | 'mentions';
}

/** One feed item, format-neutral; every string is plain data, escaping happens in the renderer. */
export interface FeedItem {
  /** `urn:uuid:…`: the same in Atom, RSS and JSON Feed, on every host. */
  guid: string;
  id: string;
  title: string;
  url: string;
  /** ISO date `YYYY-MM-DD`. */
  date: string;
  summary: string;
  contentHtml: string;
  source: string;
  entities: ItemEntity[];
}

/** Everything a feed document says about itself. */
export interface FeedDocument {
  feedId: string;
  title: string;
  description: string;
  siteName: string;
  siteUrl: string;
  /** The HTML page this feed mirrors. */
  htmlUrl: string;
  /** URL of this very document (this page), per format. */
  selfUrl: string;
  nextUrl?: string;
  /** Newest item of the whole feed (not only this page), ISO date. */
  updated: string;
  /** Id of that newest item: Atom's feed `updated` is that entry's `updated` instant. */
  updatedId?: string;
  language: string;
  iconUrl: string;
  /** WebSub hub: Atom and RSS `<link rel="hub">`, JSON Feed `hubs`. */
  hubUrl?: string;
  /** A raster image (PNG) of the feed: Atom `<logo>`, RSS `<image>`. */
  imageUrl?: string;
  /** XSLT for browsers, referenced by Atom and RSS. */
  stylesheetUrl?: string;
  entityScheme: string;
  /** The entity a filtered feed is about, for JSON Feed's `_wirefeed`. */
  entity?: { slug: string; name: string; type: EntityType };
  /** The slugs a combined feed requires (`all`), wants one of (`any`) and excludes (`none`), for `_wirefeed`. */
  combination?: { all: string[]; any: string[]; none: string[] };
  items: FeedItem[];
}
