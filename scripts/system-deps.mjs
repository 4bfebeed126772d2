// The browser and feed-reader tests drive Debian's chromium, newsboat and sqlite3; the bench drives wrk.
// `npm test` runs this first (`npm run bench` with `bench`): it installs whichever is missing with apt-get
// (as root, or through sudo) and says what it does; elsewhere it stops with the command to run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const GROUPS = {
  test: {
    purpose: 'the browser and feed-reader tests',
    needed: { chromium: '/usr/bin/chromium', newsboat: '/usr/bin/newsboat', sqlite3: '/usr/bin/sqlite3' },
  },
  bench: { purpose: 'the bench', needed: { wrk: '/usr/bin/wrk' } },
};
const group = GROUPS[process.argv[2] ?? 'test'];
if (!group) {
  console.error(`usage: node scripts/system-deps.mjs [${Object.keys(GROUPS).join('|')}]`);
  process.exit(2);
}
// The feed checkers beside the project (../shared/feed-check, as CI lays it out) install their own Debian and npm
// packages; their setup is idempotent and says what it does. Without them the feed-check tests are skipped.
const FEED_CHECK_SETUP = new URL('../../shared/feed-check/setup', import.meta.url).pathname;
const FEED_CHECK_READY = ['/usr/bin/xmllint', '/usr/bin/trang', '/tmp/feed-check/npm-tools/node_modules/feedsmith'];
if (
  process.argv[2] !== 'bench' &&
  existsSync(FEED_CHECK_SETUP) &&
  !FEED_CHECK_READY.every((path) => existsSync(path))
) {
  console.log(`setting up the feed checkers: ${FEED_CHECK_SETUP}`);
  execFileSync('bash', [FEED_CHECK_SETUP], { stdio: 'inherit' });
}

const NEEDED = group.needed;
const missing = Object.entries(NEEDED)
  .filter(([, path]) => !existsSync(path))
  .map(([name]) => name);
if (missing.length === 0) process.exit(0);

const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
const hasAptGet = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
const isRoot = process.getuid?.() === 0;
const hasSudo = spawnSync('sh', ['-c', 'command -v sudo'], { stdio: 'ignore' }).status === 0;
if (!hasAptGet || (!isRoot && !hasSudo)) {
  console.error(
    `${group.purpose[0].toUpperCase()}${group.purpose.slice(1)} need ${missing.join(', ')} from Debian's \
packages. Install them with:\n  sudo ${command}`,
  );
  process.exit(1);
}
console.log(`installing ${missing.join(', ')} for ${group.purpose}: ${command}`);
const sudo = isRoot ? '' : 'sudo ';
execFileSync(
  'sh',
  [
    '-c',
    `${sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${sudo}apt-get install -y -qq ${missing.join(' ')}`,
  ],
  { stdio: 'inherit' },
);
