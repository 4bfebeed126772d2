// Entity extraction is the build's only costly step (~3.5 ms an article): its results are kept by the hash of
// the article's text and of the extractor's own source, so a rebuild after one seed changes (as `wrangler dev`
// does on every edit) extracts one article. Any change to the extractor's code or dependencies empties it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Extraction } from '../entities/extract.js';
import type { Block } from '../model.js';

const SOURCES = ['../parse', '../entities', '../text'].map((dir) => fileURLToPath(new URL(dir, import.meta.url)));

/** Hash of what decides extraction: the extractor's source files and the locked dependency versions. */
function extractorVersion(): string {
  const hash = createHash('sha256');
  for (const dir of SOURCES) {
    for (const name of readdirSync(dir).sort()) hash.update(name).update(readFileSync(join(dir, name)));
  }
  const lock = fileURLToPath(new URL('../../package-lock.json', import.meta.url));
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest('hex').slice(0, 16);
}

export class ExtractionCache {
  private readonly version = extractorVersion();
  private readonly previous = new Map<string, Extraction>();
  private readonly current = new Map<string, Extraction>();
  hits = 0;
  misses = 0;

  constructor(private readonly file: string) {
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { version: string; entries: Record<string, Extraction> };
      if (saved.version === this.version) for (const [key, value] of Object.entries(saved.entries)) this.previous.set(key, value);
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
  }

  /** The cached extraction of these blocks, or a fresh one from `extract`. */
  get(blocks: Block[], extract: () => Extraction): Extraction {
    const key = createHash('sha256').update(JSON.stringify(blocks)).digest('base64url');
    let found = this.current.get(key) ?? this.previous.get(key);
    if (found) this.hits++;
    else {
      found = extract();
      this.misses++;
    }
    this.current.set(key, found);
    return found;
  }

  /** Keeps only what this build used, so the file does not grow with deleted seeds. Atomic: builds may overlap. */
  save(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: this.version, entries: Object.fromEntries(this.current) }));
    renameSync(temporary, this.file);
  }
}
