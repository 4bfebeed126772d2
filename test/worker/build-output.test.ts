// What the build writes, as a deploy depends on it: the same bytes from the same seeds on any machine and in any
// file order, and a previous build that stays whole and servable when a build is killed at any moment.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.js';
import { BUNDLED_SEEDS, FIXTURE_SEEDS, ROOT } from '../support/paths.js';

const EPOCH = String(Date.parse('2026-01-01T00:00:00Z') / 1000);

function buildArgs(dir: string, seeds: string[]): string[] {
  return [
    'tsx',
    'src/build/cli.ts',
    ...seeds.flatMap((seed) => ['--seeds', seed]),
    '--out',
    join(dir, 'generated', 'corpus.ts'),
    '--assets',
    join(dir, 'generated', 'assets'),
    '--ledger',
    join(dir, 'entities.lock.json'),
    '--no-cache',
  ];
}

function build(dir: string, seeds: string[]) {
  const result = spawnSync('npx', buildArgs(dir, seeds), {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH },
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return result;
}

/** Every file the build wrote, by path relative to `dir`, with its bytes' hash. */
function written(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const path = join(sub, entry.name);
      if (entry.isDirectory()) walk(path);
      else
        files[path] = createHash('sha256')
          .update(readFileSync(join(dir, path)))
          .digest('hex');
    }
  };
  walk('.');
  return files;
}

/** Copies the seed folders into one new folder, writing the files in the given order. */
function seedCopy(order: 'forward' | 'backward'): string {
  const dir = mkdtempSync(join(tmpdir(), `wirefeed-seeds-${order}-`));
  const files = [BUNDLED_SEEDS, FIXTURE_SEEDS].flatMap((folder) =>
    readdirSync(folder).map((name) => ({ from: join(folder, name), name })),
  );
  for (const { from, name } of order === 'forward' ? files : files.reverse()) cpSync(from, join(dir, name));
  return dir;
}

describe('the build output', () => {
  it('is byte-identical from the same seeds in another folder and file order', () => {
    const first = mkdtempSync(join(tmpdir(), 'wirefeed-build-a-'));
    const second = mkdtempSync(join(tmpdir(), 'wirefeed-build-b-'));
    build(first, [seedCopy('forward')]);
    build(second, [seedCopy('backward')]);
    const a = written(first);
    expect(Object.keys(a)).toContain('generated/corpus.ts');
    expect(Object.keys(a).filter((path) => path.endsWith('.ndjson')).length).toBeGreaterThan(1);
    expect(written(second)).toEqual(a);
  }, 60_000);

  it('leaves the previous build whole when a build is killed at any moment', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wirefeed-kill-'));
    const seeds = join(dir, 'seeds');
    cpSync(BUNDLED_SEEDS, seeds, { recursive: true });
    for (const seed of generateCorpus({ count: 300, seed: 7 })) writeFileSync(join(seeds, seed.name), seed.text);
    const started = performance.now();
    build(dir, [seeds]);
    const fullBuild = performance.now() - started;
    const servable = () => {
      const module = readFileSync(join(dir, 'generated', 'corpus.ts'), 'utf8');
      const packs = [...module.matchAll(/\/packs\/([\w-]+\.ndjson)/g)].map((match) => match[1]!);
      expect(packs.length).toBeGreaterThan(10);
      for (const pack of packs) {
        const lines = readFileSync(join(dir, 'generated', 'assets', 'packs', pack), 'utf8')
          .trim()
          .split('\n');
        for (const line of lines) JSON.parse(line);
      }
      return module;
    };
    const before = servable();
    for (const share of [0.2, 0.5, 0.8, 0.95]) {
      // Every seed changes, so every pack and the module are rewritten.
      for (const name of readdirSync(seeds)) appendFileSync(join(seeds, name), `\n\nUpdate ${share}.`);
      const child: ChildProcess = spawn('npx', buildArgs(dir, [seeds]), { cwd: ROOT, detached: true });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, fullBuild * share));
      // A loaded machine may have finished the build already: then there is nothing to kill, and it must be whole.
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
      await exited;
      servable();
    }
    // A build after the kills cleans up what they left and is complete.
    build(dir, [seeds]);
    const leftovers = readdirSync(join(dir, 'generated', 'assets', 'packs')).filter((name) => name.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
    expect(servable()).not.toBe(before);
  }, 300_000);
});
