// The contract between the two sides: what the build writes into the Worker's index and content packs, and
// what the Worker reads. Plain data only; nothing here may use Node or Worker APIs.

export type EntityType = 'person' | 'organization' | 'place';

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place'];

/** The rest of an article, stored in content packs (Workers static assets) and read on demand. */
export interface ArticleContent {
  guid: string;
  source: string;
  title: string;
  summary: string;
  contentHtml: string;
  /** Indices into `CorpusIndex.entities`. */
  entities: number[];
  /** Those of `entities` the article is about (the others it only mentions): indices into `CorpusIndex.entities`. */
  about: number[];
}

/** An entity as the Worker's index carries it: its article ranks encoded (see columns.ts), decoded on use. */
export interface EntityEntry {
  slug: string;
  name: string;
  type: EntityType;
  aliases: string[];
  /** Slugs of the entities that most often share an article with this one. */
  related: string[];
  /** Changes whenever any of its articles change: feeds an ETag without scanning the corpus per request. */
  version: string;
  /** `urn:uuid:` of the entity's feed (Atom feed id), from the slug alone. */
  feedId: string;
  count: number;
  ranks: string;
  /** How many of its articles are about it (build-time salience), and their ranks, encoded as `ranks` is. */
  about: number;
  aboutRanks: string;
  /** Date of its newest article: Last-Modified without decoding the ranks. */
  updated: string;
  /** Date of its oldest article: when it first appeared (/new-entities.atom). */
  first: string;
}

/** A slug the site published once and no longer does (entities.lock.json). */
export interface RetiredSlug {
  slug: string;
  /** The entity that took it over (301 there), or null when nothing did (410 Gone). */
  to: string | null;
  name: string;
  type: EntityType;
  feedId: string;
  /** `urn:uuid:` of the one item a gone entity's feed keeps, saying that it ended. */
  noticeId: string;
  reason: string;
}

/**
 * What the Worker's script carries: the corpus without article text, in columns (columns.ts), so its size and
 * start-up cost stay small at tens of thousands of articles. Article text lives in `packs`, read through ASSETS.
 */
export interface CorpusIndex {
  /** Newest first: fixed-width columns, and the ranks in id order for lookups by id. */
  articles: { count: number; ids: string; dates: string; versions: string; sizes: string; byId: string };
  entities: EntityEntry[];
  version: string;
  feedId: string;
  updated: string;
  /** Asset paths of the content packs, oldest articles first (see `packSlot`). */
  packs: string[];
  /** Retired slugs, by slug order. */
  retired: RetiredSlug[];
}

/**
 * Articles per content pack: small packs keep a cold feed page cheap (it may touch one pack per item), and
 * 50,000 articles still need only 6,250 files, within the free plan's 20,000 static assets.
 */
export const ARTICLES_PER_PACK = 8;

/**
 * Where an article's content is: packs are filled from the oldest article, so publishing new articles
 * rewrites only the newest pack and every other pack keeps its content-hashed name between deployments.
 */
export function packSlot(rank: number, total: number): { pack: number; line: number } {
  const fromOldest = total - 1 - rank;
  return { pack: Math.floor(fromOldest / ARTICLES_PER_PACK), line: fromOldest % ARTICLES_PER_PACK };
}
