// Build-time code never runs in the Worker: the deployable bundle (`wrangler deploy --dry-run`, esbuild's
// metafile) may hold only Worker and contract modules and the Worker's own dependencies.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLE_META } from '../support/paths.js';

interface Metafile {
  inputs: Record<string, { imports?: Array<{ path: string; external?: boolean }> }>;
  outputs: Record<string, { imports?: Array<{ path: string; external?: boolean }> }>;
}

/** The npm packages the Worker itself uses (feed brings xml-js, which brings sax). */
const WORKER_PACKAGES = new Set(['hono', 'feed', 'xml-js', 'sax']);
/**
 * `<runtime>`: wrangler's bundler helpers (esbuild's own pseudo-module). `stream`: sax probes `require('stream')`
 * inside try/catch; in workerd the probe throws and sax goes on without it.
 */
const TOLERATED_EXTERNALS = new Set(['<runtime>', 'stream']);
const WORKER_SIDE = /^src\/(?:worker|contract|generated)\//;

function packageOf(input: string): string | undefined {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  return match?.[1];
}

function boundaryViolations(meta: Metafile): string[] {
  const problems: string[] = [];
  for (const input of Object.keys(meta.inputs)) {
    const pkg = packageOf(input);
    if (pkg !== undefined) {
      if (!WORKER_PACKAGES.has(pkg)) problems.push(`build-side dependency in the bundle: ${pkg} (${input})`);
    } else if (!WORKER_SIDE.test(input)) {
      problems.push(`build-side module in the bundle: ${input}`);
    }
  }
  const imports = [...Object.values(meta.inputs), ...Object.values(meta.outputs)].flatMap((file) => file.imports ?? []);
  for (const { path, external } of imports) {
    const builtin = path.startsWith('node:') || (external && !TOLERATED_EXTERNALS.has(path));
    if (builtin) problems.push(`platform module imported by the bundle: ${path}`);
  }
  return [...new Set(problems)];
}

describe('the build/Worker boundary', () => {
  const meta = JSON.parse(readFileSync(BUNDLE_META, 'utf8')) as Metafile;

  it('bundles the Worker without any build-side module, dependency or Node built-in', () => {
    expect(Object.keys(meta.inputs)).toContain('src/worker/app.ts');
    expect(Object.keys(meta.inputs)).toContain('src/contract/columns.ts');
    expect(boundaryViolations(meta)).toEqual([]);
  });

  it('names each kind of breach', () => {
    const breached: Metafile = {
      inputs: {
        'src/worker/app.ts': { imports: [{ path: 'node:fs', external: true }] },
        'src/build/entities/slug.ts': {},
        'node_modules/compromise/src/index.js': {},
        'node_modules/hono/dist/index.js': {},
      },
      outputs: {
        'index.js': {
          imports: [
            { path: 'crypto', external: true },
            { path: 'stream', external: true },
          ],
        },
      },
    };
    expect(boundaryViolations(breached)).toEqual([
      'build-side module in the bundle: src/build/entities/slug.ts',
      'build-side dependency in the bundle: compromise (node_modules/compromise/src/index.js)',
      'platform module imported by the bundle: node:fs',
      'platform module imported by the bundle: crypto',
    ]);
  });
});
