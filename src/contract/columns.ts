// The compact columns of the Worker's index: written by the build (src/corpus/packs.ts), read by the Worker
// (src/worker/article-index.ts). Long strings instead of arrays of objects, because a script's start-up cost is
// parsing it: 50,000 articles as objects take hundreds of milliseconds, as columns a few.

export const ID_WIDTH = 16;
export const DATE_WIDTH = 10;
export const VERSION_WIDTH = 8;
/** An article's feed-item size in KiB, base-36, two digits (at most 1,295; articles are cut at 192 KiB). */
export const SIZE_WIDTH = 2;
export const MAX_SIZE_KIB = 36 ** SIZE_WIDTH - 1;
/** Ranks in `byId` are base-36, four digits: up to 1.6 million articles. */
export const RANK_WIDTH = 4;
export const MAX_ARTICLES = 36 ** RANK_WIDTH;

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE_OF = new Map([...DIGITS].map((digit, value) => [digit.charCodeAt(0), value]));

/**
 * Ascending ranks as a variable-length code of the gaps (5 bits a digit, the sixth bit says "more"): a frequent
 * entity's ranks cost about one character each.
 */
export function encodeRanks(ranks: readonly number[]): string {
  let out = '';
  let previous = -1;
  for (const rank of ranks) {
    let gap = rank - previous - 1;
    previous = rank;
    do {
      const digit = gap & 31;
      gap >>>= 5;
      out += DIGITS[gap > 0 ? digit | 32 : digit];
    } while (gap > 0);
  }
  return out;
}

export function decodeRanks(code: string, count: number): number[] {
  const ranks = new Array<number>(count);
  let previous = -1;
  let n = 0;
  for (let i = 0; i < code.length; ) {
    let gap = 0;
    let shift = 0;
    let value: number;
    do {
      value = VALUE_OF.get(code.charCodeAt(i++))!;
      gap |= (value & 31) << shift;
      shift += 5;
    } while (value & 32);
    previous += gap + 1;
    ranks[n++] = previous;
  }
  return ranks;
}
