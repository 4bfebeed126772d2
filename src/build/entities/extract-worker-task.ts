// One extraction worker: batches of articles' blocks in, their extractions out, in the same order.
import { parentPort } from 'node:worker_threads';
import type { Block } from '../model.js';
import { type Extractor, extractEntities } from './extract.js';

parentPort!.on('message', ({ jobs, extractor }: { jobs: Block[][]; extractor?: Extractor }) => {
  parentPort!.postMessage(jobs.map((blocks) => extractEntities(blocks, extractor)));
});
