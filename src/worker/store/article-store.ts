import { type ArticleContent, type CorpusIndex, packSlot } from '../../contract/corpus-index.js';
import { Lru } from './lru.js';

/** The ASSETS binding: Workers static assets, read by path. */
export interface AssetFetcher {
  fetch(input: Request | string): Promise<Response>;
}

const NEWLINE = 0x0a;
// Article text kept decoded per isolate, by characters: ~16 MB of a 128 MB isolate.
const ARTICLE_CACHE_CHARS = 16 * 1024 * 1024;

/**
 * Article text on demand: the packs hold it, this keeps the recently used articles decoded. A page of 50
 * items reads each pack it needs once, in parallel, and decodes only the lines it needs.
 */
export class ArticleStore {
  private readonly articles = new Lru<number, ArticleContent>(
    ARTICLE_CACHE_CHARS,
    (content) => content.contentHtml.length + content.summary.length + 256,
  );
  private readonly decoder = new TextDecoder();

  constructor(private readonly index: CorpusIndex) {}

  async get(assets: AssetFetcher | undefined, ranks: readonly number[]): Promise<ArticleContent[]> {
    const found = new Map<number, ArticleContent>();
    const missing = new Map<number, Array<{ rank: number; line: number }>>();
    for (const rank of ranks) {
      const cached = this.articles.get(rank);
      if (cached) {
        found.set(rank, cached);
        continue;
      }
      const { pack, line } = packSlot(rank, this.index.articles.count);
      const wanted = missing.get(pack) ?? [];
      wanted.push({ rank, line });
      missing.set(pack, wanted);
    }
    if (missing.size > 0) {
      if (!assets)
        throw new Error(
          'the ASSETS binding is missing: article text is served from Workers static assets ' +
            '([assets] in wrangler.toml)',
        );
      await Promise.all(
        [...missing].map(async ([pack, wanted]) => {
          const bytes = await this.readPack(assets, pack);
          for (const { rank, line } of wanted) {
            const content = this.decodeLine(bytes, line, pack);
            found.set(rank, content);
            this.articles.set(rank, content);
          }
        }),
      );
    }
    return ranks.map((rank) => found.get(rank)!);
  }

  private async readPack(assets: AssetFetcher, pack: number): Promise<Uint8Array> {
    const path = this.index.packs[pack];
    if (path === undefined) throw new Error(`content pack ${pack} is not in the index`);
    const response = await assets.fetch(`https://assets.invalid${path}`);
    if (!response.ok)
      throw new Error(`content pack ${path}: HTTP ${response.status}; was the Worker deployed with its assets?`);
    return new Uint8Array(await response.arrayBuffer());
  }

  private decodeLine(bytes: Uint8Array, line: number, pack: number): ArticleContent {
    let start = 0;
    for (let i = 0; i < line; i++) {
      start = bytes.indexOf(NEWLINE, start) + 1;
      if (start === 0) throw new Error(`content pack ${pack} has no line ${line}`);
    }
    const end = bytes.indexOf(NEWLINE, start);
    return JSON.parse(this.decoder.decode(bytes.subarray(start, end < 0 ? bytes.length : end))) as ArticleContent;
  }
}
