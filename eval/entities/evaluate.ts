// `npm run eval:entities`: the extractors side by side, the statistical model (the default) and the rules it
// replaced. (a) CoNLL-2003 dev, mention level (when ../shared/ner is there); (b) the project's annotated articles,
// document level: precision, recall and F1 per type, typed and untyped, and cross-article consistency.
//   --heldout     score the held-out set (eval/entities/heldout18) instead of the tuning set: at the end of a piece of
//                 work only, and report what it says
//   --dir DIR     score another annotated set (articles/ + gold/), e.g. eval/entities/heldout17, the seventeenth
//                 held-out set (scored once in round 18, the development set of round 19)
//   --extractor   model | rules | both (default both)
//   --verbose     list every miss, false entity and type error (of the last extractor)
//   --check       exit 1 unless the model's typed F1 ≥ 0.93 and consistency ≥ 0.95
//   --speed N     instead: time extraction of N generated ~500-word articles on every core (worker threads)
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCorpus, type ExtractedArticle } from '../../src/build/corpus/build.js';
import { type Extractor, extractEntities } from '../../src/build/entities/extract.js';
import { extractionBlocks } from '../../src/build/entities/extraction-blocks.js';
import { defaultThreads, extractAll } from '../../src/build/entities/parallel.js';
import { formatReport } from '../../src/build/ner/score.js';
import { parseSeed } from '../../src/build/parse/seed.js';
import { decodeSeed } from '../../src/build/parse/text.js';
import { ENTITY_TYPES } from '../../src/contract/corpus-index.js';
import { conllDev, pipelineScores, taggerScores } from './conll.js';
import { type ArticleResult, evaluate, type GoldEntity, match, type Report, type Scores } from './score.js';

const TARGET_F1 = 0.93;
const TARGET_CONSISTENCY = 0.95;
const here = import.meta.dirname;
// What each set is (docs/entities.md, "Measuring"): heldout18 was never tuned or trained on (round 19 scores
// it once, at its end).
const SET_NAMES: Record<string, string> = {
  entities: 'tuning set',
  heldout: 'first held-out set, scored once, since tuned and trained on',
  training: 'training set',
  training2: 'training set',
  training3: 'training set',
  heldout2: 'second held-out set, scored once in round 3, trained on since round 4',
  heldout3: 'third held-out set, scored once in round 4, trained on since round 5',
  heldout4: 'fourth held-out set, scored once in round 5, trained on since round 6',
  heldout5: 'fifth held-out set, scored once in round 6, trained on since round 7',
  heldout6: 'sixth held-out set, scored once in round 7, trained on since round 8',
  heldout7: 'seventh held-out set, scored once in round 8, trained on since round 9',
  heldout8: 'eighth held-out set, scored once in round 9, a development set in round 10, then trained on',
  heldout9: 'ninth held-out set, scored once in round 10, a development set in round 11, then trained on',
  heldout10: 'tenth held-out set, scored once in round 11, a development set in round 12, then trained on',
  heldout11: 'eleventh held-out set, scored once in round 12, a development set in round 13, then trained on',
  heldout12: 'twelfth held-out set, scored once in round 13, a development set in round 14, then trained on',
  heldout13: 'thirteenth held-out set, scored once in round 14, a development set in round 15, then trained on',
  heldout14: 'fourteenth held-out set, scored once in round 15, a development set in round 16, then trained on',
  heldout15: 'fifteenth held-out set, scored once in round 16, a development set in round 17, then trained on',
  heldout16: 'sixteenth held-out set, scored once in round 17, a development set in round 18, then trained on',
  heldout17: 'seventeenth held-out set, scored once in round 18, the development set of round 19',
  heldout18: 'held-out set',
};
const { values } = parseArgs({
  options: {
    verbose: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    heldout: { type: 'boolean', default: false },
    extractor: { type: 'string', default: 'both' },
    dir: { type: 'string' },
    speed: { type: 'string' },
  },
});
const extractors: Extractor[] = values.extractor === 'both' ? ['rules', 'model'] : [values.extractor as Extractor];

async function speed(count: number): Promise<void> {
  const { generateCorpus } = await import('../../bench/generate.js');
  const seeds = generateCorpus({ count, seed: 1 });
  const words = seeds.reduce((sum, seed) => sum + seed.text.split(/\s+/).length, 0);
  const started = performance.now();
  const articles = seeds.flatMap((seed) => parseSeed(seed.name, seed.text).article ?? []);
  const progress = (done: number) => {
    if (done % 500 === 0 || done === count)
      process.stderr.write(`\r${done}/${count} articles, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
  const extractions = await extractAll(
    articles.map((article) => extractionBlocks(article)),
    { onDone: progress },
  );
  const corpus = buildCorpus(articles.map((article, index) => ({ article, ...extractions[index]! })));
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write('\n');
  console.log(
    `extraction speed: ${count} articles (${Math.round(words / count)} words each on average) in ` +
      `${seconds.toFixed(1)} s on ${defaultThreads()} threads: ${Math.round(count / seconds)} articles/s, ` +
      `${corpus.entities.length} entities, peak ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
  );
}

function documentResults(dir: string, extractor: Extractor): { results: ArticleResult[]; ms: number } {
  const articlesDir = join(dir, 'articles');
  const files = readdirSync(articlesDir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  const started = performance.now();
  const extracted: ExtractedArticle[] = files.map((file) => {
    const { article, warnings } = parseSeed(file, decodeSeed(readFileSync(join(articlesDir, file))).text);
    if (!article) throw new Error(`${file}: ${warnings.map((w) => w.message).join('; ')}`);
    return { article, ...extractEntities(extractionBlocks(article), extractor) };
  });
  const corpus = buildCorpus(extracted);
  const ms = performance.now() - started;
  // An article's entities are those whose feeds carry it: every one found, where its feed items list only the
  // MAX_ITEM_ENTITIES most mentioned.
  const inFeeds = corpus.articles.map((): number[] => []);
  corpus.entities.forEach((entity, index) => {
    for (const rank of entity.articles) inFeeds[rank]!.push(index);
  });
  const results = corpus.articles.map((article, rank) => {
    const goldFile = join(dir, 'gold', `${basename(article.source, '.txt')}.json`);
    const gold = (JSON.parse(readFileSync(goldFile, 'utf8')) as { entities: GoldEntity[] }).entities;
    const found = extracted.find((e) => e.article.id === article.id)!;
    const mentions = [...found.mentions, ...(found.unresolved ?? [])];
    const predicted = inFeeds[rank]!.map((index) => {
      const entity = corpus.entities[index]!;
      const forms = mentions
        .filter((m) => entity.aliases.includes(m.name) || m.name === entity.name)
        .flatMap((m) => m.forms);
      return { name: entity.name, type: entity.type, slug: entity.slug, forms: forms.length ? forms : [entity.name] };
    });
    return { file: article.source, gold, predicted };
  });
  return { results, ms };
}

function printVerbose(results: ArticleResult[], report: Report): void {
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

const pct = (n: number) => (n * 100).toFixed(1).padStart(5);
const cells = (s: Scores) => `${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}`;

function printDocumentTable(reports: Array<{ extractor: Extractor; report: Report; articles: number; ms: number }>) {
  console.log(`${''.padEnd(14)}${reports.map(({ extractor }) => `${extractor.padStart(17)}`).join('   ')}`);
  console.log(`${''.padEnd(14)}${reports.map(() => '   P     R    F1').join('   ')}`);
  const line = (label: string, pick: (report: Report) => Scores) =>
    console.log(`${label.padEnd(14)}${reports.map(({ report }) => cells(pick(report))).join('   ')}`);
  for (const type of ENTITY_TYPES) line(type, (report) => report.byType[type]);
  line('typed', (report) => report.typed);
  line('untyped', (report) => report.untyped);
  const consistency = reports.map(
    ({ report: { consistency } }) => `${pct(consistency.share)} (${consistency.consistent}/${consistency.total})`,
  );
  console.log(`${'consistency'.padEnd(14)}${consistency.map((cell) => `  ${cell.padStart(15)}`).join('   ')}`);
  const speedCells = reports.map(({ articles, ms }) => `${(ms / articles).toFixed(1)} ms/article`.padStart(17));
  console.log(`${'speed'.padEnd(14)}${speedCells.join('   ')}`);
}

async function main(): Promise<void> {
  if (values.speed) return speed(Number(values.speed));
  const dir = values.dir ?? (values.heldout ? join(here, 'heldout18') : here);
  if (!values.heldout) {
    const dev = conllDev();
    if (dev) {
      console.log('(a) CoNLL-2003 dev, mention level, exact span and type (MISC ignored)\n');
      console.log(`tagger alone\n${formatReport(taggerScores(dev))}\n`);
      for (const extractor of extractors) {
        console.log(`whole pipeline, ${extractor}\n${formatReport(pipelineScores(dev, extractor))}\n`);
      }
    } else console.log('(a) CoNLL-2003 dev: ../shared/ner/conll2003-dev.txt not found, skipped\n');
  }
  const runs = extractors.map((extractor) => {
    const { results, ms } = documentResults(dir, extractor);
    return { extractor, results, report: evaluate(results), articles: results.length, ms };
  });
  const set = SET_NAMES[basename(resolve(dir))] ?? 'annotated set';
  console.log(`(b) ${runs[0]!.articles} annotated articles (${set}, ${dir}), document level\n`);
  if (values.verbose) printVerbose(runs.at(-1)!.results, runs.at(-1)!.report);
  printDocumentTable(runs);
  const judged = runs.find((run) => run.extractor === 'model') ?? runs[0]!;
  const met = judged.report.typed.f1 >= TARGET_F1 && judged.report.consistency.share >= TARGET_CONSISTENCY;
  console.log(
    `\ntargets (${judged.extractor}): typed F1 ≥ ${TARGET_F1} and consistency ≥ ${TARGET_CONSISTENCY}: ` +
      `${met ? 'met' : 'NOT met'}`,
  );
  if (values.check && !met) process.exit(1);
}

await main();
