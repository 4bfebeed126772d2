// Plain data passed between the build's stages (parse → entities → corpus). The Worker never sees these; what
// it reads is in src/contract/.
import type { EntityType, RetiredSlug } from '../contract/corpus-index.js';

export type { EntityType, RetiredSlug };

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

/** A paragraph or subheading of the body; a `headline` is the seed's title line, read by extraction only. */
export type Block = { kind: 'paragraph' | 'subheading' | 'headline'; text: string };

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
  /** Ranks of the articles that are about it (salience.ts), ascending: a subset of `articles`. */
  aboutArticles: number[];
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
  /** Those of `entities` the article is about (salience.ts); the others it only mentions. */
  about: number[];
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
  /** Slugs published before and not any more (entities.lock.json): answered with 301 to `to`, or 410. */
  retired: RetiredSlug[];
}
