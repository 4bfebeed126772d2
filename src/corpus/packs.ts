import { encodeRanks, ID_WIDTH, MAX_ARTICLES, RANK_WIDTH, VERSION_WIDTH } from '../codec.js';
import { packSlot, type ArticleContent, type Corpus, type CorpusIndex } from '../model.js';
import { shortHash } from './ids.js';

export interface ContentPack {
  /** Asset path, named by content hash: an unchanged pack keeps its name, so caches and uploads skip it. */
  path: string;
  body: string;
}

/**
 * Splits the built corpus into what the Worker's script carries (the index) and what it reads on demand (article
 * text, in packs of one JSON record per line; JSON.stringify never writes a raw line break, so a line is a record).
 */
export function splitForWorker(corpus: Corpus): { index: CorpusIndex; packs: ContentPack[] } {
  const total = corpus.articles.length;
  const lines: string[][] = [];
  corpus.articles.forEach((article, rank) => {
    const { pack, line } = packSlot(rank, total);
    const content: ArticleContent = {
      guid: article.guid,
      source: article.source,
      title: article.title,
      summary: article.summary,
      contentHtml: article.contentHtml,
      entities: article.entities,
    };
    (lines[pack] ??= [])[line] = JSON.stringify(content);
  });
  const packs = lines.map((records) => {
    const body = `${records.join('\n')}\n`;
    return { path: `/packs/${shortHash(body)}.ndjson`, body };
  });
  for (const article of corpus.articles) if (article.id.length !== ID_WIDTH) throw new Error(`article id ${article.id} is not ${ID_WIDTH} characters`);
  if (total > MAX_ARTICLES) throw new Error(`${total} articles: the index holds at most ${MAX_ARTICLES}`);
  const byId = corpus.articles
    .map((article, rank) => ({ id: article.id, rank }))
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map(({ rank }) => rank.toString(36).padStart(RANK_WIDTH, '0'));
  const index: CorpusIndex = {
    articles: {
      count: total,
      ids: corpus.articles.map((article) => article.id).join(''),
      dates: corpus.articles.map((article) => article.date).join(''),
      versions: corpus.articles.map((article) => article.version.slice(0, VERSION_WIDTH)).join(''),
      byId: byId.join(''),
    },
    entities: corpus.entities.map(({ articles, ...entity }) => ({
      ...entity,
      count: articles.length,
      ranks: encodeRanks(articles),
      updated: corpus.articles[articles[0]!]?.date ?? '',
    })),
    version: corpus.version,
    feedId: corpus.feedId,
    updated: corpus.updated,
    packs: packs.map((pack) => pack.path),
  };
  return { index, packs };
}
