// The build, run by wrangler's [build] command (`npm run build`): seeds/ → parse → entities → corpus →
// src/generated/corpus.ts (the Worker's index) and src/generated/assets/ (content packs).
import { pathToFileURL } from 'node:url';
import { applyLedger, buildCorpus } from './corpus/build.js';
import { contentPacks, workerIndex } from './corpus/packs.js';
import type { EntityConfig } from './entities/config.js';
import { loadEntityRules } from './entities/config-file.js';
import { reconcileLedger } from './entities/slug-ledger.js';
import type { Corpus } from './model.js';
import { type BuildOptions, resolveOptions } from './options.js';
import { readLedger, retiredSlugs, writeLedger } from './output/ledger-file.js';
import { formatWarning, progressBar, summaryLine } from './output/report.js';
import { moduleSource, removeStalePacks, writeModule, writePacks } from './output/write.js';
import { ExtractionCache } from './seeds/extraction-cache.js';
import { loadSeedsInParallel } from './seeds/load-parallel.js';

/** Runs one build and prints its report; returns the process exit code. */
export async function build(options: BuildOptions): Promise<number> {
  const started = performance.now();
  const rules = loadEntityRules(options.configFile, options.configRequired);
  const cache = options.cacheFile ? new ExtractionCache(options.cacheFile) : undefined;
  const { extracted, warnings, files } = await loadSeedsInParallel(options.seedDirs, {
    onProgress: progressBar,
    rules,
    cache,
    now: options.now,
  });
  cache?.save();
  for (const entry of rules?.usage.unused() ?? []) {
    warnings.push({ file: options.configFile, message: `${entry} matched nothing in the corpus` });
  }
  const { corpus, ledger, retired } = withLedger(buildCorpus(extracted), options, rules?.config);
  for (const slug of retired) {
    const answer = slug.to ? `301 to /entities/${slug.to}` : '410 Gone';
    const message = `slug "${slug.slug}" (${slug.name}) retired, ${slug.reason}: its URLs now answer ${answer}`;
    warnings.push({ file: options.ledgerFile, message, ...(slug.byConfig ? { level: 'note' as const } : {}) });
  }
  const notes = warnings.filter((warning) => warning.level === 'note').length;
  const problems = warnings.length - notes;
  for (const warning of warnings) console.warn(formatWarning(warning));
  if (options.strict && problems > 0) {
    // Nothing is written: the previous build stays as it was, and so does the ledger.
    console.error(`wirefeed: strict mode: ${problems} warning(s) fail the build`);
    return 1;
  }
  const packs = writePacks(options.assetsDir, contentPacks(corpus));
  writeModule(options.outFile, moduleSource(workerIndex(corpus, packs.paths)));
  removeStalePacks(options.assetsDir, packs.paths);
  writeLedger(options.ledgerFile, ledger);

  const milliseconds = performance.now() - started;
  const cached = cache ? { cache: { hits: cache.hits, misses: cache.misses } } : {};
  console.log(
    summaryLine({ corpus, files, seedDirs: options.seedDirs, problems, notes, packs, milliseconds, ...cached }),
  );
  return 0;
}

/** The slug ledger's view of this build: feed ids kept or inherited, slugs retired (reported by the caller). */
function withLedger(built: Corpus, options: BuildOptions, config: EntityConfig | undefined) {
  const published = built.entities.map((entity) => ({ ...entity, articles: entity.articles.length }));
  const { ledger, retired, feedIds } = reconcileLedger(readLedger(options.ledgerFile), published, config);
  return { corpus: applyLedger(built, feedIds, retiredSlugs(ledger)), ledger, retired };
}

export async function main(argv = process.argv.slice(2), env = process.env): Promise<number> {
  try {
    return await build(resolveOptions(argv, env));
  } catch (error) {
    console.error(`wirefeed: build failed: ${(error as Error).message}`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = await main();
