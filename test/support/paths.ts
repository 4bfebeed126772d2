import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const TEST_OUT = join(ROOT, '.wirefeed-test');
export const DIST = join(TEST_OUT, 'dist');
export const BUILD_LOG = join(TEST_OUT, 'build.log');
export const FIXTURE_SEEDS = join(ROOT, 'test/fixtures/seeds');
export const BUNDLED_SEEDS = join(ROOT, 'seeds');
export const DIST_BAD = join(TEST_OUT, 'dist-bad');
export const BAD_SEEDS_COPY = join(TEST_OUT, 'bad-seeds');
export const BUILD_LOG_BAD = join(TEST_OUT, 'build-bad.log');
export const GENERATED_ASSETS = join(ROOT, 'src/generated/assets');
export const BUNDLE_META = join(DIST, 'bundle-meta.json');
