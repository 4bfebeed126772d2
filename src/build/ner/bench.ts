// Speed check (not a test): tokens per second of tagDocument over CoNLL-2003 dev on one core, after warm-up, and
// the time to load the weights.   npx tsx src/build/ner/bench.ts [--ner-dir DIR] [--weights FILE] [--rounds N]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseConll } from './conll.js';
import { DEFAULT_WEIGHTS, loadTagger } from './tagger.js';
import { tokenize } from './tokens.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const { values } = parseArgs({
  options: {
    'ner-dir': { type: 'string', default: join(ROOT, '..', 'shared', 'ner') },
    weights: { type: 'string', default: DEFAULT_WEIGHTS },
    rounds: { type: 'string', default: '10' },
  },
});

const documents = parseConll(readFileSync(join(values['ner-dir']!, 'conll2003-dev.txt'), 'utf8')).map((document) =>
  document.sentences.map((sentence) => sentence.tokens),
);
const tokens = documents.reduce((sum, d) => sum + d.reduce((n, s) => n + s.length, 0), 0);

const loadStart = performance.now();
const tagger = loadTagger(values.weights);
const loadMs = performance.now() - loadStart;
console.log(`load: ${loadMs.toFixed(0)} ms (${values.weights})`);

// Warm-up: the JIT compiles the hot loops and every dev word enters the word cache, as in a long build.
for (let round = 0; round < 2; round++) for (const document of documents) tagger.tagDocument(document);

const rates: number[] = [];
for (let round = 0; round < Number(values.rounds); round++) {
  const start = performance.now();
  for (const document of documents) tagger.tagDocument(document);
  rates.push(tokens / ((performance.now() - start) / 1000));
}
rates.sort((a, b) => a - b);
const median = rates[Math.floor(rates.length / 2)]!;
console.log(
  `tagDocument: ${documents.length} documents, ${tokens} tokens a round; median ${Math.round(median)} ` +
    `tokens/s, best ${Math.round(rates[rates.length - 1]!)}, worst ${Math.round(rates[0]!)} ` +
    `over ${rates.length} rounds`,
);

// A fresh tagger (warm JIT, empty word cache): every word is analysed for the first time, as in a new build.
const fresh = loadTagger(values.weights);
const coldStart = performance.now();
for (const document of documents) fresh.tagDocument(document);
console.log(`tagDocument, empty word cache: ${Math.round(tokens / ((performance.now() - coldStart) / 1000))} tokens/s`);

// Tokenizing prose as well: the dev tokens joined with spaces, a sentence at a time.
const sentences = documents.flat().map((sentence) => sentence.join(' '));
const start = performance.now();
let count = 0;
for (const sentence of sentences) count += tokenize(sentence).length;
const seconds = (performance.now() - start) / 1000;
console.log(`tokenize: ${Math.round(count / seconds)} tokens/s (one pass, ${count} tokens)`);
