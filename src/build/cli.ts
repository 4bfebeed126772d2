// The build, run by wrangler's [build] command (`npm run build`): seeds/ → parse → entities → corpus →
// src/generated/corpus.ts (the Worker's index) and src/generated/assets/ (content packs).
import { pathToFileURL } from 'node:url';
import { buildCorpus } from './corpus/build.js';
import { contentPacks, workerIndex } from './corpus/packs.js';
import { loadEntityRules } from './entities/config-file.js';
import { type BuildOptions, resolveOptions } from './options.js';
import { formatWarning, progressBar, summaryLine } from './output/report.js';
import { moduleSource, writeModule, writePacks } from './output/write.js';
import { ExtractionCache } from './seeds/extraction-cache.js';
import { loadSeeds } from './seeds/load.js';

/** Runs one build and prints its report; returns the process exit code. */
export function build(options: BuildOptions): number {
  const started = performance.now();
  const rules = loadEntityRules(options.configFile, options.configRequired);
  const cache = options.cacheFile ? new ExtractionCache(options.cacheFile) : undefined;
  const { extracted, warnings, files } = loadSeeds(options.seedDirs, { onProgress: progressBar, rules, cache });
  cache?.save();
  for (const entry of rules?.usage.unused() ?? []) {
    warnings.push({ file: options.configFile, message: `${entry} matched nothing in the corpus` });
  }
  const notes = warnings.filter((warning) => warning.level === 'note').length;
  const problems = warnings.length - notes;
  const corpus = buildCorpus(extracted);
  const packs = writePacks(options.assetsDir, contentPacks(corpus));
  writeModule(options.outFile, moduleSource(workerIndex(corpus, packs.paths)));

  for (const warning of warnings) console.warn(formatWarning(warning));
  const milliseconds = performance.now() - started;
  const cached = cache ? { cache: { hits: cache.hits, misses: cache.misses } } : {};
  console.log(
    summaryLine({ corpus, files, seedDirs: options.seedDirs, problems, notes, packs, milliseconds, ...cached }),
  );
  if (options.strict && problems > 0) {
    console.error(`wirefeed: strict mode: ${problems} warning(s) fail the build`);
    return 1;
  }
  return 0;
}

export function main(argv = process.argv.slice(2), env = process.env): number {
  try {
    return build(resolveOptions(argv, env));
  } catch (error) {
    console.error(`wirefeed: build failed: ${(error as Error).message}`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main();
