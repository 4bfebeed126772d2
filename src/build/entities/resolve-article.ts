// Phase 3: within one article, the mentions of one entity become one (acronym and expansion, surname and full
// name), typed by the majority of its mentions; names nothing typed are left for the corpus (phase 4).
import type { EntityType } from '../../contract/corpus-index.js';
import type { Mention } from '../model.js';
import type { Extraction, Unresolved } from './extract.js';
import type { Candidate } from './find-candidates.js';
import { isCity, lookupPlace } from './gazetteer.js';
import { isDemonym, lookupKnown, ORG_FIRST, ORG_HEADS, PLACE_HEADS, VENUE_FIRST } from './lexicon.js';
import { foldKey, preferredName } from './slug.js';

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
  /** The name to publish, where the article fixed it ("the National Labour Inspectorate (Państwowa …)"). */
  name?: string;
};

/**
 * Within one article: an acronym joins its expansion, a bare surname or given name joins the one full name it
 * ends or starts ("Musk" → "Elon Musk", "Jensen" → "Jensen Huang"), and each entity keeps the type most of its
 * mentions gave it. Names no mention could type are returned apart, for the corpus to resolve.
 */
export function resolveWithinArticle(candidates: Candidate[]): Extraction {
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
  keepFirstNames(groups, candidates);
  congoOfTheArticle(groups);
  citiesInFull(groups);

  joinAcronyms(groups, acronyms);

  joinVariants(groups, acronyms);

  const named = (type: EntityType) =>
    [...groups.entries()].filter(([, group]) => group.words.length > 1 && bestType(group.votes) === type);
  for (const [key, group] of [...groups.entries()]) {
    if (!groups.has(key)) continue;
    const type = bestType(group.votes);
    const keyWords = key.split(' ');
    const people = named('person').filter(([personKey]) => personKey !== key);
    // Surname (or the last words of a long name), else a given name, else any one word of it ("Lula").
    const bySurname = people.filter(([personKey]) => withoutGeneration(personKey).endsWith(` ${key}`));
    // "Ferrero" after "Juan Carlos Ferrero": a bare surname is the person's even where a firm bears it.
    const firmAsSurname = keyWords.length === 1 && bySurname.length > 0 && lookupKnown(key)?.type === 'organization';
    if (isPlaceAsSurname(key, group, bySurname.length) || firmAsSurname) {
      mergeInto(groups, key, bySurname[0]![0], false);
      continue;
    }
    // A name strong by its shape alone ("STORM") may still be an organization's short form, not a known one.
    if (group.strong && type !== 'person' && (type !== 'organization' || lookupKnown(key))) continue;
    const byGivenName = keyWords.length === 1 ? people.filter(([personKey]) => personKey.startsWith(`${key} `)) : [];
    const byAnyWord = keyWords.length === 1 ? people.filter(([personKey]) => personKey.split(' ').includes(key)) : [];
    // "Lavariega" after "Amador Lavariega Toledo": the first of two Spanish surnames, the one used alone.
    const byPaternal = keyWords.length === 1 ? people.filter(([personKey]) => personKey.split(' ').at(-2) === key) : [];
    const owners = [bySurname, byPaternal, byGivenName, byAnyWord].find((list) => list.length > 0) ?? [];
    // Two people of one surname ("Leon Draisaitl … his father, Peter Draisaitl"; "Amador Lavariega Toledo … his
    // daughter, Itzel Lavariega Cruz"): the first named is the subject.
    if (owners.length === 1 || ((owners === bySurname || owners === byPaternal) && type === 'person')) {
      mergeInto(groups, key, owners[0]![0], false);
      continue;
    }
    // A single word the model called a person that is no person's name here is the organization's ("Kestrel").
    const orphan = type === 'person' && people.every(([personKey]) => !personKey.split(' ').includes(key));
    // A body the article named twice, in two languages, is named in full ("Turkey's Competition Authority
    // (Rekabet Kurumu)"), not a short form of another.
    if (group.name) continue;
    joinBodyForms(groups, [key, group], type, orphan, named('organization'));
    if (groups.has(key) && type === 'place') joinPlaceForms(groups, key, named('place'));
  }

  return toExtraction(groups);
}

// "Francisco Tiu Laurel Jr." is "Tiu Laurel" for short.
const withoutGeneration = (key: string) => key.replace(/ (?:jr|sr|ii|iii|iv)$/u, '');

/** "the City of Winnipeg" in an article that names Winnipeg is the city, named in full. */
function citiesInFull(groups: Map<string, Group>): void {
  for (const key of [...groups.keys()]) {
    const city = key.startsWith('city of ') ? groups.get(key.slice('city of '.length)) : undefined;
    if (!city || bestType(city.votes) !== 'place') continue;
    // Named as prose names it: "Winnipeg", not the dateline's "WINNIPEG" nor "City of Winnipeg".
    const inFull = [...groups.get(key)!.forms.keys()][0]!;
    city.name ??= preferredName(new Map([...city.forms, [inFull.replace(/^City of /u, ''), 1]]));
    mergeInto(groups, key, key.slice('city of '.length), false);
  }
}

/**
 * "Congo" is the Republic of the Congo to the lexicon, but in an article that names the Democratic Republic of the
 * Congo it is that country (written "Congo" and "DRC" by turns), unless the article writes the republic out.
 */
function congoOfTheArticle(groups: Map<string, Group>): void {
  const republic = groups.get('republic of the congo');
  if (!groups.has('dr congo') || !republic) return;
  if ([...republic.forms.keys()].every((form) => /^Congo(?:['’]s)?$/u.test(form))) {
    mergeInto(groups, 'republic of the congo', 'dr congo', false);
  }
}

/**
 * An acronym joins its expansion. Well-known bodies keep their acronym as the name ("NATO"); the expansion becomes a
 * form. An acronym's shape reads as a body's: it does not outvote a place named in full with no body's head word
 * ("Central Kalahari Game Reserve (CKGR)", not "Bank of the Philippine Islands (BPI)").
 */
function joinAcronyms(groups: Map<string, Group>, acronyms: Map<string, string>): void {
  for (const [acronym, expansion] of acronyms) {
    if (lookupKnown(acronym) && groups.has(acronym)) {
      mergeInto(groups, expansion, acronym, true);
      continue;
    }
    const named = groups.get(expansion);
    const place =
      !!named &&
      bestType(named.votes) === 'place' &&
      named.firm.has('place') &&
      named.words.every(
        (word, k) => !ORG_HEADS.has(word.toLowerCase()) || (k === named.words.length - 1 && word === 'Reserve'),
      );
    mergeInto(groups, acronym, expansion, !place);
  }
}

/** A body named in two languages keeps the name the article gave it first, its own-language name a form. */
function keepFirstNames(groups: Map<string, Group>, candidates: Candidate[]): void {
  for (const candidate of candidates) {
    const group = candidate.ownLanguage && groups.get(foldKey(candidate.aliasOf!));
    if (group) group.name = candidate.aliasOf;
  }
}

/**
 * "Ford" after "Ford Motor Company", "Tata" after "Tata Electronics", "Nuggets" after "Denver Nuggets", "Jockey Club"
 * after "Hong Kong Jockey Club": the short form of exactly one body named in full is that body's (a single word its
 * first word, else its last; a longer name after a place or a demonym). A place before its council stays a place.
 */
function joinBodyForms(
  groups: Map<string, Group>,
  [key, group]: [string, Group],
  type: EntityType | undefined,
  orphan: boolean,
  organizations: Array<[string, Group]>,
): void {
  if (!key.includes(' ') && (type === 'organization' || type === undefined || orphan)) {
    // "Swansea Council … the settlement for Swansea" names the town; so does "Abergavenny" beside "Abergavenny Town
    // Council", "Merseyside" beside "Merseyside Police", which no gazetteer need hold.
    const civic = organizations.some(
      ([orgKey]) =>
        orgKey.startsWith(`${key} `) &&
        ((lookupPlace(key) && CIVIC_BODY.test(orgKey)) || LOCAL_BODY.test(orgKey.slice(key.length))),
    );
    if (civic) {
      group.votes.set('place', Math.max(...group.votes.values()) + 1);
      return;
    }
    const byFirst = organizations.filter(([orgKey]) => orgKey.startsWith(`${key} `));
    const byLast = organizations.filter(([orgKey]) => orgKey.endsWith(` ${key}`));
    // "the House" after "the Kano State House of Assembly": a body's head noun alone is the one body it is in.
    const byHead = ORG_HEADS.has(key)
      ? organizations.filter(([orgKey]) => orgKey.split(' ').includes(key) && orgKey !== key)
      : [];
    // "the House" is the one chamber ("House of Assembly", "House of Representatives"), not "Government House"
    // nor the "House Freedom Caucus".
    const chambers = key === 'house' ? organizations.filter(([orgKey]) => orgKey.includes('house of ')) : [];
    if (chambers.length === 1) {
      mergeInto(groups, key, chambers[0]![0], false);
      return;
    }
    const owner = [byFirst, byLast, byHead].find((list) => list.length > 0) ?? [];
    if (owner.length === 1) mergeInto(groups, key, owner[0]![0], false);
  } else if (key.includes(' ') && type === 'organization') {
    // "Kopernik Pharma" after "Kopernik Pharma Dystrybucja S.A.": the start of exactly one longer body's name, unless
    // it is a body's whole name itself ("Norges Bank" beside "Norges Bank Investment Management", "Liga Portugal").
    const last = key.split(' ').at(-1)!;
    const whole = ORG_HEADS.has(last) || key.includes(' of ') || isPlaceOrDemonym(last) || lookupKnown(key);
    const byStart = whole ? [] : organizations.filter(([orgKey]) => orgKey.startsWith(`${key} `));
    if (byStart.length === 1) {
      mergeInto(groups, key, byStart[0]![0], false);
      return;
    }
    const owner = organizations.filter(
      ([orgKey]) => orgKey.endsWith(` ${key}`) && isPlaceOrDemonym(orgKey.slice(0, -key.length - 1)),
    );
    if (owner.length === 1) mergeInto(groups, key, owner[0]![0], false);
  }
}

// Words after a region's own name that make the longer name of the same region ("Rakhine State", "Anhui
// Province"), unless the short name is also a city's ("Lagos" beside "Lagos State"); and words after a sea's, a
// reef's or a desert's ("Caspian Sea"). Not counties, rivers, islands or lagoons, which news names apart from the
// city or region of their name ("Hawaiʻi County", "Marikina River", "Lagos Island").
const REGION_HEADS = new Set('state province region prefecture governorate oblast'.split(' '));
const FEATURE_HEADS = new Set('sea reef reefs atoll peninsula desert'.split(' '));

/**
 * "Caspian" after "the Caspian Sea", "Rakhine" after "Rakhine State": a one-word place that starts the one longer
 * place name in the article, by a word that names the same place, is that place's short form. Not a country or
 * a city the lexicon knows ("Panama" beside "Panama Canal").
 */
function joinPlaceForms(groups: Map<string, Group>, key: string, places: Array<[string, Group]>): void {
  if (key.includes(' ') || lookupKnown(key)) return;
  const owners = places.filter(([placeKey]) => placeKey.startsWith(`${key} `));
  const ownerWords = owners[0]?.[0].split(' ') ?? [];
  const head = ownerWords[1] ?? '';
  // Not a building of the region's ("Arizona State Capitol").
  const same =
    FEATURE_HEADS.has(head) ||
    (REGION_HEADS.has(head) && ownerWords.length === 2 && !isCity(key)) ||
    // "Rio" after "Rio de Janeiro": a city's first word before a particle, where no place bears it alone.
    (CITY_PARTICLES.has(head) && isCity(owners[0]![0]) && !lookupPlace(key));
  if (owners.length === 1 && same) {
    mergeInto(groups, key, owners[0]![0], false);
    return;
  }
  // "the Maigue" after "the River Maigue": a river, lake or mountain by its own name alone, where no town or
  // region bears it ("Geneva" beside "Lake Geneva" is the city).
  const named = places.filter(([placeKey]) => FEATURE_FIRST.test(placeKey) && placeKey.endsWith(` ${key}`));
  // "Clare" after "County Clare" is the county, where no city bears the name ("Limerick" is a city too).
  const county = /^(?:county|co) /u.test(named[0]?.[0] ?? '') && !isCity(key);
  if (named.length === 1 && (!lookupPlace(key) || county)) {
    mergeInto(groups, key, named[0]![0], false);
    return;
  }
  // The city keeps its full name, however often the article clips it.
  const clipped = clippedCity(groups, key);
  if (clipped) mergeUnderOwnName(groups, key, clipped);
}

/**
 * "Ouaga" for Ouagadougou, "Pindi" for Rawalpindi: a word no gazetteer holds that starts or ends the one-word name of
 * exactly one city the gazetteer knows, in the same article, is its clipped form. Not a part of a compound name
 * ("Pyrenees" beside "Hautes-Pyrénées", "Seine" beside "Seine-Maritime", and so "Bobo" beside "Bobo-Dioulasso").
 */
function clippedCity(groups: Map<string, Group>, key: string): string | undefined {
  if (key.length < 4 || lookupPlace(key)) return undefined;
  const cities = [...groups.entries()].filter(
    ([cityKey, city]) =>
      !cityKey.includes(' ') &&
      cityKey.length >= key.length + 3 &&
      (cityKey.startsWith(key) || cityKey.endsWith(key)) &&
      bestType(city.votes) === 'place' &&
      !!lookupPlace(city.words[0]!),
  );
  return cities.length === 1 ? cities[0]![0] : undefined;
}

const FEATURE_FIRST = /^(?:river|lake|loch|lough|mount|mt\.?|county|co\.?) \S+$/u;
const CITY_PARTICLES = new Set(['de', 'do', 'da', 'del', 'di', 'du']);

const CIVIC_BODY =
  / (?:city |county |borough |district |town |municipal )?(?:council|government|municipality|assembly)$/u;
// The local bodies named for their town or county alone, after the name: " Town Council", " Police".
const LOCAL_BODY =
  /^ (?:(?:city|county|borough|district|town|parish|community) council|police|constabulary|fire and rescue service)$/u;
const isPlaceOrDemonym = (words: string) =>
  isDemonym(words) || lookupKnown(words)?.type === 'place' || lookupPlace(words) !== undefined;

/** Spelled-out acronyms, legal suffixes and names side by side join their entity; a surname retypes its name. */
function joinVariants(groups: Map<string, Group>, acronyms: Map<string, string>): void {
  spelledAcronyms(groups, acronyms);
  withoutLegalSuffixes(groups);
  withoutJuxtaposedNames(groups);
  peopleBySurname(groups);
  initialledPeople(groups);
  sponsorsOfTeams(groups);
  nationalBranches(groups);
}

// A country, or an adjective of one the demonym list may spell otherwise ("Ecuadorian", "Philippine").
const isNational = (words: string) => isPlaceOrDemonym(words) || /^\p{Lu}\p{Ll}+(?:an|ian|ese|ish|ine|i)$/u.test(words);

/**
 * "the Red Cross" after "the Nepal Red Cross Society", "Philippine Red Cross": a known body's name inside the name
 * of its one national branch in the article, after the country or its demonym, is that branch.
 */
function nationalBranches(groups: Map<string, Group>): void {
  for (const [key, group] of [...groups]) {
    if (!key.includes(' ') || bestType(group.votes) !== 'organization' || !lookupKnown(key)) continue;
    const branches = [...groups.entries()].filter(([branchKey, branch]) => {
      const at = branchKey.indexOf(` ${key}`);
      const rest = at > 0 ? branchKey.slice(at + key.length + 1) : '';
      return (
        at > 0 &&
        (rest === '' || (rest.startsWith(' ') && ORG_HEADS.has(rest.trim()))) &&
        isNational(branch.words.slice(0, branchKey.slice(0, at).split(' ').length).join(' ')) &&
        bestType(branch.votes) === 'organization'
      );
    });
    if (branches.length === 1) mergeUnderOwnName(groups, key, branches[0]![0]);
  }
}

/**
 * "Red Bull" after "Red Bull-Bora-Hansgrohe", "Lidl" after "Lidl-Trek", "UAE" after "UAE Team Emirates": a body
 * that leads a hyphenated team name, or a body or country before "Team", as a cycling team's sponsors do, is the
 * team's short form in that article, known name or not.
 */
function sponsorsOfTeams(groups: Map<string, Group>): void {
  // Most articles name no team of that shape: look no further.
  const named = [...groups.values()].some((group) =>
    [...group.forms.keys()].some((form) => /[-–]|\sTeam\s/u.test(form)),
  );
  if (!named) return;
  for (const [key, group] of [...groups]) {
    const type = bestType(group.votes);
    if (type !== 'organization' && type !== 'place') continue;
    const own = [...group.forms.keys()];
    // A body before a dash ("Lidl-Trek"); a body or a country before "Team" ("UAE Team Emirates").
    const leads = (form: string) =>
      own.some(
        (mine) =>
          form.startsWith(`${mine} Team `) ||
          (type === 'organization' && /^[-–]\p{Lu}/u.test(form.slice(mine.length)) && form.startsWith(mine)),
      );
    const teams = [...groups.entries()].filter(
      ([teamKey, team]) =>
        teamKey !== key && bestType(team.votes) === 'organization' && [...team.forms.keys()].some(leads),
    );
    if (teams.length === 1) mergeUnderOwnName(groups, key, teams[0]![0]);
  }
}

const INITIAL = /^\p{Lu}\.$/u;

/**
 * "D. Mitchell 104" in a scorecard is the "Daryl Mitchell" of the report: initials and a surname join the one person
 * named in full whose given names start with those letters; two such people keep the initialled name apart.
 */
function initialledPeople(groups: Map<string, Group>): void {
  for (const [key, group] of [...groups]) {
    const letters = group.words.slice(0, -1);
    if (letters.length === 0 || !letters.every((word) => INITIAL.test(word))) continue;
    if (bestType(group.votes) !== 'person') continue;
    const surname = group.words.at(-1)!;
    const owners = [...groups.entries()].filter(
      ([, other]) =>
        other !== group &&
        other.words.length === letters.length + 1 &&
        other.words.at(-1) === surname &&
        !INITIAL.test(other.words[0]!) &&
        letters.every((letter, i) => other.words[i]!.startsWith(letter[0]!)) &&
        bestType(other.votes) === 'person',
    );
    if (owners.length === 1) mergeUnderOwnName(groups, key, owners[0]![0]);
  }
}

/**
 * "Rachin Ravindra … Ravindra was bought": a name of two or three words the model typed a body or a place is a person's
 * when its last word stands alone in the article as a person, and no head word, first word or gazetteer types it
 * ("Piazza Duca Federico", "La Paz").
 */
function peopleBySurname(groups: Map<string, Group>): void {
  for (const [key, group] of groups) {
    const type = bestType(group.votes);
    const last = group.words.at(-1)!.toLowerCase();
    if (group.words.length < 2 || group.words.length > 3 || !type || type === 'person') continue;
    if (ORG_HEADS.has(last) || PLACE_HEADS.has(last) || lookupKnown(key) || lookupPlace(key)) continue;
    const first = group.words[0]!.toLowerCase();
    if (VENUE_FIRST.has(first) || ORG_FIRST.has(first)) continue;
    const surname = groups.get(foldKey(group.words.at(-1)!));
    if (surname?.words.length !== 1 || bestType(surname.votes) !== 'person') continue;
    const most = Math.max(...group.votes.values());
    group.votes.set('person', most + 1);
  }
}

// Legal forms after a firm's name, as folded keys: "Ltd.", "Co., Ltd.", "Pte. Ltd.", "A/S", "Kft", "S.p.A.".
const LEGAL_SUFFIX = new RegExp(
  ` (?:${'co ltd|pte ltd|pty ltd|ltd|limited|inc|corp|plc|llc|ag|gmbh|sa|s a|nv|n v|bv|b v|spa|s p a'}|` +
    `${'kft|zrt|nyrt|a s|asa|ab|oyj|oy|s r o|sp z o o|se|s l|sas|sarl|k k|tbk|s a b de c v'})$`,
  'u',
);
// "Sutter Medica Holding AG" is also "Sutter Medica" where the article has no "Sutter Medica Holding".
const HOLDING_WORD = / (?:holdings?|group)$/u;
// Legal forms written before the name: "PT Kartika Airlines Tbk" (Indonesia).
const LEGAL_PREFIX = /^pt /u;

/**
 * "Kelim Photonics Ltd." and "Kelim Photonics", "PT Kartika Airlines Tbk" and "Kartika Airlines", in one article are
 * one firm: the legal form makes no second.
 */
function withoutLegalSuffixes(groups: Map<string, Group>): void {
  for (const key of [...groups.keys()]) {
    const bare = key.replace(LEGAL_PREFIX, '');
    const suffix = LEGAL_SUFFIX.exec(bare);
    const stem = suffix ? bare.slice(0, suffix.index) : bare !== key && bare;
    const short = stem && !groups.has(stem) && HOLDING_WORD.test(stem) ? stem.replace(HOLDING_WORD, '') : stem;
    if (short && groups.has(short) && bestType(groups.get(short)!.votes) !== 'person')
      mergeInto(groups, key, short, true);
  }
}

/**
 * "Neil Jordan … Jordan said", "Denzel Washington … Washington": a place name the article writes only as the
 * surname of the one person it names in full is that person's (not a given name: "Paris Hilton … Paris").
 */
function isPlaceAsSurname(key: string, group: Group, owners: number): boolean {
  if (owners !== 1 || key.includes(' ') || bestType(group.votes) !== 'place') return false;
  return [...group.forms.keys()].every((form) => foldKey(form) === key);
}

/**
 * "Yeltsin endorses Lebed Chechnya peace plan": a headline's run of a person's surname and a known place, where the
 * article names that person in full ("Alexander Lebed"), is two names side by side, not a person "Lebed Chechnya";
 * it is dropped, so that "Chechnya" stays the place (known as one, or typed one elsewhere in the article).
 */
function withoutJuxtaposedNames(groups: Map<string, Group>): void {
  const surnames = new Set(
    [...groups.entries()]
      .filter(([key, group]) => key.includes(' ') && bestType(group.votes) === 'person')
      .map(([key]) => key.split(' ').at(-1)!),
  );
  for (const [key, group] of [...groups.entries()]) {
    const words = key.split(' ');
    const type = bestType(group.votes);
    if (words.length !== 2 || (type !== 'person' && type !== 'place') || !surnames.has(words[0]!)) continue;
    const last = group.words.at(-1)!;
    const placeElsewhere = bestType(groups.get(foldKey(last))?.votes ?? new Map()) === 'place';
    // A run typed a place (by its last word) is two names only where that place also stands alone ("Hamilton West"
    // beside a Mr Hamilton is one place).
    const twoNames =
      type === 'person' ? lookupKnown(last)?.type === 'place' || lookupPlace(last) || placeElsewhere : placeElsewhere;
    if (twoNames) groups.delete(key);
  }
}

const MINOR_WORDS = new Set(['of', 'and', 'for', 'the', 'de', 'du', 'la', 'on', 'in', '&']);

/** "Extremely Large Telescope" → ELT, "Procter & Gamble" → PG: the initials of a name's major words. */
function initials(words: string[]): string {
  return words
    .filter((word) => !MINOR_WORDS.has(word.toLowerCase()))
    .map((word) => word[0]!)
    .join('')
    .toUpperCase();
}

/**
 * An acronym the article never spells out in brackets joins the one longer name whose initials it is ("the ELT"
 * after "the Extremely Large Telescope", "P&G" after "Procter & Gamble"); well-known bodies keep the acronym as name.
 */
function spelledAcronyms(groups: Map<string, Group>, bracketed: Map<string, string>): void {
  for (const [key, group] of [...groups.entries()]) {
    const form = [...group.forms.keys()][0]!;
    // "ELT", "P&G", and mixed case: "BoG" (Bank of Ghana), by its capitals.
    const letters = form.replace(/[^\p{Lu}]/gu, '');
    if (group.words.length !== 1 || bracketed.has(key) || !/^\p{Lu}[\p{L}&.]{1,7}$/u.test(form)) continue;
    if (letters.length < 2 || letters.length > 6) continue;
    const expansions = [...groups.entries()].filter(
      ([other, candidate]) => other !== key && candidate.words.length > 1 && initials(candidate.words) === letters,
    );
    if (expansions.length !== 1) continue;
    const [expansion] = expansions[0]!;
    if (lookupKnown(form)) mergeInto(groups, expansion, key, true);
    else mergeInto(groups, key, expansion, true);
  }
}

/** Each group an entity of its majority type; names nothing typed are left for the corpus. */
function toExtraction(groups: Map<string, Group>): Extraction {
  const mentions: Mention[] = [];
  const unresolved: Unresolved[] = [];
  for (const [key, group] of groups) {
    if (group.tentative) continue;
    const type = bestType(group.votes);
    const forms = [...group.forms.keys()];
    const name = lookupKnown(key)?.name ?? group.name ?? preferredName(group.forms);
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

/**
 * Moves a short form into the name it stands for, which keeps the name it had: "D. Mitchell" or "Red Bull" would
 * otherwise win on length or count ("Daryl Mitchell", "Red Bull-Bora-Hansgrohe").
 */
function mergeUnderOwnName(groups: Map<string, Group>, from: string, to: string): void {
  const target = groups.get(to)!;
  target.name ??= preferredName(target.forms);
  mergeInto(groups, from, to, false);
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
