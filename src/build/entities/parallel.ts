// Extraction on every core: the articles to extract are shared out to worker threads, each with its own tagger;
// the results come back in order. Small batches (a rebuild after one edit) stay on the main thread, where
// starting workers would cost more than it saves, unless a worker was started ahead (`startWorker`): a rebuild
// starts one while it reads the seeds, so the extractor loads on the other core meanwhile.
import type { Worker } from 'node:worker_threads';
import type { Block } from '../model.js';
import { type Extraction, type Extractor, extractEntities } from './extract.js';
import { defaultThreads, extractOnWorkers, PARALLEL_FROM, startWorker } from './workers.js';

export { defaultThreads, startWorker };

export interface ParallelOptions {
  /** Worker threads: `WIREFEED_THREADS`, else one a core (at most 8). 1 means the main thread only. */
  threads?: number;
  extractor?: Extractor;
  onDone?: (done: number) => void;
  /** Workers already started (and loading the extractor): used first, and terminated when done. */
  started?: Worker[];
}

export async function extractAll(jobs: Block[][], options: ParallelOptions = {}): Promise<Extraction[]> {
  const threads = options.threads ?? defaultThreads();
  const started = options.started ?? [];
  if (started.length === 0 && (threads <= 1 || jobs.length < PARALLEL_FROM)) {
    return jobs.map((blocks, index) => {
      const extraction = extractEntities(blocks, options.extractor);
      options.onDone?.(index + 1);
      return extraction;
    });
  }
  const more = jobs.length < PARALLEL_FROM ? 0 : Math.max(0, threads - started.length);
  return extractOnWorkers(jobs, [...started, ...Array.from({ length: more }, startWorker)], options);
}
