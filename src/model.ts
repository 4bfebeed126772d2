// Plain data passed between the stages. Build-time stages produce these; the Worker only reads them.

export type EntityType = 'person' | 'organization' | 'place';

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place'];

/**
 * Something found in the input: always names the file, and the line when there is one. A `note` reports a
 * harmless repair (a BOM, CRLF line endings) and never fails a strict build; everything else is a warning.
 */
export interface Warning {
  file: string;
  line?: number;
  message: string;
  level?: 'note';
}

export type Block = { kind: 'paragraph' | 'subheading'; text: string };

/** One seed file, parsed. */
export interface Article {
  /** The 16-hex part of the file name: stable across builds and hosts. */
  id: string;
  source: string;
  /** ISO date `YYYY-MM-DD` */
  date: string;
  title: string;
  summary: string;
  blocks: Block[];
}

/** An entity as found in one article, before corpus-wide reconciliation. */
export interface Mention {
  name: string;
  type: EntityType;
  /** The surface forms the article used for it ("Musk", "Elon Musk"). */
  forms: string[];
  count: number;
  /** The type is only a guess (a gazetteer hit, a default): other articles' firm typing wins. */
  weak?: boolean;
}

export interface EntityRecord {
  slug: string;
  name: string;
  type: EntityType;
  aliases: string[];
  /** Ranks (positions in `Corpus.articles`) of the articles mentioning it, ascending = newest first. */
  articles: number[];
  /** Slugs of the entities that most often share an article with this one. */
  related: string[];
  /** Changes whenever any of its articles change: feeds an ETag without scanning the corpus per request. */
  version: string;
  /** `urn:uuid:` of the entity's feed (Atom feed id), from the slug alone. */
  feedId: string;
}

export interface ArticleRecord {
  id: string;
  /** `urn:uuid:` derived from the id alone: the item id in every feed format. */
  guid: string;
  source: string;
  date: string;
  title: string;
  summary: string;
  contentHtml: string;
  /** Indices into `Corpus.entities`. */
  entities: number[];
  /** Hash of everything its page and feed items show. */
  version: string;
}

/** The whole build output, in memory at build time: articles with their content, entities with their ranks. */
export interface Corpus {
  /** Newest first. */
  articles: ArticleRecord[];
  /** Most-mentioned first. */
  entities: EntityRecord[];
  version: string;
  /** `urn:uuid:` of the site feed. */
  feedId: string;
  /** Newest article date, ISO; empty for an empty corpus. */
  updated: string;
}

/** The rest of an article, stored in content packs (Workers static assets) and read on demand. */
export interface ArticleContent {
  guid: string;
  source: string;
  title: string;
  summary: string;
  contentHtml: string;
  /** Indices into `CorpusIndex.entities`. */
  entities: number[];
}

/** An entity as the Worker's index carries it: its article ranks encoded (see src/codec.ts), decoded on use. */
export interface EntityEntry extends Omit<EntityRecord, 'articles'> {
  count: number;
  ranks: string;
  /** Date of its newest article: Last-Modified without decoding the ranks. */
  updated: string;
}

/**
 * What the Worker's script carries: the corpus without article text, in columns (src/codec.ts), so its size and
 * start-up cost stay small at tens of thousands of articles. Article text lives in `packs`, read through ASSETS.
 */
export interface CorpusIndex {
  /** Newest first, as in `Corpus`: fixed-width columns, and the ranks in id order for lookups by id. */
  articles: { count: number; ids: string; dates: string; versions: string; byId: string };
  entities: EntityEntry[];
  version: string;
  feedId: string;
  updated: string;
  /** Asset paths of the content packs, oldest articles first (see `packSlot`). */
  packs: string[];
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
