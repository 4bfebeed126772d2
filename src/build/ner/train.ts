// `npm run train:entities`: trains the entity tagger on CoNLL-2003 (eng.train), with and without the project's own
// annotated articles, scores both on CoNLL-2003 dev (eng.testa), keeps the better and writes its weights.
//   --ner-dir DIR    where conll2003-train.txt and conll2003-dev.txt are (default: ../shared/ner from the repo root)
//   --articles MODE  auto (train both ways, keep the better on dev; default), yes, no
//   --epochs N --bits B --seed S --ensemble K   training settings (defaults chosen on dev)
//   --out FILE       weights file (default: src/build/ner/weights.bin.gz)
//   --trace          print dev F1 after every epoch
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readArticles } from './articles.js';
import { type Document, parseConll } from './conll.js';
import { DEFAULT_BITS, type Lexicon } from './features.js';
import { DEFAULT_ENSEMBLE, DEFAULT_EPOCHS, DEFAULT_SEED, evaluate, trainModel } from './learn.js';
import type { Model } from './perceptron.js';
import { formatReport, type Report } from './score.js';
import { DEFAULT_WEIGHTS, taggerFromBytes, taggerFromModel } from './tagger.js';
import { serializeModel } from './weights.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const { values } = parseArgs({
  options: {
    'ner-dir': { type: 'string', default: join(ROOT, '..', 'shared', 'ner') },
    articles: { type: 'string', default: 'auto' },
    epochs: { type: 'string', default: String(DEFAULT_EPOCHS) },
    bits: { type: 'string', default: String(DEFAULT_BITS) },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    ensemble: { type: 'string', default: String(DEFAULT_ENSEMBLE) },
    out: { type: 'string', default: DEFAULT_WEIGHTS },
    trace: { type: 'boolean', default: false },
  },
});

const settings = {
  epochs: Number(values.epochs),
  bits: Number(values.bits),
  seed: Number(values.seed),
  ensemble: Number(values.ensemble),
};
if (!['auto', 'yes', 'no'].includes(values.articles!)) throw new Error('--articles is auto, yes or no');

function read(name: string): Document[] {
  return parseConll(readFileSync(join(values['ner-dir']!, name), 'utf8'));
}

const started = performance.now();
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
const train = read('conll2003-train.txt');
const dev = read('conll2003-dev.txt');
const articles = readArticles(join(ROOT, 'eval', 'entities'));
const count = (documents: Document[]) =>
  documents.reduce((sum, d) => sum + d.sentences.reduce((n, s) => n + s.tokens.length, 0), 0);
console.log(
  `CoNLL-2003 train: ${train.length} documents, ${count(train)} tokens; dev: ${dev.length} documents, ` +
    `${count(dev)} tokens; project articles: ${articles.length} documents, ${count(articles)} tokens`,
);
const lastSeed = settings.seed + settings.ensemble - 1;
console.log(
  `${settings.ensemble} perceptrons averaged (seeds ${settings.seed}…${lastSeed}), ` +
    `${settings.epochs} epochs each, 2^${settings.bits} feature buckets\n`,
);

interface Variant {
  label: string;
  bytes: Uint8Array;
  report: Report;
}

function trace(member: number, epoch: number, model: Model, lexicon: Lexicon): void {
  const f1 = evaluate(taggerFromModel(model, lexicon), dev).micro.f1;
  console.log(`  member ${member + 1}, epoch ${String(epoch).padStart(2)}: dev micro F1 ${(100 * f1).toFixed(2)}`);
}

function trainVariant(withArticles: boolean): Variant {
  const label = withArticles ? 'CoNLL-2003 train + project articles' : 'CoNLL-2003 train only';
  const since = performance.now();
  // Articles go after the CoNLL documents, so the CoNLL documents keep their folds either way.
  const { model, lexicon } = trainModel(withArticles ? [...train, ...articles] : train, {
    ...settings,
    onEpoch: values.trace ? trace : undefined,
  });
  const bytes = serializeModel(model, lexicon);
  // Scored through the bytes as written: what is measured is what is shipped.
  const report = evaluate(taggerFromBytes(bytes), dev);
  console.log(`${label}: trained in ${seconds(since)} s, weights ${(bytes.length / 1e6).toFixed(2)} MB`);
  console.log(`${formatReport(report)}\n`);
  return { label, bytes, report };
}

const variants =
  values.articles === 'auto' ? [trainVariant(false), trainVariant(true)] : [trainVariant(values.articles === 'yes')];
const best = variants.reduce((a, b) => (b.report.micro.f1 > a.report.micro.f1 ? b : a));
writeFileSync(values.out!, best.bytes);
console.log(
  `kept: ${best.label} (dev micro F1 ${(100 * best.report.micro.f1).toFixed(2)}); wrote ${values.out} ` +
    `(${best.bytes.length} bytes) in ${seconds(started)} s in all`,
);
