// Build times alone, without the rest of `npm run bench`: per corpus size, the cold build (cache file deleted) and
// the incremental build after one edit, each repeated, wall time of the same command `npm run bench` times.
//
//   npx tsx bench/incremental.ts [--sizes 1000,10000] [--runs 3] [--cold-runs 3] [--dir /tmp/wirefeed-incremental]
//
// Each incremental run appends a sentence to the last paragraph of a different seed (the middle one, then the
// ones after it), so every run has exactly one article the extraction cache has not seen. Prints every run and
// the median. The corpus (bench/generate.ts, seed 1) is generated once into <dir>/<size>/seeds and kept.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeCorpus } from './generate.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXTRA_SENTENCE = 'Officials said further details would be published later this week.';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    runs: { type: 'string', default: '3' },
    'cold-runs': { type: 'string', default: '3' },
    dir: { type: 'string', default: '/tmp/wirefeed-incremental' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const coldRuns = Number(values['cold-runs']);
const base = resolve(values.dir);

const median = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

function timedBuild(dir: string): { seconds: number; summary: string } {
  // `npm run --silent build` is the command wrangler's [build] runs after an edit.
  const args = ['run', '--silent', 'build', '--', '--seeds', join(dir, 'seeds'), '--out', join(dir, 'corpus.ts')];
  args.push('--assets', join(dir, 'assets'), '--cache', join(dir, 'cache.json'));
  args.push('--ledger', join(dir, 'entities.lock.json'));
  const started = performance.now();
  const result = spawnSync('npm', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`build failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  const summary = result.stdout.split('\n').find((line) => line.startsWith('wirefeed: ')) ?? '';
  return { seconds, summary };
}

function editSeed(seeds: string, run: number): string {
  const names = readdirSync(seeds)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  const name = names[(Math.floor(names.length / 2) + run) % names.length]!;
  const file = join(seeds, name);
  writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()} ${EXTRA_SENTENCE}\n`);
  return name;
}

const report: string[] = [];
for (const size of sizes) {
  const dir = join(base, String(size));
  const seeds = join(dir, 'seeds');
  // Fresh seeds every time: earlier runs' edits must not accumulate.
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(seeds, { recursive: true });
  writeCorpus(seeds, { count: size, seed: 1 });
  const cold: number[] = [];
  for (let run = 0; run < coldRuns; run++) {
    rmSync(join(dir, 'cache.json'), { force: true });
    const { seconds, summary } = timedBuild(dir);
    cold.push(seconds);
    console.log(`[${size}] cold ${run + 1}: ${seconds.toFixed(2)} s  ${summary}`);
  }
  if (!existsSync(join(dir, 'cache.json'))) timedBuild(dir);
  const incremental: number[] = [];
  for (let run = 0; run < runs; run++) {
    const name = editSeed(seeds, run);
    const { seconds, summary } = timedBuild(dir);
    incremental.push(seconds);
    console.log(`[${size}] incremental ${run + 1} (${name}): ${seconds.toFixed(2)} s  ${summary}`);
  }
  const line = (label: string, list: number[]) =>
    list.length ? `${label} median ${median(list).toFixed(2)} s (${list.map((s) => s.toFixed(2)).join(', ')})` : '';
  report.push(`${size} articles: ${[line('cold', cold), line('incremental', incremental)].filter(Boolean).join('; ')}`);
}
console.log(`\n${report.join('\n')}`);
