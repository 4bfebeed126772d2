import nlp from 'compromise';
import type { Block, EntityType, Mention } from '../model.js';
import {
  ACRONYM_STOP,
  ORG_LAST_WORDS,
  ORG_NOUNS,
  PERSON_NOUNS,
  PLACE_LAST_WORDS,
  isDemonym,
  lookupKnown,
  NON_ENTITY_HEADS,
  ORG_HEADS,
  ORG_ROLES,
  PARTICLES,
  PERSON_TITLES,
  PLACE_HEADS,
  SPEECH_VERBS,
} from './lexicon.js';
import { foldKey } from './slug.js';
import { inLexicon, lexiconTags, sentences, tokenize, type Term } from './tokens.js';


/** A run of name-like words found in the text, with the context that helps type it. */
interface Candidate {
  surface: string;
  words: string[];
  type?: EntityType;
  /** The acronym given in parentheses right after it: "International Space Station (ISS)". */
  acronym?: string;
  /** Typed by the lexicon, the word's shape or its role, not by a guess: never re-read as a surname. */
  strong?: boolean;
}

// "in Darmstadt", "near Oakville"; "the Starbase site", "the Oakville plant".
const LOCATIVES = new Set(['in', 'near', 'outside', 'around', 'across', 'throughout', 'inside']);
const PLACE_NOUNS = new Set(['site', 'city', 'town', 'village', 'region', 'province', 'district', 'area', 'border', 'capital', 'county', 'suburb', 'neighbourhood', 'neighborhood', 'plant', 'factory', 'residents', 'airport', 'port', 'base']);
const VERB_TAGS = new Set(['Verb', 'PastTense', 'PresentTense', 'Infinitive', 'Modal', 'Copula', 'Gerund', 'Pronoun']);
const CALENDAR_WORDS = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '),
);
const NAME_SHAPE = /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} .'’&-]*$/u;
const CONNECTORS_AFTER_ORG = new Set(['of', 'for', 'on']);
const POSSESSIVE = /(?:['’]s|(?<=s)['’])$/u;
const BREAKING_PUNCTUATION = /[^\s\-'’]/u;
const FUNCTION_TAGS = ['Adverb', 'Conjunction', 'Preposition', 'Determiner', 'Pronoun', 'QuestionWord', 'Expression', 'Verb', 'Adjective'];
const NAME_TAGS = ['Person', 'FirstName', 'LastName', 'Place', 'Country', 'City', 'Region', 'Organization', 'Acronym'];

const wordCache = new Map<string, string[]>();

/** Lexicon tags, or for words the lexicon lacks, what compromise's tagger infers (cached: the vocabulary is bounded). */
function wordTags(word: string): string[] {
  const lower = word.toLowerCase().replace(/['’]s$/u, '');
  let tags = wordCache.get(lower);
  if (!tags) {
    tags = inLexicon(lower) ? lexiconTags(lower) : ((nlp(lower).json({ terms: { normal: true } }) as Array<{ terms: Term[] }>)[0]?.terms[0]?.tags ?? []);
    wordCache.set(lower, tags);
  }
  return tags;
}

function isFunctionWord(word: string): boolean {
  return wordTags(word).some((tag) => ['Preposition', 'Determiner', 'Conjunction', 'Adverb', 'Pronoun', 'QuestionWord'].includes(tag));
}

/** Is this capitalized word just an ordinary word capitalized by its position? */
function isCommonWord(word: string, sentenceInitial = false): boolean {
  const tags = wordTags(word);
  if (tags.some((tag) => NAME_TAGS.includes(tag))) return false;
  return inLexicon(word) || tags.some((tag) => FUNCTION_TAGS.includes(tag)) || (sentenceInitial && tags.includes('Plural'));
}

const isCapitalized = (word: string) => /^(?:\p{Lu}|\p{Ll}+\p{Lu}|(?:al|el)-\p{Lu}|\d+\p{Lu})/u.test(word);
const isAcronym = (word: string) => /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}\d&]{1,6}$/u.test(word);
const isCamelCase = (word: string) => /^\p{Lu}?\p{Ll}+\p{Lu}/u.test(word) || /^\p{Lu}{2,}\p{Ll}+/u.test(word);
const stripPossessive = (word: string) => word.replace(POSSESSIVE, '');
const breaksAfter = (term: Term) => BREAKING_PUNCTUATION.test(term.post);
const breaksBefore = (term: Term) => BREAKING_PUNCTUATION.test(term.pre.replace(/["“”‘’']/gu, '')) || /["“”(]/u.test(term.pre);

/**
 * Finds the people, organizations and places of one article.
 * Body paragraphs are read first; title-case subheadings only confirm names the body already has,
 * since every word of a subheading is capitalized.
 */
export function extractMentions(blocks: Block[], title?: string): Mention[] {
  const candidates: Candidate[] = [];
  for (const block of blocks) if (block.kind === 'paragraph') candidates.push(...candidatesIn(block.text));

  const typed = resolveWithinArticle(candidates);
  const byForm = new Map<string, Mention>();
  for (const mention of typed) for (const form of mention.forms) byForm.set(foldKey(form), mention);

  const confirmOnly = blocks.filter((block) => block.kind === 'subheading').map((block) => block.text);
  if (title) confirmOnly.push(title);
  for (const text of confirmOnly) {
    for (const candidate of candidatesIn(text, true)) {
      for (const word of candidate.words) {
        const mention = byForm.get(foldKey(stripPossessive(word)));
        if (mention) mention.count++;
      }
    }
  }
  return typed;
}

function candidatesIn(text: string, titleCase = false): Candidate[] {
  const found: Candidate[] = [];
  for (const terms of sentences(text).map(tokenize)) {
    let start = 0;
    while (start < terms.length) {
      if (!isCapitalized(terms[start]!.text)) {
        start++;
        continue;
      }
      let end = start;
      while (end + 1 < terms.length && !breaksAfter(terms[end]!) && !POSSESSIVE.test(terms[end]!.text)) {
        const next = terms[end + 1]!;
        if (breaksBefore(next)) break;
        if (isCapitalized(next.text)) {
          end++;
          continue;
        }
        const joined = joinAcross(terms, end);
        if (joined === 0) break;
        end += joined;
      }
      if (titleCase) found.push({ surface: words(terms, start, end).join(' '), words: words(terms, start, end) });
      else found.push(...toCandidates(terms, start, end));
      start = end + 1;
    }
  }
  return found;
}

/** How many lowercase words to bridge after `end` ("Bank of England", "von der Leyen"), or 0. */
function joinAcross(terms: Term[], end: number): number {
  const previous = stripPossessive(terms[end]!.text).toLowerCase();
  let bridge = 0;
  while (end + 1 + bridge < terms.length) {
    const term = terms[end + 1 + bridge]!;
    const word = term.text.toLowerCase();
    const isParticle = PARTICLES.has(word);
    const afterOrg = ORG_HEADS.has(previous) && (CONNECTORS_AFTER_ORG.has(word) || (bridge > 0 && word === 'the'));
    const afterPlace = (PLACE_HEADS.has(previous) || previous === 'republic' || previous === 'kingdom') && (word === 'of' || (bridge > 0 && word === 'the'));
    const isHeadConnector = afterOrg || afterPlace;
    if (!isParticle && !isHeadConnector) break;
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

/** One run of capitalized words can hold two names: "Ontario Premier Doug Ford" is Ontario and Doug Ford. */
function toCandidates(terms: Term[], start: number, end: number): Candidate[] {
  for (let split = end - 1; split > start; split--) {
    const word = terms[split]!.text.toLowerCase();
    if (PERSON_TITLES.has(word) && !PERSON_TITLES.has(terms[split - 1]!.text.toLowerCase()) && isCapitalized(terms[split + 1]!.text)) {
      const before = toCandidate(terms, start, split - 1, word);
      const after = toCandidate(terms, split, end);
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
  // "Tesla CEO Elon Musk": an organization; "Ontario Premier Doug Ford": a place.
  let orgSignal = titleAfter !== undefined && ORG_ROLES.has(titleAfter);
  const placeSignal = titleAfter !== undefined && !orgSignal;

  // Leading articles and sentence-initial function words ("In Moscow") are not part of the name.
  while (first < last && (/^(?:the|a|an)$/i.test(terms[first]!.text) || (terms[first]!.tags.includes('SentenceStart') && isFunctionWord(terms[first]!.text)))) first++;
  const known = lookupKnown(stripPossessive(words(terms, first, last).join(' ')));
  if (!known) {
    // Leading titles, dates and demonyms before a person ("Russian President Vladimir Putin") are not either.
    while (first <= last) {
      const term = terms[first]!;
      const word = term.text.toLowerCase();
      const following = terms[first + 1];
      if (PERSON_TITLES.has(word) && first < last) personSignal = true;
      else if (term.tags.includes('Date') || term.tags.includes('Month') || term.tags.includes('WeekDay')) {
        if (first === last) return undefined;
      } else if (isDemonym(stripPossessive(term.text))) {
        if (first === last) return undefined;
        const beforePerson = following && (PERSON_TITLES.has(following.text.toLowerCase()) || following.tags.includes('FirstName'));
        if (!beforePerson) break;
      } else break;
      first++;
    }
    while (last >= first && (PERSON_TITLES.has(terms[last]!.text.toLowerCase()) || ACRONYM_STOP.has(terms[last]!.text))) {
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

  if (single) {
    if (tags.has('Date') || tags.has('WeekDay') || tags.has('Month') || tags.has('Pronoun') || ACRONYM_STOP.has(head) || CALENDAR_WORDS.has(headLower)) return undefined;
    if (ORG_HEADS.has(headLower) || PLACE_HEADS.has(headLower) || isDemonym(head)) return undefined;
    if (isSentenceStart && !isAcronym(head) && !tags.has('Person') && !tags.has('Place') && isCommonWord(firstTerm.text, true)) return undefined;
    if (!isAcronym(head) && isCommonWord(head) && !tags.has('ProperNoun')) return undefined;
  } else if (NON_ENTITY_HEADS.has(headLower)) return undefined;

  const next = terms[last + 1];
  const candidate: Candidate = { surface, words: runWords };
  if (next && /\(\s*$/u.test(next.pre) && isAcronym(next.text.replace(/[().,]/g, ''))) candidate.acronym = next.text.replace(/[().,]/g, '');
  if (next && ORG_ROLES.has(next.text.toLowerCase()) && !breaksAfter(terms[last]!)) orgSignal = true;
  const speaks = !!next && SPEECH_VERBS.has(next.text.toLowerCase()) && !breaksAfter(terms[last]!);
  const before = terms[first - 1];
  const possessive = POSSESSIVE.test(terms[last]!.text);
  const described = describedAs(terms, first, last);
  if (described === 'organization') orgSignal = true;
  if (described === 'person') personSignal = true;
  const located =
    placeSignal ||
    (!!before && LOCATIVES.has(before.text.toLowerCase()) && !possessive) ||
    (!!next && !breaksAfter(terms[last]!) && PLACE_NOUNS.has(next.text.toLowerCase()));

  const knownAfterStrip = lookupKnown(surface);
  candidate.type = classify(surface, runWords, tags, { personSignal, orgSignal, speaks, located, described, known: knownAfterStrip });
  candidate.strong = !!knownAfterStrip || isAcronym(surface) || isCamelCase(surface) || orgSignal;
  return candidate;
}

/**
 * What the words around a name call it: "chocolate maker Barry Callebaut", "Lockheed Martin, the defence contractor,",
 * "Lefèvre, 52," or "Tesla, which" and "Bannon, who".
 */
function describedAs(terms: Term[], first: number, last: number): EntityType | undefined {
  const before = terms[first - 1];
  if (before && before.tags.includes('Lowercase') && !breaksAfter(before)) {
    const word = before.text.toLowerCase();
    if (ORG_NOUNS.has(word)) return 'organization';
    if (PERSON_NOUNS.has(word)) return 'person';
  }
  if (!/,/.test(terms[last]!.post)) return undefined;
  const opener = terms[last + 1];
  if (!opener) return undefined;
  const openerWord = opener.text.toLowerCase();
  if (/^\d{1,3}$/.test(openerWord) && /,/.test(opener.post)) return 'person';
  if (openerWord === 'who') return 'person';
  if (openerWord === 'which') return 'organization';
  // An apposition is a noun phrase: "the Swiss chocolate maker", "a former minister", "chief executive of".
  if (!/^(?:the|a|an|former|chief|its|his|her)$/.test(openerWord) && !ORG_NOUNS.has(openerWord) && !PERSON_NOUNS.has(openerWord)) return undefined;
  for (let index = last + 1; index < Math.min(terms.length, last + 8); index++) {
    const term = terms[index]!;
    const word = term.text.toLowerCase();
    if (ORG_NOUNS.has(word)) return 'organization';
    if (PERSON_NOUNS.has(word)) return 'person';
    if (term.tags.some((tag) => VERB_TAGS.has(tag)) || breaksAfter(term)) return undefined;
  }
  return undefined;
}

function classify(
  surface: string,
  runWords: string[],
  tags: Set<string>,
  signals: { personSignal: boolean; orgSignal: boolean; speaks: boolean; located: boolean; described?: EntityType; known?: { type: EntityType } },
): EntityType | undefined {
  if (signals.known) return signals.known.type;
  const whole = lexiconTags(surface);
  if (runWords.length > 1 && (whole.includes('Organization') || whole.includes('SportsTeam'))) return 'organization';
  if (runWords.length > 1 && whole.includes('Place')) return 'place';
  const head = runWords.at(-1)!.toLowerCase();
  const lowerWords = runWords.map((word) => word.toLowerCase());
  if (runWords.length > 1 && (lowerWords.some((word) => ORG_HEADS.has(word)) || ORG_LAST_WORDS.has(head))) return 'organization';
  if (runWords.length > 1 && (PLACE_HEADS.has(head) || PLACE_LAST_WORDS.has(head))) return 'place';
  if (runWords.length === 1 && (isAcronym(surface) || isCamelCase(surface))) return 'organization';
  if (signals.described) return signals.described;
  if (signals.personSignal) return 'person';
  if (signals.orgSignal) return 'organization';
  if (tags.has('Organization') && !tags.has('Person')) return 'organization';
  if ((tags.has('Country') || tags.has('City') || tags.has('Region') || tags.has('Place')) && !tags.has('Person')) return 'place';
  if (tags.has('FirstName') || (tags.has('Person') && !tags.has('Honorific'))) return 'person';
  if (signals.speaks) return 'person';
  if (signals.located && runWords.length <= 3) return 'place';
  // Two to four capitalized words with no other clue: in news prose, almost always a person's name.
  if (runWords.length >= 2 && runWords.length <= 4 && !runWords.some((word) => isAcronym(word))) return 'person';
  return undefined;
}

type Group = { forms: Map<string, number>; votes: Map<EntityType | 'unknown', number>; words: string[]; count: number; strong: boolean };

/**
 * Within one article: a bare surname joins the one full name it ends ("Musk" → "Elon Musk"),
 * an acronym joins its expansion, and each entity keeps the type most of its mentions gave it.
 */
function resolveWithinArticle(candidates: Candidate[]): Mention[] {
  const groups = new Map<string, Group>();
  const acronyms = new Map<string, string>();

  for (const candidate of candidates) {
    const key = foldKey(lookupKnown(candidate.surface)?.name ?? candidate.surface);
    if (!key) continue;
    let group = groups.get(key);
    if (!group) {
      group = { forms: new Map(), votes: new Map(), words: candidate.words, count: 0, strong: false };
      groups.set(key, group);
    }
    group.count++;
    group.strong ||= !!candidate.strong;
    group.forms.set(candidate.surface, (group.forms.get(candidate.surface) ?? 0) + 1);
    const vote = candidate.type ?? 'unknown';
    group.votes.set(vote, (group.votes.get(vote) ?? 0) + 1);
    if (candidate.acronym) acronyms.set(foldKey(candidate.acronym), key);
  }

  // Acronyms first, then surnames and given names, into their full forms.
  for (const [acronym, expansion] of acronyms) mergeInto(groups, acronym, expansion);
  const multiWordPeople = [...groups.entries()].filter(([, group]) => group.words.length > 1 && bestType(group.votes) === 'person');
  for (const [key, group] of [...groups.entries()]) {
    if (group.words.length !== 1 || !groups.has(key)) continue;
    if (group.strong && bestType(group.votes) !== 'person') continue;
    const owners = multiWordPeople.filter(([, person]) => foldKey(person.words.at(-1)!) === key);
    if (owners.length === 1) mergeInto(groups, key, owners[0]![0]);
  }

  const mentions: Mention[] = [];
  for (const [key, group] of groups) {
    const type = bestType(group.votes);
    if (!type) continue;
    const known = lookupKnown(key);
    const forms = [...group.forms.keys()];
    const name = known?.name ?? preferredForm(group.forms, group.words.length);
    mentions.push({ name, type, forms, count: group.count });
  }
  return mentions;
}

function mergeInto(groups: Map<string, Group>, from: string, to: string) {
  const source = groups.get(from);
  const target = groups.get(to);
  if (!source || !target || source === target) return;
  for (const [form, count] of source.forms) target.forms.set(form, (target.forms.get(form) ?? 0) + count);
  target.count += source.count;
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

/** The longest form, then the most used, then the one with diacritics ("Zoë" over "Zoe"). */
function preferredForm(forms: Map<string, number>, _words: number): string {
  return [...forms.entries()].sort(
    ([a, countA], [b, countB]) => b.split(' ').length - a.split(' ').length || countB - countA || nonAscii(b) - nonAscii(a) || a.localeCompare(b),
  )[0]![0];
}

function nonAscii(text: string): number {
  return [...text].filter((char) => char.charCodeAt(0) > 127).length;
}
