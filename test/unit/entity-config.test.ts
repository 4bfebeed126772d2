import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EntityRules, parseEntityConfig } from '../../src/build/entities/config.js';
import type { Mention } from '../../src/build/model.js';
import { FIXTURE_SEEDS, ROOT } from '../support/paths.js';

const mention = (name: string, type: Mention['type'], forms = [name], count = 1): Mention => ({
  name,
  type,
  forms,
  count,
});
const rules = (json: unknown) => new EntityRules(parseEntityConfig(json, 'entities.config.json'));

describe('entity config rules', () => {
  it('adds aliases and finds a declared entity by any of them', () => {
    const r = rules({ entities: [{ name: 'Steve Bannon', type: 'person', aliases: ['Bannon'] }] });
    const out = r.apply([mention('Bannon', 'organization')], 'Bannon said so. Bannon again.');
    expect(out).toEqual([{ name: 'Steve Bannon', type: 'person', forms: ['Bannon'], count: 1 }]);
  });

  it('always finds a declared entity the extractor missed', () => {
    const r = rules({ entities: [{ name: 'Wirefeed Labs', type: 'organization', aliases: ['WFL'] }] });
    const out = r.apply([], 'Analysts at WFL said, and WFL later added, that Wirefeed Labs would grow.');
    expect(out).toEqual([{ name: 'Wirefeed Labs', type: 'organization', forms: ['WFL', 'Wirefeed Labs'], count: 3 }]);
    expect(r.apply([], 'The wfl team and WFLX.')).toEqual([]);
  });

  it('renames, merges into an existing entity, and changes a type', () => {
    const r = rules({
      rename: { 'Moscow Times': 'The Moscow Times' },
      merge: { 'X Corp': 'Twitter' },
      entities: [{ name: 'White House', type: 'place', aliases: [] }],
    });
    const out = r.apply(
      [
        mention('Moscow Times', 'organization'),
        mention('Twitter', 'organization'),
        mention('X Corp', 'organization'),
        mention('White House', 'organization'),
      ],
      '',
    );
    expect(out).toEqual([
      { name: 'The Moscow Times', type: 'organization', forms: ['Moscow Times'], count: 1 },
      { name: 'Twitter', type: 'organization', forms: ['Twitter', 'X Corp'], count: 2 },
      { name: 'White House', type: 'place', forms: ['White House'], count: 1 },
    ]);
  });

  it('blocks a false entity by name or form, even when declared text would find it', () => {
    const r = rules({ block: ['Dragon'], entities: [{ name: 'Dragon', type: 'organization', aliases: [] }] });
    expect(r.apply([mention('Dragon', 'person'), mention('Russia', 'place')], 'the Dragon capsule')).toEqual([
      mention('Russia', 'place'),
    ]);
  });

  it('reports entries that matched nothing', () => {
    const r = rules({
      block: ['Nobody'],
      rename: { Ghost: 'Spirit' },
      entities: [{ name: 'Elon Musk', type: 'person', aliases: ['Musk'] }],
    });
    r.apply([], 'Musk spoke.');
    expect(r.usage.unused()).toEqual(['rename "Ghost"', 'block "Nobody"']);
  });

  it.each([
    [[], 'must be a JSON object'],
    [{ blocks: [] }, 'unknown key "blocks"'],
    [{ entities: [{ name: 'A' }] }, 'entities[0].type must be one of person, organization, place'],
    [{ entities: [{ name: '', type: 'person' }] }, 'entities[0].name must be a non-empty string'],
    [{ rename: { A: 3 } }, '"rename" entry "A" must map to a non-empty name'],
    [{ block: 'A' }, '"block" must be a list of names'],
  ])('rejects %j with a message naming the key', (json, message) => {
    expect(() => parseEntityConfig(json, 'entities.config.json')).toThrow(`entities.config.json: ${message}`);
  });
});

describe('entity config in the build', () => {
  function build(config: string) {
    const dir = mkdtempSync(join(tmpdir(), 'wirefeed-config-'));
    const file = join(dir, 'entities.config.json');
    writeFileSync(file, config);
    const out = join(dir, 'corpus.ts');
    const result = spawnSync(
      'npx',
      [
        'tsx',
        'src/build/cli.ts',
        '--seeds',
        FIXTURE_SEEDS,
        '--out',
        out,
        '--assets',
        join(dir, 'assets'),
        '--ledger',
        join(dir, 'entities.lock.json'),
        '--entities',
        file,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    const corpus =
      result.status === 0
        ? JSON.parse(JSON.parse(/JSON\.parse\((".*")\);/.exec(readFileSync(out, 'utf8'))![1]!))
        : undefined;
    return { ...result, corpus, file };
  }

  it('changes the published entities and warns about unused entries', () => {
    const { status, stderr, corpus, file } = build(
      JSON.stringify({
        entities: [{ name: 'Unifor', type: 'organization', aliases: [] }],
        rename: { 'Zoë Lefèvre': 'Zoë Lefèvre-Martin' },
        merge: { Kremlin: 'Russia' },
        block: ['GitHub', 'Nothing At All'],
      }),
    );
    expect(status).toBe(0);
    const names = new Map<string, any>(corpus.entities.map((e: any) => [e.name, e]));
    expect(names.get('Unifor')).toMatchObject({ type: 'organization', count: 1 });
    expect(names.get('Zoë Lefèvre-Martin')).toMatchObject({ slug: 'zoe-lefevre-martin', type: 'person' });
    expect(names.get('Zoë Lefèvre-Martin').count).toBe(2);
    expect(names.has('Kremlin')).toBe(false);
    expect(names.get('Russia').aliases).toContain('Kremlin');
    expect(names.has('GitHub')).toBe(false);
    expect(stderr).toContain(`warning: ${file}: block "Nothing At All" matched nothing in the corpus`);
    expect(stderr).not.toContain('block "GitHub" matched nothing');
  });

  it('stops the build on a broken config, naming the file and line', () => {
    const { status, stderr, file } = build('{\n  "block": [\n    "A",\n  ]\n}\n');
    expect(status).toBe(1);
    expect(stderr).toMatch(new RegExp(`${file.replace(/[.]/g, '\\.')}:4: not valid JSON`));
  });
});
