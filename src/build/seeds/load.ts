import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtractedArticle } from '../corpus/build.js';
import { MAX_ITEM_ENTITIES } from '../corpus/build.js';
import type { EntityRules } from '../entities/config.js';
import { extractEntities } from '../entities/extract.js';
import type { Warning } from '../model.js';
import { idFromFileName, parseSeed } from '../parse/seed.js';
import { readSeedBytes } from '../parse/seed-file.js';
import type { ExtractionCache } from './extraction-cache.js';

export type SeedLoad = { extracted: ExtractedArticle[]; warnings: Warning[]; files: number };

export type Progress = (done: number, total: number) => void;

export interface LoadOptions {
  onProgress?: Progress;
  /** The publisher's entity config, compiled. */
  rules?: EntityRules;
  /** Build time, for the future-date check. */
  now?: number;
  cache?: ExtractionCache;
}

const SEED_NAME = /^\d+_[0-9a-fA-F]{16}\.([^.]+)$/;

/**
 * `.txt` files are seeds (any case: `.TXT` too). A file named like a seed (`<number>_<16 hex>`) with `.md`,
 * `.markdown` or `.text` is read as plain text, with a note; with any other extension it is reported and skipped.
 * Everything else in the folder (a README, editor backups) is not a seed and is passed over in silence.
 */
function seedFileKind(name: string): { kind: 'seed' | 'other' | 'ignored'; note?: string } {
  if (name.endsWith('.txt')) return { kind: 'seed' };
  if (/\.txt$/i.test(name)) return { kind: 'seed', note: `extension ${name.slice(-4)} read as .txt` };
  const extension = SEED_NAME.exec(name)?.[1]?.toLowerCase();
  if (extension === undefined) return { kind: 'ignored' };
  if (!['md', 'markdown', 'text'].includes(extension)) return { kind: 'other' };
  return {
    kind: 'seed',
    note: `.${extension}: read as a plain-text seed (Markdown or other markup is not interpreted)`,
  };
}

/** Reads every seed of the seed folders, in name order; one bad file costs only itself. */
export function loadSeeds(dirs: string[], { onProgress, rules, now = Date.now(), cache }: LoadOptions = {}): SeedLoad {
  const warnings: Warning[] = [];
  const files: Array<{ dir: string; name: string }> = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch (error) {
      throw new Error(`seed folder ${dir} cannot be read: ${(error as Error).message}`);
    }
    for (const name of names.sort()) {
      const { kind, note } = seedFileKind(name);
      if (kind === 'ignored' || !statSync(join(dir, name)).isFile()) continue;
      if (kind === 'other') {
        warnings.push({ file: name, message: 'named like a seed but not a .txt file: skipped (rename it to .txt)' });
        continue;
      }
      if (note) warnings.push({ file: name, message: note, level: 'note' });
      files.push({ dir, name });
    }
  }

  const extracted: ExtractedArticle[] = [];
  const owners = new Map<string, string>();
  files.forEach(({ dir, name }, done) => {
    onProgress?.(done, files.length);
    const id = idFromFileName(name);
    if (id && owners.has(id)) {
      warnings.push({
        file: name,
        message: `same id ${id} as ${owners.get(id)}: skipped, the first file keeps the id`,
      });
      return;
    }
    const { text: raw, notes } = readSeedBytes(name, readFileSync(join(dir, name)));
    warnings.push(...notes);
    if (raw === undefined) return;
    const { article, warnings: parseWarnings } = parseSeed(name, raw, { now });
    warnings.push(...parseWarnings);
    if (!article) return;
    owners.set(article.id, name);
    const { mentions: found, unresolved } = cache
      ? cache.get(article.blocks, () => extractEntities(article.blocks))
      : extractEntities(article.blocks);
    const text = article.blocks.map((block) => block.text).join('\n\n');
    const mentions = rules ? rules.apply(found, text) : found;
    if (mentions.length === 0)
      warnings.push({ file: name, message: 'no entities found: the article is in the site feeds only', level: 'note' });
    if (mentions.length > MAX_ITEM_ENTITIES) {
      warnings.push({
        file: name,
        message: `${mentions.length} entities found: all get the article in their feeds, its feed items list \
the ${MAX_ITEM_ENTITIES} most mentioned`,
      });
    }
    extracted.push({ article, mentions, unresolved: rules ? rules.filterUnresolved(unresolved) : unresolved });
  });
  onProgress?.(files.length, files.length);
  return { extracted, warnings, files: files.length };
}
