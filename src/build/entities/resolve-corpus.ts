// Phase 4 of extraction: across articles. Spellings that fold to one key are one entity; a short form, acronym or
// bare surname joins the one entity the corpus gives it; a name no article could type takes the type others
// gave it; a name firmly typed two ways is two entities.
import type { EntityType } from '../../contract/corpus-index.js';
import type { ExtractedArticle } from '../corpus/build.js';
import type { Mention } from '../model.js';
import { compareText, foldKey, preferredName, stripPossessive } from './slug.js';

/** Fixed order of types, for ties and for slugs: never whichever entity is bigger today. */
export const TYPE_ORDER: EntityType[] = ['organization', 'person', 'place'];

export interface EntityDraft {
  key: string;
  names: Map<string, number>;
  forms: Set<string>;
  types: Map<EntityType, number>;
  ranks: Set<number>;
}

/** One corpus entity: its key, canonical name and type, every form seen, and the ranks of its articles. */
export interface ResolvedEntity {
  draft: EntityDraft;
  name: string;
  type: EntityType;
}

/**
 * Entities of the whole corpus, most-mentioned first, and for each article (in `sorted` order) the entity keys
 * it mentions with their counts.
 */
export function resolveCorpusEntities(sorted: ExtractedArticle[]): {
  entityList: ResolvedEntity[];
  articleMentions: Array<Array<{ key: string; count: number }>>;
} {
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

  return { entityList, articleMentions };
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
 * One name, two kinds of thing: when enough articles firmly type a name two ways (Amazon the company, the Amazon
 * rainforest) it is two entities (isAKind); a guessed type, or a stray one, joins the name's most common firm type.
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
  const kindsOf = new Map<string, Map<EntityType, number>>();
  for (const [key, types] of firmTypes) {
    const total = [...types.values()].reduce((sum, count) => sum + count, 0);
    const kinds = new Map([...types].filter(([, count]) => isAKind(count, total)));
    if (kinds.size > 1) kindsOf.set(key, kinds);
  }
  return (mention) => {
    const key = corpusKey(mention, surnameOwners, formOwners);
    const kinds = kindsOf.get(key);
    if (!kinds) return key;
    const type = mention.weak || !kinds.has(mention.type) ? majorityType(kinds) : mention.type;
    return `${key}|${type}`;
  };
}

/**
 * Whether the articles that firmly type a name one way are enough to make it a second thing of that name: a
 * quarter of them, or three articles and a tenth. Otherwise the typing is taken for the extractor's slip and the
 * articles join the name's main entity: five of a thousand articles typing "Donald Trump" an organization make no
 * second Donald Trump.
 */
function isAKind(count: number, total: number): boolean {
  return count >= 0.25 * total || (count >= 3 && count >= 0.1 * total);
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
  // A guessed type does not keep a short form from the one entity other articles gave it to: "Kestrel", guessed a
  // person, is the Kestrel Labs of the rest of the corpus.
  if (mention.weak) {
    const owners = new Set(TYPE_ORDER.map((type) => formOwners.get(`${type}:${key}`)));
    owners.delete(undefined);
    if (owners.size === 1 && !owners.has(null)) return [...owners][0]!;
  }
  if (mention.type === 'person' && !key.includes(' ')) return surnameOwners.get(key) ?? key;
  return key;
}

function majorityType(types: Map<EntityType, number>): EntityType {
  return [...types].sort(
    ([a, countA], [b, countB]) => countB - countA || TYPE_ORDER.indexOf(a) - TYPE_ORDER.indexOf(b),
  )[0]![0];
}
