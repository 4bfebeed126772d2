import nlp from 'compromise';
import type { EntityType } from '../../contract/corpus-index.js';
import type { Block, Mention } from '../model.js';
import { inLexicon, lexiconTags, sentences, type Term, tokenize } from '../text/tokens.js';
import { lookupPlace } from './gazetteer.js';
import {
  ACRONYM_STOP,
  isDemonym,
  lookupKnown,
  NON_ENTITY_FIRST,
  NON_ENTITY_HEADS,
  ORG_HEADS,
  ORG_LAST_WORDS,
  ORG_NOUNS,
  ORG_ROLES,
  ORG_SUFFIX,
  PARTICLES,
  PERSON_NOUNS,
  PERSON_TITLES,
  PLACE_FIRST,
  PLACE_HEADS,
  PLACE_LAST_WORDS,
  PLACE_TITLES,
  PORTFOLIOS,
  SPEECH_VERBS,
} from './lexicon.js';
import { foldKey, POSSESSIVE, preferredName, stripPossessive } from './slug.js';

/** A run of name-like words found in the text, with the context that helps type it. */
interface Candidate {
  surface: string;
  words: string[];
  /** Term positions in its sentence, for lists and acronym expansions. */
  start: number;
  end: number;
  type?: EntityType;
  /** The acronym given in parentheses right after it: "International Space Station (ISS)". */
  acronym?: string;
  /** Typed by the lexicon, the word's shape or its role, not by a guess: never re-read as a surname. */
  strong?: boolean;
  /** Typed only by a gazetteer hit or a default: a list or another mention may overrule it. */
  weak?: boolean;
  /** "CERN, the European Organization for Nuclear Research": this candidate is another name of that acronym. */
  aliasOf?: string;
  /** Looks like an ordinary word capitalized by its place: counts only as a short form of a name found elsewhere. */
  tentative?: boolean;
}

/** A name the article uses but gives no type: the corpus may know it from other articles ("Tesla"). */
export interface Unresolved {
  name: string;
  forms: string[];
  count: number;
}

export interface Extraction {
  mentions: Mention[];
  unresolved: Unresolved[];
}

// "in Darmstadt", "near Oakville"; "the Starbase site", "the Oakville plant".
const LOCATIVES = new Set(['in', 'near', 'outside', 'around', 'across', 'throughout', 'inside']);
const PLACE_NOUNS = new Set([
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
const VERB_TAGS = new Set([
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
const CALENDAR_WORDS = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(
    ' ',
  ),
);
const LEADING_PARTICLES = new Set([
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
const PERSON_PRONOUNS = new Set(['he', 'she', 'his', 'her', 'him', 'hers']);
const THING_PRONOUNS = new Set(['it', 'its']);
const ACRONYM_FILLERS = new Set([
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
const NAME_SHAPE = /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} .'’&-]*$/u;
const CONNECTORS_AFTER_ORG = new Set(['of', 'for', 'on', '&']);
const BREAKING_PUNCTUATION = /[^\s\-'’]/u;
const FUNCTION_TAGS = [
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
const NAME_TAGS = ['Person', 'FirstName', 'LastName', 'Place', 'Country', 'City', 'Region', 'Organization', 'Acronym'];

const wordCache = new Map<string, string[]>();

/** Lexicon tags, or for words the lexicon lacks, what compromise's tagger infers (cached: the vocabulary is bounded). */
function wordTags(word: string): string[] {
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

function isFunctionWord(word: string): boolean {
  return wordTags(word).some((tag) =>
    ['Preposition', 'Determiner', 'Conjunction', 'Adverb', 'Pronoun', 'QuestionWord'].includes(tag),
  );
}

/** Is this capitalized word just an ordinary word capitalized by its position? */
function isCommonWord(word: string, sentenceInitial = false): boolean {
  const tags = wordTags(word);
  if (tags.some((tag) => NAME_TAGS.includes(tag))) return false;
  return (
    inLexicon(word) || tags.some((tag) => FUNCTION_TAGS.includes(tag)) || (sentenceInitial && tags.includes('Plural'))
  );
}

/** "President", "President-elect", "Dr." */
const isTitle = (word: string) =>
  PERSON_TITLES.has(word.toLowerCase()) || PERSON_TITLES.has(word.toLowerCase().replace(/-elect$/, ''));
const isCapitalized = (word: string) =>
  /^(?:\p{Lu}|\p{Ll}+\p{Lu}|(?:al|el)-\p{Lu}|(?:d|l|dell)['’]\p{Lu}|\d+\p{Lu})/u.test(word);
const isAcronym = (word: string) => /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}\d&]{1,6}$/u.test(word);
const isCamelCase = (word: string) => /^\p{Lu}\p{Ll}+\p{Lu}/u.test(word) || /^\p{Lu}{2,}\p{Ll}+/u.test(word);
const breaksAfter = (term: Term) => BREAKING_PUNCTUATION.test(term.post);
const breaksBefore = (term: Term) =>
  BREAKING_PUNCTUATION.test(term.pre.replace(/["“”‘’']/gu, '')) || /["“”(]/u.test(term.pre);

/**
 * Finds the people, organizations and places of one article.
 * Body paragraphs are read first; title-case subheadings only confirm names the body already has,
 * since every word of a subheading is capitalized.
 */
export function extractEntities(blocks: Block[]): Extraction {
  const candidates: Candidate[] = [];
  for (const block of blocks) if (block.kind === 'paragraph') candidates.push(...candidatesIn(block.text));

  const { mentions, unresolved } = resolveWithinArticle(candidates);
  const byForm = new Map<string, Mention>();
  for (const mention of mentions) for (const form of mention.forms) byForm.set(foldKey(form), mention);

  for (const block of blocks) {
    if (block.kind !== 'subheading') continue;
    for (const terms of sentences(block.text).map(tokenize)) {
      for (const term of terms) {
        const word = stripPossessive(term.text);
        const mention = byForm.get(foldKey(word));
        if (mention) mention.count++;
        else {
          // Beyond names the body has, a subheading can only add places and bodies everyone knows ("From Washington").
          const known =
            lookupKnown(word) ??
            (lexiconTags(word).some((tag) => ['Country', 'City', 'Region'].includes(tag))
              ? { name: word, type: 'place' as const }
              : undefined);
          if (known && isCapitalized(word) && !isFunctionWord(word)) {
            const added: Mention = { name: known.name, type: known.type, forms: [word], count: 1 };
            mentions.push(added);
            byForm.set(foldKey(word), added);
          }
        }
      }
    }
  }
  return { mentions, unresolved };
}

function candidatesIn(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const terms of sentences(text).map(tokenize)) {
    const inSentence: Candidate[] = [];
    let start = 0;
    while (start < terms.length) {
      if (!isCapitalized(terms[start]!.text)) {
        start++;
        continue;
      }
      // A bare "von der Leyen" or "da Silva" starts at its particles.
      while (
        start > 0 &&
        LEADING_PARTICLES.has(terms[start - 1]!.text) &&
        !breaksAfter(terms[start - 1]!) &&
        (start < 2 || !isCapitalized(terms[start - 2]!.text) || breaksAfter(terms[start - 2]!))
      )
        start--;
      let end = start;
      while (end + 1 < terms.length && !breaksAfter(terms[end]!) && !POSSESSIVE.test(terms[end]!.text)) {
        const next = terms[end + 1]!;
        if (breaksBefore(next)) break;
        if (isCapitalized(next.text)) {
          end++;
          continue;
        }
        const joined = joinAcross(terms, start, end);
        if (joined === 0) break;
        end += joined;
      }
      // A run wholly inside quotation marks is a title of a work ("The Secret Agent"), not a name.
      const quoted = end > start && /["“]/u.test(terms[start]!.pre) && /["”]/u.test(terms[end]!.post);
      if (!quoted) inSentence.push(...toCandidates(terms, start, end));
      start = end + 1;
    }
    expandAcronyms(terms, inSentence);
    inSentence.forEach((candidate, index) => {
      const previous = inSentence[index - 1];
      if (
        previous &&
        isAcronym(previous.surface) &&
        candidate.words.length > 1 &&
        /,/.test(terms[previous.end]!.post) &&
        candidate.start === previous.end + 2 &&
        terms[previous.end + 1]!.text.toLowerCase() === 'the' &&
        candidate.type === 'organization'
      ) {
        candidate.aliasOf = previous.surface;
      }
    });
    typeLists(terms, inSentence);
    found.push(...inSentence);
  }
  return found;
}

/** How many lowercase words to bridge after `end` ("Bank of England", "von der Leyen"), or 0. */
function joinAcross(terms: Term[], start: number, end: number): number {
  const previous = stripPossessive(terms[end]!.text).toLowerCase();
  const runHasOrgHead = terms.slice(start, end + 1).some((term) => ORG_HEADS.has(term.text.toLowerCase()));
  let bridge = 0;
  while (end + 1 + bridge < terms.length) {
    const term = terms[end + 1 + bridge]!;
    const word = term.text.toLowerCase();
    const isParticle = PARTICLES.has(word);
    const afterOrg = runHasOrgHead && (CONNECTORS_AFTER_ORG.has(word) || (bridge > 0 && word === 'the'));
    const afterPlace =
      (PLACE_HEADS.has(previous) || previous === 'republic' || previous === 'kingdom') &&
      (word === 'of' || (bridge > 0 && word === 'the'));
    if (!isParticle && !afterOrg && !afterPlace) break;
    if (breaksAfter(term)) return 0;
    bridge++;
  }
  if (bridge === 0) return 0;
  const after = terms[end + 1 + bridge];
  return after && isCapitalized(after.text) && !breaksBefore(after) ? bridge + 1 : 0;
}

function words(terms: Term[], start: number, end: number): string[] {
  return terms.slice(start, end + 1).map((term) => term.text);
}

/**
 * "Board of Control for Cricket in India (BCCI)": the run finder stops at "in", but the acronym's letters
 * tell where its expansion starts. The expansion replaces the fragments found inside it.
 */
function expandAcronyms(terms: Term[], candidates: Candidate[]): void {
  terms.forEach((term, index) => {
    const acronym = term.text.replace(/[().,]/g, '');
    if (!/\(\s*$/u.test(term.pre) || !isAcronym(acronym) || index < 2) return;
    const letters = acronym.replace(/[^\p{Lu}]/gu, '');
    for (let start = index - 2; start >= Math.max(0, index - 12); start--) {
      if (breaksAfter(terms[start]!) || !isCapitalized(terms[start]!.text)) continue;
      const span = terms.slice(start, index);
      if (span.slice(0, -1).some((t) => breaksAfter(t))) break;
      if (
        !spellsAcronym(
          span.map((t) => t.text),
          letters,
        )
      )
        continue;
      const inside = candidates.filter((candidate) => candidate.end >= start && candidate.start <= index - 1);
      if (inside.length === 1 && inside[0]!.start === start && inside[0]!.end === index - 1) return;
      const expansion = toCandidate(terms, start, index - 1);
      if (!expansion) return;
      expansion.acronym = acronym;
      expansion.type ??= 'organization';
      for (const candidate of inside) candidates.splice(candidates.indexOf(candidate), 1);
      candidates.push(expansion);
      candidates.sort((a, b) => a.start - b.start);
      return;
    }
  });
}

/** Do the words' initials spell the acronym? Capitalized words must each give a letter; "of", "and"… may. */
function spellsAcronym(words: string[], letters: string): boolean {
  const match = (w: number, l: number): boolean => {
    if (w === words.length) return l === letters.length;
    const word = words[w]!;
    const initial = word[0]!.toUpperCase();
    if (ACRONYM_FILLERS.has(word.toLowerCase()))
      return match(w + 1, l) || (initial === letters[l] && match(w + 1, l + 1));
    if (!isCapitalized(word) || initial !== letters[l]) return false;
    // A word may give more than its initial: "ECOWAS" from "Economic COmmunity…", "NASA", "KBA".
    return (
      match(w + 1, l + 1) ||
      (l + 1 < letters.length && word.toUpperCase().startsWith(letters.slice(l, l + 2)) && match(w + 1, l + 2))
    );
  };
  return match(0, 0);
}

/** Names in one list share a kind: "Amazon, Microsoft and Alphabet"; the untyped take the list's type. */
function typeLists(terms: Term[], candidates: Candidate[]): void {
  let group: Candidate[] = [];
  const settle = () => {
    const firm = new Set(
      group.filter((candidate) => candidate.type && !candidate.weak).map((candidate) => candidate.type),
    );
    if (group.length > 1 && firm.size === 1) {
      const [type] = firm;
      for (const candidate of group) if (!candidate.type || candidate.weak) candidate.type = type;
    }
    group = [];
  };
  candidates.forEach((candidate, index) => {
    const previous = candidates[index - 1];
    const between = previous
      ? terms.slice(previous.end + 1, candidate.start).map((term) => term.text.toLowerCase())
      : [];
    const linked =
      previous !== undefined &&
      ((between.length === 0 && /,/.test(terms[previous.end]!.post)) ||
        (between.length === 1 && ['and', 'or', '&'].includes(between[0]!)));
    if (!linked) settle();
    group.push(candidate);
  });
  settle();
}

/** One run of capitalized words can hold two names: "Ontario Premier Doug Ford" is Ontario and Doug Ford. */
function toCandidates(terms: Term[], start: number, end: number): Candidate[] {
  for (let split = end - 1; split > start; split--) {
    const word = terms[split]!.text;
    if (isTitle(word) && !isTitle(terms[split - 1]!.text) && isCapitalized(terms[split + 1]!.text)) {
      // "Environment Minister Marina Silva": the portfolio goes with the title.
      const titleStart = PORTFOLIOS.has(terms[split - 1]!.text.toLowerCase()) ? split - 1 : split;
      if (titleStart === start) break;
      const before = toCandidate(terms, start, titleStart - 1, word.toLowerCase().replace(/-elect$/, ''));
      const after = toCandidate(terms, titleStart, end);
      return [...(before ? [before] : []), ...(after ? [after] : [])];
    }
  }
  const candidate = toCandidate(terms, start, end);
  return candidate ? [candidate] : [];
}

function toCandidate(terms: Term[], start: number, end: number, titleAfter?: string): Candidate | undefined {
  let first = start;
  let last = end;
  let personSignal = false;
  // "Tesla CEO Elon Musk", "Bundesbank President Joachim Nagel": organizations; "Ontario Premier Doug Ford": a place.
  const placeSignal = titleAfter !== undefined && PLACE_TITLES.has(titleAfter);
  let orgSignal = titleAfter !== undefined && !placeSignal;

  // Leading articles and sentence-initial function words ("In Moscow") are not part of the name.
  while (
    first < last &&
    (/^(?:the|a|an)$/i.test(terms[first]!.text) ||
      (terms[first]!.tags.includes('SentenceStart') && isFunctionWord(terms[first]!.text)))
  )
    first++;
  const known = lookupKnown(stripPossessive(words(terms, first, last).join(' ')));
  if (!known) {
    // Leading titles, dates and demonyms before a person ("Russian President Vladimir Putin") are not either.
    while (first <= last) {
      const term = terms[first]!;
      const word = term.text.toLowerCase();
      const following = terms[first + 1];
      if ((isTitle(term.text) || term.tags.includes('Honorific')) && first < last) personSignal = true;
      else if (PORTFOLIOS.has(word) && following && isTitle(following.text) && first + 1 < last) personSignal = true;
      else if (term.tags.includes('Date') || CALENDAR_WORDS.has(word)) {
        if (first === last) return undefined;
      } else if (isDemonym(stripPossessive(term.text))) {
        if (first === last) return undefined;
        // "Brazilian Amazon", "Russian President Putin" lose the demonym; "British Airways" keeps it.
        const rest = terms.slice(first + 1, last + 1).map((t) => t.text.toLowerCase());
        if (
          rest.some((w) => ORG_HEADS.has(w) || ORG_LAST_WORDS.has(w)) ||
          lookupKnown(words(terms, first, last).join(' '))
        )
          break;
      } else break;
      first++;
    }
    // Trailing titles go ("Tesla CEO"), unless the name ends "... of Justice".
    while (last >= first && (isTitle(terms[last]!.text) || ACRONYM_STOP.has(terms[last]!.text))) {
      if (last > first && ['of', 'for', 'the'].includes(terms[last - 1]!.text.toLowerCase())) break;
      if (ORG_ROLES.has(terms[last]!.text.toLowerCase())) orgSignal = true;
      last--;
    }
  }
  if (first > last) return undefined;

  const runWords = words(terms, first, last);
  runWords[runWords.length - 1] = stripPossessive(runWords.at(-1)!);
  const surface = runWords.join(' ').replace(/\s+/g, ' ').trim();
  // Names are letters, digits and a little punctuation; anything else is markup or noise, never a name.
  if (!NAME_SHAPE.test(surface)) return undefined;

  const head = runWords.at(-1)!;
  const headLower = head.toLowerCase();
  const firstTerm = terms[first]!;
  const isSentenceStart = firstTerm.tags.includes('SentenceStart');
  const tags = new Set(terms.slice(first, last + 1).flatMap((term) => term.tags));
  const single = runWords.length === 1;
  const knownAfterStrip = lookupKnown(surface);

  if (!knownAfterStrip) {
    if (single) {
      if (tags.has('Date') || tags.has('Pronoun') || ACRONYM_STOP.has(head) || CALENDAR_WORDS.has(headLower))
        return undefined;
      if (ORG_HEADS.has(headLower) || PLACE_HEADS.has(headLower) || isDemonym(head)) return undefined;
      if (
        isSentenceStart &&
        !isAcronym(head) &&
        !tags.has('Person') &&
        !tags.has('Place') &&
        isCommonWord(firstTerm.text)
      )
        return undefined;
      // "Maintainers said…" or "Tedros said…": kept only if the article names someone that way.
      if (isSentenceStart && !isAcronym(head) && isCommonWord(firstTerm.text, true))
        return { surface, words: runWords, start: first, end: last, tentative: true };
      if (isSentenceStart && head.includes('-') && head.split('-').every((part) => isCommonWord(part, true)))
        return undefined;
      if (!isAcronym(head) && isCommonWord(head) && !tags.has('ProperNoun')) return undefined;
      // Products and events by shape: "iPhone", "COP30", "G20".
      if (/^\p{Ll}+\p{Lu}/u.test(head) || (isAcronym(head) && /\d/.test(head))) return undefined;
    } else {
      if (
        NON_ENTITY_HEADS.has(headLower) ||
        NON_ENTITY_FIRST.has(runWords[0]!.toLowerCase()) ||
        isDemonym(head) ||
        isDemonym(surface)
      )
        return undefined;
      // Product lines: "Model Y", "Falcon 9", "Galaxy S24".
      if (/^(?:\p{Lu}|\d[\p{L}\d]*|\p{Lu}\d+)$/u.test(head)) return undefined;
    }
  }

  const next = terms[last + 1];
  const candidate: Candidate = { surface, words: runWords, start: first, end: last };
  if (next && /\(\s*$/u.test(next.pre) && isAcronym(next.text.replace(/[().,]/g, '')))
    candidate.acronym = next.text.replace(/[().,]/g, '');
  if (next && ORG_ROLES.has(next.text.toLowerCase()) && !breaksAfter(terms[last]!)) orgSignal = true;
  const speaks = !!next && SPEECH_VERBS.has(next.text.toLowerCase()) && !breaksAfter(terms[last]!);
  // "in Darmstadt", "across the Amazon"
  const before = /^(?:the|a)$/i.test(terms[first - 1]?.text ?? '') ? terms[first - 2] : terms[first - 1];
  const possessive = POSSESSIVE.test(terms[last]!.text);
  const described = describedAs(terms, first, last);
  const located =
    placeSignal ||
    (!!before && LOCATIVES.has(before.text.toLowerCase()) && !possessive) ||
    (!!next && !breaksAfter(terms[last]!) && PLACE_NOUNS.has(next.text.toLowerCase()));

  const typing = classify(surface, runWords, tags, {
    personSignal,
    orgSignal,
    speaks,
    located,
    described,
    pronoun: single ? pronounAfter(terms, last) : undefined,
    known: knownAfterStrip,
  });
  // A sentence's first word typed only by a gazetteer ("Cocoa prices…") stays untyped unless the article confirms it.
  const guessAtStart = single && isSentenceStart && typing?.weak;
  candidate.type = guessAtStart ? undefined : typing?.type;
  candidate.weak = typing?.weak;
  candidate.strong =
    !!knownAfterStrip || isAcronym(surface) || isCamelCase(surface) || orgSignal || described !== undefined;
  return candidate;
}

/** The first personal pronoun later in the sentence: "Lionsgate said it would", "Bannon said he". */
function pronounAfter(terms: Term[], last: number): 'person' | 'thing' | undefined {
  for (let index = last + 1; index < terms.length; index++) {
    const word = terms[index]!.text.toLowerCase();
    if (PERSON_PRONOUNS.has(word)) return 'person';
    if (THING_PRONOUNS.has(word)) return 'thing';
    if (isCapitalized(terms[index]!.text) && index > last + 1) return undefined;
  }
  return undefined;
}

const looksLikePersonNoun = (word: string) => PERSON_NOUNS.has(word) || /(?:ist|yst|ologist|ician)s?$/.test(word);

/**
 * What the words around a name call it: "chocolate maker Barry Callebaut", "Lockheed Martin, the defence contractor,",
 * "Lefèvre, 52," or "Tesla, which" and "Bannon, who".
 */
function describedAs(terms: Term[], first: number, last: number): EntityType | undefined {
  const before = terms[first - 1];
  if (before?.tags.includes('Lowercase') && !breaksAfter(before)) {
    const word = before.text.toLowerCase();
    if (ORG_NOUNS.has(word)) return 'organization';
    if (looksLikePersonNoun(word)) return 'person';
  }
  if (!/,/.test(terms[last]!.post)) return undefined;
  const opener = terms[last + 1];
  if (!opener) return undefined;
  const openerWord = opener.text.toLowerCase();
  if (/^\d{1,3}$/.test(openerWord) && /,/.test(opener.post)) return 'person';
  if (openerWord === 'who') return 'person';
  // An apposition is a noun phrase: "the Swiss chocolate maker", "a former minister", "chief executive of".
  if (
    !/^(?:the|a|an|former|chief|its|his|her)$/.test(openerWord) &&
    !ORG_NOUNS.has(openerWord) &&
    !looksLikePersonNoun(openerWord)
  )
    return undefined;
  for (let index = last + 1; index < Math.min(terms.length, last + 8); index++) {
    const term = terms[index]!;
    const word = term.text.toLowerCase();
    if (ORG_NOUNS.has(word)) return 'organization';
    if (looksLikePersonNoun(word)) return 'person';
    if (term.tags.some((tag) => VERB_TAGS.has(tag)) || breaksAfter(term)) return undefined;
  }
  return undefined;
}

interface Signals {
  personSignal: boolean;
  orgSignal: boolean;
  speaks: boolean;
  located: boolean;
  described?: EntityType;
  pronoun?: 'person' | 'thing';
  known?: { type: EntityType };
}

/** Strongest evidence first: known names, name shapes and heads, then context, then gazetteers, then guesses. */
function classify(
  surface: string,
  runWords: string[],
  tags: Set<string>,
  signals: Signals,
): { type: EntityType; weak?: boolean } | undefined {
  const type = classifyType(surface, runWords, tags, signals);
  if (!type) return undefined;
  const weak =
    !signals.known &&
    !signals.described &&
    !signals.personSignal &&
    !signals.orgSignal &&
    !signals.located &&
    lookupPlace(surface) !== undefined &&
    type === 'place';
  return {
    type,
    weak:
      weak ||
      (type === 'person' &&
        !tags.has('FirstName') &&
        !signals.personSignal &&
        !signals.described &&
        !signals.speaks &&
        !signals.pronoun),
  };
}

function classifyType(
  surface: string,
  runWords: string[],
  tags: Set<string>,
  signals: Signals,
): EntityType | undefined {
  if (signals.known) return signals.known.type;
  const multi = runWords.length > 1;
  const whole = lexiconTags(surface);
  if (multi && (whole.includes('Organization') || whole.includes('SportsTeam'))) return 'organization';
  if (multi && whole.includes('Place')) return 'place';
  const head = runWords.at(-1)!.toLowerCase();
  const lowerWords = runWords.map((word) => word.toLowerCase());
  if (multi && lowerWords.some((word) => ORG_HEADS.has(word))) return 'organization';
  if (multi && (PLACE_HEADS.has(head) || PLACE_FIRST.has(lowerWords[0]!)) && !lookupKnown(runWords.slice(1).join(' ')))
    return 'place';
  if (!multi && (isAcronym(surface) || isCamelCase(surface))) return 'organization';
  if (multi && isAcronym(runWords[0]!) && !lookupKnown(runWords[0]!)) return 'organization';
  if (signals.described) return signals.described;
  if (signals.personSignal) return 'person';
  if (signals.orgSignal) return 'organization';
  if (tags.has('Organization') && !tags.has('Person')) return 'organization';
  if ((tags.has('Country') || tags.has('City') || tags.has('Region')) && !tags.has('FirstName')) return 'place';
  if (lookupPlace(surface) && (!tags.has('FirstName') || !multi)) return 'place';
  if (tags.has('FirstName') || (tags.has('Person') && !tags.has('Honorific'))) return 'person';
  if (multi && ORG_LAST_WORDS.has(head)) return 'organization';
  if (multi && PLACE_LAST_WORDS.has(head)) return 'place';
  if (tags.has('Place')) return 'place';
  if (signals.pronoun) return signals.pronoun === 'person' ? 'person' : 'organization';
  if (signals.speaks) return 'person';
  if (signals.located && runWords.length <= 3) return 'place';
  if (!multi && ORG_SUFFIX.test(surface)) return 'organization';
  // Two to four capitalized words with no other clue: in news prose, almost always a person's name.
  if (runWords.length >= 2 && runWords.length <= 4 && !runWords.some((word) => isAcronym(word))) return 'person';
  return undefined;
}

type Group = {
  /** Every mention is tentative: merge it into a name or drop it. */
  tentative: boolean;
  forms: Map<string, number>;
  votes: Map<EntityType | 'unknown', number>;
  /** Types given by firm evidence, not by a gazetteer hit or a default guess. */
  firm: Set<EntityType>;
  words: string[];
  count: number;
  strong: boolean;
};

/**
 * Within one article: an acronym joins its expansion, a bare surname or given name joins the one full name it
 * ends or starts ("Musk" → "Elon Musk", "Jensen" → "Jensen Huang"), and each entity keeps the type most of its
 * mentions gave it. Names no mention could type are returned apart, for the corpus to resolve.
 */
function resolveWithinArticle(candidates: Candidate[]): Extraction {
  const groups = new Map<string, Group>();
  const acronyms = new Map<string, string>();
  const aliases = new Map<string, string>();

  for (const candidate of candidates) {
    const key = foldKey(lookupKnown(candidate.surface)?.name ?? candidate.surface);
    if (!key) continue;
    let group = groups.get(key);
    if (!group) {
      group = {
        tentative: true,
        forms: new Map(),
        votes: new Map(),
        firm: new Set(),
        words: candidate.words,
        count: 0,
        strong: false,
      };
      groups.set(key, group);
    }
    group.count++;
    group.tentative &&= !!candidate.tentative;
    group.strong ||= !!candidate.strong;
    group.forms.set(candidate.surface, (group.forms.get(candidate.surface) ?? 0) + 1);
    const vote = candidate.type ?? 'unknown';
    group.votes.set(vote, (group.votes.get(vote) ?? 0) + 1);
    if (candidate.type && !candidate.weak) group.firm.add(candidate.type);
    if (candidate.acronym) acronyms.set(foldKey(candidate.acronym), key);
    if (candidate.aliasOf) aliases.set(key, foldKey(candidate.aliasOf));
  }
  for (const [alias, acronym] of aliases) mergeInto(groups, alias, acronym, true);

  for (const [acronym, expansion] of acronyms) {
    // Well-known bodies keep their acronym as the name ("NATO"); the expansion becomes a form.
    if (lookupKnown(acronym) && groups.has(acronym)) mergeInto(groups, expansion, acronym, true);
    else mergeInto(groups, acronym, expansion, true);
  }

  const named = (type: EntityType) =>
    [...groups.entries()].filter(([, group]) => group.words.length > 1 && bestType(group.votes) === type);
  for (const [key, group] of [...groups.entries()]) {
    if (!groups.has(key)) continue;
    const type = bestType(group.votes);
    if (group.strong && type !== 'person') continue;
    const keyWords = key.split(' ');
    const people = named('person').filter(([personKey]) => personKey !== key);
    // Surname (or the last words of a long name), else a given name, else any one word of it ("Lula").
    const bySurname = people.filter(([personKey]) => personKey.endsWith(` ${key}`));
    const byGivenName = keyWords.length === 1 ? people.filter(([personKey]) => personKey.startsWith(`${key} `)) : [];
    const byAnyWord = keyWords.length === 1 ? people.filter(([personKey]) => personKey.split(' ').includes(key)) : [];
    const owners = [bySurname, byGivenName, byAnyWord].find((list) => list.length > 0) ?? [];
    if (owners.length === 1) {
      mergeInto(groups, key, owners[0]![0], false);
      continue;
    }
    // "Ford" after "Ford Motor Company", "Tata" after "Tata Electronics".
    if (keyWords.length === 1 && (type === 'organization' || type === undefined)) {
      const orgs = named('organization').filter(([orgKey]) => orgKey.startsWith(`${key} `));
      if (orgs.length === 1) mergeInto(groups, key, orgs[0]![0], false);
    }
  }

  const mentions: Mention[] = [];
  const unresolved: Unresolved[] = [];
  for (const [key, group] of groups) {
    if (group.tentative) continue;
    const type = bestType(group.votes);
    const forms = [...group.forms.keys()];
    const name = lookupKnown(key)?.name ?? preferredName(group.forms);
    if (type)
      mentions.push(
        group.firm.has(type)
          ? { name, type, forms, count: group.count }
          : { name, type, forms, count: group.count, weak: true },
      );
    else unresolved.push({ name, forms, count: group.count });
  }
  return { mentions, unresolved };
}

/** Moves one group's forms into another; a short form's own type guesses do not outvote the full name's. */
function mergeInto(groups: Map<string, Group>, from: string, to: string, votes: boolean) {
  const source = groups.get(from);
  const target = groups.get(to);
  if (!source || !target || source === target) return;
  for (const [form, count] of source.forms) target.forms.set(form, (target.forms.get(form) ?? 0) + count);
  if (votes) {
    for (const [type, count] of source.votes)
      if (type !== 'unknown') target.votes.set(type, (target.votes.get(type) ?? 0) + count);
    for (const type of source.firm) target.firm.add(type);
  }
  target.count += source.count;
  target.strong ||= source.strong;
  target.tentative &&= source.tentative;
  groups.delete(from);
}

function bestType(votes: Map<EntityType | 'unknown', number>): EntityType | undefined {
  let best: EntityType | undefined;
  let bestCount = 0;
  for (const [type, count] of votes) {
    if (type !== 'unknown' && count > bestCount) {
      best = type;
      bestCount = count;
    }
  }
  return best;
}
