// Hashed features for the entity tagger. Each distinct word is analysed once (hashes of its form, lowercase form,
// shape, prefixes and suffixes; its lexicon classes) and cached; a feature is then a template id mixed with one to
// three of those integers and reduced to a bucket of a 2^bits table, so computing features allocates no strings.
//
// Feature families, and why each exists:
// - word, lowercase, shape ("Xxxx", "XX", "dd-dd") and short shape ("Xx", "X.X."), prefixes and suffixes 1–4: the
//   token itself; affixes and shapes generalise to unseen names ("-ski", "-ton", "Mc", "X.", "Xx-Xx").
// - lowercase words and shapes two either side, neighbour bigrams: the context ("said", "Mr.", "in", "of the") that
//   separates "Jordan" the country from "Jordan" the player.
// - first token, all-caps / title-case sentence: capitals carry no information at the start of a sentence or in a
//   headline ("SOCCER - JAPAN GET LUCKY WIN"), so the model must know when to discount them.
// - frequency class in the training text: rare capitalised words are names more often than frequent ones.
// - lexicon classes (compromise's lexicon: first names, surnames, places, organisations, months, verbs, …, and the
//   project's own lists of titles, organisation and place heads) of the word and its neighbours: world knowledge
//   that 200,000 training tokens cannot give.
// - gazetteer phrases (countries, capitals, cities, states and provinces, compromise's multi-word names) and names
//   seen as PER/ORG/LOC/MISC spans in the training data, matched as token sequences, as begin/inside/last/unit.
// - document level: whether the word also appears lowercase in the document (then it is probably a common word
//   capitalised at a sentence start) or capitalised mid-sentence (then it is probably a name, even in a headline).
// - the type last predicted for the same word earlier in the document (added while decoding, see `history`):
//   "Blackburn" after "Peter Blackburn" is a person.
import { finish, hashRange, hashString, mix } from './hash.js';

export const DEFAULT_BITS = 21;
/** Bumped whenever features change meaning: weights trained with another version are refused. */
export const FEATURE_VERSION = 1;

// Phrase types: bit positions in a phrase entry; at a token each type has four position bits (begin, inside,
// last, unit), so types 0–6 fill one 28-bit word and types 7–10 another.
export const PHRASE_TYPES = [
  'COUNTRY',
  'MAJOR_CITY',
  'CITY',
  'REGION',
  'LEX_PER',
  'LEX_ORG',
  'LEX_LOC',
  'TRAIN_PER',
  'TRAIN_ORG',
  'TRAIN_LOC',
  'TRAIN_MISC',
] as const;
export const STATIC_PHRASE_TYPES = 7;
/** Set on a phrase entry when a longer phrase starts with it, so matching can stop at the first miss. */
export const PREFIX_BIT = 1 << 30;

export const WORD_CLASSES = [
  'FirstName',
  'LastName',
  'Person',
  'Place',
  'City',
  'Country',
  'Region',
  'Organization',
  'SportsTeam',
  'Demonym',
  'WeekDay',
  'Month',
  'Honorific',
  'Adjective',
  'Verb',
  'Noun',
  'Function',
  'Unit',
  'Actor',
  'Title',
  'OrgHead',
  'PlaceHead',
  'Particle',
  'PersonNoun',
  'OrgNoun',
  'NonEntityHead',
  'PlaceFirst',
  'SpeechVerb',
  'Abbreviation',
] as const;

/** The lexical facts features consult, keyed by hashes of lowercased tokens (see `lowerHash`, `phraseStep`). */
export interface LexiconView {
  /** WORD_CLASSES bits of a word. */
  wordBits(lower: number): number;
  /** Phrase type bits (and PREFIX_BIT) of a phrase hash, 0 if none. */
  phraseBits(phrase: number): number;
  /** Bit t set if the word was seen inside a training span of type t (PER, ORG, LOC, MISC). */
  nameBits(lower: number): number;
  /** 0 for words unseen in training, else 1 + log2 of the count, capped. */
  freqClass(lower: number): number;
  readonly maxPhrase: number;
}

/** A lexicon as stored with the weights. */
export interface Lexicon {
  words: Map<number, number>;
  names: Map<number, number>;
  phrases: Map<number, number>;
  freq: Map<number, number>;
  maxPhrase: number;
}

export function lexiconView(lexicon: Lexicon): LexiconView {
  return {
    wordBits: (lower) => lexicon.words.get(lower) ?? 0,
    nameBits: (lower) => lexicon.names.get(lower) ?? 0,
    phraseBits: (phrase) => lexicon.phrases.get(phrase) ?? 0,
    freqClass: (lower) => lexicon.freq.get(lower) ?? 0,
    maxPhrase: lexicon.maxPhrase,
  };
}

const SEED_WORD = 0x1b873593;
const SEED_LOWER = 0x2f5a3c11;
const SEED_SHAPE = 0x61c88647;
const SEED_AFFIX = 0x7feb352d;
const SEED_PHRASE = 0x68e31da4;

/** The normal form words are looked up by: lowercase, curly apostrophe as straight. */
export function normalWord(word: string): string {
  return word.toLowerCase().replace(/’/g, "'");
}

export function lowerHash(word: string): number {
  return hashString(normalWord(word), SEED_LOWER);
}

/** Phrase hashing: start with PHRASE_START, fold in each token's lowercase hash with phraseStep, look up
 * phraseKey(state) after each token. */
export const PHRASE_START = SEED_PHRASE;
export function phraseStep(state: number, lower: number): number {
  return mix(state, lower);
}
export function phraseKey(state: number): number {
  return finish(state);
}

/** Case of a word: no letters, lowercase, capitalised ("Xx", "X"), all capitals (2+ letters), other ("iPhone"). */
export const CASE_NONE = 0;
export const CASE_LOWER = 1;
export const CASE_TITLE = 2;
export const CASE_UPPER = 3;
export const CASE_MIXED = 4;

export interface WordInfo {
  /** Id of the lowercase form, for document-level tables. */
  lowerId: number;
  word: number;
  lower: number;
  shape: number;
  shortShape: number;
  /** Hashes of prefixes 1–4 then suffixes 1–4; 0 where the word is shorter. */
  affixes: Int32Array;
  caseClass: number;
  wordBits: number;
  nameBits: number;
  freq: number;
}

function charClass(code: number, char: string): number {
  if (code >= 48 && code <= 57) return 100; // d
  if (code < 128) {
    if (code >= 65 && code <= 90) return 88; // X
    if (code >= 97 && code <= 122) return 120; // x
    return code; // punctuation as itself
  }
  if (char.toLowerCase() !== char) return 88;
  if (char.toUpperCase() !== char) return 120;
  return /\p{N}/u.test(char) ? 100 : /\p{L}/u.test(char) ? 120 : code;
}

/** Word shape with runs capped at four ("Xxxx", "dddd.dd") and the short shape with runs collapsed ("Xx"). */
export function shapes(word: string): { shape: string; short: string; caseClass: number } {
  let shape = '';
  let short = '';
  let previous = -1;
  let run = 0;
  let upper = 0;
  let lower = 0;
  for (const char of word) {
    const cls = charClass(char.codePointAt(0)!, char);
    if (cls === 88) upper++;
    else if (cls === 120) lower++;
    run = cls === previous ? run + 1 : 1;
    if (run <= 4) shape += String.fromCharCode(cls);
    if (run === 1) short += String.fromCharCode(cls);
    previous = cls;
  }
  const firstUpper = word.length > 0 && charClass(word.codePointAt(0)!, word[0]!) === 88;
  const caseClass =
    upper + lower === 0
      ? CASE_NONE
      : upper === 0
        ? CASE_LOWER
        : lower === 0 && upper >= 2
          ? CASE_UPPER
          : firstUpper
            ? CASE_TITLE
            : CASE_MIXED;
  return { shape, short, caseClass };
}

/** Analyses a word once: all the integers its features are made of. */
export function analyseWord(word: string, lowerId: number, view: LexiconView): WordInfo {
  const normal = normalWord(word);
  const { shape, short, caseClass } = shapes(word);
  const affixes = new Int32Array(8);
  for (let k = 1; k <= 4; k++) {
    if (normal.length < k) break;
    affixes[k - 1] = hashRange(normal, 0, k, SEED_AFFIX + k);
    affixes[k + 3] = hashRange(normal, normal.length - k, normal.length, SEED_AFFIX - k);
  }
  const lower = hashString(normal, SEED_LOWER);
  return {
    lowerId,
    word: hashString(word, SEED_WORD),
    lower,
    shape: hashString(shape, SEED_SHAPE),
    shortShape: hashString(short, SEED_SHAPE + 1),
    affixes,
    caseClass,
    wordBits: view.wordBits(lower),
    nameBits: view.nameBits(lower),
    freq: view.freqClass(lower),
  };
}

/** Padding for the context window before the first and after the last token. */
function padding(name: string, lowerId: number): WordInfo {
  const h = hashString(name, 0x5eed);
  return {
    lowerId,
    word: h,
    lower: h,
    shape: h,
    shortShape: h,
    affixes: new Int32Array(8),
    caseClass: CASE_NONE,
    wordBits: 0,
    nameBits: 0,
    freq: 0,
  };
}
export const BOS2 = padding('<s2>', -1);
export const BOS1 = padding('<s1>', -1);
export const EOS1 = padding('</s1>', -1);
export const EOS2 = padding('</s2>', -1);

// Template ids. A feature is finish(mix(mix(mix(FEATURE_SEED, template), a), b)) >>> (32 - bits).
enum T {
  Bias = 1,
  Word,
  Lower,
  Shape,
  ShortShape,
  Prefix1,
  Prefix2,
  Prefix3,
  Prefix4,
  Suffix1,
  Suffix2,
  Suffix3,
  Suffix4,
  LowerM2,
  LowerM1,
  LowerP1,
  LowerP2,
  ShapeM2,
  ShapeM1,
  ShapeP1,
  ShapeP2,
  BigramM1,
  BigramP1,
  BigramAround,
  BigramM2,
  BigramP2,
  ShapeBigramM1,
  ShapeBigramP1,
  ShapeTrigram,
  First,
  FirstLower,
  SentenceCase,
  SentenceCaseLower,
  Freq,
  Classes,
  ClassesM1,
  ClassesP1,
  Gazetteer,
  TrainNames,
  DocLower,
  DocCapital,
  History,
  DocPrevious,
  DocNext,
  NameWord,
  CapitalRun,
}
const FEATURE_SEED = 0x3c6ef372;
const MAX_OCCURRENCES = 8;

/** Sentence case: ordinary, all capitals (headlines, datelines), or every long word capitalised (titles). */
const SENT_NORMAL = 0;
const SENT_UPPER = 1;
const SENT_TITLE = 2;

/** Features of one sentence, laid out flat: token i's are feats[offsets[i]] up to feats[offsets[i + 1]]. */
export class FeatureBuffer {
  feats = new Int32Array(4096);
  offsets = new Int32Array(257);
  /** One document-history feature a token (or -1), filled in at decoding time by FeatureExtractor.history. */
  history = new Int32Array(256);
  length = 0;
  count = 0;

  reset(length: number): void {
    this.length = length;
    this.count = 0;
    if (this.offsets.length < length + 1) {
      this.offsets = new Int32Array(2 * length + 1);
      this.history = new Int32Array(2 * length);
    }
  }

  push(feature: number): void {
    if (this.count === this.feats.length) {
      const grown = new Int32Array(this.feats.length * 2);
      grown.set(this.feats);
      this.feats = grown;
    }
    this.feats[this.count++] = feature;
  }
}

function growInt32(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  if (array.length >= size) return array;
  const grown = new Int32Array(Math.max(size, array.length * 2));
  grown.set(array);
  return grown;
}

/**
 * Computes features document by document: `beginDocument` analyses every token and counts, per lowercase word,
 * how it is written across the document; `sentence` writes one sentence's features into a buffer; `history` and
 * `record` carry the types already predicted for a word to its later occurrences.
 */
export class FeatureExtractor {
  readonly shift: number;
  private readonly cache = new Map<string, WordInfo>();
  private readonly lowerIds = new Map<string, number>();
  private infos: WordInfo[][] = [];
  private sentenceCase = new Int32Array(64);
  private lowerCount = new Int32Array(1024);
  private capitalCount = new Int32Array(1024);
  private lastType = new Int32Array(1024);
  private stamp = new Int32Array(1024);
  private documentNumber = 0;
  private gazetteer = new Int32Array(256);
  // Occurrences of capitalised words in the document: a chain per lowercase word through token positions.
  private firstOccurrence = new Int32Array(1024);
  private nextOccurrence = new Int32Array(1024);
  private previousWord = new Int32Array(1024);
  private nextWord = new Int32Array(1024);
  private sentenceStart = new Int32Array(64);
  private trainNames = new Int32Array(256);
  private runs = new Int32Array(256);

  constructor(
    readonly view: LexiconView,
    readonly bits: number = DEFAULT_BITS,
  ) {
    this.shift = 32 - bits;
  }

  /** The cached analysis of a word. */
  info(word: string): WordInfo {
    let info = this.cache.get(word);
    if (info === undefined) {
      const normal = normalWord(word);
      let lowerId = this.lowerIds.get(normal);
      if (lowerId === undefined) {
        lowerId = this.lowerIds.size;
        this.lowerIds.set(normal, lowerId);
      }
      info = analyseWord(word, lowerId, this.view);
      // The cache is bounded so a long-running process does not grow without end.
      if (this.cache.size >= 2_000_000) this.cache.clear();
      this.cache.set(word, info);
    }
    return info;
  }

  private f1(template: number, a: number): number {
    return finish(mix(mix(FEATURE_SEED, template), a)) >>> this.shift;
  }

  private f2(template: number, a: number, b: number): number {
    return finish(mix(mix(mix(FEATURE_SEED, template), a), b)) >>> this.shift;
  }

  private f3(template: number, a: number, b: number, c: number): number {
    return finish(mix(mix(mix(mix(FEATURE_SEED, template), a), b), c)) >>> this.shift;
  }

  /** Analyses a document's tokens and counts how each word is written in it. */
  beginDocument(sentences: readonly (readonly string[])[]): void {
    this.documentNumber++;
    this.infos = sentences.map((tokens) => tokens.map((token) => this.info(token)));
    const size = this.lowerIds.size;
    if (this.stamp.length < size) {
      this.stamp = growInt32(this.stamp, size);
      this.lowerCount = growInt32(this.lowerCount, size);
      this.capitalCount = growInt32(this.capitalCount, size);
      this.lastType = growInt32(this.lastType, size);
      this.firstOccurrence = growInt32(this.firstOccurrence, size);
    }
    let tokens = 0;
    for (const sentence of sentences) tokens += sentence.length;
    this.nextOccurrence = growInt32(this.nextOccurrence, tokens);
    this.previousWord = growInt32(this.previousWord, tokens);
    this.nextWord = growInt32(this.nextWord, tokens);
    this.sentenceStart = growInt32(this.sentenceStart, sentences.length);
    this.sentenceCase = growInt32(this.sentenceCase, sentences.length);
    let position = 0;
    for (let s = 0; s < this.infos.length; s++) {
      const infos = this.infos[s]!;
      const sentenceCase = caseOfSentence(infos);
      this.sentenceCase[s] = sentenceCase;
      this.sentenceStart[s] = position;
      for (let i = 0; i < infos.length; i++, position++) {
        const info = infos[i]!;
        const id = info.lowerId;
        if (this.stamp[id] !== this.documentNumber) {
          this.stamp[id] = this.documentNumber;
          this.lowerCount[id] = 0;
          this.capitalCount[id] = 0;
          this.lastType[id] = 0;
          this.firstOccurrence[id] = -1;
        }
        if (info.caseClass >= CASE_TITLE) {
          // Chains run backwards (newest first); the order does not matter to the features.
          this.nextOccurrence[position] = this.firstOccurrence[id]!;
          this.firstOccurrence[id] = position;
          this.previousWord[position] = i > 0 ? infos[i - 1]!.lower : BOS1.lower;
          this.nextWord[position] = i + 1 < infos.length ? infos[i + 1]!.lower : EOS1.lower;
        }
        if (info.caseClass === CASE_LOWER) this.lowerCount[id]!++;
        else if (info.caseClass >= CASE_TITLE && i > 0 && sentenceCase === SENT_NORMAL) this.capitalCount[id]!++;
      }
    }
  }

  /** Writes the features of sentence `s` of the current document into `out` (history features not yet). */
  sentence(s: number, out: FeatureBuffer): void {
    const infos = this.infos[s]!;
    const length = infos.length;
    out.reset(length);
    this.matchPhrases(infos);
    this.capitalRuns(infos);
    const sentenceCase = this.sentenceCase[s]!;
    for (let i = 0; i < length; i++) {
      out.offsets[i] = out.count;
      out.history[i] = -1;
      this.tokenFeatures(infos, i, sentenceCase, out);
      this.contextFeatures(infos, i, out);
      this.lexiconFeatures(infos, i, out);
      this.documentFeatures(infos[i]!, i, sentenceCase, out);
      if (this.runs[i]! !== 0) out.push(this.f2(T.CapitalRun, this.runs[i]!, sentenceCase));
      this.contextAggregation(infos[i]!, this.sentenceStart[s]! + i, out);
    }
    out.offsets[length] = out.count;
  }

  private tokenFeatures(infos: WordInfo[], i: number, sentenceCase: number, out: FeatureBuffer): void {
    const c = infos[i]!;
    out.push(this.f1(T.Bias, 0));
    out.push(this.f1(T.Word, c.word));
    out.push(this.f1(T.Lower, c.lower));
    out.push(this.f1(T.Shape, c.shape));
    out.push(this.f1(T.ShortShape, c.shortShape));
    const affixes = c.affixes;
    for (let k = 0; k < 8; k++) {
      const affix = affixes[k]!;
      if (affix !== 0) out.push(this.f1(T.Prefix1 + k, affix));
    }
    if (i === 0) {
      out.push(this.f1(T.First, c.shortShape));
      out.push(this.f1(T.FirstLower, c.lower));
    }
    if (sentenceCase !== SENT_NORMAL) {
      out.push(this.f2(T.SentenceCase, sentenceCase, c.shortShape));
      out.push(this.f2(T.SentenceCaseLower, sentenceCase, c.lower));
    }
    out.push(this.f2(T.Freq, c.freq, c.caseClass));
  }

  private contextFeatures(infos: WordInfo[], i: number, out: FeatureBuffer): void {
    const length = infos.length;
    const c = infos[i]!;
    const m2 = i >= 2 ? infos[i - 2]! : i === 1 ? BOS1 : BOS2;
    const m1 = i >= 1 ? infos[i - 1]! : BOS1;
    const p1 = i + 1 < length ? infos[i + 1]! : EOS1;
    const p2 = i + 2 < length ? infos[i + 2]! : i + 1 < length ? EOS1 : EOS2;
    out.push(this.f1(T.LowerM2, m2.lower));
    out.push(this.f1(T.LowerM1, m1.lower));
    out.push(this.f1(T.LowerP1, p1.lower));
    out.push(this.f1(T.LowerP2, p2.lower));
    out.push(this.f1(T.ShapeM2, m2.shortShape));
    out.push(this.f1(T.ShapeM1, m1.shape));
    out.push(this.f1(T.ShapeP1, p1.shape));
    out.push(this.f1(T.ShapeP2, p2.shortShape));
    out.push(this.f2(T.BigramM1, m1.lower, c.lower));
    out.push(this.f2(T.BigramP1, c.lower, p1.lower));
    out.push(this.f2(T.BigramAround, m1.lower, p1.lower));
    out.push(this.f2(T.BigramM2, m2.lower, m1.lower));
    out.push(this.f2(T.BigramP2, p1.lower, p2.lower));
    out.push(this.f2(T.ShapeBigramM1, m1.shape, c.shape));
    out.push(this.f2(T.ShapeBigramP1, c.shape, p1.shape));
    out.push(this.f3(T.ShapeTrigram, m1.shortShape, c.shortShape, p1.shortShape));
  }

  private lexiconFeatures(infos: WordInfo[], i: number, out: FeatureBuffer): void {
    const c = infos[i]!;
    for (let bits = c.wordBits; bits !== 0; bits &= bits - 1) {
      out.push(this.f2(T.Classes, 31 - Math.clz32(bits & -bits), c.caseClass));
    }
    if (i > 0) {
      for (let bits = infos[i - 1]!.wordBits; bits !== 0; bits &= bits - 1) {
        out.push(this.f1(T.ClassesM1, 31 - Math.clz32(bits & -bits)));
      }
    }
    if (i + 1 < infos.length) {
      for (let bits = infos[i + 1]!.wordBits; bits !== 0; bits &= bits - 1) {
        out.push(this.f1(T.ClassesP1, 31 - Math.clz32(bits & -bits)));
      }
    }
    for (let bits = c.nameBits; bits !== 0; bits &= bits - 1) {
      out.push(this.f2(T.NameWord, 31 - Math.clz32(bits & -bits), c.caseClass));
    }
    for (let bits = this.gazetteer[i]!; bits !== 0; bits &= bits - 1) {
      out.push(this.f1(T.Gazetteer, 31 - Math.clz32(bits & -bits)));
    }
    for (let bits = this.trainNames[i]!; bits !== 0; bits &= bits - 1) {
      out.push(this.f1(T.TrainNames, 31 - Math.clz32(bits & -bits)));
    }
  }

  private documentFeatures(c: WordInfo, i: number, sentenceCase: number, out: FeatureBuffer): void {
    if (c.caseClass < CASE_TITLE) return;
    const id = c.lowerId;
    const self = i > 0 && sentenceCase === SENT_NORMAL ? 1 : 0;
    const lowerElsewhere = this.lowerCount[id]! > 0 ? 1 : 0;
    const capitalElsewhere = this.capitalCount[id]! - self > 0 ? 1 : 0;
    const position = (i === 0 ? 1 : 0) + 2 * sentenceCase;
    out.push(this.f3(T.DocLower, lowerElsewhere, c.caseClass, position));
    out.push(this.f3(T.DocCapital, capitalElsewhere + 2 * lowerElsewhere, c.caseClass, position));
  }

  /** The words around the other occurrences of a capitalised word in the document (at most MAX_OCCURRENCES). */
  private contextAggregation(c: WordInfo, position: number, out: FeatureBuffer): void {
    if (c.caseClass < CASE_TITLE) return;
    let seen = 0;
    for (let q = this.firstOccurrence[c.lowerId]!; q >= 0 && seen < MAX_OCCURRENCES; q = this.nextOccurrence[q]!) {
      if (q === position) continue;
      seen++;
      out.push(this.f1(T.DocPrevious, this.previousWord[q]!));
      out.push(this.f1(T.DocNext, this.nextWord[q]!));
    }
  }

  /** For capitalised tokens, the length (1–4+) of the run of capitalised words they are in and where in it. */
  private capitalRuns(infos: WordInfo[]): void {
    const length = infos.length;
    if (this.runs.length < length) this.runs = new Int32Array(2 * length);
    let start = 0;
    while (start < length) {
      if (infos[start]!.caseClass < CASE_TITLE) {
        this.runs[start++] = 0;
        continue;
      }
      let end = start + 1;
      while (end < length && infos[end]!.caseClass >= CASE_TITLE) end++;
      const size = Math.min(end - start, 4);
      for (let k = start; k < end; k++) {
        const place = end - start === 1 ? 3 : k === start ? 0 : k === end - 1 ? 2 : 1;
        this.runs[k] = 1 + size * 4 + place;
      }
      start = end;
    }
  }

  /** Marks, for every token, the gazetteer and training-name phrases it begins, continues, ends or is. */
  private matchPhrases(infos: WordInfo[]): void {
    const length = infos.length;
    if (this.gazetteer.length < length) {
      this.gazetteer = new Int32Array(2 * length);
      this.trainNames = new Int32Array(2 * length);
    }
    this.gazetteer.fill(0, 0, length);
    this.trainNames.fill(0, 0, length);
    const view = this.view;
    const maxPhrase = view.maxPhrase;
    for (let start = 0; start < length; start++) {
      const first = infos[start]!;
      if (first.caseClass < CASE_TITLE && first.caseClass !== CASE_NONE) continue;
      let state = PHRASE_START;
      for (let n = 0; n < maxPhrase && start + n < length; n++) {
        state = phraseStep(state, infos[start + n]!.lower);
        const bits = view.phraseBits(phraseKey(state));
        if (bits === 0) break;
        if ((bits & ~PREFIX_BIT) !== 0) this.markPhrase(start, n + 1, bits);
        if ((bits & PREFIX_BIT) === 0) break;
      }
    }
  }

  private markPhrase(start: number, length: number, bits: number): void {
    for (let type = 0; type < PHRASE_TYPES.length; type++) {
      if ((bits & (1 << type)) === 0) continue;
      const slot = type < STATIC_PHRASE_TYPES ? type : type - STATIC_PHRASE_TYPES;
      const target = type < STATIC_PHRASE_TYPES ? this.gazetteer : this.trainNames;
      if (length === 1) target[start]! |= 1 << (4 * slot + 3);
      else {
        target[start]! |= 1 << (4 * slot);
        for (let k = 1; k < length - 1; k++) target[start + k]! |= 1 << (4 * slot + 1);
        target[start + length - 1]! |= 1 << (4 * slot + 2);
      }
    }
  }

  /** Fills in the history features of sentence `s` from what was predicted earlier in the document. */
  history(s: number, out: FeatureBuffer): void {
    const infos = this.infos[s]!;
    for (let i = 0; i < infos.length; i++) {
      const info = infos[i]!;
      const last = info.caseClass >= CASE_TITLE ? this.lastType[info.lowerId]! : 0;
      out.history[i] = last === 0 ? -1 : this.f2(T.History, last, info.caseClass);
    }
  }

  /** Records the types predicted for sentence `s`: entity type + 1 (PER 1 … MISC 4), 5 for none. */
  record(s: number, types: ArrayLike<number>): void {
    const infos = this.infos[s]!;
    for (let i = 0; i < infos.length; i++) {
      const info = infos[i]!;
      if (info.caseClass >= CASE_TITLE) this.lastType[info.lowerId] = types[i]! < 0 ? 5 : types[i]! + 1;
    }
  }
}

function caseOfSentence(infos: WordInfo[]): number {
  let upper = 0;
  let lower = 0;
  let title = 0;
  let capitalisedLong = 0;
  let lowerLong = 0;
  for (const info of infos) {
    const long = info.affixes[3] !== 0;
    if (info.caseClass === CASE_UPPER) upper++;
    else if (info.caseClass === CASE_LOWER) {
      lower++;
      if (long) lowerLong++;
    } else if (info.caseClass !== CASE_NONE) title++;
    if (long && info.caseClass >= CASE_TITLE) capitalisedLong++;
  }
  if (upper >= 1 && upper > 3 * (lower + title)) return SENT_UPPER;
  if (capitalisedLong >= 3 && lowerLong === 0) return SENT_TITLE;
  return SENT_NORMAL;
}
