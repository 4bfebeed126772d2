// Phase 2: what a candidate is, from the strongest evidence down (known names, shapes and heads, the words
// around it, gazetteers, guesses); names in one list share a type.
import type { EntityType } from '../../contract/corpus-index.js';
import type { Term } from '../text/tokens.js';
import { lexiconTags } from '../text/tokens.js';
import type { Candidate } from './find-candidates.js';
import { lookupPlace } from './gazetteer.js';
import {
  FEATURE_HEADS,
  isVenueCentre,
  lookupKnown,
  ORG_HEADS,
  ORG_LAST_WORDS,
  ORG_NOUNS,
  ORG_SUFFIX,
  PERSON_NOUNS,
  PLACE_FIRST,
  PLACE_HEADS,
  PLACE_LAST_WORDS,
} from './lexicon.js';
import {
  breaksAfter,
  isAcronym,
  isCamelCase,
  isCapitalized,
  PERSON_PRONOUNS,
  THING_PRONOUNS,
  VERB_TAGS,
} from './words.js';

/** The first personal pronoun later in the sentence: "Lionsgate said it would", "Bannon said he". */
export function pronounAfter(terms: Term[], last: number): 'person' | 'thing' | undefined {
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
export function describedAs(terms: Term[], first: number, last: number): EntityType | undefined {
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
export function classify(
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
  if (multi && (FEATURE_HEADS.has(head) || isVenueCentre(runWords))) return 'place';
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

/** Names in one list share a kind: "Amazon, Microsoft and Alphabet"; the untyped take the list's type. */
export function typeLists(terms: Term[], candidates: Candidate[]): void {
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
