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
  const index: CorpusIndex = {
    articles: corpus.articles.map(({ id, date, version }) => ({ id, date, version })),
    entities: corpus.entities,
    version: corpus.version,
    feedId: corpus.feedId,
    updated: corpus.updated,
    packs: packs.map((pack) => pack.path),
  };
  return { index, packs };
}
