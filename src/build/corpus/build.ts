import type { EntityType } from '../../contract/corpus-index.js';
import type { Unresolved } from '../entities/extract.js';
import { compareText, foldKey, preferredName, slugify, stripPossessive } from '../entities/slug.js';
import type { Article, ArticleRecord, Corpus, EntityRecord, Mention } from '../model.js';
import { blocksToHtml } from './html.js';
import { articleGuid, feedGuid, shortHash } from './ids.js';

/** One parsed article and what extraction found in it; `unresolved` names had no type of their own. */
export type ExtractedArticle = { article: Article; mentions: Mention[]; unresolved?: Unresolved[] };

const RELATED_MAX = 8;
/** Categories per feed item: an article naming hundreds of entities is in all their feeds, but lists these. */
export const MAX_ITEM_ENTITIES = 50;
const TYPE_ORDER: EntityType[] = ['organization', 'person', 'place'];

interface EntityDraft {
  key: string;
  names: Map<string, number>;
  forms: Set<string>;
  types: Map<EntityType, number>;
  ranks: Set<number>;
}

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

  const drafts = new Map<string, EntityDraft>();
  const articleMentions: Array<Array<{ key: string; count: number }>> = [];
  const surnameOwners = surnameIndex(sorted);
  const formOwners = formIndex(sorted);
  const kinds = kindsByName(sorted, surnameOwners, formOwners);

  sorted.forEach(({ mentions }, rank) => {
    const seen = new Map<string, number>();
    for (const mention of mentions) {
      const key = kinds(mention);
      let draft = drafts.get(key);
      if (!draft) {
        draft = { key, names: new Map(), forms: new Set(), types: new Map(), ranks: new Set() };
        drafts.set(key, draft);
      }
      draft.names.set(mention.name, (draft.names.get(mention.name) ?? 0) + 1);
      for (const form of mention.forms) draft.forms.add(form);
      draft.types.set(mention.type, (draft.types.get(mention.type) ?? 0) + 1);
      draft.ranks.add(rank);
      seen.set(key, (seen.get(key) ?? 0) + mention.count);
    }
    articleMentions.push([...seen].map(([key, count]) => ({ key, count })));
  });
  resolveAcrossArticles(sorted, drafts, articleMentions);

  const entityList = [...drafts.values()]
    .map((draft) => ({ draft, name: preferredName(draft.names), type: majorityType(draft.types) }))
    .sort(
      (a, b) =>
        b.draft.ranks.size - a.draft.ranks.size || compareText(a.name, b.name) || compareText(a.draft.key, b.draft.key),
    );

  const slugs = assignSlugs(entityList.map(({ draft, name, type }) => ({ key: draft.key, name, type })));
  const indexOfKey = new Map(entityList.map(({ draft }, index) => [draft.key, index]));

  const articles: ArticleRecord[] = sorted.map(({ article }, rank) => {
    const entities = articleMentions[rank]! // Ties by name, not by corpus-wide rank: another article must not reorder this one's categories.
      .sort((a, b) => b.count - a.count || compareText(a.key, b.key))
      .slice(0, MAX_ITEM_ENTITIES)
      .map(({ key }) => indexOfKey.get(key)!);
    return {
      id: article.id,
      guid: articleGuid(article.id),
      source: article.source,
      date: article.date,
      title: article.title,
      summary: article.summary,
      contentHtml: blocksToHtml(article.blocks),
      entities,
      version: '',
    };
  });
  // What a feed item shows of an article includes its entities' names and slugs: hash them, not their indices.
  const describe = (index: number) =>
    `${slugs.get(entityList[index]!.draft.key)}:${entityList[index]!.name}:${entityList[index]!.type}`;
  const articleVersions = articles.map((article) =>
    shortHash(JSON.stringify({ ...article, entities: article.entities.map(describe) })),
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
      related: [],
      version: '',
      feedId: feedGuid(`entity:${slugs.get(draft.key)!}`),
    };
  });
  fillRelated(entities, articles);
  for (const entity of entities) {
    entity.version = shortHash(
      entity.slug,
      entity.name,
      entity.type,
      ...entity.aliases,
      ...entity.related,
      ...entity.articles.map((rank) => articleVersions[rank]!),
    );
  }

  return {
    articles,
    entities,
    version: shortHash(...articleVersions, ...entities.map((entity) => entity.version)),
    feedId: feedGuid('site'),
    updated: articles[0]?.date ?? '',
  };
}

/**
 * A name one article could not type ("Tesla", with no clue around it) is the entity other articles typed,
 * when exactly one entity in the corpus goes by that name.
 */
function resolveAcrossArticles(
  sorted: ExtractedArticle[],
  drafts: Map<string, EntityDraft>,
  articleMentions: Array<Array<{ key: string; count: number }>>,
): void {
  const owners = new Map<string, string | null>();
  for (const draft of drafts.values()) {
    for (const form of [...draft.names.keys(), ...draft.forms]) {
      const key = foldKey(form);
      const owner = owners.get(key);
      owners.set(key, owner === undefined || owner === draft.key ? draft.key : null);
    }
  }
  sorted.forEach(({ unresolved = [] }, rank) => {
    for (const name of unresolved) {
      const owner = owners.get(foldKey(name.name));
      if (!owner) continue;
      const draft = drafts.get(owner)!;
      for (const form of name.forms) draft.forms.add(form);
      draft.ranks.add(rank);
      const mentions = articleMentions[rank]!;
      const existing = mentions.find((mention) => mention.key === owner);
      if (existing) existing.count += name.count;
      else mentions.push({ key: owner, count: name.count });
    }
  });
}

/**
 * One name, two kinds of thing: when articles firmly type a name two ways (Amazon the company, the Amazon
 * rainforest) it is two entities; a guessed type joins the name's most common firm type.
 */
function kindsByName(
  extracted: ExtractedArticle[],
  surnameOwners: Map<string, string | null>,
  formOwners: Map<string, string | null>,
): (mention: Mention) => string {
  const firmTypes = new Map<string, Map<EntityType, number>>();
  for (const { mentions } of extracted) {
    for (const mention of mentions) {
      if (mention.weak) continue;
      const key = corpusKey(mention, surnameOwners, formOwners);
      const types = firmTypes.get(key) ?? new Map<EntityType, number>();
      types.set(mention.type, (types.get(mention.type) ?? 0) + 1);
      firmTypes.set(key, types);
    }
  }
  return (mention) => {
    const key = corpusKey(mention, surnameOwners, formOwners);
    const types = firmTypes.get(key);
    if (!types || types.size < 2) return key;
    const type = mention.weak || !types.has(mention.type) ? majorityType(types) : mention.type;
    return `${key}|${type}`;
  };
}

/** Bare surnames that belong to exactly one full name in the whole corpus. */
function surnameIndex(extracted: ExtractedArticle[]): Map<string, string | null> {
  const owners = new Map<string, string | null>();
  for (const { mentions } of extracted) {
    for (const mention of mentions) {
      const words = mention.name.split(' ');
      if (mention.type !== 'person' || words.length < 2) continue;
      const surname = foldKey(words.at(-1)!);
      const full = foldKey(mention.name);
      const owner = owners.get(surname);
      owners.set(surname, owner === undefined || owner === full ? full : null);
    }
  }
  return owners;
}

/**
 * Which entity each short form belongs to, per type, over the whole corpus: one article's "World Health
 * Organization (WHO)" tells that another article's bare "WHO" is the same body. Ambiguous forms map to null.
 */
function formIndex(extracted: ExtractedArticle[]): Map<string, string | null> {
  const owners = new Map<string, string | null>();
  for (const { mentions } of extracted) {
    for (const mention of mentions) {
      const full = foldKey(mention.name);
      for (const form of mention.forms) {
        const key = `${mention.type}:${foldKey(stripPossessive(form))}`;
        if (key.endsWith(`:${full}`)) continue;
        const owner = owners.get(key);
        owners.set(key, owner === undefined || owner === full ? full : null);
      }
    }
  }
  return owners;
}

function corpusKey(
  mention: Mention,
  surnameOwners: Map<string, string | null>,
  formOwners: Map<string, string | null>,
): string {
  const key = foldKey(mention.name);
  const byForm = formOwners.get(`${mention.type}:${key}`);
  if (byForm) return byForm;
  if (mention.type === 'person' && !key.includes(' ')) return surnameOwners.get(key) ?? key;
  return key;
}

function majorityType(types: Map<EntityType, number>): EntityType {
  return [...types].sort(
    ([a, countA], [b, countB]) => countB - countA || TYPE_ORDER.indexOf(a) - TYPE_ORDER.indexOf(b),
  )[0]![0];
}

/**
 * Slugs are URLs readers subscribe to, so they must not move when the corpus grows: the plain slug goes to
 * the type that comes first in a fixed order, not to whichever entity is bigger today.
 */
function assignSlugs(entities: Array<{ key: string; name: string; type: EntityType }>): Map<string, string> {
  const byOrder = [...entities].sort(
    (a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || compareText(a.key, b.key),
  );
  const taken = new Set<string>();
  const slugs = new Map<string, string>();
  for (const entity of byOrder) {
    const base = slugify(entity.name);
    let slug = taken.has(base) ? `${base}-${entity.type}` : base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${entity.type}-${n}`;
    taken.add(slug);
    slugs.set(entity.key, slug);
  }
  return slugs;
}

function fillRelated(entities: EntityRecord[], articles: ArticleRecord[]): void {
  entities.forEach((entity, index) => {
    const together = new Map<number, number>();
    for (const rank of entity.articles) {
      for (const other of articles[rank]!.entities)
        if (other !== index) together.set(other, (together.get(other) ?? 0) + 1);
    }
    entity.related = [...together]
      .sort(([a, countA], [b, countB]) => countB - countA || a - b)
      .slice(0, RELATED_MAX)
      .map(([other]) => entities[other]!.slug);
  });
}
