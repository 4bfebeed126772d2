import type { ArticleIndex } from './article-index.js';
import type { RankSet } from './rank-sets.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;
const CURSOR = /^(\d{4}-\d{2}-\d{2})\.([0-9a-f]{16})$/;

export type PageQuery = { limit: number; cursor?: string };

export type QueryError = { parameter: string; message: string };

/** `?limit=` and `?cursor=`; anything else in the query is ignored, as readers add tracking parameters. */
export function parsePageQuery(
  query: (name: string) => string | undefined,
  defaultLimit = DEFAULT_LIMIT,
): PageQuery | QueryError {
  const limitText = query('limit');
  const cursor = query('cursor');
  let limit = defaultLimit;
  if (limitText !== undefined) {
    if (!/^\d{1,4}$/.test(limitText) || Number(limitText) < 1 || Number(limitText) > MAX_LIMIT) {
      return { parameter: 'limit', message: `limit must be a whole number from 1 to ${MAX_LIMIT}` };
    }
    limit = Number(limitText);
  }
  if (cursor !== undefined && !CURSOR.test(cursor)) {
    return { parameter: 'cursor', message: 'cursor must be a value taken from a next link (YYYY-MM-DD.<16 hex>)' };
  }
  return cursor === undefined ? { limit } : { limit, cursor };
}

export function isQueryError(value: PageQuery | QueryError): value is QueryError {
  return 'parameter' in value;
}

/**
 * Content packs one page may read. A free-plan Worker may make 50 subrequests per request and reading a static
 * asset through the binding may count as one, so an entity whose articles are spread thin gets pages of up to
 * 40 items (its next link carries on); the site feed and frequent entities fill whole pages from a few packs.
 */
export const MAX_PACKS_PER_PAGE = 40;

/**
 * Article text one page may carry, in KiB: a feed document past ~250 KB is one readers and the JSON Feed checker
 * flag; a page ends early when its items would pass it (with at least one item), and its next link carries on.
 */
export const MAX_PAGE_KIB = 200;

/**
 * A page's limits besides `limit`: the article text it carries and the content packs it reads (its first item is
 * always admitted). Decided from the index alone, never from what an isolate has cached: the same URL is the
 * same page.
 */
function pageBudget(articles: ArticleIndex, packOf?: (rank: number) => number) {
  const packs = new Set<number>();
  let kib = 0;
  return (rank: number, first: boolean): boolean => {
    kib += articles.sizeKib(rank);
    if (!first && kib > MAX_PAGE_KIB) return false;
    if (packOf) {
      const pack = packOf(rank);
      if (!packs.has(pack) && packs.size === MAX_PACKS_PER_PAGE) return false;
      packs.add(pack);
    }
    return true;
  };
}

/**
 * The cursor names the last item already seen, not an offset, so a page does not shift when articles are
 * added; it still works when that article is later removed. Cost: two binary searches.
 */
export function page(
  articles: ArticleIndex,
  ranks: number[] | undefined,
  query: PageQuery,
  packOf?: (rank: number) => number,
): { ranks: number[]; next?: string } {
  const total = ranks ? ranks.length : articles.count;
  let from = 0;
  if (query.cursor) {
    const position = firstAfter(articles, query.cursor);
    from = ranks ? lowerBound(ranks, position) : position;
  }
  const end = Math.min(from + query.limit, total);
  const selected: number[] = [];
  const admits = pageBudget(articles, packOf);
  let to = from;
  for (; to < end; to++) {
    const rank = ranks ? ranks[to]! : to;
    if (!admits(rank, selected.length === 0)) break;
    selected.push(rank);
  }
  const next = to < total ? articles.cursor(selected.at(-1)!) : undefined;
  return next ? { ranks: selected, next } : { ranks: selected };
}

/**
 * `page` over a combined set (rank-sets.ts): the same cursor, limit and pack budget, asking the set for its next
 * member at most `limit + 1` times. `set` is fresh (sets walk forward only).
 */
export function pageOfSet(
  articles: ArticleIndex,
  set: RankSet,
  query: PageQuery,
  packOf?: (rank: number) => number,
): { ranks: number[]; next?: string } {
  let position = query.cursor ? firstAfter(articles, query.cursor) : 0;
  const selected: number[] = [];
  const admits = pageBudget(articles, packOf);
  while (selected.length < query.limit) {
    const rank = set.seek(position);
    if (rank === undefined || !admits(rank, selected.length === 0)) break;
    selected.push(rank);
    position = rank + 1;
  }
  const more = selected.length > 0 && set.seek(position) !== undefined;
  return more ? { ranks: selected, next: articles.cursor(selected.at(-1)!) } : { ranks: selected };
}

/** First rank whose article sorts after the cursor: date descending, then id ascending. */
function firstAfter(articles: ArticleIndex, cursor: string): number {
  const [, date, id] = CURSOR.exec(cursor)!;
  let low = 0;
  let high = articles.count;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const midDate = articles.date(mid);
    const after = midDate < date! || (midDate === date && articles.id(mid) > id!);
    if (after) high = mid;
    else low = mid + 1;
  }
  return low;
}

function lowerBound(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
