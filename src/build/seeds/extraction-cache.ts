// Entity extraction is the build's only costly step (~3.5 ms an article): its results are kept by the hash of
// the article's text and of the build code (src/build/build-code.ts: the code folders `wrangler dev` watches), so a
// rebuild after one seed changes extracts one article. Any change to build code or dependencies empties it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { buildCodePaths, filesUnder, PROJECT_ROOT } from '../build-code.js';
import type { Extraction } from '../entities/extract.js';
import type { Block } from '../model.js';

/** Hash of what decides extraction: the build code and the locked dependency versions. */
export function extractorVersion(root = PROJECT_ROOT): string {
  const hash = createHash('sha256');
  for (const file of filesUnder(buildCodePaths(root), root)) {
    // A README beside the code changes no extraction: editing one must not re-extract 50,000 articles (~3 min).
    if (file.endsWith('.md')) continue;
    hash.update(relative(root, file)).update(readFileSync(file));
  }
  const lock = join(root, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest('hex').slice(0, 16);
}

// Kind and text of each block; U+0000 (never in a parsed text: XML cannot carry it) separates them. Cheaper than
// JSON.stringify, which cost ~0.2 s at 10,000 articles.
const keyOf = (blocks: Block[]) =>
  createHash('sha256')
    .update(blocks.map((block) => `${block.kind}\u0000${block.text}`).join('\u0000'))
    .digest('base64url');

export class ExtractionCache {
  // Read on the first lookup, not on construction: the build starts its warm worker first (seeds/load-parallel.ts),
  // so loading the extractor overlaps reading this file and hashing the build code.
  private version: string | undefined;
  private previous: Map<string, Extraction> | undefined;
  private readonly current = new Map<string, Extraction>();
  hits = 0;
  misses = 0;

  constructor(private readonly file: string) {}

  private codeVersion(): string {
    this.version ??= extractorVersion();
    return this.version;
  }

  private saved(): Map<string, Extraction> {
    if (this.previous) return this.previous;
    this.previous = new Map();
    try {
      const saved = JSON.parse(readFileSync(this.file, 'utf8')) as {
        version: string;
        entries: Record<string, Extraction>;
      };
      if (saved.version === this.codeVersion())
        for (const [key, value] of Object.entries(saved.entries)) this.previous.set(key, value);
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
    return this.previous;
  }

  /** The cached extraction of these blocks, or undefined (then `store` the fresh one). */
  lookup(blocks: Block[]): Extraction | undefined {
    const key = keyOf(blocks);
    const found = this.current.get(key) ?? this.saved().get(key);
    if (found) {
      this.hits++;
      this.current.set(key, found);
    }
    return found;
  }

  store(blocks: Block[], extraction: Extraction): void {
    this.misses++;
    this.current.set(keyOf(blocks), extraction);
  }

  /** Keeps only what this build used, so the file does not grow with deleted seeds. Atomic: builds may overlap. */
  save(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(
      temporary,
      JSON.stringify({ version: this.codeVersion(), entries: Object.fromEntries(this.current) }),
    );
    renameSync(temporary, this.file);
  }
}
