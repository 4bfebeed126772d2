// Loading the seed folders on this thread, extractor included: for tests and tools. The build uses
// load-parallel.ts, which loads the extractor only when an article needs it.
import { type Extraction, extractEntities } from '../entities/extract.js';
import { extractionBlocks } from '../entities/extraction-blocks.js';
import { finish, type LoadOptions, type ParsedSeed, readSeeds, type SeedLoad } from './read.js';

export type { LoadOptions, Progress, SeedLoad } from './read.js';

/** Reads every seed of the seed folders and extracts their entities on this thread. */
export function loadSeeds(dirs: string[], options: LoadOptions = {}): SeedLoad {
  const read = readSeeds(dirs, options);
  const extractions = new Map<ParsedSeed, Extraction>();
  const articles = read.parsed.filter((seed) => seed.article);
  articles.forEach((seed, done) => {
    options.onProgress?.(done, articles.length);
    const blocks = extractionBlocks(seed.article!);
    let extraction = options.cache?.lookup(blocks);
    if (!extraction) {
      extraction = extractEntities(blocks);
      options.cache?.store(blocks, extraction);
    }
    extractions.set(seed, extraction);
  });
  options.onProgress?.(articles.length, articles.length);
  return finish(read, extractions, options.rules);
}
