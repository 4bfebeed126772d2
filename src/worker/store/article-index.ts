import { DATE_WIDTH, decodeRanks, ID_WIDTH, RANK_WIDTH, SIZE_WIDTH, VERSION_WIDTH } from '../../contract/columns.js';
import type { CorpusIndex } from '../../contract/corpus-index.js';

/** Reads the index's columns in place: nothing is unpacked at start-up, an entity's ranks on first use. */
export class ArticleIndex {
  readonly count: number;
  private readonly ranksOf = new Map<number, number[]>();
  private readonly aboutRanksOf = new Map<number, number[]>();

  constructor(private readonly corpus: CorpusIndex) {
    this.count = corpus.articles.count;
  }

  id(rank: number): string {
    return this.corpus.articles.ids.slice(rank * ID_WIDTH, (rank + 1) * ID_WIDTH);
  }

  date(rank: number): string {
    return this.corpus.articles.dates.slice(rank * DATE_WIDTH, (rank + 1) * DATE_WIDTH);
  }

  version(rank: number): string {
    return this.corpus.articles.versions.slice(rank * VERSION_WIDTH, (rank + 1) * VERSION_WIDTH);
  }

  /** What the article adds to a feed page, in KiB. */
  sizeKib(rank: number): number {
    return Number.parseInt(this.corpus.articles.sizes.slice(rank * SIZE_WIDTH, (rank + 1) * SIZE_WIDTH), 36);
  }

  /** `date.id`: the order key, and the paging cursor. */
  cursor(rank: number): string {
    return `${this.date(rank)}.${this.id(rank)}`;
  }

  /** Binary search over the ranks sorted by id. */
  rankOf(id: string): number | undefined {
    const byId = this.corpus.articles.byId;
    let low = 0;
    let high = this.count;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const rank = parseInt(byId.slice(mid * RANK_WIDTH, (mid + 1) * RANK_WIDTH), 36);
      const found = this.id(rank);
      if (found === id) return rank;
      if (found < id) low = mid + 1;
      else high = mid;
    }
    return undefined;
  }

  /** Ranks of an entity's articles, ascending (newest first). */
  entityRanks(entity: number): number[] {
    let ranks = this.ranksOf.get(entity);
    if (!ranks) {
      const { ranks: code, count } = this.corpus.entities[entity]!;
      ranks = decodeRanks(code, count);
      this.ranksOf.set(entity, ranks);
    }
    return ranks;
  }

  /** Ranks of the articles about an entity (build-time salience), ascending: a subset of `entityRanks`. */
  entityAboutRanks(entity: number): number[] {
    let ranks = this.aboutRanksOf.get(entity);
    if (!ranks) {
      const { aboutRanks, about } = this.corpus.entities[entity]!;
      ranks = decodeRanks(aboutRanks, about);
      this.aboutRanksOf.set(entity, ranks);
    }
    return ranks;
  }
}
