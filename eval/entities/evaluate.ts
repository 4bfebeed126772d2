// `npm run eval:entities`: runs the real build stages (parse → extract → corpus) over the evaluation set and
// prints precision, recall and F1 per type, typed and untyped, and cross-article consistency.
//   --verbose   list every miss and false entity
//   --check     exit 1 unless typed F1 ≥ 0.92 and consistency ≥ 0.95
//   --speed N   instead: time extraction of N generated ~500-word articles (bench/generate.ts), with progress
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildCorpus, type ExtractedArticle } from '../../src/build/corpus/build.js';
import { extractEntities } from '../../src/build/entities/extract.js';
import { parseSeed } from '../../src/build/parse/seed.js';
import { decodeSeed } from '../../src/build/parse/text.js';
import { ENTITY_TYPES } from '../../src/contract/corpus-index.js';
import { type ArticleResult, evaluate, type GoldEntity, match, type Scores } from './score.js';

const TARGET_F1 = 0.92;
const TARGET_CONSISTENCY = 0.95;
const here = fileURLToPath(new URL('.', import.meta.url));
const { values } = parseArgs({
  options: {
    verbose: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    dir: { type: 'string', default: here },
    speed: { type: 'string' },
  },
});

if (values.speed) {
  const { generateCorpus } = await import('../../bench/generate.js');
  const count = Number(values.speed);
  const seeds = generateCorpus({ count, seed: 1 });
  const words = seeds.reduce((sum, seed) => sum + seed.text.split(/\s+/).length, 0);
  const started = performance.now();
  const extracted: ExtractedArticle[] = [];
  seeds.forEach((seed, index) => {
    const { article } = parseSeed(seed.name, seed.text);
    if (article) extracted.push({ article, ...extractEntities(article.blocks) });
    if ((index + 1) % Math.ceil(count / 20) === 0 || index + 1 === count) {
      process.stderr.write(`\r${index + 1}/${count} articles, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  });
  const corpus = buildCorpus(extracted);
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write('\n');
  console.log(
    `extraction speed: ${count} articles (${Math.round(words / count)} words each on average) \
in ${seconds.toFixed(1)} s: ${Math.round(count / seconds)} articles/s, ${corpus.entities.length} entities`,
  );
  process.exit(0);
}

const articlesDir = join(values.dir!, 'articles');
const goldDir = join(values.dir!, 'gold');
const files = readdirSync(articlesDir)
  .filter((name) => name.endsWith('.txt'))
  .sort();

const started = performance.now();
const extracted: ExtractedArticle[] = [];
for (const file of files) {
  const { article, warnings } = parseSeed(file, decodeSeed(readFileSync(join(articlesDir, file))).text);
  if (!article) throw new Error(`${file}: ${warnings.map((w) => w.message).join('; ')}`);
  extracted.push({ article, ...extractEntities(article.blocks) });
}
const corpus = buildCorpus(extracted);
const elapsed = performance.now() - started;

const results: ArticleResult[] = corpus.articles.map((article) => {
  const gold = (
    JSON.parse(readFileSync(join(goldDir, `${basename(article.source, '.txt')}.json`), 'utf8')) as {
      entities: GoldEntity[];
    }
  ).entities;
  const found = extracted.find((e) => e.article.id === article.id)!;
  const mentions = [...found.mentions, ...(found.unresolved ?? [])];
  const predicted = article.entities.map((index) => {
    const entity = corpus.entities[index]!;
    const forms = mentions
      .filter((m) => entity.aliases.includes(m.name) || m.name === entity.name)
      .flatMap((m) => m.forms);
    return { name: entity.name, type: entity.type, slug: entity.slug, forms: forms.length ? forms : [entity.name] };
  });
  return { file: article.source, gold, predicted };
});

const report = evaluate(results);
const pct = (n: number) => (n * 100).toFixed(1).padStart(5);
const row = (label: string, s: Scores) =>
  `${label.padEnd(14)} ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}  \
 ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}`;

if (values.verbose) {
  for (const { file, gold, predicted } of results) {
    const pairs = match(gold, predicted);
    const lines: string[] = [];
    for (const [g, p] of pairs) {
      if (!p) lines.push(`  missed  ${g.type.padEnd(12)} ${g.name}`);
      else if (p.type !== g.type) lines.push(`  type    ${g.name}: ${p.type}, gold ${g.type}`);
    }
    const used = new Set(pairs.map(([, p]) => p));
    for (const p of predicted)
      if (!used.has(p)) lines.push(`  false   ${p.type.padEnd(12)} ${p.name}  [${p.forms.join(' | ')}]`);
    if (lines.length) console.log(`${file}\n${lines.join('\n')}`);
  }
  for (const line of report.consistency.broken) console.log(`  inconsistent ${line}`);
  console.log();
}

console.log(
  `entity extraction on ${results.length} articles (${Math.round(elapsed)} \
ms, ${(elapsed / results.length).toFixed(1)} ms/article)`,
);
console.log(`${''.padEnd(14)} prec.  recall    F1      TP   FP   FN`);
for (const type of ENTITY_TYPES) console.log(row(type, report.byType[type]));
console.log(row('typed', report.typed));
console.log(row('untyped', report.untyped));
console.log(
  `consistency    ${pct(report.consistency.share)}  (${report.consistency.consistent} \
of ${report.consistency.total} entities in 2+ articles: same name, type and slug everywhere)`,
);

const met = report.typed.f1 >= TARGET_F1 && report.consistency.share >= TARGET_CONSISTENCY;
console.log(`targets: typed F1 ≥ ${TARGET_F1} and consistency ≥ ${TARGET_CONSISTENCY}: ${met ? 'met' : 'NOT met'}`);
if (values.check && !met) process.exit(1);
