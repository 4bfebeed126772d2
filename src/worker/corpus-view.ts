import type { ArticleContent, CorpusIndex, EntityRecord } from '../model.js';
import type { FeedItem } from '../feeds/types.js';
import type { ArticleLink, EntityLink } from '../pages/views.js';
import { articlePath, entityPath } from './urls.js';

/** Lookups built once per isolate: O(corpus) at startup, O(1) per request. */
export class CorpusView {
  private readonly entityBySlug = new Map<string, number>();
  private readonly rankById = new Map<string, number>();

  constructor(readonly corpus: CorpusIndex) {
    corpus.entities.forEach((entity, index) => this.entityBySlug.set(entity.slug, index));
    corpus.articles.forEach((article, rank) => this.rankById.set(article.id, rank));
  }

  entity(slug: string): EntityRecord | undefined {
    const index = this.entityBySlug.get(slug);
    return index === undefined ? undefined : this.corpus.entities[index];
  }

  entityIndex(slug: string): number | undefined {
    return this.entityBySlug.get(slug);
  }

  rank(id: string): number | undefined {
    return this.rankById.get(id);
  }

  entityLink(index: number, base: string): EntityLink {
    const entity = this.corpus.entities[index]!;
    return { name: entity.name, type: entity.type, url: `${base}${entityPath(entity.slug)}`, count: entity.articles.length };
  }

  articleLink(rank: number, content: ArticleContent, base: string): ArticleLink {
    const article = this.corpus.articles[rank]!;
    return { title: content.title, url: `${base}${articlePath(article.id)}`, date: article.date, summary: content.summary };
  }

  feedItem(rank: number, content: ArticleContent, base: string): FeedItem {
    const article = this.corpus.articles[rank]!;
    return {
      guid: content.guid,
      id: article.id,
      title: content.title,
      url: `${base}${articlePath(article.id)}`,
      date: article.date,
      summary: content.summary,
      contentHtml: content.contentHtml,
      source: content.source,
      entities: content.entities.map((index) => {
        const entity = this.corpus.entities[index]!;
        return { slug: entity.slug, name: entity.name, type: entity.type, url: `${base}${entityPath(entity.slug)}` };
      }),
    };
  }
}
