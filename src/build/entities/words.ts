// Word-level facts the rule phases share: lexicon tags, capitalization and acronym shapes, punctuation breaks.
import nlp from 'compromise';
import { inLexicon, lexiconTags, type Term } from '../text/tokens.js';
import { PERSON_TITLES } from './lexicon.js';

// "in Darmstadt", "near Oakville"; "the Starbase site", "the Oakville plant".
export const LOCATIVES = new Set(['in', 'near', 'outside', 'around', 'across', 'throughout', 'inside']);
export const PLACE_NOUNS = new Set([
  'site',
  'city',
  'town',
  'village',
  'region',
  'province',
  'district',
  'area',
  'border',
  'capital',
  'county',
  'suburb',
  'neighbourhood',
  'neighborhood',
  'plant',
  'factory',
  'residents',
  'airport',
  'port',
  'base',
]);
export const VERB_TAGS = new Set([
  'Verb',
  'PastTense',
  'PresentTense',
  'Infinitive',
  'Modal',
  'Copula',
  'Gerund',
  'Pronoun',
  'Preposition',
]);
export const CALENDAR_WORDS = new Set([
  ...'january february march april may june july august september october november december'.split(' '),
  ...'monday tuesday wednesday thursday friday saturday sunday'.split(' '),
]);
export const LEADING_PARTICLES = new Set([
  'von',
  'van',
  'der',
  'de',
  'da',
  'di',
  'du',
  'dos',
  'das',
  'del',
  'della',
  'bin',
  'ibn',
]);
export const PERSON_PRONOUNS = new Set(['he', 'she', 'his', 'her', 'him', 'hers']);
export const THING_PRONOUNS = new Set(['it', 'its']);
export const ACRONYM_FILLERS = new Set([
  'of',
  'for',
  'in',
  'and',
  'the',
  '&',
  'on',
  'de',
  'du',
  'des',
  'la',
  'le',
  'der',
  'und',
  'y',
  'e',
]);
export const NAME_SHAPE = /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} .'’‘&\u2013-]*$/u;
export const CONNECTORS_AFTER_ORG = new Set(['of', 'for', 'on', '&']);
export const BREAKING_PUNCTUATION = /[^\s\-'’]/u;
export const FUNCTION_TAGS = [
  'Adverb',
  'Conjunction',
  'Preposition',
  'Determiner',
  'Pronoun',
  'QuestionWord',
  'Expression',
  'Verb',
  'Adjective',
];
export const NAME_TAGS = [
  'Person',
  'FirstName',
  'LastName',
  'Place',
  'Country',
  'City',
  'Region',
  'Organization',
  'Acronym',
];

export const wordCache = new Map<string, string[]>();

/** Lexicon tags, or for words the lexicon lacks, what compromise's tagger infers (cached: the vocabulary is small). */
export function wordTags(word: string): string[] {
  const lower = word.toLowerCase().replace(/['’]s$/u, '');
  let tags = wordCache.get(lower);
  if (!tags) {
    tags = inLexicon(lower)
      ? lexiconTags(lower)
      : ((nlp(lower).json({ terms: { normal: true } }) as Array<{ terms: Term[] }>)[0]?.terms[0]?.tags ?? []);
    wordCache.set(lower, tags);
  }
  return tags;
}

const FUNCTION_WORD_TAGS = new Set(['Preposition', 'Determiner', 'Conjunction', 'Adverb', 'Pronoun', 'QuestionWord']);
const NAME_TAG_SET = new Set(NAME_TAGS);
const FUNCTION_TAG_SET = new Set(FUNCTION_TAGS);
// Answers by word: the rules ask them of every capitalized word, several times (cleared past 200,000 words).
const functionWords = new Map<string, boolean>();
const commonWords = new Map<string, number>();

export function isFunctionWord(word: string): boolean {
  let answer = functionWords.get(word);
  if (answer === undefined) {
    answer = wordTags(word).some((tag) => FUNCTION_WORD_TAGS.has(tag));
    if (functionWords.size > 200_000) functionWords.clear();
    functionWords.set(word, answer);
  }
  return answer;
}

/** Is this capitalized word just an ordinary word capitalized by its position? */
export function isCommonWord(word: string, sentenceInitial = false): boolean {
  // Bit 1: common anywhere; bit 2: common at the start of a sentence.
  let answer = commonWords.get(word);
  if (answer === undefined) {
    const tags = wordTags(word);
    const named = tags.some((tag) => NAME_TAG_SET.has(tag));
    const common = !named && (inLexicon(word) || tags.some((tag) => FUNCTION_TAG_SET.has(tag)));
    answer = (common ? 1 : 0) | (common || (!named && tags.includes('Plural')) ? 2 : 0);
    if (commonWords.size > 200_000) commonWords.clear();
    commonWords.set(word, answer);
  }
  return (answer & (sentenceInitial ? 2 : 1)) !== 0;
}

/** "President", "President-elect", "Dr." */
export const isTitle = (word: string) =>
  PERSON_TITLES.has(word.toLowerCase()) || PERSON_TITLES.has(word.toLowerCase().replace(/-elect$/, ''));
const CAPITALIZED = /^(?:\p{Lu}|\p{Ll}+\p{Lu}|(?:al|el)-\p{Lu}|(?:d|l|dell)['’]\p{Lu}|\d+\p{Lu})/u;
// An ASCII capital first is the common case; the pattern decides the rest ("iPhone", "al-Sadr", "d'Estaing").
export const isCapitalized = (word: string) => {
  const first = word.charCodeAt(0);
  return (first >= 65 && first <= 90) || CAPITALIZED.test(word);
};
export const isAcronym = (word: string) => /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}\d&]{1,6}$/u.test(word);
export const isCamelCase = (word: string) => /^\p{Lu}\p{Ll}+\p{Lu}/u.test(word) || /^\p{Lu}{2,}\p{Ll}+/u.test(word);
// A spaced dash ("COLUMBUS, Ohio - The board …") separates like a comma; "Zurich-based" does not.
// Most words are followed by one space and preceded by nothing: those need no pattern.
export const breaksAfter = (term: Term) =>
  term.post !== ' ' && (BREAKING_PUNCTUATION.test(term.post) || /\s-+\s/u.test(term.post));
export const breaksBefore = (term: Term) =>
  term.pre !== '' && (BREAKING_PUNCTUATION.test(term.pre.replace(/["“”‘’']/gu, '')) || /["“”(]/u.test(term.pre));
