// Builds the deployable Worker exactly as `wrangler deploy` would (its [build] command included),
// from the bundled seeds plus the test fixtures; every test file then runs that bundle in workerd.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { BAD_SEEDS, GENERATED } from '../fixtures/make-bad-seeds.js';
import {
  BAD_SEEDS_COPY,
  BUILD_LOG,
  BUILD_LOG_BAD,
  BUNDLE_META,
  BUNDLED_SEEDS,
  DIST,
  DIST_BAD,
  FIXTURE_SEEDS,
  GENERATED_ASSETS,
  ROOT,
  TEST_OUT,
} from './paths.js';

function run(args: string[], env: Record<string, string>) {
  const result = spawnSync('npx', args, {
    cwd: ROOT,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`npx ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result;
}

export function setup() {
  rmSync(TEST_OUT, { recursive: true, force: true });
  mkdirSync(TEST_OUT, { recursive: true });
  const build = run(['wrangler', 'deploy', '--dry-run', '--outdir', DIST, '--metafile', BUNDLE_META], {
    WIREFEED_SEEDS: [BUNDLED_SEEDS, FIXTURE_SEEDS].join(delimiter),
    // The test corpora have ledgers of their own: the committed one is the bundled seeds'.
    WIREFEED_LEDGER: join(TEST_OUT, 'ledger.json'),
  });
  writeFileSync(BUILD_LOG, `${build.stdout}\n${build.stderr}`);
  // The script goes to --outdir; its static assets stay in [assets] directory, which the next build replaces.
  cpSync(GENERATED_ASSETS, join(DIST, 'assets'), { recursive: true });

  // A second Worker with every broken seed in its corpus, the 5 MB one included.
  cpSync(BAD_SEEDS, BAD_SEEDS_COPY, { recursive: true });
  for (const [name, make] of Object.entries(GENERATED)) writeFileSync(join(BAD_SEEDS_COPY, name), make());
  const bad = run(['wrangler', 'deploy', '--dry-run', '--outdir', DIST_BAD], {
    WIREFEED_SEEDS: [BUNDLED_SEEDS, FIXTURE_SEEDS, BAD_SEEDS_COPY].join(delimiter),
    WIREFEED_LEDGER: join(TEST_OUT, 'ledger-bad.json'),
  });
  writeFileSync(BUILD_LOG_BAD, `${bad.stdout}\n${bad.stderr}`);
  cpSync(GENERATED_ASSETS, join(DIST_BAD, 'assets'), { recursive: true });
}

export function teardown() {
  // Leave src/generated as `npm start` expects it: built from seeds/ alone.
  run(['tsx', 'src/build/cli.ts'], {});
}
