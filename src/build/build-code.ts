// What counts as build input, in one place: `watch_dir` in wrangler.toml. `wrangler dev` reruns the build when
// anything there changes, and the extraction cache is keyed by the code folders of the same list, so an edit
// that restarts the build is exactly an edit that can change an extraction (and a Worker-only edit is neither).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'smol-toml';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The paths `wrangler dev` watches to rerun `[build]`, relative to the project root. */
export function watchedPaths(root = PROJECT_ROOT): string[] {
  const config = parse(readFileSync(join(root, 'wrangler.toml'), 'utf8')) as { build?: { watch_dir?: unknown } };
  const watched = config.build?.watch_dir;
  const list = typeof watched === 'string' ? [watched] : watched;
  if (!Array.isArray(list) || !list.every((entry) => typeof entry === 'string')) {
    throw new Error(`${join(root, 'wrangler.toml')}: [build] watch_dir must be a list of paths`);
  }
  return list;
}

/** The watched paths that hold build code (under src/), not input data such as seeds/ or the entity config. */
export function buildCodePaths(root = PROJECT_ROOT): string[] {
  return watchedPaths(root).filter((path) => path.startsWith('src/'));
}

/** Every file under `paths`, sorted, as absolute paths: the same list on every machine. */
export function filesUnder(paths: string[], root = PROJECT_ROOT): string[] {
  const files: string[] = [];
  const walk = (path: string) => {
    if (statSync(path).isDirectory()) for (const name of readdirSync(path).sort()) walk(join(path, name));
    else files.push(path);
  };
  for (const path of paths) walk(resolve(root, path));
  return files;
}
