// Reading and parsing the seed folders, and what follows extraction (the config, the publisher's notes): the part
// of loading seeds that does not need the extractor, so that a build whose extractions are all cached never loads it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtractedArticle } from '../corpus/build.js';
import { MAX_ITEM_ENTITIES } from '../corpus/build.js';
import type { EntityRules } from '../entities/config.js';
import type { Extraction } from '../entities/extract.js';
import type { Article, Warning } from '../model.js';
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

export interface ParsedSeed {
  name: string;
  article?: Article;
  /** This file's warnings, in the order they arose: the report lists them file by file. */
  warnings: Warning[];
}

function seedFiles(dirs: string[]): { files: Array<{ dir: string; name: string }>; warnings: Warning[] } {
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
  return { files, warnings };
}

/** Reads and parses every seed of the seed folders, in name order; one bad file costs only itself. */
export function readSeeds(dirs: string[], { now = Date.now() }: LoadOptions) {
  const { files, warnings } = seedFiles(dirs);
  const parsed: ParsedSeed[] = [];
  const owners = new Map<string, string>();
  for (const { dir, name } of files) {
    const id = idFromFileName(name);
    if (id && owners.has(id)) {
      const message = `same id ${id} as ${owners.get(id)}: skipped, the first file keeps the id`;
      parsed.push({ name, warnings: [{ file: name, message }] });
      continue;
    }
    const { text: raw, notes } = readSeedBytes(name, readFileSync(join(dir, name)));
    if (raw === undefined) {
      parsed.push({ name, warnings: notes });
      continue;
    }
    const { article, warnings: parseWarnings } = parseSeed(name, raw, { now });
    if (article) owners.set(article.id, name);
    parsed.push({ name, article, warnings: [...notes, ...parseWarnings] });
  }
  return { parsed, warnings, files: files.length };
}

/** The config applied to each article's extraction, and what the publisher should hear about its entities. */
export function finish(
  read: ReturnType<typeof readSeeds>,
  extractions: Map<ParsedSeed, Extraction>,
  rules?: EntityRules,
) {
  const warnings = [...read.warnings];
  const extracted: ExtractedArticle[] = [];
  for (const seed of read.parsed) {
    warnings.push(...seed.warnings);
    const { article, name } = seed;
    const extraction = extractions.get(seed);
    if (!article || !extraction) continue;
    const text = article.blocks.map((block) => block.text).join('\n\n');
    const mentions = rules ? rules.apply(extraction.mentions, text) : extraction.mentions;
    if (mentions.length === 0)
      warnings.push({ file: name, message: 'no entities found: the article is in the site feeds only', level: 'note' });
    if (mentions.length > MAX_ITEM_ENTITIES) {
      warnings.push({
        file: name,
        message: `${mentions.length} entities found: all get the article in their feeds, its feed items list \
the ${MAX_ITEM_ENTITIES} most mentioned`,
      });
    }
    const unresolved = rules ? rules.filterUnresolved(extraction.unresolved) : extraction.unresolved;
    extracted.push({ article, mentions, unresolved });
  }
  return { extracted, warnings, files: read.files };
}
