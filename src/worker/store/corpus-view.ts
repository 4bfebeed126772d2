import type { ArticleContent, CorpusIndex, EntityEntry, RetiredSlug } from '../../contract/corpus-index.js';
import type { FeedItem } from '../feeds/types.js';
import type { ArticleLink, EntityLink } from '../pages/views.js';
import { articlePath, entityPath } from '../urls.js';
import { ArticleIndex } from './article-index.js';

/** Lookups over the index: the slug map is built at start-up (a few thousand entries), the rest is read in place. */
export class CorpusView {
  readonly articles: ArticleIndex;
  private readonly entityBySlug = new Map<string, number>();
  private readonly retiredBySlug: Map<string, RetiredSlug>;

  constructor(readonly corpus: CorpusIndex) {
    this.articles = new ArticleIndex(corpus);
    corpus.entities.forEach((entity, index) => {
      this.entityBySlug.set(entity.slug, index);
    });
    this.retiredBySlug = new Map(corpus.retired.map((retired) => [retired.slug, retired]));
  }

  entity(slug: string): { entry: EntityEntry; ranks: () => number[]; aboutRanks: () => number[] } | undefined {
    const index = this.entityBySlug.get(slug);
    if (index === undefined) return undefined;
    return {
      entry: this.corpus.entities[index]!,
      ranks: () => this.articles.entityRanks(index),
      aboutRanks: () => this.articles.entityAboutRanks(index),
    };
  }

  /** A slug the site published before: moved to another entity, or gone. */
  retired(slug: string): RetiredSlug | undefined {
    return this.retiredBySlug.get(slug);
  }

  entityIndex(slug: string): number | undefined {
    return this.entityBySlug.get(slug);
  }

  entityLink(index: number, base: string, about?: boolean): EntityLink {
    const entity = this.corpus.entities[index]!;
    const link = {
      name: entity.name,
      type: entity.type,
      url: `${base}${entityPath(entity.slug)}`,
      count: entity.count,
    };
    return about === undefined ? link : { ...link, about };
  }

  articleLink(rank: number, content: ArticleContent, base: string): ArticleLink {
    return {
      title: content.title,
      url: `${base}${articlePath(this.articles.id(rank))}`,
      date: this.articles.date(rank),
      summary: content.summary,
    };
  }

  feedItem(rank: number, content: ArticleContent, base: string): FeedItem {
    const id = this.articles.id(rank);
    return {
      guid: content.guid,
      id,
      title: content.title,
      url: `${base}${articlePath(id)}`,
      date: this.articles.date(rank),
      summary: content.summary,
      contentHtml: content.contentHtml,
      source: content.source,
      entities: content.entities.map((index) => {
        const entity = this.corpus.entities[index]!;
        const role = content.about?.includes(index) ? 'about' : 'mentions';
        return {
          slug: entity.slug,
          name: entity.name,
          type: entity.type,
          url: `${base}${entityPath(entity.slug)}`,
          role,
        };
      }),
    };
  }
}
