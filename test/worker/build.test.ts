// The build step as a publisher runs it: summary, warnings naming file and line, strict mode, configurable seeds.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_LOG, FIXTURE_SEEDS, ROOT } from '../support/paths.js';

/** Runs the build CLI with an empty entity config, so the project's own config does not colour these checks. */
function build(args: string[], env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'wirefeed-'));
  const out = join(dir, 'corpus.ts');
  const assets = join(dir, 'assets');
  writeFileSync(join(dir, 'entities.json'), '{}');
  const result = spawnSync('npx', ['tsx', 'src/build/cli.ts', '--out', out, '--assets', assets, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      WIREFEED_ENTITIES: join(dir, 'entities.json'),
      WIREFEED_LEDGER: join(dir, 'entities.lock.json'),
      ...env,
    },
  });
  return { ...result, out, assets };
}

/** Every content pack the build wrote, by name. */
function packsOf(assets: string): Record<string, string> {
  const dir = join(assets, 'packs');
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

describe('build', () => {
  it("runs as wrangler's [build] command and prints a one-line summary", () => {
    const log = readFileSync(BUILD_LOG, 'utf8');
    const entities = String.raw`\d+ entities \(\d+ people, \d+ organizations, \d+ places\)`;
    expect(log).toMatch(new RegExp(`wirefeed: 12 articles from 14 seed files in .*seeds.*; ${entities}; 2 warnings`));
  });

  it('names the file and line of each problem and publishes the rest', () => {
    const result = build(['--seeds', FIXTURE_SEEDS]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^wirefeed: 11 articles from 13 seed files/);
    expect(result.stderr).toContain(
      'warning: 111_42e20dd1b3a961cd.txt:1: no "date YYYY-MM-DD" header on the first line: article not published',
    );
    expect(result.stderr).toContain('warning: 112_9866e3dd5cae09cb.txt:1: invalid date "2025-02-30"');
    expect(readFileSync(result.out, 'utf8')).toContain('35a3f18cf3681499');
  });

  it('fails in strict mode when there is any warning', () => {
    const flag = build(['--seeds', FIXTURE_SEEDS, '--strict']);
    expect(flag.status).toBe(1);
    expect(flag.stderr).toContain('strict mode: 2 warning(s) fail the build');
    const env = build(['--seeds', FIXTURE_SEEDS], { WIREFEED_STRICT: '1' });
    expect(env.status).toBe(1);
    expect(build(['--strict']).status).toBe(0);
  });

  it('builds the bundled seeds against the committed ledger without retiring a slug', () => {
    // An extractor change that renames the seed's entities ("Tesla" read as "Tesla CEO") would 410 a live feed.
    const dir = mkdtempSync(join(tmpdir(), 'wirefeed-ledger-'));
    cpSync(join(ROOT, 'entities.lock.json'), join(dir, 'entities.lock.json'));
    const result = build(['--strict'], {
      WIREFEED_ENTITIES: join(ROOT, 'entities.config.json'),
      WIREFEED_LEDGER: join(dir, 'entities.lock.json'),
    });
    expect(result.stderr).not.toContain('retired');
    expect(result.status).toBe(0);
  });

  it('fails in strict mode on a slug retired without the config asking, and keeps the ledger as it was', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wirefeed-ledger-'));
    const seeds = join(dir, 'seeds');
    cpSync(join(ROOT, 'seeds'), seeds, { recursive: true });
    const ledger = join(dir, 'entities.lock.json');
    const env = { WIREFEED_LEDGER: ledger };
    expect(build(['--seeds', seeds], env).status).toBe(0);
    const recorded = readFileSync(ledger, 'utf8');
    expect(JSON.parse(recorded).slugs['dmitry-novikov'].name).toBe('Dmitry Novikov');
    // The article no longer names him: his slug would be retired, which no config entry asked for.
    const [seed] = readdirSync(seeds);
    const text = readFileSync(join(seeds, seed!), 'utf8');
    writeFileSync(join(seeds, seed!), text.replaceAll('Dmitry Novikov', 'a lawmaker').replaceAll('Novikov', 'he'));
    const strict = build(['--seeds', seeds, '--strict'], env);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain(
      'slug "dmitry-novikov" (Dmitry Novikov) retired, no longer found in any article: its URLs now answer 410 Gone',
    );
    expect(readFileSync(ledger, 'utf8')).toBe(recorded);
    // Without --strict the build goes on and records the retirement.
    expect(build(['--seeds', seeds], env).status).toBe(0);
    expect(JSON.parse(readFileSync(ledger, 'utf8')).slugs['dmitry-novikov'].retired).toEqual({
      to: null,
      reason: 'no longer found in any article',
    });
  });

  it('reads the seed folder from WIREFEED_SEEDS', () => {
    const result = build([], { WIREFEED_SEEDS: FIXTURE_SEEDS });
    expect(result.stdout).toMatch(/11 articles from 13 seed files/);
  });

  it('says clearly when the seed folder is missing', () => {
    const result = build(['--seeds', '/nonexistent/seeds']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('seed folder /nonexistent/seeds cannot be read');
  });

  it('keeps the first of two files with the same id and names both', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wirefeed-seeds-'));
    writeFileSync(join(dir, '001_aaaaaaaaaaaaaaaa.txt'), ' date 2025-01-01 First text about Paris.');
    writeFileSync(join(dir, '002_aaaaaaaaaaaaaaaa.txt'), ' date 2025-01-02 Second text about Rome.');
    const result = build(['--seeds', dir]);
    expect(result.stdout).toMatch(/1 article from 2 seed files/);
    expect(result.stderr).toContain('002_aaaaaaaaaaaaaaaa.txt: same id aaaaaaaaaaaaaaaa as 001_aaaaaaaaaaaaaaaa.txt');
  });

  it('is deterministic: the same seeds in another folder give the same module and packs byte for byte', () => {
    const copy = mkdtempSync(join(tmpdir(), 'wirefeed-copy-'));
    cpSync(FIXTURE_SEEDS, copy, { recursive: true });
    const a = build(['--seeds', FIXTURE_SEEDS]);
    const b = build(['--seeds', copy]);
    expect(readFileSync(a.out, 'utf8')).toBe(readFileSync(b.out, 'utf8'));
    expect(Object.keys(packsOf(a.assets)).length).toBe(2);
    expect(packsOf(a.assets)).toEqual(packsOf(b.assets));
  });

  it('reuses cached extractions, and redoes only the articles that changed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wirefeed-cache-'));
    cpSync(FIXTURE_SEEDS, dir, { recursive: true });
    const cache = join(dir, 'cache.json');
    const first = build(['--seeds', dir, '--cache', cache]);
    expect(first.stdout).toContain('0 of 11 extractions cached');
    const second = build(['--seeds', dir, '--cache', cache]);
    expect(second.stdout).toContain('11 of 11 extractions cached');
    expect(readFileSync(second.out, 'utf8')).toBe(readFileSync(first.out, 'utf8'));
    writeFileSync(join(dir, '101_95905950875de9ff.txt'), ' date 2025-01-14 A rewritten story about Warsaw and NATO.');
    const third = build(['--seeds', dir, '--cache', cache]);
    expect(third.stdout).toContain('10 of 11 extractions cached');
    const uncached = build(['--seeds', dir, '--no-cache']);
    expect(readFileSync(third.out, 'utf8')).toBe(readFileSync(uncached.out, 'utf8'));
    expect(packsOf(third.assets)).toEqual(packsOf(uncached.assets));
  });

  it('keeps the generated module out of git', () => {
    const result = spawnSync('git', ['check-ignore', 'src/generated/corpus.ts'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stdout.trim()).toBe('src/generated/corpus.ts');
  });
});
