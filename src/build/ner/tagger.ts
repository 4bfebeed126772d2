// The entity tagger at use: loads the weights file once, then tags documents of tokenized sentences.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TAGS, type Tag } from './conll.js';
import { FeatureBuffer, FeatureExtractor, type Lexicon, lexiconView } from './features.js';
import { decodeDocument, Lattice, type Model } from './perceptron.js';
import { chunks } from './score.js';
import type { Token } from './tokens.js';
import { deserializeModel } from './weights.js';

export const DEFAULT_WEIGHTS = fileURLToPath(new URL('./weights.bin.gz', import.meta.url));

export interface Tagger {
  /**
   * Tags one document: its sentences as tokens (see tokens.ts), tags out, one BIO tag a token (O, B-/I- PER, ORG,
   * LOC, MISC). The whole document is read first: how a word is written elsewhere in it and what it was tagged
   * earlier are features.
   */
  tagDocument(sentences: readonly (readonly string[])[]): Tag[][];
}

export type EntitySpanType = 'PER' | 'ORG' | 'LOC';

export interface EntitySpan {
  /** Offset of the first character (the first token's start). */
  start: number;
  /** Offset one past the last character (the last token's end). */
  end: number;
  type: EntitySpanType;
}

/** A tagger from weights bytes (gzipped, as serializeModel writes them). */
export function taggerFromBytes(bytes: Uint8Array): Tagger {
  const { model, lexicon } = deserializeModel(bytes);
  return taggerFromModel(model, lexicon);
}

/** A tagger from a model and its lexicon in memory. */
export function taggerFromModel(model: Model, lexicon: Lexicon): Tagger {
  const extractor = new FeatureExtractor(lexiconView(lexicon), model.bits);
  const buffer = new FeatureBuffer();
  const lattice = new Lattice();
  return {
    tagDocument(sentences) {
      const paths = decodeDocument(model, extractor, sentences, buffer, lattice);
      return paths.map((path) => Array.from(path, (tag) => TAGS[tag]!));
    },
  };
}

/** Loads the tagger from a weights file, by default the committed src/build/ner/weights.bin.gz. */
export function loadTagger(path: string = DEFAULT_WEIGHTS): Tagger {
  return taggerFromBytes(readFileSync(path));
}

/** The PER, ORG and LOC mentions of a tagged sentence as character spans; MISC mentions are dropped. */
export function spans(tokens: readonly Token[], tags: readonly string[]): EntitySpan[] {
  const result: EntitySpan[] = [];
  for (const chunk of chunks(tags)) {
    if (chunk.type !== 'PER' && chunk.type !== 'ORG' && chunk.type !== 'LOC') continue;
    result.push({ start: tokens[chunk.start]!.start, end: tokens[chunk.end - 1]!.end, type: chunk.type });
  }
  return result;
}
