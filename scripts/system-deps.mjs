// The browser and feed-reader tests drive Debian's chromium, newsboat and sqlite3. `npm test` runs this
// first: it installs whichever is missing with apt-get (as root, or through sudo) and says what it does;
// elsewhere it stops with the command to run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const NEEDED = { chromium: '/usr/bin/chromium', newsboat: '/usr/bin/newsboat', sqlite3: '/usr/bin/sqlite3' };
const missing = Object.entries(NEEDED).filter(([, path]) => !existsSync(path)).map(([name]) => name);
if (missing.length === 0) process.exit(0);

const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
const hasAptGet = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
const isRoot = process.getuid?.() === 0;
const hasSudo = spawnSync('sh', ['-c', 'command -v sudo'], { stdio: 'ignore' }).status === 0;
if (!hasAptGet || (!isRoot && !hasSudo)) {
  console.error(`The tests need ${missing.join(', ')} from Debian's packages. Install them with:\n  sudo ${command}`);
  process.exit(1);
}
console.log(`installing ${missing.join(', ')} for the browser and feed-reader tests: ${command}`);
const sudo = isRoot ? '' : 'sudo ';
execFileSync('sh', ['-c', `${sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${sudo}apt-get install -y -qq ${missing.join(' ')}`], { stdio: 'inherit' });
