// Starting extraction workers, apart from the extractor itself: importing this module loads none of it, so the
// build can start a worker before it knows whether any article needs extracting (seeds/load-parallel.ts).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Block } from '../model.js';
import type { Extraction, Extractor } from './extract.js';

const BATCH = 25;

/** Fewer articles than this are extracted on the main thread (unless a worker was started ahead). */
export const PARALLEL_FROM = 200;

/** Worker threads: `WIREFEED_THREADS`, else one a core (at most 8). 1 means the main thread only. */
export function defaultThreads(env = process.env): number {
  const asked = Number(env.WIREFEED_THREADS);
  return Number.isInteger(asked) && asked > 0 ? asked : Math.min(availableParallelism(), 8);
}

/** A worker thread that begins loading the extractor at once; hand it to `extractAll`, or terminate it. */
export function startWorker(): Worker {
  return new Worker(new URL('./extract-worker.mjs', import.meta.url));
}

/** The jobs shared out to the workers in batches, the results in order; the workers are terminated at the end. */
export async function extractOnWorkers(
  jobs: Block[][],
  workers: Worker[],
  options: { extractor?: Extractor; onDone?: (done: number) => void } = {},
): Promise<Extraction[]> {
  const results = new Array<Extraction>(jobs.length);
  let next = 0;
  let done = 0;
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
