import { assignSlugs } from '../entities/assign-slugs.js';
import type { Unresolved } from '../entities/extract.js';
import { resolveCorpusEntities } from '../entities/resolve-corpus.js';
import { compareText } from '../entities/slug.js';
import type { Article, ArticleRecord, Corpus, EntityRecord, Mention, RetiredSlug } from '../model.js';
import { blocksToHtml } from './html.js';
import { articleGuid, feedGuid, shortHash } from './ids.js';
import { salienceRoles } from './salience.js';

/** One parsed article and what extraction found in it; `unresolved` names had no type of their own. */
export type ExtractedArticle = { article: Article; mentions: Mention[]; unresolved?: Unresolved[] };

const RELATED_MAX = 8;
/** Categories per feed item: an article naming hundreds of entities is in all their feeds, but lists these. */
export const MAX_ITEM_ENTITIES = 50;

/**
 * Builds the index the Worker serves from: articles newest first, one record per entity with the
 * ranks of its articles, so a request never scans the corpus.
 */
export function buildCorpus(extracted: ExtractedArticle[]): Corpus {
  const sorted = [...extracted].sort((a, b) =>
    a.article.date < b.article.date
      ? 1
      : a.article.date > b.article.date
        ? -1
        : compareText(a.article.id, b.article.id),
  );

  const { entityList, articleMentions } = resolveCorpusEntities(sorted);
  const slugs = assignSlugs(entityList.map(({ draft, name, type }) => ({ key: draft.key, name, type })));
  const indexOfKey = new Map(entityList.map(({ draft }, index) => [draft.key, index]));

  const articles: ArticleRecord[] = sorted.map(({ article, mentions }, rank) => {
    // Ties by name, not by corpus-wide rank: another article must not reorder this one's categories.
    const ordered = articleMentions[rank]!.sort((a, b) => b.count - a.count || compareText(a.key, b.key));
    const entities = ordered.slice(0, MAX_ITEM_ENTITIES).map(({ key }) => indexOfKey.get(key)!);
    const roles = salienceRoles(
      article,
      ordered.slice(0, MAX_ITEM_ENTITIES).map(({ key, count }) => {
        const resolved = entityList[indexOfKey.get(key)!]!;
        return { forms: articleForms(mentions, resolved.draft.forms, resolved.name), count };
      }),
    );
    return {
      id: article.id,
      guid: articleGuid(article.id),
      source: article.source,
      date: article.date,
      title: article.title,
      summary: article.summary,
      contentHtml: blocksToHtml(article.blocks),
      entities,
      about: entities.filter((_, i) => roles[i] === 'about'),
      version: '',
    };
  });
  // What a feed item shows of an article includes its entities' names and slugs: hash them, not their indices.
  const describe = (index: number) =>
    `${slugs.get(entityList[index]!.draft.key)}:${entityList[index]!.name}:${entityList[index]!.type}`;
  const articleVersions = articles.map((article) =>
    shortHash(
      JSON.stringify({ ...article, entities: article.entities.map(describe), about: article.about.map(describe) }),
    ),
  );
  articles.forEach((article, rank) => {
    article.version = articleVersions[rank]!;
  });

  const entities: EntityRecord[] = entityList.map(({ draft, name, type }) => {
    const ranks = [...draft.ranks].sort((a, b) => a - b);
    return {
      slug: slugs.get(draft.key)!,
      name,
      type,
      aliases: [...draft.forms].filter((form) => form !== name).sort(),
      articles: ranks,
      aboutArticles: [],
      related: [],
      version: '',
      feedId: feedGuid(`entity:${slugs.get(draft.key)!}`),
    };
  });
  fillRelated(entities, articles);
  articles.forEach((article, rank) => {
    for (const index of article.about) entities[index]!.aboutArticles.push(rank);
  });
  return stampVersions({
    articles,
    entities,
    version: '',
    feedId: feedGuid('site'),
    updated: articles[0]?.date ?? '',
    retired: [],
  });
}

/** Entity and corpus versions: they change whenever anything a feed or page shows changes, and feed ETags. */
function stampVersions(corpus: Corpus): Corpus {
  const articleVersions = corpus.articles.map((article) => article.version);
  for (const entity of corpus.entities) {
    entity.version = shortHash(
      entity.slug,
      entity.name,
      entity.type,
      entity.feedId,
      ...entity.aliases,
      ...entity.related,
      ...entity.articles.map((rank) => articleVersions[rank]!),
      `about:${entity.aboutArticles.join(',')}`,
    );
  }
  const retired = corpus.retired.map((slug) => `${slug.slug}>${slug.to ?? ''}`);
  corpus.version = shortHash(...articleVersions, ...corpus.entities.map((entity) => entity.version), ...retired);
  return corpus;
}

/**
 * The slug ledger's decisions: feed ids kept or inherited (a merged entity's feed goes on under the bigger one's
 * id), and the slugs retired, which the Worker answers with 301 or 410.
 */
export function applyLedger(corpus: Corpus, feedIds: Map<string, string>, retired: RetiredSlug[]): Corpus {
  for (const entity of corpus.entities) entity.feedId = feedIds.get(entity.slug) ?? entity.feedId;
  return stampVersions({ ...corpus, retired: [...retired].sort((a, b) => compareText(a.slug, b.slug)) });
}

/**
 * The forms this article used for an entity: those of its own mentions that belong to the entity (share a form
 * with it), else every form the corpus knows for it.
 */
function articleForms(mentions: readonly Mention[], entityForms: ReadonlySet<string>, name: string): string[] {
  const own = new Set<string>();
  for (const mention of mentions) {
    if (mention.forms.some((form) => entityForms.has(form))) for (const form of mention.forms) own.add(form);
  }
  return own.size > 0 ? [...own] : [...entityForms, name];
}

function fillRelated(entities: EntityRecord[], articles: ArticleRecord[]): void {
  // Counts in one typed array, reset after each entity: a Map per entity cost ~0.3 s at 10,000 articles.
  const together = new Uint32Array(entities.length);
  entities.forEach((entity, index) => {
    const others: number[] = [];
    for (const rank of entity.articles) {
      for (const other of articles[rank]!.entities) {
        if (other === index) continue;
        if (together[other] === 0) others.push(other);
        together[other]!++;
      }
    }
    others.sort((a, b) => together[b]! - together[a]! || a - b);
    entity.related = others.slice(0, RELATED_MAX).map((other) => entities[other]!.slug);
    for (const other of others) together[other] = 0;
  });
}
