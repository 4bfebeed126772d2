// Combined feeds: `?all=` (every listed entity), `?any=` (at least one), `?none=` (not one), on the site feeds.
// One URL per combination: parameters in a fixed order, slugs sorted and deduplicated; every other spelling is
// redirected to it, so each combination has one ETag and one cache entry (and one WebSub topic).
import { DEFAULT_LIMIT, type PageQuery, type QueryError } from './store/paging.js';

export type CombinationList = 'all' | 'any' | 'none';

/** The order parameters take in a canonical URL; the paging ones follow. */
export const COMBINATION_LISTS: readonly CombinationList[] = ['all', 'any', 'none'];
const CANONICAL_ORDER = ['all', 'any', 'none', 'role', 'cursor', 'limit'];

/** Slugs a combination may name, over its three lists. */
export const MAX_COMBINATION_SLUGS = 8;

/** The syntax of a slug (ASCII, lowercase, hyphen-separated words); whether it exists is decided later. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `role=about`: only the articles that are about the entities of `all` and `any` (build-time salience). */
export type Combination = Record<CombinationList, string[]> & { role?: 'about' };

/** `?role=`: absent, or `about`; anything else is the 400's reason. */
export function parseRole(params: URLSearchParams): { role?: 'about' } | QueryError {
  const values = params.getAll('role');
  if (values.length === 0) return {};
  if (values.every((value) => value === 'about')) return { role: 'about' };
  return { parameter: 'role', message: 'role must be "about" (only the articles about the entities)' };
}

/** A combined feed's request: a list, or (on the site feed, where it needs one) `role`. */
export function hasCombination(params: URLSearchParams, onEntityFeed = false): boolean {
  return COMBINATION_LISTS.some((list) => params.has(list)) || (!onEntityFeed && params.has('role'));
}

/** The three lists as sent (empty items dropped, each list sorted and deduplicated), or the 400's reason. */
export function parseCombination(params: URLSearchParams): Combination | QueryError {
  const role = parseRole(params);
  if ('parameter' in role) return role;
  const combination: Combination = { all: [], any: [], none: [], ...role };
  let total = 0;
  for (const list of COMBINATION_LISTS) {
    const slugs = new Set<string>();
    for (const value of params.getAll(list)) {
      for (const slug of value.split(',')) {
        if (slug === '') continue;
        if (!SLUG.test(slug) || slug.length > 200) {
          return { parameter: list, message: `${list} must be a comma-separated list of entity slugs` };
        }
        slugs.add(slug);
      }
    }
    combination[list] = [...slugs].sort();
    total += slugs.size;
    if (total > MAX_COMBINATION_SLUGS) {
      return { parameter: list, message: `all, any and none may name at most ${MAX_COMBINATION_SLUGS} slugs in all` };
    }
  }
  if (role.role && combination.all.length === 0 && combination.any.length === 0) {
    return { parameter: 'role', message: 'role=about needs entities in all or any to be about' };
  }
  return combination;
}

/**
 * The one spelling of a combination's meaning: lists sorted and deduplicated (again, after retired slugs gave way
 * to their successors); a one-slug `any` is an `all`, and an `any` that shares a slug with `all` adds nothing.
 */
export function normalize(combination: Combination): Combination {
  const sorted = (slugs: string[]) => [...new Set(slugs)].sort();
  let all = sorted(combination.all);
  let any = sorted(combination.any);
  if (any.length === 1) {
    all = sorted([...all, ...any]);
    any = [];
  }
  if (any.some((slug) => all.includes(slug))) any = [];
  return { all, any, none: sorted(combination.none), ...(combination.role ? { role: combination.role } : {}) };
}

/** A combination that is one entity's feed: its slug (that feed's URL is the canonical one). */
export function singleEntity(combination: Combination): string | undefined {
  const { all, any, none } = combination;
  return all.length === 1 && any.length === 0 && none.length === 0 ? all[0] : undefined;
}

export function isEmpty(combination: Combination): boolean {
  return COMBINATION_LISTS.every((list) => combination[list].length === 0);
}

/** `all=…&any=…&none=…&cursor=…&limit=…`: slugs and cursors need no percent-encoding; the default limit is left out. */
export function canonicalQuery(combination: Combination, query?: PageQuery): string {
  const parts = COMBINATION_LISTS.filter((list) => combination[list].length > 0).map(
    (list) => `${list}=${combination[list].join(',')}`,
  );
  if (combination.role) parts.push(`role=${combination.role}`);
  if (query?.cursor) parts.push(`cursor=${query.cursor}`);
  if (query && query.limit !== DEFAULT_LIMIT) parts.push(`limit=${query.limit}`);
  return parts.join('&');
}

/** The parameters of a raw query string that canonical URLs carry, as spelled: what is compared with the canonical. */
export function spelledQuery(search: string): string {
  return search
    .replace(/^\?/, '')
    .split('&')
    .filter((piece) => CANONICAL_ORDER.includes(piece.split('=')[0]!))
    .join('&');
}

function listed(names: string[], conjunction: string): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${conjunction} ${names.at(-1)}`;
}

/** "Elon Musk and SpaceX, without Tesla"; "SpaceX or Tesla"; "Everything without Tesla". */
export function combinationTitle(names: Combination): string {
  if (names.role === 'about') return `About ${combinationTitle({ all: names.all, any: names.any, none: names.none })}`;
  const all = listed(names.all, 'and');
  const any = listed(names.any, 'or');
  const positive = all && any ? `${all}, with ${any}` : all || any;
  const none = names.none.length > 0 ? `without ${listed(names.none, 'or')}` : '';
  if (!positive) return `Everything ${none}`;
  return none ? `${positive}, ${none}` : positive;
}

/** "Every Wirefeed article that mentions Elon Musk and SpaceX, and none of Tesla." */
export function combinationDescription(siteName: string, names: Combination): string {
  const clauses: string[] = [];
  const verb = names.role === 'about' ? 'is about' : 'mentions';
  if (names.all.length > 0) clauses.push(`${verb} ${listed(names.all, 'and')}`);
  if (names.any.length > 0) clauses.push(`${verb} at least one of ${listed(names.any, 'and')}`);
  if (names.none.length > 0) clauses.push(`mentions none of ${listed(names.none, 'and')}`);
  if (names.none.length === 1) clauses[clauses.length - 1] = `does not mention ${names.none[0]}`;
  return `Every ${siteName} article that ${clauses.join(', and ')}.`;
}
