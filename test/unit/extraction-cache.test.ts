// The extraction cache's key: what can change an extraction empties the cache, and nothing else does.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractorVersion } from '../../src/build/seeds/extraction-cache.js';

const root = mkdtempSync(join(tmpdir(), 'wirefeed-cache-key-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function project(code: string, readme: string, lock: string) {
  mkdirSync(join(root, 'src/build/entities'), { recursive: true });
  writeFileSync(join(root, 'wrangler.toml'), '[build]\nwatch_dir = ["src/build", "seeds"]\n');
  writeFileSync(join(root, 'src/build/entities/extract.ts'), code);
  writeFileSync(join(root, 'src/build/entities/README.md'), readme);
  writeFileSync(join(root, 'package-lock.json'), lock);
  return extractorVersion(root);
}

describe('extractorVersion', () => {
  it('changes with the build code and the lock file, not with a README beside the code', () => {
    const base = project('export const rule = 1;\n', '# Notes\n', '{"v":1}');
    expect(project('export const rule = 1;\n', '# Notes, rewritten\n', '{"v":1}')).toBe(base);
    expect(project('export const rule = 2;\n', '# Notes\n', '{"v":1}')).not.toBe(base);
    expect(project('export const rule = 1;\n', '# Notes\n', '{"v":2}')).not.toBe(base);
  });
});
