// Sets of article ranks built from the index's sorted rank lists (ascending rank = newest first), for combined
// feeds: articles mentioning every one of some entities, any of them, none of them. Nothing is materialized: a set
// answers "the first member at or after this rank", and a page asks that at most `limit + 1` times with ranks that
// only grow, so each list is walked forward by galloping (exponential then binary search) from where it last
// stopped. A page costs O(limit · lists · log gap), never a scan of the articles.

export interface RankSet {
  /** The smallest member ≥ `position`, or undefined when there is none. `position` must never decrease. */
  seek(position: number): number | undefined;
}

/** One entity's sorted ranks, walked forward by galloping. */
export class ListSet implements RankSet {
  private index = 0;

  constructor(private readonly ranks: readonly number[]) {}

  seek(position: number): number | undefined {
    const ranks = this.ranks;
    let low = this.index;
    if (low >= ranks.length) return undefined;
    if (ranks[low]! < position) {
      // Gallop: find a step past `position`, then binary search inside the last step.
      let step = 1;
      while (low + step < ranks.length && ranks[low + step]! < position) {
        low += step;
        step *= 2;
      }
      let high = Math.min(low + step, ranks.length);
      low += 1;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (ranks[mid]! < position) low = mid + 1;
        else high = mid;
      }
    }
    this.index = low;
    return low < ranks.length ? ranks[low] : undefined;
  }
}

/** Every article of the corpus: ranks 0 … count − 1. */
export class WholeSet implements RankSet {
  constructor(private readonly count: number) {}

  seek(position: number): number | undefined {
    return position < this.count ? position : undefined;
  }
}

/** Members of every set: leapfrog intersection (each set jumps to the largest candidate so far). */
export class IntersectionSet implements RankSet {
  constructor(private readonly sets: readonly RankSet[]) {}

  seek(position: number): number | undefined {
    let candidate = position;
    let agreed = 0;
    for (let i = 0; agreed < this.sets.length; i = (i + 1) % this.sets.length) {
      const found = this.sets[i]!.seek(candidate);
      if (found === undefined) return undefined;
      if (found === candidate) agreed++;
      else {
        candidate = found;
        agreed = 1;
      }
    }
    return candidate;
  }
}

/** Members of at least one set: the smallest of their next members (a k-way merge). */
export class UnionSet implements RankSet {
  constructor(private readonly sets: readonly RankSet[]) {}

  seek(position: number): number | undefined {
    let best: number | undefined;
    for (const set of this.sets) {
      const found = set.seek(position);
      if (found !== undefined && (best === undefined || found < best)) best = found;
    }
    return best;
  }
}

/** Members of `base` that are not in `excluded`. */
export class DifferenceSet implements RankSet {
  constructor(
    private readonly base: RankSet,
    private readonly excluded: RankSet,
  ) {}

  seek(position: number): number | undefined {
    let candidate = position;
    for (;;) {
      const found = this.base.seek(candidate);
      if (found === undefined) return undefined;
      if (this.excluded.seek(found) !== found) return found;
      candidate = found + 1;
    }
  }
}

/** The rank lists of a combination: `all` (every one), `any` (at least one), `none` (not one). */
export interface RankLists {
  all: readonly (readonly number[])[];
  any: readonly (readonly number[])[];
  none: readonly (readonly number[])[];
}

/** A fresh set over the lists (sets are stateful: one per walk). With neither `all` nor `any`, the whole corpus. */
export function combinedSet(lists: RankLists, count: number): RankSet {
  const positive: RankSet[] = lists.all.map((ranks) => new ListSet(ranks));
  if (lists.any.length > 0) positive.push(new UnionSet(lists.any.map((ranks) => new ListSet(ranks))));
  const base =
    positive.length === 0 ? new WholeSet(count) : positive.length === 1 ? positive[0]! : new IntersectionSet(positive);
  if (lists.none.length === 0) return base;
  return new DifferenceSet(base, new UnionSet(lists.none.map((ranks) => new ListSet(ranks))));
}
