import {
  encodeRanks,
  ID_WIDTH,
  MAX_ARTICLES,
  MAX_SIZE_KIB,
  RANK_WIDTH,
  SIZE_WIDTH,
  VERSION_WIDTH,
} from '../../contract/columns.js';
import { ARTICLES_PER_PACK, type ArticleContent, type CorpusIndex, packSlot } from '../../contract/corpus-index.js';
import type { Corpus } from '../model.js';
import { shortHash } from './ids.js';

export interface ContentPack {
  /** Asset path, named by content hash: an unchanged pack keeps its name, so caches and uploads skip it. */
  path: string;
  body: string;
}

/**
 * The article text, one pack at a time so the build never holds all of it twice (50,000 articles would): one JSON
 * record per line; JSON.stringify never writes a raw line break, so a line is a record.
 */
export function* contentPacks(corpus: Corpus): Generator<ContentPack> {
  const total = corpus.articles.length;
  for (let pack = 0; pack * ARTICLES_PER_PACK < total; pack++) {
    const lines: string[] = [];
    for (
      let fromOldest = pack * ARTICLES_PER_PACK;
      fromOldest < Math.min(total, (pack + 1) * ARTICLES_PER_PACK);
      fromOldest++
    ) {
      const rank = total - 1 - fromOldest;
      const article = corpus.articles[rank]!;
      const content: ArticleContent = {
        guid: article.guid,
        source: article.source,
        title: article.title,
        summary: article.summary,
        contentHtml: article.contentHtml,
        entities: article.entities,
        about: article.about,
      };
      lines[packSlot(rank, total).line] = JSON.stringify(content);
    }
    const body = `${lines.join('\n')}\n`;
    yield { path: `/packs/${shortHash(body)}.ndjson`, body };
  }
}

/** What an article adds to a feed page, in KiB: the page budget's unit (src/worker/store/paging.ts). */
function itemKib(article: { title: string; summary: string; contentHtml: string }): number {
  const bytes =
    Buffer.byteLength(article.title) + Buffer.byteLength(article.summary) + Buffer.byteLength(article.contentHtml);
  return Math.min(MAX_SIZE_KIB, Math.ceil(bytes / 1024));
}

/** What the Worker's script carries, given the paths of the packs `contentPacks` wrote. */
export function workerIndex(corpus: Corpus, packPaths: string[]): CorpusIndex {
  const total = corpus.articles.length;
  for (const article of corpus.articles)
    if (article.id.length !== ID_WIDTH) throw new Error(`article id ${article.id} is not ${ID_WIDTH} characters`);
  if (total > MAX_ARTICLES) throw new Error(`${total} articles: the index holds at most ${MAX_ARTICLES}`);
  const byId = corpus.articles
    .map((article, rank) => ({ id: article.id, rank }))
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map(({ rank }) => rank.toString(36).padStart(RANK_WIDTH, '0'));
  return {
    articles: {
      count: total,
      ids: corpus.articles.map((article) => article.id).join(''),
      dates: corpus.articles.map((article) => article.date).join(''),
      versions: corpus.articles.map((article) => article.version.slice(0, VERSION_WIDTH)).join(''),
      sizes: corpus.articles.map((article) => itemKib(article).toString(36).padStart(SIZE_WIDTH, '0')).join(''),
      byId: byId.join(''),
    },
    entities: corpus.entities.map(({ articles, aboutArticles, ...entity }) => ({
      ...entity,
      count: articles.length,
      ranks: encodeRanks(articles),
      about: aboutArticles.length,
      aboutRanks: encodeRanks(aboutArticles),
      updated: corpus.articles[articles[0]!]?.date ?? '',
      first: corpus.articles[articles.at(-1)!]?.date ?? '',
    })),
    version: corpus.version,
    feedId: corpus.feedId,
    updated: corpus.updated,
    packs: packPaths,
    retired: corpus.retired,
  };
}

/** Both halves at once, for a corpus small enough to hold twice (tests). */
export function splitForWorker(corpus: Corpus): { index: CorpusIndex; packs: ContentPack[] } {
  const packs = [...contentPacks(corpus)];
  return {
    index: workerIndex(
      corpus,
      packs.map((pack) => pack.path),
    ),
    packs,
  };
}
