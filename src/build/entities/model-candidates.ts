// Phases 1 and 2 by the statistical model (src/build/ner): the tagger reads every sentence of the article at
// once (how a word is written elsewhere in it is a feature) and gives each name its span and type. The rest of
// the pipeline is the same as for the rules: within-article and corpus resolution, the config, slugs.
import type { EntityType } from '../../contract/corpus-index.js';
import { type EntitySpanType, loadTagger, spans, type Tagger } from '../ner/tagger.js';
import { type Token as ModelToken, tokenize as modelTokens } from '../ner/tokens.js';
import { lexiconTags, sentences } from '../text/tokens.js';
import { type Candidate, candidatesIn } from './find-candidates.js';
import { isCity, lookupPlace } from './gazetteer.js';
import {
  ACRONYM_STOP,
  FEATURE_HEADS,
  GENERIC_HEADS,
  isDemonym,
  isVenueCentre,
  lookupKnown,
  NON_ENTITY_FIRST,
  NON_ENTITY_HEADS,
  ORG_COMPOUND_HEAD,
  ORG_FIRST,
  ORG_HEADS,
  ORG_NOUNS,
  PLACE_COMPOUND_HEAD,
  PLACE_HEADS,
  PLACE_TITLES,
  VENUE_CENTRE_KINDS,
  VENUE_FIRST,
} from './lexicon.js';
import { foldKey, stripPossessive } from './slug.js';
import {
  CALENDAR_WORDS,
  isAcronym,
  isCamelCase,
  isCommonWord,
  isFunctionWord,
  isTitle,
  NAME_SHAPE,
  wordTags,
} from './words.js';

// Peoples and faiths in the plural are no entity, like the demonyms ("the Kurds", "Afrikaners", "Sunnis").
const PEOPLES = new Set(
  (
    'afrikaners scots poles azeris kurds serbs croats bosniaks turks arabs jews muslims christians catholics ' +
    'protestants sunnis shias shiites alawites uyghurs uighurs tamils sikhs hindus buddhists pashtuns hazaras ' +
    'tutsis hutus maoris basques catalans flemings walloons berbers tuaregs bedouins cossacks sámi saami aymara ' +
    'quechua inuit mixtec mixtecs zapotec zapotecs olmec olmecs aztec aztecs moche chimú mapuche ' +
    // Round 12: languages that are no country's demonym ("spoke in Swahili"), and Central Asia's demonyms.
    'swahili kiswahili hindi urdu mandarin cantonese tagalog yoruba igbo hausa zulu xhosa amharic tigrinya ' +
    'pashto dari farsi sanskrit esperanto latin gaelic kazakh uzbek kyrgyz tajik turkmen'
  ).split(' '),
);
// "the Dutchwoman from Leeuwarden", "two Irishmen": a demonym noun, no name.
const DEMONYM_NOUN = /^(?:French|Dutch|English|Irish|Welsh|Scots|Cornish|Manx|Norse)(?:wo)?m[ae]n$/u;
// Words capitalised by custom that name no entity here ("God"), plural acronyms of titles or things ("MPs").
const NOT_NAMES = new Set(['God', 'Allah']);
const PLURAL_ACRONYM = /^\p{Lu}{2,}s$/u;

/** Whether only spaces, quotation marks or a bracket stand before `at` in the sentence. */
const opensSentence = (sentence: string, at: number) => /^[\s"“‘'(]*$/u.test(sentence.slice(0, at));
/** The word after `at` ("" if punctuation comes first). */
const wordAfter = (sentence: string, at: number) => /^\s+(\p{L}+)/u.exec(sentence.slice(at))?.[1] ?? '';

const HOLIDAYS = new Set(['christmas', 'easter', 'ramadan', 'diwali', 'hanukkah', 'thanksgiving', 'eid']);

const PLACE_TAGS = new Set(['Country', 'City', 'Region', 'Place']);
const TYPES: Record<EntitySpanType, EntityType> = { PER: 'person', ORG: 'organization', LOC: 'place' };
const ACRONYM_AFTER = /^\s*\((\p{Lu}[\p{Lu}\d&.]{1,9}(?:-\p{Lu}{1,3})?)\)/u;
const SHORT_NAME_AFTER = /^\s*\((\p{Lu}\p{Ll}{2,24})\)/u;
// "BE Semiconductor Industries, known as Besi": the name the body goes by.
const KNOWN_AS_AFTER =
  /^,?\s+(?:(?:better|also|commonly|widely|locally)\s+)?known\s+as\s+(\p{Lu}[\p{L}\p{M}]{2,24})\b/u;

let tagger: Tagger | undefined;

/** The model's candidates in the article's paragraphs, in reading order, checked against the rules' evidence. */
export function modelCandidates(paragraphs: string[]): Candidate[] {
  tagger ??= loadTagger();
  const bySentence = paragraphs.map((paragraph) => sentences(paragraph));
  const sentenceTexts = bySentence.flat();
  const tokens = sentenceTexts.map((sentence) => modelTokens(sentence));
  const tags = tagger.tagDocument(tokens.map((sentence) => sentence.map((token) => token.text)));
  const found: Candidate[] = [];
  const horses = new Set<string>();
  let index = 0;
  paragraphs.forEach((_, p) => {
    for (const sentence of bySentence[p]!) {
      const inSentence: Candidate[] = [];
      const dropped: Array<[number, number]> = [];
      for (const span of spans(tokens[index]!, tags[index]!)) {
        const stretches = splitAtVerbs(sentence, span.start, span.end);
        for (const [start, end] of stretches.flatMap(([from, to]) => splitPlacePair(sentence, from, to))) {
          const candidate = toCandidate(sentence, start, end, TYPES[span.type]);
          if (candidate) inSentence.push(candidate);
          else dropped.push([start, end]);
        }
      }
      // The rules read the same sentence, so a name they and the model found is the same stretch of text.
      const allMisc = miscRanges(tokens[index]!, tags[index]!);
      const leagues = leaguesIn(sentence, allMisc);
      inSentence.push(...leagues.candidates);
      const misc = allMisc.filter((range) => !leagues.ranges.includes(range));
      const model = withPlatformX(
        sentence,
        withKnownLonger(
          sentence,
          withPairedNames(sentence, withListNames(sentence, typedAsTheirList(sentence, inSentence))),
        ),
      );
      const checked = withoutProductsAndLabels(
        sentence,
        withRuleEvidence(sentence, model, candidatesIn(sentence), misc, dropped),
      );
      const particles = joinedAcrossParticles(sentence, joinedAcrossDash(sentence, checked));
      const joined = joinedAfterKindWord(sentence, joinedAcrossAnd(sentence, joinedAsKnown(sentence, particles)));
      const named = withOwnLanguageNames(
        sentence,
        venuesOfNamesakes(sentence, namedAfterPeople(sentence, withStreetsAndNumbers(sentence, joined))).flatMap(
          (candidate) =>
            bodyOfPlace(sentence, candidate) ??
            teamAndPlayer(sentence, candidate) ?? [withTitleOfNamesake(sentence, candidate)],
        ),
      );
      for (const horse of horsesIn(sentence, named)) horses.add(foldKey(horse));
      found.push(...withCreditedPeople(sentence, named));
      index++;
    }
  });
  // A horse is no entity, in any sentence of the article.
  return withPlacesOfOrganizations(found.filter((candidate) => !horses.has(foldKey(candidate.surface))));
}

// Words of a race report, in the sentence that names a horse and its jockey.
const RACING = new RegExp(
  String.raw`\b(?:jockey|ridden|rode|riders?|unseated|pulled up|trainer|favourite|furlongs?|fences?|hurdles?|` +
    String.raw`lengths?|handicap|stakes)\b`,
  'iu',
);

/**
 * "won by two lengths from Roscommon Rose (Paul Townend)": in a race report, the name before a person's full name
 * in brackets is a horse, its jockey in the brackets (not a person's team or country, "Max Verstappen (Red Bull)",
 * nor a known name). Whether or not the model read the horse as a name.
 */
function horsesIn(sentence: string, candidates: Candidate[]): string[] {
  if (!RACING.test(sentence)) return [];
  const horses: string[] = [];
  for (const rider of candidates) {
    if (rider.type !== 'person' || rider.words.length < 2 || sentence[rider.end] !== ')') continue;
    const horse = /(\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*){0,3})\s*\($/u.exec(
      sentence.slice(0, rider.start),
    )?.[1];
    if (horse && !lookupKnown(horse)) horses.push(horse);
  }
  return horses;
}

/** A name the checks make themselves, of its own type, at `start` in the sentence. */
const spanAt = (start: number, surface: string, type: EntityType): Candidate => ({
  surface,
  words: surface.split(/\s+/u),
  start,
  end: start + surface.length,
  type,
  weak: false,
});

/** The candidates with `name` in place of those it overlaps, in sentence order. */
function replacedBy(candidates: Candidate[], name: Candidate): Candidate[] {
  return [...candidates.filter((candidate) => candidate.end <= name.start || candidate.start >= name.end), name].sort(
    (a, b) => a.start - b.start,
  );
}

// "Reporting by Litia Naivalu in Suva and Georgia Pemberton in Townsville; Editing by …": a wire story's credits.
const CREDIT_LINE = /^\s*(?:Additional\s+)?(?:Reporting|Writing|Editing)\s+by\s/u;
// "Pic: Dylan Brennan/Kilkenny People", "Photo: Ana Ruiz / Reuters": a photographer, then the paper or agency.
export const PICTURE_CREDIT = /^\s*(?:Pic|Picture|Photo|Photograph|Image)s?:\s+\p{Lu}/u;

/**
 * In a picture credit, a name beside the slash that the model read as a place is the paper or agency ("Kilkenny
 * People"); the photographer's may stand on either side ("Wirefeed/Kashif Butt").
 */
function creditedAgency(sentence: string, candidate: Candidate): Candidate {
  const start = from(candidate, sentence);
  const bySlash =
    /\/\s*$/u.test(sentence.slice(0, start)) || /^\s*\//u.test(sentence.slice(start + candidate.surface.length));
  const agency =
    bySlash && candidate.type === 'place' && !lookupKnown(candidate.surface) && !lookupPlace(candidate.surface);
  return agency ? { ...candidate, type: 'organization', weak: false } : candidate;
}

/**
 * In a wire story's credit line, a name of two or three words is a journalist's, not a place ("Georgia …"); not
 * after "in", nor a paper by its head word ("Reporting by Hamish O'Loughlin, Gippsland Times").
 */
function withCreditedPeople(sentence: string, candidates: Candidate[]): Candidate[] {
  if (PICTURE_CREDIT.test(sentence)) return candidates.map((candidate) => creditedAgency(sentence, candidate));
  if (!CREDIT_LINE.test(sentence)) return candidates;
  return candidates.map((candidate) => {
    const place = /\bin\s+$/u.test(sentence.slice(0, from(candidate, sentence)));
    const person =
      !place &&
      candidate.words.length > 1 &&
      candidate.words.length < 4 &&
      !lookupKnown(candidate.surface) &&
      !typeByHead(candidate.words);
    return person ? { ...candidate, type: 'person', weak: false } : candidate;
  });
}

// A player's position, abbreviated between his team and his name ("Cardinals RHP Brody Castellano").
const TEAM_POSITION_PLAYER =
  /^(.+?)\s+(?:RHP|LHP|SS|DH|CF|LF|RF|1B|2B|3B|QB|WR|RB|TE|OL|DL|LB|CB)\s+(\p{Lu}\S*(?:\s+\p{Lu}\S*)+)$/u;

/** "Brewers LHP Nils Ekdahl faces Cardinals RHP Brody Castellano": the team, then the player. */
function teamAndPlayer(sentence: string, candidate: Candidate): Candidate[] | undefined {
  const parts = TEAM_POSITION_PLAYER.exec(candidate.surface);
  if (!parts) return undefined;
  const start = from(candidate, sentence);
  const playerStart = start + candidate.surface.length - parts[2]!.length;
  return [spanAt(start, parts[1]!, 'organization'), spanAt(playerStart, parts[2]!, 'person')];
}

// Abbreviated titles of the person a body or a building is named after.
const NAMESAKE_TITLE = /(?:^|\s)((?:Dr|Gov|Gen|Sen|Pres|Prof|Rep|Col|Capt|Lt|Sgt)\.\s+)$/u;

/**
 * "the Dr. Bhau Daji Lad Museum", "Gov. Celestino Gallares Memorial Medical Center": the title before the name of a
 * body or a place its head word types is part of that name.
 */
function withTitleOfNamesake(sentence: string, candidate: Candidate): Candidate {
  if (candidate.words.length < 2 || !typeByHead(candidate.words)) return candidate;
  const start = from(candidate, sentence);
  const title = NAMESAKE_TITLE.exec(sentence.slice(0, start))?.[1];
  if (!title) return candidate;
  const titled = spanAt(start - title.length, `${title}${candidate.surface}`, candidate.type!);
  return { ...titled, words: titled.surface.split(/\s+/u), acronym: candidate.acronym };
}

// "(Państwowa Inspekcja Pracy)", "(Národní filmový archiv, NFA)": a name of two to eight words in brackets, with
// the body's acronym after it or not.
const OWN_LANGUAGE_NAME =
  /^\s*\(\s*(\p{Lu}[\p{L}\p{M}'’-]*(?:\s+[\p{L}\p{M}'’-]+){1,7})(?:,\s*(\p{Lu}[\p{Lu}\d&.]{1,9}))?\)/u;

/**
 * "the National Labour Inspectorate (Państwowa Inspekcja Pracy)", "the Aegean Migration Law Association (Ege Göç
 * Hukuku Derneği)": a body's name in its own language, in brackets after the name it is given in, is another name
 * of the same body, and the acronym after it that body's.
 */
function withOwnLanguageNames(sentence: string, candidates: Candidate[]): Candidate[] {
  // Not a horse and its jockey in a race report ("Galway Hooker (Sam Ewing)").
  if (RACING.test(sentence)) return candidates;
  let result = candidates;
  for (const body of candidates) {
    if (body.type !== 'organization' || body.words.length < 2) continue;
    const end = from(body, sentence) + body.surface.length;
    const match = OWN_LANGUAGE_NAME.exec(sentence.slice(end));
    const native = match?.[1];
    if (!native || lookupKnown(native) || lookupPlace(native) || isFunctionWord(native.split(/\s+/u)[0]!)) continue;
    const start = end + match.index + match[0].indexOf(native);
    const name = { ...spanAt(start, native, 'organization'), aliasOf: body.surface, ownLanguage: true };
    if (match[2]) body.acronym ??= match[2];
    result = replacedBy(result, name);
  }
  return result;
}

/**
 * "Sir John Rogerson's Quay", "Dr. Reddy's Laboratories": a person's possessive before a body's or a place's head
 * word is the name of that body or place, title included, and no mention of the person.
 */
function namedAfterPeople(sentence: string, candidates: Candidate[]): Candidate[] {
  const result: Candidate[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i]!;
    const start = from(candidate, sentence);
    const end = start + candidate.surface.length;
    const after = /^['’]s\s+(\p{Lu}[\p{L}\p{M}-]*)/u.exec(sentence.slice(end));
    const head = after?.[1]?.toLowerCase() ?? '';
    const type = ORG_HEADS.has(head) ? 'organization' : PLACE_HEADS.has(head) ? 'place' : undefined;
    if (!after || !type || candidate.type !== 'person') {
      result.push(candidate);
      continue;
    }
    // The body's own name may go on past its head word: "Dick's Sporting Goods" is one name, "Tshisekedi's Union for
    // Democracy and Social Progress" the person's party, under its own name.
    const next = candidates[i + 1];
    const headStart = end + after[0].length - after[1]!.length;
    const longer = next && from(next, sentence) === headStart && next.words.length > 1 ? next : undefined;
    if (longer && /\s(?:for|of)\s/u.test(longer.surface)) {
      result.push(candidate);
      continue;
    }
    const title = /(?:^|\s)((?:Sir|Dr\.?|St\.?|Saint|Lord|Lady)\s+)$/u.exec(sentence.slice(0, start));
    const begin = title ? start - title[1]!.length : start;
    const stop = longer ? headStart + longer.surface.length : end + after[0].length;
    const surface = sentence.slice(begin, stop);
    result.push(spanAt(begin, surface, type));
    while (candidates[i + 1] && candidates[i + 1]!.start < stop) i++;
  }
  return result;
}

/**
 * "the Estadio Arantxa Sánchez Vicario", "Stade Pierre Mauroy": a venue named first and then for a person is one
 * place, where the model read the person's name apart.
 */
function venuesOfNamesakes(sentence: string, candidates: Candidate[]): Candidate[] {
  let result = candidates;
  for (const [k, venue] of candidates.entries()) {
    const person = candidates[k + 1];
    if (venue.type !== 'place' || person?.type !== 'person' || !VENUE_FIRST.has(venue.words[0]!.toLowerCase()))
      continue;
    const start = from(venue, sentence);
    const end = from(person, sentence) + person.surface.length;
    if (sentence.slice(start + venue.surface.length, from(person, sentence)) !== ' ') continue;
    result = replacedBy(result, spanAt(start, sentence.slice(start, end), 'place'));
  }
  return result;
}

// A capitalised word or run of them, inside a name.
const NAME_WORDS = String.raw`\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*)*`;
const LIST_NAME = new RegExp(
  String.raw`(?<![\p{L}\p{M}])(?:(\p{Lu}[\p{L}\p{M}]*)\s+)?` +
    '(?:Ministry|Department|Secretariat|Commission|Committee|Bureau)' +
    String.raw`\s+(?:of|for)\s+(?:the\s+)?${NAME_WORDS}((?:,\s+${NAME_WORDS})+),?\s+(?:and|&)\s+(${NAME_WORDS})`,
  'gu',
);

/**
 * "Ministry of Education, Culture and Science", "Department of National Parks, Wildlife and Plant Conservation": a
 * government body whose name is a list is one name (the model's span stops at the comma, or the name check drops
 * it), unless the list names places ("the Ministry of Defence, Britain and France"). A demonym before it is not
 * part of it ("the Dutch Ministry of …").
 */
function withListNames(sentence: string, candidates: Candidate[]): Candidate[] {
  let result = candidates;
  for (const match of sentence.matchAll(LIST_NAME)) {
    const items = [...match[2]!.split(',').slice(1), match[3]!].map((item) => item.trim());
    if (items.some((item) => lookupKnown(item)?.type === 'place' || lookupPlace(item))) continue;
    const lead = match[1];
    const start = match.index + (lead && (isDemonym(lead) || isFunctionWord(lead)) ? match[0].indexOf(' ') + 1 : 0);
    const end = match.index + match[0].length;
    const surface = sentence.slice(start, end);
    const name = spanAt(start, surface, 'organization');
    const acronym = ACRONYM_AFTER.exec(sentence.slice(end))?.[1];
    if (acronym) name.acronym = acronym;
    result = replacedBy(result, name);
  }
  return result;
}

// "wrote on X.", "posted a video on X, formerly Twitter": the platform, a body, which no letter's shape gives away.
const PLATFORM_X = /(?<=\b(?:on|to|from|via|platform|network)\s+)X(?=\s*$|[.,;:!?"”)]|\s+\()/gu;

/**
 * "Lloyd's Register", "Deutsche Bahn": a name the model cut one word short of a name the lexicon knows is that
 * name.
 */
function withKnownLonger(sentence: string, candidates: Candidate[]): Candidate[] {
  return candidates.map((candidate) => {
    const next = /^(?:['’]s)?\s+(\p{Lu}[\p{L}\p{M}]*)/u.exec(sentence.slice(candidate.end));
    if (!next) return candidate;
    const start = from(candidate, sentence);
    const surface = sentence.slice(start, candidate.end + next[0].length);
    const known = lookupKnown(surface);
    if (!known || known.name === lookupKnown(candidate.surface)?.name) return candidate;
    return { ...spanAt(start, surface, known.type), acronym: candidate.acronym };
  });
}

/** The social network X, after a preposition and before punctuation. */
function withPlatformX(sentence: string, candidates: Candidate[]): Candidate[] {
  const found = [...sentence.matchAll(PLATFORM_X)]
    .map((match) => spanAt(match.index, 'X', 'organization'))
    .filter((x) => !candidates.some((candidate) => candidate.start < x.end && x.start < candidate.end));
  return found.length === 0 ? candidates : [...candidates, ...found].sort((a, b) => a.start - b.start);
}

const capitalized = (word: string) => word[0]!.toUpperCase() + word.slice(1);
const VENUE_KIND = String.raw`(?:${[...VENUE_CENTRE_KINDS].map(capitalized).join('|')})`;
// "the Melbourne Convention and Exhibition Centre", "Hong Kong Convention and Exhibition Center".
const VENUE_PAIR = new RegExp(
  String.raw`(?<![\p{L}\p{M}])(?:\p{Lu}[\p{L}\p{M}'’.-]*\s+)+${VENUE_KIND}\s+and\s+${VENUE_KIND}\s+Cent(?:re|er)\b`,
  'gu',
);

// "Derry City and Strabane District Council", "Armagh City, Banbridge and Craigavon Borough Council", "Newry, Mourne
// and Down District Council": the council of two or three places is one body.
const PLACE_WORDS = String.raw`\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*)?`;
const COUNCIL_OF_PLACES = new RegExp(
  String.raw`(?<![\p{L}\p{M}])${PLACE_WORDS}(?:,\s+${PLACE_WORDS})?\s+and\s+` +
    String.raw`(?:\p{Lu}[\p{L}\p{M}'’-]*\s+){1,2}(?:District|Borough|County|Regional|Town)\s+Council\b`,
  'gu',
);

// "the Peace and Security Council", "the Health and Safety Executive": after "the" or a possessive, two words
// joined by "and" before a body's head word.
// Not a name that goes on ("the Export and Investment Fund of Denmark"), nor two bodies with one head word ("St
// James's Hospital and Beaumont Hospital").
const PAIR_BEFORE_HEAD = new RegExp(
  String.raw`(?<=(?:\bthe|['’]s)\s+)\p{Lu}\p{Ll}+\s+and\s+\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,2}` +
    String.raw`(?![\p{L}\p{M}]|\s+(?:of|for)\s|\s+\p{Lu})`,
  'gu',
);
const endsInBodyHead = (name: string) => {
  const words = name.split(/\s+/u);
  return ORG_HEADS.has(words.at(-1)!.toLowerCase()) && !isHeadWord(words[0]!);
};

/** A name joined by "and" that one pattern makes whole is one, whatever the model cut of it. */
function withPairedNames(sentence: string, candidates: Candidate[]): Candidate[] {
  // Every pair is joined by "and"; a venue ends in a centre, a council in "Council" (the patterns are costly).
  if (!sentence.includes(' and ')) return candidates;
  let result = candidates;
  for (const [pattern, type, accept, word] of [
    [VENUE_PAIR, 'place', () => true, ' Cent'],
    [COUNCIL_OF_PLACES, 'organization', () => true, ' Council'],
    [PAIR_BEFORE_HEAD, 'organization', endsInBodyHead, ''],
  ] as const) {
    if (!sentence.includes(word)) continue;
    for (const match of sentence.matchAll(pattern)) {
      if (!accept(match[0])) continue;
      const start = match.index + (/^The\s/u.test(match[0]) ? 4 : 0);
      const end = match.index + match[0].length;
      const name = spanAt(start, sentence.slice(start, end), type);
      const acronym = ACRONYM_AFTER.exec(sentence.slice(end))?.[1];
      if (acronym) name.acronym = acronym;
      result = replacedBy(result, name);
    }
  }
  return result;
}

// "Galleria Nazionale delle Marche", "Opificio delle Pietre Dure", "Praça dos Três Poderes": the particles that
// join the words of a Romance-language name (a person's "da Silva" the model reads whole already).
const PARTICLES_BETWEEN = /^\s+(?:delle|della|degli|dello|dei|del|di|da|das|dos|do|de|de la|de las|de los|des|du)\s+$/u;

/** A body's or a place's name and the name after one of its language's particles are one name. */
function joinedAcrossParticles(sentence: string, candidates: Candidate[]): Candidate[] {
  return joinedWhere(
    sentence,
    candidates,
    (before, _, between) => before.type !== 'person' && PARTICLES_BETWEEN.test(between) && !lookupKnown(before.surface),
  );
}

/**
 * "Lidl–Trek", "SD Worx–Protime", "Bà Rịa–Vũng Tàu": an en dash with no space around it joins the two halves of
 * one name (cycling teams' sponsors, merged provinces), unless both halves are places or people ("the
 * Mombasa–Nairobi highway", a doubles pair) and the second is no route's name ("Kampala–Gulu Highway" is one). A
 * body's one capitalised word after the dash that the model left out is its name's end too.
 */
function joinedAcrossDash(sentence: string, candidates: Candidate[]): Candidate[] {
  const extended = candidates.map((candidate) => {
    const tail = /^–\p{Lu}[\p{L}\p{M}\p{N}&]*(?![\p{L}\p{M}\p{N}&–-])/u.exec(sentence.slice(candidate.end))?.[0];
    const taken = candidates.some((other) => other.start === candidate.end + 1);
    if (!tail || taken || candidate.type !== 'organization') return candidate;
    const end = candidate.end + tail.length;
    const surface = sentence.slice(candidate.start, end).replace(/^(?:the|The)\s+/u, '');
    return { ...candidate, end, surface, words: surface.split(/\s+/u), weak: false };
  });
  return joinedWhere(
    sentence,
    extended,
    (before, candidate, between) =>
      between === '–' &&
      !(before.type === 'place' && candidate.type === 'place' && !isRoute(candidate)) &&
      !(before.type === 'person' && candidate.type === 'person'),
  );
}

// "Johor–Singapore Causeway", "Kampala–Gulu Highway": a road or a crossing between two places, named by both.
const ROUTE_HEADS = new Set(
  'highway expressway motorway road causeway bridge railway line tunnel pipeline corridor'.split(' '),
);
const isRoute = (candidate: Candidate) =>
  candidate.words.length > 1 && ROUTE_HEADS.has(candidate.words.at(-1)!.toLowerCase());

/**
 * "Jammu and Kashmir", "U.S. Fish and Wildlife Service": two names side by side across "and" that the lexicon or
 * the gazetteer knows together are one name of the type it gives.
 */
function joinedAsKnown(sentence: string, candidates: Candidate[]): Candidate[] {
  return joinedWhere(sentence, candidates, (before, candidate, between) => {
    if (!/^\s+(?:and|&)\s+$/u.test(between)) return false;
    const name = sentence.slice(before.start, candidate.end).replace(/^(?:the|The)\s+/u, '');
    const type = lookupKnown(name)?.type ?? (lookupPlace(name) ? 'place' : undefined);
    // The joined name takes the known type, whatever the model gave its first half ("U.S. Fish" a place).
    if (type) before.type = type;
    return type !== undefined;
  });
}

/**
 * "the Mull and Iona Ferry Committee", "the Fire and Rescue Service", "the Leeds and Liverpool Canal": "the", one
 * unknown word, "and", then a body's or place's name with a head word is one name the model cut in two, not two
 * ("Mizuho and Saudi National Bank").
 */
function joinedAcrossAnd(sentence: string, candidates: Candidate[]): Candidate[] {
  return joinedWhere(
    sentence,
    candidates,
    (before, candidate, between) =>
      before.words.length === 1 &&
      !before.strong &&
      !lookupKnown(before.surface) &&
      candidate.words.length > 1 &&
      headedAs(candidate, before.type, wordAfter(sentence, candidate.end)) &&
      /^\s+(?:and|&)\s+$/u.test(between) &&
      /(?:^|\s)the\s+$/iu.test(sentence.slice(0, before.start)),
  );
}

// A body's name by a body's head word, a place's by a place's ("the Leeds and Liverpool Canal", "the Peace and
// Friendship Stadium"), of the other name's type; not two places before a plural ("the Belgo and Black Mountain
// neighbourhoods").
function headedAs(candidate: Candidate, type: EntityType | undefined, next: string): boolean {
  const head = candidate.words.at(-1)!.toLowerCase();
  if (type === 'organization') return candidate.type === 'organization' && ORG_HEADS.has(head);
  return type === 'place' && candidate.type === 'place' && PLACE_HEADS.has(head) && !/^\p{Ll}+s$/u.test(next);
}

/**
 * "the Instituto Helena Moura", "Stade Pierre Mauroy": a word that names a kind of body or venue in its own
 * language, alone, right before a name, is the start of that name (a body's or a place's, not the person's).
 */
function joinedAfterKindWord(sentence: string, candidates: Candidate[]): Candidate[] {
  return joinedWhere(sentence, candidates, (before, _, between) => {
    const first = before.surface.toLowerCase();
    const type = ORG_FIRST.has(first) ? 'organization' : VENUE_FIRST.has(first) ? 'place' : undefined;
    if (before.words.length !== 1 || !type || !/^ $/u.test(between)) return false;
    before.type = type;
    return true;
  });
}

/** Each name joined to the one before it, text between them included, where `joins` says they are one name. */
function joinedWhere(
  sentence: string,
  candidates: Candidate[],
  joins: (before: Candidate, candidate: Candidate, between: string) => boolean,
): Candidate[] {
  const result: Candidate[] = [];
  for (const candidate of candidates) {
    const before = result.at(-1);
    if (before && joins(before, candidate, sentence.slice(before.end, candidate.start))) {
      before.end = candidate.end;
      before.surface = sentence.slice(before.start, before.end).replace(/^(?:the|The)\s+/u, '');
      before.words = before.surface.split(/\s+/u);
      before.weak = false;
      before.acronym = candidate.acronym;
      continue;
    }
    result.push(candidate);
  }
  return result;
}

// "Kossuth Lajos utca", "Hjalmar Johansens gate", "Jōzenji-dōri": a street word written in the street's own
// language, in lower case after the name, ends the name and makes it a place.
const STREET_WORD_AFTER = new RegExp(
  String.raw`^[\s-](?:utca|útja|út|tér|körút|rakpart|gate|gata|gatan|vägen|vej|gade|straße|strasse|gasse|platz|` +
    String.raw`dōri|dori|ulica|ulitsa|prospekt|caddesi|sokak|sokağı|bulvarı|straat|gracht|plein)(?![\p{L}\p{M}])`,
  'u',
);
// "Interstate 10", "Highway 90", "Amalgamated Transit Union Local 113": a number after these words is part of the
// name, and says what it names.
const NUMBERED: Record<string, EntityType> = {
  interstate: 'place',
  highway: 'place',
  route: 'place',
  motorway: 'place',
  autobahn: 'place',
  line: 'place',
  terminal: 'place',
  pier: 'place',
  local: 'organization',
};
const NUMBER_AFTER = /^\s+\d{1,4}[A-Z]?(?!\d|[.,:]\d|\s*(?:%|per ?cent|km|miles?|metres?|meters?)\b)/u;
const ROAD = new RegExp(
  String.raw`(?<![\p{L}\p{M}\d-])(?:(?:Interstate|Highway|Route|Motorway|Autobahn)\s+\d{1,4}[A-Z]?|I-\d{1,3})` +
    String.raw`(?![\p{L}\d%-]|[.,:]\d)`,
  'gu',
);
// "off the A417", "along the N59", "on the M6 motorway": a British, Irish or European road number after a
// preposition and "the"; not an aircraft ("on the A350 line"), an armed group ("from the M23 rebels") or a rating.
// Round 19: the Czech "D1", Irish regional "R586", Portuguese "EN266"; after more verbs ("beside the M62", "closed
// the N21"), or before what a road has ("the A947 between Dyce and …", "the R1 expressway").
const ROAD_CODE = String.raw`(?:[ABMNEDR]|EN)\d{1,4}(?![\p{L}\d-])`;
const ROAD_PARTS_AFTER = String.raw`(?=\s+(?:motorway|expressway|road|highway|between|through|bypass|carriageway)\b)`;
const ROAD_NUMBER = new RegExp(
  String.raw`(?<=\b(?:on|off|along|onto|via|from|took|take|down|up|towards|toward|near|joins?|and|or|of|beside|past|` +
    String.raw`closed|closes|closing|reopened|jumped|crossed|crosses|said)\s+the\s+)${ROAD_CODE}` +
    String.raw`(?!\s+(?:jets?|aircraft|airliners?|planes?|line|final|family|fleet|rebels?|group|fighters|exchange)\b)` +
    String.raw`|(?<=\bthe\s+)${ROAD_CODE}${ROAD_PARTS_AFTER}`,
  'gu',
);

// "Rep. Jane Doe (R-Gilbert)": a party's initial, then the place the member represents.
const DISTRICT = /\([RDI]-(\p{Lu}[\p{L}\p{M}'’.]*(?:\s\p{Lu}[\p{L}\p{M}'’.]*)*)\)/gu;

/**
 * Streets named in their own language, names that end in a number (roads, transit lines, union locals), and the
 * districts of members of a legislature.
 */
function withStreetsAndNumbers(sentence: string, candidates: Candidate[]): Candidate[] {
  const extend = (candidate: Candidate, by: string, type: EntityType) => {
    candidate.end += by.length;
    candidate.surface = sentence.slice(candidate.start, candidate.end).replace(/^(?:the|The)\s+/u, '');
    candidate.words = candidate.surface.split(/[\s]+/u);
    candidate.type = type;
    candidate.weak = false;
  };
  for (const candidate of candidates) {
    const after = sentence.slice(candidate.end);
    // Not after a name its own head word ended ("the Magheralave Road gate").
    const headed = PLACE_HEADS.has(candidate.words.at(-1)!.toLowerCase());
    const street = headed ? undefined : STREET_WORD_AFTER.exec(after)?.[0];
    const numbered = NUMBERED[candidate.words.at(-1)!.toLowerCase()];
    const number = numbered && NUMBER_AFTER.exec(after)?.[0];
    if (street) extend(candidate, street, 'place');
    else if (numbered && number) extend(candidate, number, numbered);
  }
  // A district replaces what the model made of it ("D-Fountain Hills").
  const districts = [...sentence.matchAll(DISTRICT)].map((match) => [match.index + 3, match[1]!] as const);
  const overlaps = (c: Candidate, start: number, end: number) => c.start < end && start < c.end;
  const kept = candidates.filter(
    (c) => !districts.some(([start, name]) => overlaps(c, start - 2, start + name.length)),
  );
  // A road has a number, a road number a capital before a digit: most sentences have neither (the patterns are costly).
  const roads = [
    ...(/\d/u.test(sentence) ? sentence.matchAll(ROAD) : []),
    ...(/\p{Lu}\d/u.test(sentence) ? sentence.matchAll(ROAD_NUMBER) : []),
  ].map((match) => [match.index, match[0]] as const);
  const places = [...roads, ...districts].filter(
    ([start, name]) => !kept.some((c) => overlaps(c, start, start + name.length)),
  );
  if (places.length === 0) return kept;
  const found = places.map(
    ([start, name]): Candidate => ({
      surface: name,
      words: name.split(/\s+/u),
      start,
      end: start + name.length,
      type: 'place',
    }),
  );
  return [...kept, ...found].sort((a, b) => a.start - b.start);
}

/**
 * "University of Geneva … in Geneva": a one-word place name the model called an organization because a longer
 * organization name ends in it is the place.
 */
function withPlacesOfOrganizations(candidates: Candidate[]): Candidate[] {
  const objects = new Set(
    candidates
      .filter((candidate) => candidate.type === 'organization' && candidate.words.length > 2)
      .map((candidate) => / (?:of|in|for) (\S+)$/u.exec(candidate.surface)?.[1])
      .filter((word) => word !== undefined),
  );
  for (const candidate of candidates) {
    const isPlaceName = () => lexiconTags(candidate.surface).some((tag) => PLACE_TAGS.has(tag));
    if (candidate.weak && candidate.type === 'organization' && objects.has(candidate.surface) && isPlaceName())
      candidate.type = 'place';
  }
  return candidates;
}

// What a maker makes, named after the maker's possessive: "SpaceX's Dragon spacecraft", "OpenAI's ChatGPT chatbot".
const PRODUCT_NOUNS = new Set(
  (
    'spacecraft rocket rockets capsule capsules satellite satellites chatbot chatbots smartphone smartphones phone ' +
    'phones app apps missile missiles drone drones vaccine vaccines drug drugs jet jets aircraft plane planes car ' +
    'cars vehicle vehicles truck trucks model models chip chips processor processors console consoles software ' +
    'browser engine engines tablet tablets laptop laptops headset headsets device devices'
  ).split(' '),
);

// The labels that open a caption or an editor's note, followed by a colon.
const NOTE_LABELS = new Set(
  (
    'PHOTO|PHOTOS|FILE PHOTO|PICTURE|VIDEO|WATCH|LISTEN|GRAPHIC|MAP|CORRECTION|CLARIFICATION|UPDATE|UPDATED|' +
    "EDITOR’S NOTE|EDITOR'S NOTE|NOTE|EXCLUSIVE|ANALYSIS|BREAKING|READ MORE|RELATED|SOURCE|SOURCES"
  ).split('|'),
);

// "the James Webb Space Telescope" is a craft; telescopes on the ground are places ("Very Large Telescope").
const isSpaceTelescope = (words: string[]) => /^Space Telescope$/iu.test(words.slice(-2).join(' ')) && words.length > 2;

/**
 * No entity, whichever reading found it: a product, named after an organization's possessive and before a kind of
 * product; a caption's or a note's label ("PHOTO: The telescope at La Silla", "CORRECTION: An earlier version"); a
 * space telescope, which the model may read as a person and the rules as a longer name.
 */
function withoutProductsAndLabels(sentence: string, candidates: Candidate[]): Candidate[] {
  return candidates.filter((candidate, k) => {
    if (isSpaceTelescope(candidate.words)) return false;
    const label = NOTE_LABELS.has(candidate.surface) && /^\s*:/u.test(sentence.slice(candidate.end));
    if (label && opensSentence(sentence, candidate.start)) return false;
    const maker = candidates[k - 1];
    if (maker?.type !== 'organization' || !/^['’]s\s+$/u.test(sentence.slice(maker.end, candidate.start))) return true;
    return !PRODUCT_NOUNS.has(wordAfter(sentence, candidate.end).toLowerCase());
  });
}

// What the rules leave of a work's title after its title word ("his feast scene The King Drinks") is no name.
const BARE_ARTICLE = /^(?:The|A|An)$/u;

/**
 * Where the rules have firm evidence the model lacks, it wins: a name with an organization or place head word
 * that the model cut in two ("Gulf of Mexico", "Alternative for Germany"); the type the text states of a name
 * ("chocolate maker Barry Callebaut", "Tesla CEO", "Wipro said it"); and names the model missed that the rules are
 * sure of (the lexicon's "US", shapes such as "SpaceX" or "NATO"). Each measured on the tuning sets
 * (docs/entities.md).
 */
function withRuleEvidence(
  sentence: string,
  model: Candidate[],
  ruleRuns: Candidate[],
  misc: Array<[number, number]> = [],
  dropped: Array<[number, number]> = [],
): Candidate[] {
  const rules = located(sentence, ruleRuns);
  const firm = rules.filter((rule) => rule.type && !rule.weak && !rule.tentative && !BARE_ARTICLE.test(rule.surface));
  const whole = firm.filter((rule) => rule.words.length > 1 && rule.words.some((word) => isHeadWord(word)));
  const result: Candidate[] = [];
  for (const candidate of model) {
    // Where the name itself is, without a leading "the" or a possessive.
    const from =
      candidate.start + Math.max(0, sentence.slice(candidate.start, candidate.end).indexOf(candidate.surface));
    const to = from + candidate.surface.length;
    const outer = whole.find(
      (rule) =>
        rule.start <= from &&
        rule.end >= to &&
        rule.surface !== candidate.surface &&
        !endsInPerson(rule, model) &&
        !startsWithFunctionWord(sentence.slice(rule.start, from)) &&
        !isQualifiedKnown(rule) &&
        !gluedAcross(sentence, rule, model) &&
        // "Zhejiang Hongyuan Nickel Co. It said": the rules ran on into the next sentence.
        !isFunctionWord(rule.words.at(-1)!),
    );
    if (outer) {
      if (!result.includes(outer)) result.push(outer);
      continue;
    }
    const parts =
      coordinated(sentence, candidate, rules) ??
      personOfBody(sentence, candidate, rules) ??
      placesAcrossPreposition(sentence, candidate, rules);
    if (parts) {
      result.push(...parts);
      continue;
    }
    const type = statedType(candidate, firm);
    result.push(
      type && !lookupKnown(candidate.surface) && !isDatelinePlace(sentence, from, to)
        ? { ...candidate, type, weak: false }
        : candidate,
    );
  }
  // Names the model missed that the rules know for certain: the lexicon's ("US"), and shapes ("SpaceX", "NATO").
  const overlaps = (rule: Candidate) => result.some((kept) => kept.start < rule.end && rule.start < kept.end);
  // A span the model began but the checks dropped as a common word ("Council" of "the Council on Foreign
  // Relations") is the start of the rules' longer name with a head word.
  for (const [start, end] of dropped) {
    const outer = whole.find((rule) => rule.start === start && rule.end > end && !gluedAcross(sentence, rule, model));
    if (outer && !overlaps(outer)) result.push(outer);
  }
  // Not in a headline in capitals, where every word has an acronym's shape ("SOCCER - LEEDS BEAT ARSENAL").
  const shouting = (sentence.match(/\p{Lu}/gu)?.length ?? 0) > 2 * (sentence.match(/\p{Ll}/gu)?.length ?? 0);
  // Nor where the model read a product, index or event ("Germany's DAX fell", "the FTSE 100"), unless the lexicon
  // knows the name.
  const inMisc = (rule: Candidate) => misc.some(([start, end]) => start < rule.end && rule.start < end);
  // Nor the first half of an adjective compound: "Singapore-listed", "EU-wide" (docs/entities.md, "Not entities").
  const compound = (rule: Candidate) => /^-\p{Ll}/u.test(sentence.slice(rule.end));
  for (const rule of firm) {
    const known = lookupKnown(rule.surface);
    // Nor a share index by its name ("the KOSPI"), whose capitals look like an acronym's.
    const index = rule.words.every((word) => INDEX_NAMES.has(word.toLowerCase()));
    if (
      rule.strong &&
      !overlaps(rule) &&
      (!shouting || known) &&
      (!inMisc(rule) || known) &&
      !compound(rule) &&
      !index
    ) {
      result.push(rule);
    }
  }
  return result;
}

/** The type the rules' firm clues give the model's own name, where they outweigh the model's. */
function statedType(candidate: Candidate, firm: Candidate[]): EntityType | undefined {
  // For a longer name, only a head word or an apposition outweighs the model: the rules' other firm clues are about
  // one word ("VfB" has an acronym's shape, yet "VfB Stuttgart" is no place).
  const stated = firm.find(
    (rule) =>
      rule.surface === candidate.surface &&
      ((rule.strong && rule.words.length === 1) ||
        rule.words.some((word) => isHeadWord(word)) ||
        // "Hendriks Vacuüm, a family-owned supplier": an apposition that names the kind of body.
        rule.describedAsBody),
  );
  if (!stated?.type) return undefined;
  // The rules' person clues ("Leeuwarden, who …" reads as a person's) do not outweigh a place the model and the
  // gazetteer agree on.
  if (candidate.type === 'place' && stated.type === 'person' && lookupPlace(candidate.surface)) return undefined;
  // A feature's head word types the name before the rules' other clues ("Greek Orthodox Cathedral of Saint
  // Stephen" is no person).
  const feature = featureHeadType(candidate.words);
  if (feature) return feature;
  // "Centre" ends a body's name as often as a venue's: the model's place stands ("Paycom Center").
  const last = candidate.words.at(-1)!.toLowerCase();
  if (candidate.type === 'place' && stated.type === 'organization' && (last === 'centre' || last === 'center')) {
    return undefined;
  }
  return stated.type;
}

/** A demonym that is no compass point: "Western Australia" and "Eastern Cape" are names of their own. */
function isNationality(word: string): boolean {
  return isDemonym(word) && !/^(?:north|south|east|west|central)/iu.test(word);
}

/**
 * "Jewish West Bank settlements", "the U.S. Federal Reserve": a demonym or a country before a name the lexicon
 * knows does not make a longer name of it.
 */
function isQualifiedKnown(rule: Candidate): boolean {
  const first = rule.words[0]!;
  return (
    rule.words.length > 1 &&
    (isNationality(first) || lookupKnown(first)?.type === 'place') &&
    !!lookupKnown(rule.words.slice(1).join(' ')) &&
    !lookupKnown(rule.surface)
  );
}

/**
 * "- On Hall Road, …": a preposition the rules kept before the model's name (after a dateline) is not the name's;
 * nor a press release's closing credit ("SOURCE Ontario Power Generation Inc.").
 */
function startsWithFunctionWord(before: string): boolean {
  const first = /^\s*(\p{L}+)\s/u.exec(before)?.[1];
  return first !== undefined && (isFunctionWord(first) || first === 'SOURCE');
}

/** A person noun of the lexicon that is no name ("Glaciologist", "Economist"), not one that is ("Hunter"). */
function isOccupation(word: string): boolean {
  const tags = wordTags(word);
  return tags.includes('Actor') && !tags.some((tag) => tag === 'FirstName' || tag === 'LastName' || tag === 'Person');
}

// "the Super League", "Liga MX": the model reads leagues as MISC, as CoNLL-2003 does; here they are bodies.
// Not the competitions named "League" ("Champions League", "Diamond League"), which are events.
const LEAGUE = /(?:^|\s)(?<!(?:Champions|Europa|Nations|Conference|Diamond)\s)(?:League|Liga|Ligue|Lega)(?:\s|$)/u;

// "the PGA Tour", "the DP World Tour": a professional tour named by its acronym is the body that runs it, not an
// event ("Tour de France").
const PRO_TOUR = /^\p{Lu}{2,5}\s+(?:World\s+)?Tour$/u;

/** The model's MISC names that are leagues, with "Women's" or "Men's" before them ("the Women's Super League"). */
function leaguesIn(sentence: string, misc: Array<[number, number]>) {
  // Of two words at least, ending in the league word or a sport, a place or an acronym after it ("Major League
  // Baseball", "Liga MX"); not a reporter's title ("Rugby League Correspondent").
  const isLeague = (name: string) => {
    const words = name.split(/\s+/u);
    const after = words.slice(words.findLastIndex((word) => LEAGUE.test(` ${word} `)) + 1);
    if (PRO_TOUR.test(name)) return true;
    if (!LEAGUE.test(name) || words.length < 2 || after.length > 1) return false;
    return !after[0] || ORG_HEADS.has(after[0].toLowerCase()) || isAcronym(after[0]) || !!lookupKnown(after[0]);
  };
  const ranges = misc.filter(([start, end]) => isLeague(sentence.slice(start, end)));
  const candidates = ranges.flatMap(([start, end]) => {
    const gender = /(?:^|\s)((?:Wo)?[Mm]en['’]s\s+)$/u.exec(sentence.slice(0, start))?.[1] ?? '';
    return toCandidate(sentence, start - gender.length, end, 'organization') ?? [];
  });
  return { ranges, candidates };
}

/** The character ranges the model tagged MISC (products, events, works, indices) in a sentence. */
function miscRanges(tokens: readonly ModelToken[], tags: readonly string[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  // "Ohio-based KeyCorp" read as one MISC: the adjective is the MISC, not the name after it.
  let afterBased = false;
  tags.forEach((tag, index) => {
    const continues = tag === 'I-MISC' && tags[index - 1]?.endsWith('-MISC');
    if (continues && afterBased) return;
    afterBased = tag.endsWith('-MISC') && /-based$/u.test(tokens[index]!.text);
    if (continues) ranges.at(-1)![1] = tokens[index]!.end;
    else if (tag.endsWith('-MISC')) ranges.push([tokens[index]!.start, tokens[index]!.end]);
  });
  return ranges;
}

/** Where a model candidate's name itself starts, after a leading "the". */
function from(candidate: Candidate, sentence: string): number {
  return candidate.start + Math.max(0, sentence.slice(candidate.start, candidate.end).indexOf(candidate.surface));
}

/** The rules' candidates with character offsets in the sentence, as the model's have, instead of word positions. */
function located(sentence: string, rules: Candidate[]): Candidate[] {
  let cursor = 0;
  return rules.map((rule) => {
    let at = sentence.indexOf(rule.surface, cursor);
    if (at < 0) at = Math.max(0, sentence.indexOf(rule.surface));
    cursor = at + rule.surface.length;
    return { ...rule, start: at, end: at + rule.surface.length };
  });
}

// "New Mexico Democrat", "a Social Democrat MP": the place or party a member comes from, not part of the name. Not a
// party's own name ("the Social Democrats", "Sweden Democrats", "Christian Democrats").
const PARTY_ADJECTIVES = String.raw`Social|Christian|Liberal|Free|New|Young|Sweden|European|Swiss`;
const PARTY_MEMBER_AFTER = new RegExp(
  String.raw`(?<=\S)(?:\s+(?:Democrat|Republican)|(?<!\b(?:${PARTY_ADJECTIVES}))\s+(?:Democrats|Republicans))$`,
  'u',
);

/** "Council Leader Priya Chandran": a run that ends in a name the model calls a person is a title and a person. */
function endsInPerson(rule: Candidate, model: Candidate[]): boolean {
  return model.some(
    (inner) => inner.type === 'person' && inner.surface !== rule.surface && rule.surface.endsWith(` ${inner.surface}`),
  );
}

// Lower-case words the rules let inside a name ("Council on Foreign Relations") but that also join two names; "of"
// only after a person ("Oyinkansola Bright of the Financial Times"), never in "Bank of England".
const GLUE = /\s(?:on|in|at|for|of)(?:\s+the)?\s/gu;

/**
 * "the Fram Centre on Hjalmar Johansens gate", "Sporting CP for the Lisbon title": a rule span that the model read
 * as a name, a preposition and another name, is the two names, not one.
 */
function gluedAcross(sentence: string, rule: Candidate, model: Candidate[]): boolean {
  const text = sentence.slice(rule.start, rule.end);
  for (const glue of text.matchAll(GLUE)) {
    const at = rule.start + glue.index;
    const of = /^\s+of\s/u.test(glue[0]);
    const before = model.some(
      (inner) =>
        inner.start >= rule.start && inner.end <= at && inner.end > rule.start && (!of || inner.type === 'person'),
    );
    const after = model.some((inner) => inner.start >= at + glue[0].length && inner.start < rule.end);
    if (before && after) return true;
  }
  return false;
}

/**
 * "Goldman Sachs and Citigroup": a model span joined by "and" that the rules read as two names is two names, unless
 * the whole is a name the lexicon knows ("Trinidad and Tobago") or ends in a head word ("Fire and Rescue Service").
 */
function coordinated(sentence: string, candidate: Candidate, rules: Candidate[]): Candidate[] | undefined {
  if (!/\sand\s/u.test(candidate.surface) || lookupKnown(candidate.surface)) return undefined;
  if (isHeadWord(candidate.words.at(-1)!)) return pairOfBodies(sentence, candidate);
  const listed = bodiesAfterTheirKind(sentence, candidate);
  if (listed) return listed;
  const inside = rules.filter((rule) => rule.start >= candidate.start && rule.end <= candidate.end && rule.type);
  // The two names must tile the span: "Goldman Sachs" + " and " + "Citigroup", and the first is no "X of Y" name
  // ("Graduate Institute of International and Development Studies") unless a place ends it ("the Reserve Bank of
  // India and Apple").
  const [first, second] = inside;
  if (
    inside.length !== 2 ||
    first!.start !== from(candidate, sentence) ||
    second!.end !== from(candidate, sentence) + candidate.surface.length
  )
    return undefined;
  if (!/^\s+and\s+$/u.test(sentence.slice(first!.end, second!.start))) return undefined;
  const ofWhat = /\s(?:of|for)\s+(?:the\s+)?(.+)$/u.exec(first!.surface)?.[1];
  if (ofWhat && !lookupPlace(ofWhat) && lookupKnown(ofWhat)?.type !== 'place') return undefined;
  return inside.map((rule) => ({
    ...rule,
    type: rule.weak ? candidate.type : rule.type,
    weak: rule.weak && candidate.weak,
  }));
}

/**
 * "Oyinkansola Bright of the Financial Times": a model span that is a person the rules read, "of", and a body the
 * lexicon or a name's shape knows, is the two of them.
 */
function personOfBody(sentence: string, candidate: Candidate, rules: Candidate[]): Candidate[] | undefined {
  if (candidate.type === 'person' || !/\sof\s/u.test(candidate.surface)) return undefined;
  const start = from(candidate, sentence);
  const end = start + candidate.surface.length;
  const person = rules.find((rule) => rule.start === start && rule.type === 'person' && rule.words.length > 1);
  const body = rules.find((rule) => rule.end === end && rule.type === 'organization' && rule.strong);
  if (!person || !body || !/^\s+of\s+(?:the\s+)?$/u.test(sentence.slice(person.end, body.start))) return undefined;
  return [
    { ...person, weak: false },
    { ...body, weak: false },
  ];
}

// The last words of a firm's or a club's whole name, after which "of" starts a second name.
const FIRM_ENDINGS = new Set('industries airways airlines holdings motors club'.split(' '));

/**
 * "Mitsubishi Heavy Industries of Japan", "Barcelona Sporting Club of Guayaquil": a firm's or a club's whole name
 * (well known, or ending as firms' names end), "of" and a place are the two of them; "Bank of England" and
 * "University of Tokyo" stay whole.
 */
function bodyOfPlace(sentence: string, candidate: Candidate): Candidate[] | undefined {
  const parts = /^(.+?\s\S+)\s+of\s+(?:the\s+)?(\p{Lu}.*)$/u.exec(candidate.surface);
  if (!parts) return undefined;
  const [, body, place] = parts as unknown as [string, string, string];
  const wholeBody =
    lookupKnown(body)?.type === 'organization' || FIRM_ENDINGS.has(body.split(/\s+/u).at(-1)!.toLowerCase());
  // "Verhelst & Van Damme of Deinze": a partnership's name, then the one town it is of, which no gazetteer need hold.
  const partnership = / & /u.test(body) && /^\p{Lu}[\p{L}\p{M}'’-]+$/u.test(place);
  const placeKnown = lookupKnown(place)?.type === 'place' || !!lookupPlace(place);
  if (!(wholeBody && placeKnown) && !partnership) return undefined;
  const start = from(candidate, sentence);
  const placeStart = start + candidate.surface.length - place.length;
  return [spanAt(start, body, 'organization'), spanAt(placeStart, place, 'place')];
}

/**
 * "left the Tokyo Dome for Saint Sarkis Cathedral": a model span that the rules read as two places with head words
 * of their own, or a known town and a headed body, joined by a preposition, is the two names (a body's "Council on
 * Foreign Relations" stays whole).
 */
function placesAcrossPreposition(sentence: string, candidate: Candidate, rules: Candidate[]): Candidate[] | undefined {
  const start = from(candidate, sentence);
  const end = start + candidate.surface.length;
  const first = rules.find((rule) => rule.start === start && rule.end < end);
  const second = rules.find((rule) => rule.end === end && rule.start > start);
  const headed = (rule: Candidate | undefined) =>
    rule?.type === 'place' && !rule.weak && PLACE_HEADS.has(rule.words.at(-1)!.toLowerCase());
  // "left Edinburgh for the University of New Mexico": a town the lexicon knows, then a body with a head word.
  const town = (rule: Candidate | undefined) =>
    rule?.words.length === 1 && (lookupKnown(rule.surface)?.type === 'place' || !!lookupPlace(rule.surface));
  const body = (rule: Candidate | undefined) =>
    rule?.type === 'organization' && !rule.weak && ORG_HEADS.has(typeHead(rule.words));
  const places = headed(first) && headed(second);
  if (!places && !(town(first) && body(second))) return undefined;
  if (!/^\s+(?:for|at|in|on|to|from)\s+(?:the\s+)?$/u.test(sentence.slice(first!.end, second!.start))) return undefined;
  return [
    { ...first!, type: 'place', weak: false },
    { ...second!, weak: false },
  ];
}

/**
 * "Bus operators First Cymru and Adventure Travel", "rivals Tesco and Sainsbury's": after a kind of body in the plural,
 * a name with "and" in it is two bodies.
 */
function bodiesAfterTheirKind(sentence: string, candidate: Candidate): Candidate[] | undefined {
  const start = from(candidate, sentence);
  const kind = /(\p{Ll}+)s\s+$/u.exec(sentence.slice(0, start))?.[1];
  const pair = /^(\p{Lu}.*?)\s+and\s+(\p{Lu}.*)$/u.exec(candidate.surface);
  if (!kind || !ORG_NOUNS.has(kind) || !pair || candidate.type !== 'organization') return undefined;
  const second = start + candidate.surface.length - pair[2]!.length;
  return [spanAt(start, pair[1]!, 'organization'), spanAt(second, pair[2]!, 'organization')];
}

/** A name's head word: its last, or the word before its "of" ("University of New Mexico"). */
function typeHead(words: string[]): string {
  const of = words.indexOf('of');
  return (of > 0 ? words[of - 1]! : words.at(-1)!).toLowerCase();
}

/**
 * "Queen Mary's College and Loyola College": two names with the same head word, joined by "and", are two ("Fire
 * and Rescue Service" has one head word, so it stays one).
 */
function pairOfBodies(sentence: string, candidate: Candidate): Candidate[] | undefined {
  const pair = /^(.+?\s\S+)\s+and\s+(\p{Lu}\S*\s.+)$/u.exec(candidate.surface);
  // The same head word on both sides: "Kandilli Observatory and Earthquake Research Institute" is one body.
  if (!pair || stripPossessive(pair[1]!).split(/\s+/u).at(-1) !== candidate.words.at(-1)) return undefined;
  const start = from(candidate, sentence);
  const second = start + candidate.surface.length - pair[2]!.length;
  return [
    [start, start + pair[1]!.length],
    [second, start + candidate.surface.length],
  ].map(([begin, end]) => {
    const surface = sentence.slice(begin, end);
    const words = surface.split(/\s+/u);
    return { surface, words, start: begin!, end: end!, type: typeByHead(words) ?? candidate.type, weak: false };
  });
}

/**
 * Names in one list are one kind of thing ("Amazon, Microsoft and Alphabet"): a single unknown word takes the type
 * the rest of its list agrees on; in a pair, a gazetteer town takes its partner's place type.
 */
function typedAsTheirList(sentence: string, candidates: Candidate[]): Candidate[] {
  const lists: Candidate[][] = [];
  candidates.forEach((candidate, i) => {
    const previous = candidates[i - 1];
    const between = previous ? sentence.slice(previous.end, candidate.start) : '';
    if (previous && /^\s*(?:,|,?\s*(?:and|or|&))\s*$/u.test(between)) lists.at(-1)!.push(candidate);
    else lists.push([candidate]);
  });
  for (const list of lists) {
    // "grew up between Abidjan and Lyon", "calls will move to Rotterdam and Le Havre": a town the gazetteer holds,
    // paired with a place, is a place too.
    const town = (member: Candidate) => !lookupKnown(member.surface) && !!lookupPlace(member.surface);
    if (list.length === 2 && list.some((member) => member.type === 'place')) {
      for (const member of list) if (town(member)) member.type = 'place';
    }
    if (list.length < 3) continue;
    const votes = new Map<EntityType, number>();
    for (const member of list) votes.set(member.type!, (votes.get(member.type!) ?? 0) + 1);
    const [type, count] = [...votes].sort((a, b) => b[1] - a[1])[0]!;
    if (count * 2 <= list.length) continue;
    for (const member of list) {
      if ((member.weak || (type === 'place' && town(member))) && member.type !== type) member.type = type;
    }
  }
  return candidates;
}

function isHeadWord(word: string): boolean {
  const lower = word.toLowerCase();
  return ORG_HEADS.has(lower) || PLACE_HEADS.has(lower);
}

/** What the annotation rules say is never an entity, whatever the model thinks: works, laws, events, days. */
// Kinds of musical work: "the Faust Symphony", "Concerto for Orchestra", "Turangalîla-Symphonie".
const MUSICAL_WORKS = /^(?:symphony|symphonie|concerto|sonata|requiem|overture|oratorio|cantata|rhapsody)$/u;

/**
 * A musical work by its kind, last ("the Faust Symphony", "Turangalîla-Symphonie") or first ("Concerto for
 * Orchestra", "Symphony No. 5"); not an orchestra named after its city ("the San Francisco Symphony") nor a hall
 * ("Symphony Hall").
 */
function isMusicalWork(words: string[]): boolean {
  const kind = (word: string) => MUSICAL_WORKS.test(word.toLowerCase().split('-').at(-1)!);
  const before = words.slice(0, -1).join(' ');
  if (kind(words.at(-1)!) && words.length > 1) return !lookupKnown(before) && !lookupPlace(before);
  if (words.length === 1) return /-\p{L}/u.test(words[0]!) && kind(words[0]!);
  return kind(words[0]!) && !PLACE_HEADS.has(words.at(-1)!.toLowerCase());
}

function notAnEntity(words: string[], sentence: string, start: number, end: number, modelType?: EntityType): boolean {
  const head = words.at(-1)!.toLowerCase();
  const first = words[0]!.toLowerCase();
  if (words.length === 1 && (CALENDAR_WORDS.has(head) || HOLIDAYS.has(head) || isDemonym(words[0]!))) return true;
  // "the Cape Verdean capital", "Sri Lankan tea": a demonym of two words.
  if (words.length === 2 && isDemonym(words.join(' '))) return true;
  // "open on Saturdays".
  if (words.length === 1 && /s$/u.test(head) && CALENDAR_WORDS.has(head.slice(0, -1))) return true;
  if (words.length === 1 && (GENERIC_HEADS.has(head) || PEOPLES.has(head))) return true;
  if (words.length === 1 && NOT_NAMES.has(words[0]!)) return true;
  // "Frenchwoman", "a Northern Irishman".
  if (DEMONYM_NOUN.test(words.at(-1)!) && words.slice(0, -1).every((word) => /^(?:North|South)ern$/u.test(word))) {
    return true;
  }
  if (words.length === 1 && PLURAL_ACRONYM.test(words[0]!)) return true;
  // "the Czechs", "two Kenyans": a demonym in the plural is a people.
  if (words.length === 1 && /\p{Ll}s$/u.test(head) && isDemonym(words[0]!.slice(0, -1))) return true;
  // "the South Korean government": a compass point before a demonym is half of an adjective.
  if (words.length === 1 && /^(?:north|south|east|west)$/u.test(head) && isDemonym(wordAfter(sentence, end))) {
    return true;
  }
  // Date ranges: "July-September", "Monday–Friday".
  if (words.every((word) => word.split(/[-–]/u).every((part) => CALENDAR_WORDS.has(part.toLowerCase())))) return true;
  // Generic words capitalized by their place: "Paragraph 2 names Berlin."
  if (words.length === 1 && opensSentence(sentence, start) && isCommonWord(words[0]!)) return true;
  // Products and events by their shape: "iPhone", "COP30", "G20".
  // Not a party, a rebel group or an exchange the model read as a body ("D66", "JA21", "M23", "B3"): an event's
  // letters and number ("G20", "COP30") it leaves out.
  const digits =
    isAcronym(words[0]!) && /\d/.test(words[0]!) && !(modelType === 'organization' && !EVENT_CODE.test(words[0]!));
  if (words.length === 1 && (/^\p{Ll}+\p{Lu}/u.test(words[0]!) || digits)) return true;
  // "the PGA Tour", "the Western Conference": a tour or a league's half is a body, not an event.
  const proTour = PRO_TOUR.test(words.join(' ')) || /^(?:Eastern|Western) Conference$/u.test(words.join(' '));
  if (words.length > 1 && !proTour && (NON_ENTITY_HEADS.has(head) || NON_ENTITY_FIRST.has(first))) return true;
  if (isMusicalWork(words)) return true;
  // A sum in taka, rupees, rupiah, ringgit or shillings: "Tk 68 crore", "Rs 500", "KSh 1,200".
  const amount = words.length === 1 ? sentence.slice(end) : ` ${words.slice(1).join(' ')}`;
  if (/^(?:Tk|Rs|Rp|RM|KSh|Ksh|Sh)\.?$/u.test(words[0]!) && /^\s*\d/u.test(amount)) return true;
  // A circuit's corners: "at Turn 1", "into Turn 11".
  if (first === 'turn' && (words.length === 1 || /^\d+$/u.test(words[1]!))) return true;
  // "a Japan Series rematch", "the Paris Agreement": a name the model cut before an event's or a law's head word is
  // inside that name, and no mention (docs/entities.md, "Names inside names").
  const next = wordAfter(sentence, end);
  if (/^\p{Lu}\p{Ll}+$/u.test(next) && NON_ENTITY_HEADS.has(next.toLowerCase())) return true;
  // "the Kuala Lumpur-based firm": a name that ends in an adjective compound is no name (docs/entities.md, "Not
  // entities").
  if (/^\p{Lu}[\p{L}.]*-(?:based|listed|flagged|owned|headquartered|registered)$/u.test(words.at(-1)!)) return true;
  if (isStockIndex(words, sentence.slice(end))) return true;
  // "the Rosetta spacecraft", "the Perseverance rover": a craft named before its kind is a product, unless it is
  // a known body or an acronym ("a NASA spacecraft").
  const craft = CRAFT_AFTER.test(next.toLowerCase());
  if (craft && !lookupKnown(words.join(' ')) && !isAcronym(words.join(' '))) return true;
  // "the lifeboat Margaret Ann MacInnes": a vessel named after its kind (before it, a name is the owner's more often
  // than the vessel's: "a Lufthansa Cargo freighter").
  const before = sentence.slice(Math.max(0, start - 60), start).trimEnd();
  const kind = before.slice(before.lastIndexOf(' ') + 1);
  if (VESSELS.has(kind) && VESSEL_BEFORE.test(`${before} `) && !lookupKnown(words.join(' '))) return true;
  // "Indian Standard Time", "Western Indonesia Time", "US$5 million": a time zone, and a currency sign, name no place.
  if (words.length > 1 && head === 'time') return true;
  if (/^\$/u.test(sentence.slice(end))) return true;
  // A run wholly inside quotation marks is a title of a work.
  return /["“]\s*$/u.test(sentence.slice(0, start)) && /^\s*["”]/u.test(sentence.slice(end));
}

const CRAFT_AFTER = /^(?:probes?|spacecraft|rovers?|orbiters?|landers?)$/u;
const VESSEL_KINDS = 'lifeboat|ferry|tanker|freighter|trawler|yacht|frigate|destroyer|submarine|icebreaker|liner';
const VESSELS = new Set(VESSEL_KINDS.split('|'));
const VESSEL_BEFORE = new RegExp(
  String.raw`\b(?:[Tt]he|an?|its|['’]s)\s+(?:[\p{L}\p{N}-]+\s+)?(?:${VESSEL_KINDS})\s+$`,
  'u',
);

// Summits, formats and classes by letters and a number: "G20", "COP30", "F1", "T20", "U21", "A380".
const EVENT_CODE = /^(?:G|COP|F|T|U|A)\d+$/u;

// Share indices are figures, not bodies: "Germany's DAX fell", "the FTSE 100", "the Nikkei 225", "the Hang Seng
// index". Names that are also bodies (Nikkei the newspaper, Nasdaq the exchange) only with the index's number.
const INDEX_NAMES = new Set(['dax', 'mdax', 'cac', 'stoxx', 'ftse', 'sensex', 'nifty', 'kospi', 'topix', 'ibex']);
const INDEX_WITH_NUMBER = new Set(['nikkei', 'nasdaq', 's&p', 'russell', 'asx', 'aex', 'smi', 'omx', 'euro']);
const INDEX_WORD_AFTER = /^\s+(?:share |stock |benchmark )?ind(?:ex|ices)\b/iu;
const INDEX_NUMBER_AFTER = /^\s+\d{2,4}\b(?!\s*(?:%|per ?cent|billion|million|points?\b))/u;

function isStockIndex(words: string[], after: string): boolean {
  const lower = words.map((word) => word.toLowerCase());
  if (lower.every((word) => INDEX_NAMES.has(word) || word === 'euro')) return true;
  if (INDEX_WORD_AFTER.test(after)) return true;
  return INDEX_NUMBER_AFTER.test(after) && lower.some((word) => INDEX_NAMES.has(word) || INDEX_WITH_NUMBER.has(word));
}

// English words that start a sentence and then a name ("When Kestrel Labs started …"); not compromise's function
// words, which take "Le", "El" and "De" for articles and would cut "Le Monde" and "De Beers".
const LEADING_FUNCTION_WORDS = new Set(
  (
    'when if as after before while but and or so because although though since until once in on at for from with ' +
    'by of to under over then now yet also still even just only meanwhile however this that these those its their ' +
    'his her our my your a an unlike despite without like among against between during through across near via ' +
    'where why how what who whether'
  ).split(' '),
);

const RUN_ON_TAGS = new Set(
  'Infinitive Modal Copula Negative Auxiliary PastTense Preposition Conjunction Determiner Adverb'.split(' '),
);
const FEATURES_FIRST = new Set(['loch', 'river', 'lake', 'mount', 'mt.', 'fort', 'gulf', 'cape', 'isle', 'lago']);
const FOREIGN_ARTICLES = new Set(['Le', 'La', 'Les', 'Der', 'Die', 'Das', 'Il', 'Lo', 'El', 'O']);

// Titles that only ever stand before a person's name (not "former", "first" or "chief", which also qualify things).
// Roles before a comma and a person's name that are no titles before one: "its chief doctor, Florence Cazaux".
const APPOSED_ROLES = new Set('doctor director executive officer founder owner head chief'.split(' '));
const TITLES_BEFORE_PEOPLE = new Set(
  (
    'president minister secretary senator governor mayor judge justice dr dr. mr mr. mrs mrs. ms ms. professor ' +
    'prof. coach captain ambassador commissioner chairman chairwoman ceo spokesman spokeswoman spokesperson ' +
    'inspector detective sheikh king queen princess pope general gen. colonel sergeant striker midfielder ' +
    'defender goalkeeper manager actor actress singer rapper leader premier chancellor sir dame councillor ' +
    'sheriff reverend rev. bishop archbishop cardinal rabbi'
  ).split(' '),
);

// Roles that a body has, not a place or a person: after a name they end it ("the Tesla CEO said"). The people
// among lexicon.ts's ORG_ROLES, not the rest ("board", "staff", "shares"), which can end a body's own name.
const MEMBER_TITLES = new Set(['mp', 'mps', 'mep', 'meps', 'mla', 'mlas', 'councillor', 'councillors']);
const ROLES_AFTER_BODIES = new Set(
  'ceo cfo cto coo spokesperson spokesman spokeswoman chairman chairwoman founder co-founder boss'.split(' '),
);

// Head words that are also common surnames ("Kenneth Church", "Jisoo Park") type nothing on their own.
const SURNAME_HEADS = new Set([
  ...['church', 'post', 'press', 'guard', 'front', 'park', 'street', 'bridge', 'mount'],
  ...['temple', 'plant'],
]);

/**
 * A name's head word types it: "Kestrel Labs", "Harbourline Developments" are organizations, "Aberdare Range" and
 * "Santos Basin" places; before an "of" the word before it: "Bank of England", "Sea of Marmara".
 */
function typeByHead(words: string[]): EntityType | undefined {
  if (words.length < 2) return undefined;
  if (isBodyByShape(words)) return 'organization';
  const last = words.at(-1)!.toLowerCase();
  const of = words.findIndex((word, k) => k > 0 && word === 'of');
  const head = of > 0 ? words[of - 1]!.toLowerCase() : SURNAME_HEADS.has(last) ? '' : last;
  if (of < 0 && (isVenueCentre(words) || VENUE_FIRST.has(words[0]!.toLowerCase()))) return 'place';
  // "Co Limerick", "Co. Antrim": an Irish county by its abbreviation (a firm's "Co" comes last).
  if (words.length === 2 && IRISH_COUNTY.test(words[0]!)) return 'place';
  if (isChurchOfSaint(words)) return 'place';
  // "Central Kalahari Game Reserve", "Maya Biosphere Reserve" (not the "Federal Reserve").
  if (last === 'reserve' && LAND_RESERVES.has(words.at(-2)!.toLowerCase())) return 'place';
  if (ORG_FIRST.has(words[0]!.toLowerCase())) return 'organization';
  if (ORG_HEADS.has(head) || ORG_COMPOUND_HEAD.test(head)) return 'organization';
  if (PLACE_HEADS.has(head) || (PLACE_COMPOUND_HEAD.test(head) && head !== 'syndrome')) return 'place';
  return undefined;
}

/**
 * A place named by a built or natural feature: "Greek Orthodox Cathedral of Saint Stephen", "Citadel of Raymond de
 * Saint-Gilles". Not by an administrative word ("Bay of Plenty Regional Council", "Manchester City").
 */
function featureHeadType(words: string[]): EntityType | undefined {
  if (isBodyByShape(words)) return 'organization';
  if (typeByHead(words) !== 'place') return undefined;
  const last = words.at(-1)!.toLowerCase();
  if (FEATURE_HEADS.has(typeHead(words)) && !ORG_HEADS.has(last)) return 'place';
  // A venue centre, a reserve of land or a venue named first ("Estadio GNP Seguros"), whose last word alone would
  // name a body.
  const venueFirst = !words.includes('of') && VENUE_FIRST.has(words[0]!.toLowerCase());
  // "County Clare", "Co Kerry": no person, whatever the given names in them ("Clare", "Kerry").
  const county = words.length === 2 && IRISH_COUNTY.test(words[0]!);
  return isVenueCentre(words) || last === 'reserve' || venueFirst || isChurchOfSaint(words) || county
    ? 'place'
    : undefined;
}

const IRISH_COUNTY = /^(?:County|Co\.?)$/u;

// "Stade Toulousain", "Stade Rochelais": a club named "Stade" and the adjective of its town, not a stadium ("Stade
// de France", "Stade Vélodrome").
const CLUB_OF_TOWN = /^Stade \p{Lu}\p{Ll}+(?:ais|ain|ois|ien|in)$/u;

/**
 * Bodies whose head word would name a place: a club of a town's adjective, and an observatory named for its city or
 * "of" a place, an institution ("Hong Kong Observatory", "National Observatory of Athens"; not "Paranal
 * Observatory", a mountain's telescopes).
 */
function isBodyByShape(words: string[]): boolean {
  const name = words.join(' ');
  if (CLUB_OF_TOWN.test(name)) return true;
  if (!/Observatory/u.test(name)) return false;
  const of = /Observatory of (.+)$/u.exec(name)?.[1];
  const before = /^(.+) Observatory$/u.exec(name)?.[1];
  return (!!of && !!lookupPlace(of)) || (!!before && isCity(before.toLowerCase()));
}

// "the Church of Santo Domingo de Guzmán", "Church of Agios Nikolaos", "Chapel of Our Lady": a church named for a
// saint is a building; "Church of England" and "Church of Christ in Congo" are bodies.
const SAINT_WORDS = String.raw`st\.?|saint|sainte|san|santo|santa|são|sant|sankt|agios|agia|hagia|our|the holy`;
const CHURCH_OF_SAINT = new RegExp(`^(?:church|chapel|abbey|basilica) of (?:${SAINT_WORDS}) `, 'u');

function isChurchOfSaint(words: string[]): boolean {
  return CHURCH_OF_SAINT.test(words.join(' ').toLowerCase());
}

const LAND_RESERVES = new Set('game nature biosphere wildlife forest marine reef'.split(' '));

const AGENCY = { type: 'organization' as const };

/** "NAIROBI, Feb 18 (Wirefeed) - …": the name in brackets after a capitalised dateline is the news agency. */
// "SYDNEY, Dec 29 (Wirefeed) -", "LAGOS - ", "SAN JOSE, Calif. -", "CHICAGO 1996-08-30": the capitals that open a
// wire story are its place.
const AFTER_DATELINE = /^(?:,\s*\p{Lu}\p{L}*\.?(?:\s+\d{1,2}\b|\s*[-–—(])|\s*\(|\s+[-–—]\s|,?\s+\d{4}-\d\d-\d\d\b)/u;

// A line that opens with a capitalised place, its country and then a date, a credit, a dash or a second place:
// "HSINCHU, Taiwan, Jan. 15", "MALATYA, Turkey (Wirefeed) –", "ZUG, Switzerland and KRAKÓW, Poland"; not "WWF, Kenya
// and Uganda said".
const DATELINE_OPENING = new RegExp(
  String.raw`^[\s"“]*\p{Lu}[\p{Lu}\p{M}'’ .-]+,\s+\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?` +
    String.raw`(?:,\s*(?:\d|\p{Lu}\p{Ll}{2,8}\.?\s+\d)|\s*[-–—(]|\s+and\s+\p{Lu}{2})`,
  'u',
);

function isDatelinePlace(sentence: string, start: number, end: number): boolean {
  const surface = sentence.slice(start, end);
  // "DARTMOUTH, N.S. -", "SAN JOSE, Calif. -": an abbreviation after a dateline's place is its state or province.
  if (
    /^(?:\p{Lu}\.){2,3}$|^\p{Lu}\p{Ll}{1,4}\.$/u.test(surface) &&
    /^[\s"“]*\p{Lu}[\p{Lu}\p{M}'’ .-]+,\s+$/u.test(sentence.slice(0, start)) &&
    /^\s*[-–—(,]/u.test(sentence.slice(end))
  ) {
    return true;
  }
  if (!/\p{Lu}{3}/u.test(surface) || /\p{Ll}/u.test(surface)) return false;
  // "ZUG, Switzerland and KRAKÓW, Poland, 9 September": in a line that opens with a dateline, a capitalised name
  // before its country.
  const country = /^,\s+(\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?)(?=\s*(?:,|and\s|[-–—(/]))/u.exec(sentence.slice(end))?.[1];
  const datelineLine = DATELINE_OPENING.test(sentence);
  const region = country && (lookupKnown(country)?.type === 'place' || /^Co\.?\s/u.test(country));
  if (region && datelineLine) return true;
  return /^\s*$/u.test(sentence.slice(0, start)) && AFTER_DATELINE.test(sentence.slice(end));
}

function isDatelineAgency(sentence: string, start: number, end: number): boolean {
  return (
    /^\s*\p{Lu}[\p{Lu}\p{M}'’.-]+(?:\s+\p{Lu}[\p{Lu}\p{M}'’.-]+)*\b[^()]{0,40}\($/u.test(sentence.slice(0, start)) &&
    /^\)\s*[-–—]/u.test(sentence.slice(end))
  );
}

const LIVE_CALLS = new Set(['SET', 'GAME', 'BREAK', 'MATCH', 'POINT', 'GOAL', 'TRY', 'WICKET']);
// An adjective compound before a name: "Ohio-based", "Scottish-trained", "far-left".
const ADJECTIVE_COMPOUND =
  /^(?:\p{Lu}[\p{L}.]*-(?:based|born|bred|trained|owned|backed|led|listed|registered|flagged|made)|\p{Ll}+-\p{Ll}+)$/u;

/** The words before a name that are not part of it: a sentence's first function word, a demonym, titles … */
function withoutLeadingWords(words: string[], sentenceInitial: boolean, modelType: EntityType): string[] {
  // "When Kestrel Labs raised …": a function word that starts the sentence is not part of the name.
  if (sentenceInitial && words.length > 1 && LEADING_FUNCTION_WORDS.has(words[0]!.toLowerCase())) {
    words = words.slice(1);
  }
  // "Jewish West Bank settlements": a demonym before a place it does not name is not part of the place's name.
  const afterDemonym =
    words.length > 1 && isNationality(words[0]!) && !lookupKnown(words.join(' ')) && words.slice(1).join(' ');
  if (afterDemonym && lookupKnown(afterDemonym)?.type === 'place') {
    words = words.slice(1);
  }
  // "Ohio-based KeyCorp", "the Scottish-trained Kingsmill Road", "the far-left Workers' Party": an adjective
  // compound before a name is not part of it.
  if (words.length > 1 && ADJECTIVE_COMPOUND.test(words[0]!)) {
    words = words.slice(1);
  }
  // "SET SINNER", "GAME ŚWIĄTEK": a live blog's call in capitals before a player's name is not part of it.
  if (words.length > 1 && LIVE_CALLS.has(words[0]!)) {
    words = words.slice(1);
  }
  // "SOURCE Ontario Power Generation Inc.": a press release's closing credit line is not part of the name.
  if (words.length > 1 && words[0] === 'SOURCE') {
    words = words.slice(1);
  }
  // "the NGO Sawit Watch": a kind of body written as an acronym, before the body's name, is not part of it.
  if (words.length > 1 && /^NGOs?$/u.test(words[0]!)) {
    words = words.slice(1);
  }
  // "President Trump", "Energy Minister Prince Abdulaziz bin Salman": a person's name starts after the titles.
  // Titles in the plural too, before one of the names they apply to ("Justices Clarence Thomas and …").
  const titleWord = (word: string) => isTitle(word) || (/\p{Ll}s$/u.test(word) && isTitle(word.slice(0, -1)));
  while (modelType === 'person' && words.length > 1 && titleWord(words[0]!) && !lookupKnown(words.join(' '))) {
    words = words.slice(1);
  }
  // "Glaciologist Sigrid Haugland said": an occupation that starts the sentence is not part of the name (three
  // words at least, so that "Hunter Biden" keeps his given name).
  if (modelType === 'person' && sentenceInitial && words.length > 2 && isOccupation(words[0]!)) {
    words = words.slice(1);
  }
  return words;
}

/**
 * "Atlético Madrid held Olympique de Marseille to a draw": a verb in the past tense inside a model span is no part
 * of a name but the clause's verb between two (the span's stretches either side of it).
 */
function splitAtVerbs(sentence: string, start: number, end: number): Array<[number, number]> {
  const stretches: Array<[number, number]> = [];
  let from = start;
  for (const inner of sentence.slice(start, end).matchAll(/\s(\p{Ll}+)\s/gu)) {
    if (!wordTags(inner[1]!).includes('PastTense')) continue;
    stretches.push([from, start + inner.index]);
    from = start + inner.index + inner[0].length;
  }
  stretches.push([from, end]);
  return stretches;
}

/** "to make Tunisia Europe's border guard": two words the lexicon knows as places, side by side, are two places. */
function splitPlacePair(sentence: string, start: number, end: number): Array<[number, number]> {
  const pair = /^(\p{Lu}\p{Ll}+) (\p{Lu}\p{Ll}+)(?:['’]s?)?$/u.exec(sentence.slice(start, end));
  // Not "Victoria Island": a place's head word ("Island" is also Iceland's own name) joins the name before it.
  const isPlace = (name: string) => lookupKnown(name)?.type === 'place' && !PLACE_HEADS.has(name.toLowerCase());
  if (!pair || lookupKnown(`${pair[1]} ${pair[2]}`) || lookupPlace(`${pair[1]} ${pair[2]}`)) return [[start, end]];
  if (!isPlace(pair[1]!) || !isPlace(pair[2]!)) return [[start, end]];
  return [
    [start, start + pair[1]!.length],
    [start + pair[1]!.length + 1, end],
  ];
}

/**
 * "in Prešov do not": a verb or function word the model ran on into is not part of the name (lower-case nouns
 * are: "Casey station", "Crvena zvezda", "Sundhnúkur crater row"). The run-on text with its space, if any.
 */
function runOnWord(surface: string): string | undefined {
  // "fined Grameenphone Tk 68 crore": a currency before its sum is no part of the name before it.
  const currency = /\s+(?:Tk|Rs|Rp|KSh)$/u.exec(surface)?.[0];
  if (currency) return currency;
  const trailing = /\s+(\p{Ll}[\p{Ll}\p{M}'’-]*)$/u.exec(surface);
  if (!trailing || !/\p{Lu}/u.test(surface.slice(0, trailing.index)) || lookupKnown(surface)) return undefined;
  return wordTags(trailing[1]!).some((tag) => RUN_ON_TAGS.has(tag)) ? trailing[0] : undefined;
}

/** What the words around a name, or its own shape, say of its type where the model read a person. */
// A capital after three lower-case letters ("CleanWays", "SoftBank"), not a prefix's ("McAllen", "DeKalb", "KwaZulu").
const BRAND_SHAPE = /\p{Lu}\p{Ll}{3,}\p{Lu}\p{Ll}/u;

function typeByShape(words: string[], sentence: string, start: number, modelType: EntityType): EntityType | undefined {
  const previousWord = /(\p{L}+\.?)\s+$/u.exec(sentence.slice(0, start))?.[1]?.toLowerCase() ?? '';
  // "Health Secretary Victoria Atkins": a name after a title is a person's, whatever a gazetteer says of "Victoria".
  if (words.length > 1 && TITLES_BEFORE_PEOPLE.has(previousWord)) return 'person';
  // "the Tour's chief doctor, Florence Cazaux": a role and a comma before two words the model read as a place.
  if (modelType === 'place' && words.length === 2) {
    const role = /(\p{L}+),\s+$/u.exec(sentence.slice(Math.max(0, start - 40), start))?.[1]?.toLowerCase() ?? '';
    if (APPOSED_ROLES.has(role) || TITLES_BEFORE_PEOPLE.has(role)) return 'person';
  }
  const last = words.at(-1)!;
  const acronymShaped =
    !/^[IVX]+$/u.test(last) && last.split('-').every((part) => isAcronym(part) && !/\./u.test(part));
  // "the Nova Scotia SPCA", "Ohio EPA": a place's name before an acronym that names no place is a body's.
  const bodyAcronym = acronymShaped && /^\p{Lu}{3,}$/u.test(last) && !lookupKnown(last);
  if (modelType === 'place' && words.length > 1 && bodyAcronym && /\p{Ll}/u.test(sentence)) {
    return 'organization';
  }
  // "the Highlanders", "Crusaders", "Reuters": a plural of doers that no gazetteer holds is a team or a firm, no place
  // ("Flanders" is in the gazetteer; "Thiviers", "Liniers" end otherwise).
  if (modelType === 'place' && words.length === 1 && /\p{Ll}{2}[^i]ers$/u.test(words[0]!) && !lookupPlace(words[0]!)) {
    return 'organization';
  }
  // "Allegheny CleanWays", "PeruRail": a word with a capital inside it, after a syllable, is a brand's shape.
  if (modelType === 'place' && words.some((word) => BRAND_SHAPE.test(word))) return 'organization';
  if (modelType !== 'person') return undefined;
  // "Der Spiegel", "Le Monde": a name after a foreign article is a title of a paper or a firm, not a person's.
  if (words.length > 1 && FOREIGN_ARTICLES.has(words[0]!)) return 'organization';
  // "Loch Indaal", "Mount Kenya": a feature named first is no person (not "Sierra" or "Rio", also given names).
  if (words.length > 1 && FEATURES_FIRST.has(words[0]!.toLowerCase())) return 'place';
  // "Rovuma LNG", "ABVV-FGTB": a name that is or ends in an acronym is a body's, not a person's (outside a headline
  // in capitals, where every word looks like one; not a regnal number, "Ewuare II").
  if (acronymShaped && /\p{Ll}/u.test(sentence)) return 'organization';
  return undefined;
}

// The titles a party's member holds: "Labour councillor Huw Bassett-Oyelowo", "Greens senator Nick McKim".
const MEMBER_OF_PARTY = new Set([
  ...MEMBER_TITLES,
  ...'senator senators msp msps lawmaker lawmakers candidate'.split(' '),
]);

/**
 * "Chief Financial Officer", "Majority Leader": a common word before a title is part of the title; not a party the
 * model read before its member's title ("Labour councillor", "Greens senator").
 */
function isPartOfTitle(words: string[], nextWord: string, modelType: EntityType): boolean {
  if (words.length !== 1 || !isTitle(nextWord) || !isCommonWord(words[0]!)) return false;
  return !(modelType === 'organization' && MEMBER_OF_PARTY.has(nextWord));
}

// "the Kremlin" → Kremlin; "the 13,000-seat Nokia Arena", "a 40-year-old Maria Ruiz": neither the article nor a
// number compound before a name is part of it.
const LEADING_WORDS = /^(?:(?:the|The)\s+)?(?:\d[\d,.]*-\p{Ll}+(?:-\p{Ll}+)*\s+(?=\p{Lu}))?/u;

function toCandidate(sentence: string, start: number, end: number, modelType: EntityType): Candidate | undefined {
  // "Musk’s" → Musk (the tokenizer splits most possessives off already).
  const written = sentence.slice(start, end).replace(LEADING_WORDS, '').trim();
  // "Sotheby's", "Moody's": a known name whose own last letters look like a possessive keeps them (the tokenizer
  // leaves them out of the span, or in it).
  const ownS = /^['’]s(?![\p{L}\d])/u.exec(sentence.slice(end))?.[0];
  if (ownS && lookupKnown(written + ownS)) end += ownS.length;
  const whole = ownS && lookupKnown(written + ownS) ? written + ownS : written;
  let surface = (/['’]s$/u.test(whole) && lookupKnown(whole) ? whole : stripPossessive(whole)).replace(
    PARTY_MEMBER_AFTER,
    '',
  );
  // "… Nickel Co. It said": a sentence that starts after a legal suffix's full stop is not part of the name.
  const nextSentence = /^(.*\b(?:Co|Corp|Inc|Ltd|Bros)\.)\s+(\p{Lu}\p{Ll}*)$/u.exec(surface);
  if (nextSentence && isFunctionWord(nextSentence[2]!)) {
    end = start + sentence.slice(start, end).indexOf(nextSentence[1]!) + nextSentence[1]!.length;
    surface = nextSentence[1]!;
  }
  if (!surface || !NAME_SHAPE.test(surface) || !/\p{Lu}/u.test(surface)) return undefined;
  if (surface.length <= 6 && ACRONYM_STOP.has(surface)) return undefined;
  const ranOn = runOnWord(surface);
  if (ranOn) {
    surface = surface.slice(0, -ranOn.length);
    end = start + sentence.slice(start, end).lastIndexOf(ranOn);
  }
  const sentenceInitial = opensSentence(sentence, start);
  let words = withoutLeadingWords(surface.split(/\s+/u), sentenceInitial, modelType);
  surface = words.join(' ');
  // "the Tesla CEO", "a SpaceX spokeswoman": a role after a name is not part of it, and makes it an organization's.
  const roleOfBody =
    words.length > 1 && ROLES_AFTER_BODIES.has(words.at(-1)!.toLowerCase()) && !isFunctionWord(words.at(-2)!);
  if (roleOfBody) {
    words = words.slice(0, -1);
    surface = words.join(' ');
    end = start + sentence.slice(start, end).lastIndexOf(words.at(-1)!) + words.at(-1)!.length;
  }
  // "NSW Premier", "Labour MP": an office after a name ends it; a premier's is a place, a member's a party.
  // Not after "of": "House of Councillors" is a chamber's name.
  const office = words.length > 1 && !isFunctionWord(words.at(-2)!) ? words.at(-1)!.toLowerCase() : '';
  const officeOf = PLACE_TITLES.has(office) ? 'place' : MEMBER_TITLES.has(office) ? 'organization' : undefined;
  if (officeOf) {
    words = words.slice(0, -1);
    surface = words.join(' ');
    end = start + sentence.slice(start, end).lastIndexOf(words.at(-1)!) + words.at(-1)!.length;
  }
  // "Ontario Premier Doug Ford": what governs a premier, governor or mayor is a place.
  const nextWord = wordAfter(sentence, end).toLowerCase();
  if (notAnEntity(words, sentence, start, end, modelType)) return undefined;
  if (isPartOfTitle(words, nextWord, modelType)) return undefined;
  // The built-in lexicon is the annotation rules' own: countries are places, metonyms such as the Kremlin are
  // the bodies they stand for. Otherwise the model's type.
  const known = lookupKnown(surface) ?? (isDatelineAgency(sentence, start, end) ? AGENCY : undefined);
  const dateline = isDatelinePlace(sentence, start, end);
  const type =
    known?.type ??
    (PLACE_TITLES.has(nextWord) || dateline
      ? 'place'
      : (officeOf ??
        typeByHead(words) ??
        (roleOfBody ? 'organization' : undefined) ??
        typeByShape(words, sentence, start, modelType) ??
        modelType));
  const candidate: Candidate = {
    surface,
    words,
    start,
    end,
    type,
    strong: !!known || isAcronym(surface) || isCamelCase(surface),
    // A single unknown word is typed by one context: another article's (or a longer mention's) type may win.
    weak: !known && words.length === 1,
  };
  const acronym = words.length > 1 ? acronymAfter(sentence.slice(end), type) : undefined;
  if (acronym) candidate.acronym = acronym;
  return candidate;
}

/** The acronym in brackets after a name of several words, or a body's short name there. */
function acronymAfter(after: string, type: EntityType): string | undefined {
  const acronym = ACRONYM_AFTER.exec(after)?.[1];
  // "Alison Duthie-Mackay (SNP)": the acronym after a person's name is her party's, no name of hers.
  if (acronym) return type === 'person' ? undefined : acronym;
  // "the Production Development Corporation (Corfo)", "the Danish Financial Supervisory Authority
  // (Finanstilsynet)": a body's short or own-language name in brackets, written as a word.
  const short = SHORT_NAME_AFTER.exec(after)?.[1] ?? KNOWN_AS_AFTER.exec(after)?.[1];
  const isShortName = !!short && !lookupKnown(short) && !lookupPlace(short) && !isCommonWord(short);
  return isShortName && type === 'organization' ? short : undefined;
}
