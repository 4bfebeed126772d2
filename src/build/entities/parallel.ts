// Extraction on every core: the articles to extract are shared out to worker threads, each with its own tagger;
// the results come back in order. Small batches (a rebuild after one edit) stay on the main thread, where
// starting workers would cost more than it saves.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Block } from '../model.js';
import { type Extraction, type Extractor, extractEntities } from './extract.js';

/** Fewer articles than this are extracted on the main thread. */
const PARALLEL_FROM = 200;
const BATCH = 25;

export interface ParallelOptions {
  /** Worker threads: `WIREFEED_THREADS`, else one a core (at most 8). 1 means the main thread only. */
  threads?: number;
  extractor?: Extractor;
  onDone?: (done: number) => void;
}

export function defaultThreads(env = process.env): number {
  const asked = Number(env.WIREFEED_THREADS);
  return Number.isInteger(asked) && asked > 0 ? asked : Math.min(availableParallelism(), 8);
}

export async function extractAll(jobs: Block[][], options: ParallelOptions = {}): Promise<Extraction[]> {
  const threads = options.threads ?? defaultThreads();
  if (threads <= 1 || jobs.length < PARALLEL_FROM) {
    return jobs.map((blocks, index) => {
      const extraction = extractEntities(blocks, options.extractor);
      options.onDone?.(index + 1);
      return extraction;
    });
  }
  const results = new Array<Extraction>(jobs.length);
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./extract-worker.mjs', import.meta.url)));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let batchStart = 0;
            const send = () => {
              if (next >= jobs.length) return resolve();
              batchStart = next;
              next = Math.min(jobs.length, next + BATCH);
              worker.postMessage({ jobs: jobs.slice(batchStart, next), extractor: options.extractor });
            };
            worker.on('message', (batch: Extraction[]) => {
              batch.forEach((extraction, k) => {
                results[batchStart + k] = extraction;
              });
              done += batch.length;
              options.onDone?.(done);
              send();
            });
            worker.on('error', reject);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}
