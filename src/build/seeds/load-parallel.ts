// Loading the seed folders for the build: the articles the extraction cache lacks are extracted on every core
// (entities/parallel.ts). The extractor (compromise, the gazetteers, the tagger: ~0.7 s to load) is imported only
// when an article needs it, so a build whose extractions are all cached never loads it.

import type { Extraction } from '../entities/extract.js';
import { extractionBlocks } from '../entities/extraction-blocks.js';
import { defaultThreads, extractOnWorkers, PARALLEL_FROM, startWorker } from '../entities/workers.js';
import type { Block } from '../model.js';
import { finish, type LoadOptions, type ParsedSeed, readSeeds, type SeedLoad } from './read.js';

/** Reads every seed of the seed folders; the articles the cache does not have are extracted on worker threads. */
export async function loadSeedsInParallel(dirs: string[], options: LoadOptions = {}): Promise<SeedLoad> {
  // A rebuild (a cache to look in) usually has an article or two to extract: one worker loads the extractor on
  // another core while this thread reads the seeds and the cache file, and is dropped if nothing needs it.
  const warm = options.cache && defaultThreads() > 1 ? startWorker() : undefined;
  let read: ReturnType<typeof readSeeds>;
  try {
    read = readSeeds(dirs, options);
  } catch (error) {
    await warm?.terminate();
    throw error;
  }
  const extractions = new Map<ParsedSeed, Extraction>();
  const missing: ParsedSeed[] = [];
  const jobs: Block[][] = [];
  for (const seed of read.parsed) {
    if (!seed.article) continue;
    const blocks = extractionBlocks(seed.article);
    const cached = options.cache?.lookup(blocks);
    if (cached) extractions.set(seed, cached);
    else {
      missing.push(seed);
      jobs.push(blocks);
    }
  }
  const onDone = (done: number) => options.onProgress?.(done, missing.length);
  if (jobs.length === 0) await warm?.terminate();
  // A few articles go to the warm worker alone: this thread then never loads the extractor.
  const extract = async () =>
    warm && jobs.length < PARALLEL_FROM
      ? extractOnWorkers(jobs, [warm], { onDone })
      : (await import('../entities/parallel.js')).extractAll(jobs, { onDone, started: warm ? [warm] : [] });
  const fresh = jobs.length === 0 ? [] : await extract();
  missing.forEach((seed, index) => {
    extractions.set(seed, fresh[index]!);
    options.cache?.store(jobs[index]!, fresh[index]!);
  });
  return finish(read, extractions, options.rules);
}
