// Phase 1: runs of capitalized words in each sentence, trimmed to the name they hold, each with the context
// that types it (phase 2, type-candidates.ts). Acronyms in parentheses find their expansion here.
import type { EntityType } from '../../contract/corpus-index.js';
import { sentences, type Term, tokenize } from '../text/tokens.js';
import { lookupPlace } from './gazetteer.js';
import {
  ACRONYM_STOP,
  isDemonym,
  lookupKnown,
  NON_ENTITY_FIRST,
  NON_ENTITY_HEADS,
  ORG_HEADS,
  ORG_LAST_WORDS,
  ORG_ROLES,
  PARTICLES,
  PLACE_HEADS,
  PLACE_TITLES,
  PORTFOLIOS,
  SPEECH_VERBS,
} from './lexicon.js';
import { POSSESSIVE, stripPossessive } from './slug.js';
import { classify, describedAs, pronounAfter, typeLists } from './type-candidates.js';
import {
  ACRONYM_FILLERS,
  breaksAfter,
  breaksBefore,
  CALENDAR_WORDS,
  CONNECTORS_AFTER_ORG,
  isAcronym,
  isCamelCase,
  isCapitalized,
  isCommonWord,
  isFunctionWord,
  isTitle,
  LEADING_PARTICLES,
  LOCATIVES,
  NAME_SHAPE,
  PLACE_NOUNS,
} from './words.js';

// Words that open a title and are no name's last word: a run that ends in one stopped before the title's noun.
const TITLE_OPENERS = new Set(['acting', 'assistant', 'deputy', 'interim']);

// Ranks and chairs written before a title: "Major General", "Lieutenant Colonel", "Cathaoirleach Cllr".
const RANKS = new Set(['major', 'lieutenant', 'brigadier', 'cathaoirleach', 'vice', 'rear']);

/** A run of name-like words found in the text, with the context that helps type it. */
export interface Candidate {
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
  /** The alias is the body's name in its own language, in brackets: the name it was first given stays its name. */
  ownLanguage?: boolean;
  /** Looks like an ordinary word capitalized by its place: counts only as a short form of a name found elsewhere. */
  tentative?: boolean;
  /** Described as a body by the words around it: "Hendriks Vacuüm, a family-owned supplier". */
  describedAsBody?: boolean;
}

export function candidatesIn(text: string): Candidate[] {
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
  // "the Senate on Friday", "Board of Education on Tuesday": a day or month is never the rest of a name.
  if (!after || CALENDAR_WORDS.has(after.text.toLowerCase())) return 0;
  return isCapitalized(after.text) && !breaksBefore(after) ? bridge + 1 : 0;
}

function words(terms: Term[], start: number, end: number): string[] {
  return terms.slice(start, end + 1).map((term) => term.text);
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

/** Where the name in a run starts and ends once titles, articles, dates and demonyms are off, and what they said. */
interface Trimmed {
  first: number;
  last: number;
  personSignal: boolean;
  orgSignal: boolean;
  placeSignal: boolean;
}

function trimRun(terms: Term[], start: number, end: number, titleAfter?: string): Trimmed | undefined {
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
    // Trailing titles go ("Tesla CEO"), unless the name ends "... of Justice"; and the words that open a title
    // the run stops before ("Queensland Police Service Acting Assistant Commissioner").
    const trailing = (word: string) =>
      isTitle(word) || ACRONYM_STOP.has(word) || (last > first + 1 && TITLE_OPENERS.has(word.toLowerCase()));
    while (last >= first && trailing(terms[last]!.text)) {
      if (last > first && ['of', 'for', 'the'].includes(terms[last - 1]!.text.toLowerCase())) break;
      if (ORG_ROLES.has(terms[last]!.text.toLowerCase())) orgSignal = true;
      last--;
    }
  }
  if (first > last) return undefined;
  // "Major General Osman Eltayeb", "Cathaoirleach Cllr Aoife Ní Bhraonáin": a rank before a title is part of it.
  if (first === last && RANKS.has(terms[first]!.text.toLowerCase()) && isTitle(terms[last + 1]?.text ?? '')) {
    return undefined;
  }
  return { first, last, personSignal, orgSignal, placeSignal };
}

/** The words of a trimmed run as a name, or why they are none: undefined, or "tentative" for a capitalized word. */
function asName(
  terms: Term[],
  first: number,
  last: number,
): { surface: string; runWords: string[]; tentative?: boolean } | undefined {
  const runWords = words(terms, first, last);
  // "Moody's", "Sotheby's": a known name's own last letters are no possessive.
  if (!/['’]s$/u.test(runWords.at(-1)!) || !lookupKnown(runWords.join(' ').replace(/\s+/g, ' ').trim())) {
    runWords[runWords.length - 1] = stripPossessive(runWords.at(-1)!);
  }
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
        return { surface, runWords, tentative: true };
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

  return { surface, runWords };
}

function toCandidate(terms: Term[], start: number, end: number, titleAfter?: string): Candidate | undefined {
  const trimmed = trimRun(terms, start, end, titleAfter);
  if (!trimmed) return undefined;
  const { first, last, personSignal, placeSignal } = trimmed;
  let { orgSignal } = trimmed;
  const name = asName(terms, first, last);
  if (!name) return undefined;
  const { surface, runWords } = name;
  if (name.tentative) return { surface, words: runWords, start: first, end: last, tentative: true };
  const single = runWords.length === 1;
  const isSentenceStart = terms[first]!.tags.includes('SentenceStart');
  const tags = new Set(terms.slice(first, last + 1).flatMap((term) => term.tags));
  const knownAfterStrip = lookupKnown(surface);

  const next = terms[last + 1];
  const candidate: Candidate = { surface, words: runWords, start: first, end: last };
  if (next && /\(\s*$/u.test(next.pre) && isAcronym(next.text.replace(/[().,]/g, '')))
    candidate.acronym = next.text.replace(/[().,]/g, '');
  if (next && ORG_ROLES.has(next.text.toLowerCase()) && !breaksAfter(terms[last]!)) orgSignal = true;
  const speaks = !!next && SPEECH_VERBS.has(next.text.toLowerCase()) && !breaksAfter(terms[last]!);
  // "in Darmstadt", "across the Amazon"
  const before = /^(?:the|a)$/i.test(terms[first - 1]?.text ?? '') ? terms[first - 2] : terms[first - 1];
  const possessive = POSSESSIVE.test(terms[last]!.text);
  // "In Cork, the council said …": after a locative the comma ends the phrase; what follows describes nothing.
  const introduced = !!before && LOCATIVES.has(before.text.toLowerCase()) && /,/u.test(terms[last]!.post);
  // "MPs from South Australia, who asked …": after a preposition, the clause that follows a place the gazetteers
  // hold describes the noun before it, not the place.
  const objectOfPlace =
    !!before && PLACE_PREPOSITIONS.has(before.text.toLowerCase()) && !single && lookupPlace(surface) !== undefined;
  const described = introduced || objectOfPlace ? undefined : describedAs(terms, first, last);
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
  if (described === 'organization' && candidate.type === 'organization') {
    const apposition = terms.slice(last + 1, last + 9).map((term) => term.text.toLowerCase());
    if (apposition.some(isBodyWord)) candidate.describedAsBody = true;
  }
  return candidate;
}

// Words of an apposition that only a body takes ("a family-owned supplier", "the Helsinki-based studio"): not a
// producer, a regulator or a supplier alone, which people are too ("Jim Pillen, a hog producer").
const BODY_WORDS = new Set('company firm business chain bank lender insurer startup start-up studio brand'.split(' '));
const isBodyWord = (word: string) =>
  BODY_WORDS.has(word) || /^[\p{L}-]+-(?:owned|based|listed|run|controlled)$/u.test(word);

const PLACE_PREPOSITIONS = new Set(['from', 'in', 'of', 'at', 'across', 'throughout', 'near', 'outside']);

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
