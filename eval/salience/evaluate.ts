// `npm run eval:salience`: runs the real build stages (parse → extract → corpus, salience included) over the
// annotated articles of eval/salience/gold.json and reports how often the build's `about` / `mentions` agrees with
// the annotation: accuracy over every (article, entity) pair the build found, and precision / recall of `about`
// (an annotated `about` entity the build did not find at all counts as missed). `--verbose` lists disagreements.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus } from '../../src/build/corpus/build.js';
import { loadSeeds } from '../../src/build/seeds/load.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const gold = JSON.parse(readFileSync(join(root, 'eval/salience/gold.json'), 'utf8')) as {
  folders: string[];
  articles: Record<string, string[]>;
};
const verbose = process.argv.includes('--verbose');

const { extracted } = loadSeeds(gold.folders.map((folder) => join(root, folder)));
const wanted = extracted.filter(({ article }) => article.source in gold.articles);
const corpus = buildCorpus(wanted);

const role = (isAbout: boolean) => (isAbout ? 'about' : 'mentions');
let agree = 0;
let pairs = 0;
let truePositive = 0;
let predicted = 0;
let annotated = 0;
const disagreements: string[] = [];
for (const article of corpus.articles) {
  const expected = new Set(gold.articles[article.source]);
  const about = new Set(article.about.map((index) => corpus.entities[index]!.slug));
  annotated += expected.size;
  predicted += about.size;
  for (const index of article.entities) {
    const slug = corpus.entities[index]!.slug;
    pairs++;
    if (expected.has(slug) === about.has(slug)) agree++;
    else
      disagreements.push(
        `${article.source}: ${slug} is ${role(about.has(slug))}, annotated ${role(expected.has(slug))}`,
      );
    if (expected.has(slug) && about.has(slug)) truePositive++;
  }
  for (const slug of expected) {
    if (!article.entities.some((index) => corpus.entities[index]!.slug === slug))
      disagreements.push(`${article.source}: annotated about ${slug}, which the build did not find`);
  }
}
const missing = Object.keys(gold.articles).filter((source) => !corpus.articles.some((a) => a.source === source));
if (missing.length > 0) throw new Error(`annotated articles not found: ${missing.join(', ')}`);

const percent = (value: number) => `${(100 * value).toFixed(1)}%`;
const precision = predicted === 0 ? 1 : truePositive / predicted;
const recall = annotated === 0 ? 1 : truePositive / annotated;
console.log(
  `salience on ${corpus.articles.length} annotated articles, ${pairs} (article, entity) pairs: ` +
    `accuracy ${percent(agree / pairs)}; about: precision ${percent(precision)}, recall ${percent(recall)}, ` +
    `F1 ${percent((2 * precision * recall) / (precision + recall || 1))} ` +
    `(${predicted} predicted, ${annotated} annotated)`,
);
if (verbose) for (const line of disagreements) console.log(`  ${line}`);
