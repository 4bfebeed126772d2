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

/** Reads every `*.txt` of the seed folders, in name order; one bad file costs only itself. */
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
    for (const name of names.filter((name) => name.toLowerCase().endsWith('.txt')).sort()) {
      if (statSync(join(dir, name)).isFile()) files.push({ dir, name });
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
