// Deterministic synthetic news-corpus generator for benchmarks.
//
//   npx tsx bench/generate.ts --count 10000 --out /tmp/corpus-10k [--seed 1] [--words 500]
//
// Writes <count> seed files in the format of seeds/ (` date YYYY-MM-DD ` then the lead on the same line,
// paragraphs separated by one blank line, optional title-case subheadings). The same options always give
// byte-identical files: every random choice comes from a seeded PRNG (mulberry32), one stream per article,
// so article i does not depend on how many articles come before or after it.
//
// Entities follow a Zipf-like distribution (exponent 1.1) over ENTITY_POOL, which is ordered by rank:
// ENTITY_POOL[0] appears in most articles, the last entries in very few.

import { mkdirSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  BEAT_ORG_KINDS,
  BEAT_WEIGHTS,
  BEATS,
  type Beat,
  CITIES,
  COUNTRIES,
  CURATED_PEOPLE,
  GENERIC,
  HEADLINE_ENTITIES,
  INTRO_TEMPLATES,
  MONTHS,
  NAME_REGIONS,
  NUMBER_WORDS,
  ORDINAL_WORDS,
  ORG_KIND_BEAT,
  ORGANIZATIONS,
  type OrgKind,
  PERSON_BEAT_WEIGHTS,
  QUOTE_TEMPLATES,
  REGIONS,
  ROLES,
  type RoleSpec,
  TEMPLATES,
  WEEKDAYS,
  WORDS,
} from './vocabulary.js';

export type EntityType = 'person' | 'organization' | 'place';
export interface PoolEntity {
  name: string;
  type: EntityType;
}
export interface CorpusOptions {
  /** Number of articles. */
  count: number;
  /** PRNG seed (default 1). */
  seed?: number;
  /** Approximate words per article (default 500). */
  words?: number;
}
export interface CorpusFile {
  name: string;
  text: string;
}

const ZIPF_EXPONENT = 1.1;
const MIN_ENTITIES = 5;
const MAX_ENTITIES = 25;
const FIRST_DAY = Date.UTC(2015, 0, 1);
const DAY_COUNT = (Date.UTC(2025, 11, 31) - FIRST_DAY) / 86_400_000 + 1;

// ---------------------------------------------------------------------------------------------------------
// Hashing and PRNG

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

type Rng = () => number;

function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function int(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)]!;
}

function weighted<K extends string>(rng: Rng, weights: Record<K, number>, keys: readonly K[]): K {
  let total = 0;
  for (const key of keys) total += weights[key];
  let r = rng() * total;
  for (const key of keys) {
    r -= weights[key];
    if (r < 0) return key;
  }
  return keys[keys.length - 1]!;
}

// ---------------------------------------------------------------------------------------------------------
// Entity pool

interface Ent {
  rank: number;
  name: string;
  type: EntityType;
  beat: Beat | 'any';
  // people
  short: string;
  gender: 'm' | 'f';
  dem: string;
  demAdj: string;
  role: RoleSpec | undefined;
  affil: number;
  // organizations and places
  the: boolean;
  acr: string;
  acrThe: boolean;
  okind: OrgKind | undefined;
  country: boolean;
  city: boolean;
}

function blank(name: string, type: EntityType, beat: Beat | 'any'): Ent {
  return {
    rank: -1,
    name,
    type,
    beat,
    short: name,
    gender: 'm',
    dem: '',
    demAdj: '',
    role: undefined,
    affil: -1,
    the: false,
    acr: '',
    acrThe: false,
    okind: undefined,
    country: false,
    city: false,
  };
}

function splitThe(spec: string): [boolean, string] {
  return spec.startsWith('the ') ? [true, spec.slice(4)] : [false, spec];
}

function buildPool(): Ent[] {
  const rng = mulberry32(0x5eed_2015);
  const orgs: Ent[] = [];
  const places: Ent[] = [];
  const people: Ent[] = [];
  const taken = new Set<string>();
  const fold = (s: string) => s.toLowerCase();

  for (const kind of Object.keys(ORGANIZATIONS) as OrgKind[]) {
    for (const spec of ORGANIZATIONS[kind]) {
      const match = /^(.*?)(?: \(([^)]+)\))?$/.exec(spec)!;
      const [the, name] = splitThe(match[1]!);
      if (taken.has(fold(name))) continue;
      taken.add(fold(name));
      const ent = blank(name, 'organization', ORG_KIND_BEAT[kind]);
      ent.the = the;
      ent.okind = kind;
      if (match[2]) [ent.acrThe, ent.acr] = splitThe(match[2]);
      orgs.push(ent);
    }
  }
  for (const [spec, dem] of COUNTRIES) {
    const [the, name] = splitThe(spec);
    const ent = blank(name, 'place', 'any');
    ent.the = the;
    ent.dem = dem;
    ent.country = true;
    taken.add(fold(name));
    places.push(ent);
  }
  for (const spec of [...CITIES, ...REGIONS]) {
    const [the, name] = splitThe(spec);
    if (taken.has(fold(name))) continue;
    taken.add(fold(name));
    const ent = blank(name, 'place', 'any');
    ent.the = the;
    ent.city = CITIES.includes(spec);
    places.push(ent);
  }

  const orgIndex = new Map(orgs.map((org, i) => [org.name, i]));
  const shorts = new Set<string>();
  const addPerson = (ent: Ent): boolean => {
    if (taken.has(fold(ent.name)) || shorts.has(fold(ent.short)) || taken.has(fold(ent.short))) return false;
    taken.add(fold(ent.name));
    shorts.add(fold(ent.short));
    people.push(ent);
    return true;
  };
  // affil holds an index into orgs until the pool is ranked.
  for (const spec of CURATED_PEOPLE) {
    const ent = blank(spec.name, 'person', spec.beat);
    ent.short = spec.short ?? spec.name.split(' ').at(-1)!;
    ent.gender = spec.gender;
    ent.dem = spec.dem;
    ent.demAdj = spec.demAdj ?? spec.dem;
    ent.role = spec.role;
    if (spec.affil !== undefined) {
      const index = orgIndex.get(spec.affil);
      if (index === undefined) throw new Error(`unknown affiliation ${spec.affil} for ${spec.name}`);
      ent.affil = index;
    }
    addPerson(ent);
  }
  const orgsByKind = new Map<OrgKind, number[]>();
  orgs.forEach((org, i) => {
    const list = orgsByKind.get(org.okind!) ?? [];
    list.push(i);
    orgsByKind.set(org.okind!, list);
  });
  NAME_REGIONS.forEach((region, r) => {
    region.surnames.forEach((surnameSpec, j) => {
      const gender: 'm' | 'f' = (j + r) % 2 === 0 ? 'm' : 'f';
      const forms = surnameSpec.split('|');
      const surname = (gender === 'f' ? forms[1] : undefined) ?? forms[0]!;
      const given = gender === 'm' ? region.male : region.female;
      const first = given[(j * 3 + r) % given.length]!;
      const ent = blank(region.surnameFirst ? `${surname} ${first}` : `${first} ${surname}`, 'person', 'politics');
      ent.short = surname;
      ent.gender = gender;
      ent.dem = region.dem;
      ent.demAdj = region.demAdj ?? region.dem;
      ent.beat = weighted(rng, PERSON_BEAT_WEIGHTS, BEATS);
      ent.role = pick(rng, ROLES[ent.beat]);
      const kinds = ent.role.kinds ?? [];
      const candidates = kinds.flatMap((kind) => orgsByKind.get(kind) ?? []);
      if (candidates.length > 0) ent.affil = pick(rng, candidates);
      addPerson(ent);
    });
  });

  // Rank: the headline entities first, in order, then everything else in a fixed shuffled order.
  const all = [...people, ...orgs, ...places];
  const byName = new Map(all.map((ent) => [ent.name, ent]));
  const ranked: Ent[] = [];
  const used = new Set<Ent>();
  for (const name of HEADLINE_ENTITIES) {
    const ent = byName.get(name);
    if (!ent) throw new Error(`headline entity ${name} is not in the pool`);
    ranked.push(ent);
    used.add(ent);
  }
  const rest = all.filter((ent) => !used.has(ent));
  for (let i = rest.length - 1; i > 0; i--) {
    const j = int(rng, i + 1);
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  ranked.push(...rest);
  ranked.forEach((ent, rank) => {
    ent.rank = rank;
  });
  for (const person of people) if (person.affil >= 0) person.affil = orgs[person.affil]!.rank;
  return ranked;
}

const POOL: Ent[] = buildPool();

/** Every entity the generator can mention, most frequent first (index = Zipf rank). */
export const ENTITY_POOL: ReadonlyArray<PoolEntity> = Object.freeze(
  POOL.map((ent) => Object.freeze({ name: ent.name, type: ent.type })),
);

// Zipf samplers over subsets of the pool; weights are integers so that sampling is exact arithmetic.
const WEIGHTS = POOL.map((_, rank) => Math.round(1e9 * (rank + 1) ** -ZIPF_EXPONENT));

class Sampler {
  readonly ids: Int32Array;
  readonly cum: Float64Array;
  readonly total: number;
  constructor(ids: number[]) {
    this.ids = Int32Array.from(ids);
    this.cum = new Float64Array(ids.length);
    let sum = 0;
    ids.forEach((id, i) => {
      sum += WEIGHTS[id]!;
      this.cum[i] = sum;
    });
    this.total = sum;
  }
  pick(rng: Rng): number {
    const target = Math.floor(rng() * this.total);
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cum[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return this.ids[lo]!;
  }
}

const ranks = (test: (ent: Ent) => boolean) => POOL.filter(test).map((ent) => ent.rank);
const GLOBAL = new Sampler(ranks(() => true));
const PLACES = new Sampler(ranks((ent) => ent.type === 'place'));
const CITY_PLACES = new Sampler(ranks((ent) => ent.city));
const BY_BEAT = {} as Record<Beat, Sampler>;
const PEOPLE_BY_BEAT = {} as Record<Beat, Sampler>;
const ORGS_BY_BEAT = {} as Record<Beat, Sampler>;
for (const beat of BEATS) {
  BY_BEAT[beat] = new Sampler(ranks((ent) => ent.beat === beat || ent.beat === 'any'));
  PEOPLE_BY_BEAT[beat] = new Sampler(ranks((ent) => ent.type === 'person' && ent.beat === beat));
  ORGS_BY_BEAT[beat] = new Sampler(ranks((ent) => ent.okind !== undefined && BEAT_ORG_KINDS[beat].includes(ent.okind)));
}

// ---------------------------------------------------------------------------------------------------------
// Templates

type SlotKind =
  | 'P'
  | 'PK'
  | 'O'
  | 'OK'
  | 'L'
  | 'LIST'
  | 'DEM'
  | 'he'
  | 'He'
  | 'his'
  | 'His'
  | 'him'
  | 'DAY'
  | 'MONTH'
  | 'YEAR'
  | 'NUM'
  | 'BIG'
  | 'PCT'
  | 'MONEY'
  | 'WNUM'
  | 'SCORE'
  | 'MIN'
  | 'AGE'
  | 'TIME'
  | 'PRICE'
  | 'DEC'
  | 'ORD'
  | 'VOTES'
  | 'RANGE'
  | 'RATE'
  | 'QUOTE'
  | 'w'
  | 'S'
  | 'ON'
  | 'LN';
const SLOT_KINDS = new Set<string>([
  'P',
  'PK',
  'O',
  'OK',
  'L',
  'LIST',
  'DEM',
  'he',
  'He',
  'his',
  'His',
  'him',
  'DAY',
  'MONTH',
  'YEAR',
  'NUM',
  'BIG',
  'PCT',
  'MONEY',
  'WNUM',
  'SCORE',
  'MIN',
  'AGE',
  'TIME',
  'PRICE',
  'DEC',
  'ORD',
  'VOTES',
  'RANGE',
  'RATE',
  'QUOTE',
  'w',
  'S',
  'ON',
  'LN',
]);

interface SlotNode {
  kind: SlotKind;
  /** '' (may use an apposition), 'o' (no apposition), 'n' (bare name), 's' (possessive). */
  mod: string;
  list: readonly string[] | undefined;
  /** Person role groups or organization kinds the entity must belong to. */
  filter: string[] | undefined;
}
interface AltNode {
  options: TNode[][];
}
type TNode = string | SlotNode | AltNode;

interface Template {
  id: number;
  source: string;
  nodes: TNode[];
  person: boolean;
  org: boolean;
  place: boolean;
  needs: { S: boolean; ON: boolean; LN: boolean };
  personFilters: string[][];
  orgFilters: string[][];
  cityOnly: boolean;
  minPersons: number;
  minOrgs: number;
  minPlaces: number;
}

let templateCount = 0;

function parseTemplate(source: string): Template {
  let i = 0;
  const seq = (stops: string): TNode[] => {
    const out: TNode[] = [];
    let text = '';
    while (i < source.length && !stops.includes(source[i]!)) {
      const c = source[i]!;
      if (c === '{') {
        const end = source.indexOf('}', i);
        if (end < 0) throw new Error(`unclosed { in template: ${source}`);
        if (text) out.push(text);
        text = '';
        out.push(parseSlot(source.slice(i + 1, end), source));
        i = end + 1;
      } else if (c === '[') {
        if (text) out.push(text);
        text = '';
        i++;
        const options: TNode[][] = [];
        for (;;) {
          options.push(seq('|]'));
          if (source[i] === '|') i++;
          else if (source[i] === ']') {
            i++;
            break;
          } else throw new Error(`unclosed [ in template: ${source}`);
        }
        out.push({ options });
      } else {
        text += c;
        i++;
      }
    }
    if (text) out.push(text);
    return out;
  };
  const nodes = seq('');
  if (i !== source.length) throw new Error(`stray ${source[i]} in template: ${source}`);
  const template: Template = {
    id: templateCount++,
    source,
    nodes,
    person: false,
    org: false,
    place: false,
    needs: { S: false, ON: false, LN: false },
    personFilters: [],
    orgFilters: [],
    cityOnly: false,
    minPersons: 0,
    minOrgs: 0,
    minPlaces: 0,
  };
  const walk = (list: TNode[]) => {
    list.forEach((node, index) => {
      if (typeof node === 'string') return;
      if ('options' in node) {
        for (const option of node.options) walk(option);
        return;
      }
      if (node.kind === 'P' || node.kind === 'PK') {
        template.person = true;
        template.minPersons = Math.min(2, template.minPersons + 1);
        if (node.filter) template.personFilters.push(node.filter);
        if (node.mod === '') checkAppositionSafe(list[index + 1], list[index + 2], source);
      }
      if (node.kind === 'O' || node.kind === 'OK') {
        template.org = true;
        template.minOrgs = Math.min(2, template.minOrgs + 1);
        if (node.filter) template.orgFilters.push(node.filter);
      }
      if (node.kind === 'L') {
        template.minPlaces = Math.min(2, template.minPlaces + 1);
        if (node.filter) {
          if (node.filter.join() !== 'city') throw new Error(`{L} only takes the filter "city": ${source}`);
          template.cityOnly = true;
        }
      }
      if (node.kind === 'L' || node.kind === 'LIST') template.place = true;
      if (node.kind === 'S' || node.kind === 'ON' || node.kind === 'LN') template.needs[node.kind] = true;
    });
  };
  walk(nodes);
  return template;
}

function parseSlot(body: string, source: string): SlotNode {
  if (body.startsWith('w:')) {
    const list = WORDS[body.slice(2)];
    if (!list) throw new Error(`unknown word list ${body} in template: ${source}`);
    return { kind: 'w', mod: '', list, filter: undefined };
  }
  const [head = '', mod = ''] = body.split(':');
  const [kind = '', filter] = head.split('=');
  if (!SLOT_KINDS.has(kind) || !['', 'o', 'n', 's'].includes(mod))
    throw new Error(`unknown slot {${body}} in template: ${source}`);
  if (filter !== undefined && !['P', 'PK', 'O', 'OK', 'L'].includes(kind))
    throw new Error(`filter on {${body}} in template: ${source}`);
  return { kind: kind as SlotKind, mod, list: undefined, filter: filter?.split(',') };
}

/** A person slot that may render "Name, a French economist," must be followed by words, not punctuation. */
function checkAppositionSafe(next: TNode | undefined, after: TNode | undefined, source: string) {
  const startsWithWord = (node: TNode | undefined): boolean => {
    if (node === undefined) return false;
    if (typeof node === 'string') return /^[\p{L}"]/u.test(node);
    if ('options' in node) return node.options.every((option) => startsWithWord(option[0]));
    return node.kind !== 'P' && node.kind !== 'PK';
  };
  const ok = typeof next === 'string' && (next === ' ' ? startsWithWord(after) : /^ [\p{L}"]/u.test(next));
  if (!ok) throw new Error(`{P}/{PK} needs words after it (use :o or :n): ${source}`);
}

const parseAll = (list: string[]) => list.map(parseTemplate);

interface ParsedBeat {
  leads: Template[];
  body: Template[];
  quotes: readonly string[];
  closers: Template[];
  headings: Template[];
}
const BEAT_TEMPLATES = {} as Record<Beat, ParsedBeat>;
for (const beat of BEATS) {
  const source = TEMPLATES[beat];
  BEAT_TEMPLATES[beat] = {
    leads: parseAll(source.leads),
    body: parseAll(source.body),
    quotes: source.quotes,
    closers: parseAll(source.closers),
    headings: parseAll([...source.headings, ...GENERIC.headings]),
  };
}
const GENERIC_BODY = parseAll(GENERIC.body);
const GENERIC_CLOSERS = parseAll(GENERIC.closers);
const GENERIC_FALLBACK = parseTemplate('[Further details|More details] are expected [next week|in the coming days].');
const GENERIC_FALLBACK_HEADING = parseTemplate('Background');
const QUOTE_TPL = parseAll(QUOTE_TEMPLATES);
const INTRO_PERSON = parseAll(INTRO_TEMPLATES.person);
const INTRO_ORG = parseAll(INTRO_TEMPLATES.organization);
const INTRO_PLACE = parseAll(INTRO_TEMPLATES.place);

// ---------------------------------------------------------------------------------------------------------
// Text helpers

function possessive(text: string): string {
  return text.endsWith('s') ? `${text}'` : `${text}'s`;
}

function aOrAn(word: string): string {
  return /^[AEIOUaeiou]/.test(word) && !/^(U[kr]|Eu|U\.S|Uni|One)/i.test(word) ? 'an' : 'a';
}

function capitalize(text: string): string {
  const at = text.startsWith('"') ? 1 : 0;
  const c = text.charAt(at);
  const upper = c.toUpperCase();
  return upper === c ? text : text.slice(0, at) + upper + text.slice(at + 1);
}

function countWords(text: string): number {
  let words = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) words++;
  return words;
}

function withCommas(n: number): string {
  return n >= 1000 ? `${Math.floor(n / 1000)},${String(n % 1000).padStart(3, '0')}` : String(n);
}

function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

function listOf(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

// ---------------------------------------------------------------------------------------------------------
// Article generation

// Per-entity article stamps: an entity is chosen / introduced / has shown its acronym in the current article
// when its stamp equals the article's serial number. Module state, but write-only bookkeeping: output
// depends only on the options.
const chosenStamp = new Int32Array(POOL.length);
const introStamp = new Int32Array(POOL.length);
const acrStamp = new Int32Array(POOL.length);
let serial = 0;

class ArticleWriter {
  readonly stamp: number;
  readonly persons: Ent[] = [];
  readonly orgs: Ent[] = [];
  readonly places: Ent[] = [];
  beat: Beat = 'politics';
  pending = { person: 0, organization: 0, place: 0 };
  lastPerson: Ent | undefined;
  sentenceUsed: Ent[] = [];
  sentenceWords: string[] = [];
  usedTemplates = new Set<number>();
  usedQuotes = new Set<string>();
  year = 2015;
  weekday = 0;

  constructor(readonly rng: Rng) {
    this.stamp = ++serial;
  }

  // ----- entity selection

  private choose(rank: number): boolean {
    if (rank < 0 || chosenStamp[rank] === this.stamp || this.count() >= MAX_ENTITIES) return false;
    chosenStamp[rank] = this.stamp;
    const ent = POOL[rank]!;
    (ent.type === 'person' ? this.persons : ent.type === 'organization' ? this.orgs : this.places).push(ent);
    this.pending[ent.type]++;
    if (ent.type === 'person' && ent.affil >= 0 && this.rng() < 0.6) this.choose(ent.affil);
    return true;
  }

  private chooseFrom(sampler: Sampler): void {
    for (let tries = 0; tries < 40; tries++) if (this.choose(sampler.pick(this.rng))) return;
  }

  count(): number {
    return this.persons.length + this.orgs.length + this.places.length;
  }

  selectEntities(): void {
    const rng = this.rng;
    const main = POOL[GLOBAL.pick(rng)]!;
    this.beat = main.beat === 'any' ? weighted(rng, BEAT_WEIGHTS, BEATS) : main.beat;
    this.choose(main.rank);
    const target = MIN_ENTITIES + int(rng, 11) + int(rng, 11);
    if (!this.persons.some((p) => p.beat === this.beat)) this.chooseFrom(PEOPLE_BY_BEAT[this.beat]);
    const kinds = BEAT_ORG_KINDS[this.beat];
    const needOrgs = this.beat === 'sports' ? 2 : 1;
    for (let tries = 0; tries < 10 && this.orgs.filter((o) => kinds.includes(o.okind!)).length < needOrgs; tries++) {
      this.chooseFrom(ORGS_BY_BEAT[this.beat]);
    }
    if (this.places.length === 0) this.chooseFrom(PLACES);
    if ((this.beat === 'local' || this.beat === 'sports') && !this.places.some((p) => p.city))
      this.chooseFrom(CITY_PLACES);
    for (let tries = 0; tries < 300 && this.count() < target; tries++) {
      this.choose((rng() < 0.6 ? BY_BEAT[this.beat] : GLOBAL).pick(rng));
    }
  }

  // ----- mentions

  private isIntroduced(ent: Ent): boolean {
    return introStamp[ent.rank] === this.stamp;
  }

  private markIntroduced(ent: Ent): void {
    if (introStamp[ent.rank] !== this.stamp) {
      introStamp[ent.rank] = this.stamp;
      if (chosenStamp[ent.rank] === this.stamp) this.pending[ent.type]--;
    }
  }

  /** Next entity to mention from `list`: one not yet introduced (preferring `prefer`), else a known one. */
  private select(list: Ent[], prefer: ((ent: Ent) => boolean) | undefined): Ent {
    for (const ent of list) if (!this.isIntroduced(ent) && (!prefer || prefer(ent))) return ent;
    if (prefer) {
      const known = list.filter((ent) => prefer(ent) && !this.sentenceUsed.includes(ent));
      if (known.length > 0) return known[0] === list[0] || this.rng() < 0.5 ? known[0]! : pick(this.rng, known);
    }
    for (const ent of list) if (!this.isIntroduced(ent)) return ent;
    const fresh = list.filter((ent) => !this.sentenceUsed.includes(ent));
    const from = fresh.length > 0 ? fresh : list;
    return this.rng() < 0.4 ? from[0]! : pick(this.rng, from);
  }

  private orgText(org: Ent, possessiveForm: boolean, attributive = false): string {
    let text: string;
    if (attributive) text = org.acr && acrStamp[org.rank] === this.stamp ? org.acr : org.name;
    else if (org.acr && acrStamp[org.rank] === this.stamp) text = org.acrThe ? `the ${org.acr}` : org.acr;
    else if (org.acr && !possessiveForm) {
      text = `${org.the ? 'the ' : ''}${org.name} (${org.acr})`;
      acrStamp[org.rank] = this.stamp;
    } else text = org.the ? `the ${org.name}` : org.name;
    this.markIntroduced(org);
    this.sentenceUsed.push(org);
    return possessiveForm ? possessive(text) : text;
  }

  private placeText(place: Ent, possessiveForm = false): string {
    this.markIntroduced(place);
    this.sentenceUsed.push(place);
    const text = place.the ? `the ${place.name}` : place.name;
    return possessiveForm ? possessive(text) : text;
  }

  private personText(person: Ent, mod: string): string {
    const rng = this.rng;
    this.sentenceUsed.push(person);
    this.lastPerson = person;
    const isPossessive = mod === 's';
    if (this.isIntroduced(person)) return isPossessive ? possessive(person.short) : person.short;
    this.markIntroduced(person);
    const role = person.role!;
    const name = person.name;
    const finish = (text: string) => (isPossessive ? possessive(text) : text);
    if (mod === 'n' || rng() < 0.08) return finish(name);
    const apposition = mod === '';
    const affil = person.affil >= 0 && chosenStamp[person.affil] === this.stamp ? POOL[person.affil]! : undefined;
    const noun = role.noun;
    const lowerNoun = /^[A-Z][a-z]/.test(noun) ? noun.toLowerCase() : noun;
    const dem = role.nodem ? '' : person.dem;
    if (affil) {
      const r = rng();
      if (r < 0.55) return finish(`${this.orgText(affil, false, true)} ${noun} ${name}`);
      if (apposition && r < 0.85) {
        const article = role.the ? 'the' : dem ? aOrAn(dem) : aOrAn(lowerNoun);
        const described = role.the ? lowerNoun : dem ? `${dem} ${lowerNoun}` : lowerNoun;
        return `${name}, ${article} ${described} ${role.prep ?? 'at'} ${this.orgText(affil, false)},`;
      }
    }
    if (role.pre && rng() < 0.85) {
      const nationality = !role.nodem && rng() < 0.45 ? `${person.demAdj} ` : '';
      return finish(`${nationality}${role.pre} ${name}`);
    }
    if (apposition && role.appos) return `${name}, ${role.appos},`;
    if (apposition && rng() < 0.45) {
      if (role.the) return `${name}, the ${dem ? `${person.demAdj} ` : ''}${lowerNoun},`;
      const described = dem ? `${dem} ${lowerNoun}` : lowerNoun;
      return `${name}, ${aOrAn(described)} ${described},`;
    }
    if (role.the) return finish(name);
    return finish(`${dem ? `${dem} ` : ''}${lowerNoun} ${name}`);
  }

  private pronoun(kind: 'he' | 'He' | 'his' | 'His' | 'him'): string {
    const person = this.lastPerson;
    if (!person) {
      const ent = this.select(this.persons, undefined);
      return this.personText(ent, kind === 'his' || kind === 'His' ? 's' : 'o');
    }
    const female = person.gender === 'f';
    switch (kind) {
      case 'he':
        return female ? 'she' : 'he';
      case 'He':
        return female ? 'She' : 'He';
      case 'his':
        return female ? 'her' : 'his';
      case 'His':
        return female ? 'Her' : 'His';
      case 'him':
        return female ? 'her' : 'him';
    }
  }

  private placeList(): string {
    const rng = this.rng;
    const want = Math.min(this.places.length, rng() < 0.55 ? 3 : 2);
    const items: Ent[] = [];
    for (const place of this.places) if (items.length < want && !this.isIntroduced(place)) items.push(place);
    const others = this.places.filter((place) => !items.includes(place) && !this.sentenceUsed.includes(place));
    while (items.length < want && others.length > 0) items.push(others.splice(int(rng, others.length), 1)[0]!);
    if (items.length === 0) items.push(this.places[0]!);
    return listOf(items.map((place) => this.placeText(place)));
  }

  private demonym(): string {
    const countries = this.places.filter((place) => place.country);
    if (countries.length > 0) return pick(this.rng, countries).dem;
    if (this.persons.length > 0) return pick(this.rng, this.persons).dem;
    return pick(this.rng, COUNTRIES)[1];
  }

  private quote(): string {
    const rng = this.rng;
    const own = BEAT_TEMPLATES[this.beat].quotes;
    let text = '';
    for (let tries = 0; tries < 6; tries++) {
      text = rng() < 0.7 ? pick(rng, own) : pick(rng, GENERIC.quotes);
      if (!this.usedQuotes.has(text)) break;
    }
    this.usedQuotes.add(text);
    return text;
  }

  private word(list: readonly string[]): string {
    let text = '';
    for (let tries = 0; tries < 4; tries++) {
      text = pick(this.rng, list);
      if (!this.sentenceWords.includes(text)) break;
    }
    this.sentenceWords.push(text);
    return text;
  }

  private money(): string {
    const rng = this.rng;
    const modest = this.beat === 'sports' || this.beat === 'culture' || this.beat === 'local';
    const big = rng() < (modest ? 0.05 : 0.55);
    const amount = big
      ? `${1 + int(rng, 40)}.${int(rng, 10)} billion`
      : `${modest ? 2 + int(rng, 60) * 5 : withCommas(10 + int(rng, 90) * 10)} million`;
    const r = rng();
    if (r < 0.5) return `$${amount}`;
    if (r < 0.7) return `€${amount}`;
    if (r < 0.82) return `£${amount}`;
    return `${amount} euros`;
  }

  private slot(node: SlotNode): string {
    const rng = this.rng;
    switch (node.kind) {
      case 'P':
      case 'PK': {
        const filter = node.filter;
        const prefer = filter
          ? (p: Ent) => filter.includes(p.role!.group ?? '')
          : node.kind === 'PK'
            ? (p: Ent) => p.beat === this.beat
            : undefined;
        return this.personText(this.select(this.persons, prefer), node.mod);
      }
      case 'O':
      case 'OK': {
        const kinds = node.filter ?? (node.kind === 'OK' ? BEAT_ORG_KINDS[this.beat] : undefined);
        return this.orgText(
          this.select(this.orgs, kinds ? (o) => kinds.includes(o.okind!) : undefined),
          node.mod === 's',
        );
      }
      case 'L':
        return this.placeText(this.select(this.places, node.filter ? (p) => p.city : undefined), node.mod === 's');
      case 'LIST':
        return this.placeList();
      case 'DEM':
        return this.demonym();
      case 'he':
      case 'He':
      case 'his':
      case 'His':
      case 'him':
        return this.pronoun(node.kind);
      case 'DAY': {
        const back = rng() < 0.6 ? 0 : 1;
        return WEEKDAYS[(this.weekday + 7 - back) % 7]!;
      }
      case 'MONTH':
        return pick(rng, MONTHS);
      case 'YEAR':
        return String(this.year - 1 - int(rng, 10));
      case 'NUM':
        return String(2 + int(rng, 98));
      case 'BIG':
        return withCommas(
          rng() < (this.beat === 'sports' ? 0 : this.beat === 'business' ? 0.15 : 0.5)
            ? 100 + int(rng, 900)
            : 1000 + int(rng, 95) * 1000 + int(rng, 10) * 100,
        );
      case 'PCT': {
        const value = 0.5 + rng() * 40;
        return value < 10 ? `${value.toFixed(1)}%` : `${Math.round(value)}%`;
      }
      case 'MONEY':
        return this.money();
      case 'WNUM':
        return pick(rng, NUMBER_WORDS);
      case 'SCORE': {
        const winner = 1 + int(rng, 4);
        return `${winner}-${int(rng, winner)}`;
      }
      case 'MIN':
        return ordinal(3 + int(rng, 88));
      case 'AGE':
        return String(this.beat === 'sports' ? 18 + int(rng, 19) : 24 + int(rng, 55));
      case 'TIME':
        return `${1 + int(rng, 12)}:${String(int(rng, 12) * 5).padStart(2, '0')} ${rng() < 0.5 ? 'a.m.' : 'p.m.'}`;
      case 'PRICE':
        return this.beat !== 'business'
          ? `$${withCommas(99 + int(rng, 20) * 100)}`
          : `$${40 + int(rng, 80)}.${String(int(rng, 100)).padStart(2, '0')}`;
      case 'DEC':
        return `${1 + int(rng, 1)}.${1 + int(rng, 9)}`;
      case 'ORD':
        return pick(rng, ORDINAL_WORDS);
      case 'RANGE': {
        const low = 2 + int(rng, 38);
        const high = low + 1 + int(rng, 6);
        return `$${low}.${int(rng, 10)} billion and $${high}.${int(rng, 10)} billion`;
      }
      case 'RATE':
        return `${int(rng, 12)}.${pick(rng, ['0', '25', '5', '75'])}%`;
      case 'VOTES': {
        const ayes = 120 + int(rng, 250);
        return `${ayes} votes to ${40 + int(rng, ayes - 60)}`;
      }
      case 'QUOTE':
        return this.quote();
      case 'w':
        return this.word(node.list!);
      case 'S': {
        const known = this.persons.filter((p) => this.isIntroduced(p));
        return capitalize(pick(rng, known).short);
      }
      case 'ON': {
        const known = this.orgs.filter((o) => this.isIntroduced(o));
        const org = pick(rng, known);
        return acrStamp[org.rank] === this.stamp ? org.acr : org.name;
      }
      case 'LN': {
        const place = pick(
          rng,
          this.places.filter((p) => this.isIntroduced(p)),
        );
        return place.the ? `the ${place.name}` : place.name;
      }
    }
  }

  private renderNodes(nodes: TNode[], out: string[]): void {
    for (const node of nodes) {
      if (typeof node === 'string') out.push(node);
      else if ('options' in node) this.renderNodes(node.options[int(this.rng, node.options.length)]!, out);
      else out.push(this.slot(node));
    }
  }

  render(template: Template): string {
    this.sentenceUsed.length = 0;
    this.sentenceWords.length = 0;
    this.usedTemplates.add(template.id);
    const out: string[] = [];
    this.renderNodes(template.nodes, out);
    return capitalize(out.join(''));
  }

  // ----- template choice

  private servesPending(template: Template): boolean {
    return (
      (template.person && this.pending.person > 0) ||
      (template.org && this.pending.organization > 0) ||
      (template.place && this.pending.place > 0)
    );
  }

  /** The article has the entities the template needs. */
  private eligible(template: Template): boolean {
    if (this.persons.length < template.minPersons || this.orgs.length < template.minOrgs) return false;
    if (this.places.length < template.minPlaces) return false;
    for (const filter of template.personFilters)
      if (!this.persons.some((p) => filter.includes(p.role!.group ?? ''))) return false;
    for (const filter of template.orgFilters) if (!this.orgs.some((o) => filter.includes(o.okind!))) return false;
    if (template.cityOnly && !this.places.some((p) => p.city)) return false;
    return true;
  }

  chooseTemplate(list: Template[], accept?: (template: Template) => boolean, allowReuse = true): Template | undefined {
    const anyPending = this.pending.person + this.pending.organization + this.pending.place > 0;
    const usable = (template: Template) => (!accept || accept(template)) && this.eligible(template);
    let fallback: Template | undefined;
    for (let tries = 0; tries < 16; tries++) {
      const template = list[int(this.rng, list.length)]!;
      if (this.usedTemplates.has(template.id) || !usable(template)) continue;
      fallback ??= template;
      if (!anyPending || this.servesPending(template)) return template;
    }
    if (fallback) return fallback;
    const start = int(this.rng, list.length);
    for (let i = 0; i < list.length; i++) {
      const template = list[(start + i) % list.length]!;
      if (!this.usedTemplates.has(template.id) && usable(template)) return template;
    }
    if (!allowReuse) return undefined;
    for (let i = 0; i < list.length; i++) {
      const template = list[(start + i) % list.length]!;
      if (usable(template)) return template;
    }
    return undefined;
  }

  heading(): string {
    const headings = BEAT_TEMPLATES[this.beat].headings;
    const has = {
      S: this.persons.some((p) => this.isIntroduced(p)),
      ON: this.orgs.some((o) => this.isIntroduced(o)),
      LN: this.places.some((p) => this.isIntroduced(p)),
    };
    const template = this.chooseTemplate(
      headings,
      (t) => (!t.needs.S || has.S) && (!t.needs.ON || has.ON) && (!t.needs.LN || has.LN),
    );
    const text = this.render(template ?? GENERIC_FALLBACK_HEADING);
    this.lastPerson = undefined;
    return text;
  }

  /** One body sentence: beat-specific, generic, or a quotation. */
  bodySentence(allowQuote: boolean): string {
    const r = this.rng();
    const beatBody = BEAT_TEMPLATES[this.beat].body;
    const order =
      allowQuote && r < 0.24
        ? [QUOTE_TPL, beatBody, GENERIC_BODY]
        : r < 0.45
          ? [GENERIC_BODY, beatBody]
          : [beatBody, GENERIC_BODY];
    for (const list of order) {
      const template = this.chooseTemplate(list, undefined, list === QUOTE_TPL);
      if (template) return this.render(template);
    }
    return this.render(this.chooseTemplate(QUOTE_TPL) ?? this.chooseTemplate(beatBody) ?? GENERIC_FALLBACK);
  }

  /** Sentences that introduce every entity not mentioned yet. */
  flushPending(): string[] {
    const sentences: string[] = [];
    for (let guard = 0; guard < 40 && this.pending.person > 0; guard++)
      sentences.push(this.render(pick(this.rng, INTRO_PERSON)));
    for (let guard = 0; guard < 40 && this.pending.organization > 0; guard++)
      sentences.push(this.render(pick(this.rng, INTRO_ORG)));
    for (let guard = 0; guard < 40 && this.pending.place > 0; guard++)
      sentences.push(this.render(pick(this.rng, INTRO_PLACE)));
    return sentences;
  }
}

function articleText(rng: Rng, targetWords: number): string {
  const writer = new ArticleWriter(rng);
  const dayIndex = int(rng, DAY_COUNT);
  const date = new Date(FIRST_DAY + dayIndex * 86_400_000);
  writer.year = date.getUTCFullYear();
  writer.weekday = date.getUTCDay();
  writer.selectEntities();

  const words = Math.max(60, Math.round(targetWords * (0.8 + 0.4 * rng())));
  const paragraphCount = Math.min(10, Math.max(5, Math.round(words / 65 + rng() * 4 - 2)));
  const r = rng();
  const headingCount = r < 0.3 ? 0 : r < 0.75 ? 1 : 2;
  const headingBefore = new Set<number>();
  while (headingBefore.size < headingCount) headingBefore.add(2 + int(rng, paragraphCount - 2));

  const beat = BEAT_TEMPLATES[writer.beat];
  const lead = writer.render(writer.chooseTemplate(beat.leads) ?? GENERIC_FALLBACK);
  const blocks: string[] = [lead];
  let written = countWords(lead);

  for (let p = 1; p < paragraphCount; p++) {
    if (headingBefore.has(p)) blocks.push(writer.heading());
    const last = p === paragraphCount - 1;
    const target = (words - written) / (paragraphCount - p);
    const sentences: string[] = [];
    let paragraphWords = 0;
    let previousWasQuote = p === 1 ? false : rng() < 0.3;
    const maxSentences = Math.max(6, Math.ceil(target / 14));
    while (sentences.length === 0 || (paragraphWords < target * 0.85 && sentences.length < maxSentences)) {
      if (last && sentences.length > 0 && paragraphWords + 18 >= target * 0.85 && rng() < 0.6) break;
      const sentence = writer.bodySentence(!previousWasQuote);
      previousWasQuote = sentence.startsWith('"') || sentence.includes(': "');
      sentences.push(sentence);
      paragraphWords += countWords(sentence);
    }
    if (p === paragraphCount - 2) {
      for (const sentence of writer.flushPending()) {
        sentences.push(sentence);
        paragraphWords += countWords(sentence);
      }
    }
    if (last) {
      if (writer.pending.person + writer.pending.organization + writer.pending.place > 0) {
        for (const sentence of writer.flushPending()) sentences.push(sentence);
      }
      if (rng() < 0.55) {
        const closers = rng() < 0.6 ? beat.closers : GENERIC_CLOSERS;
        const closer = writer.chooseTemplate(closers, undefined, false);
        if (closer) sentences.push(writer.render(closer));
      }
    }
    const paragraph = sentences.join(' ');
    written += countWords(paragraph);
    blocks.push(paragraph);
  }
  return ` date ${date.toISOString().slice(0, 10)} ${blocks.join('\n\n')}`;
}

// ---------------------------------------------------------------------------------------------------------
// Corpus

function normalize(options: CorpusOptions): { count: number; seed: number; words: number } {
  const count = options.count;
  if (!Number.isInteger(count) || count < 0) throw new Error(`count must be a non-negative integer, got ${count}`);
  const seed = options.seed ?? 1;
  if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${seed}`);
  const words = options.words ?? 500;
  if (!Number.isFinite(words) || words <= 0) throw new Error(`words must be a positive number, got ${words}`);
  return { count, seed: Math.floor(seed) >>> 0, words };
}

function fileId(seed: number, index: number): string {
  // low is a bijection of index (xor, add and fmix32 are all invertible on 32 bits): ids never collide.
  const low = fmix32(((index ^ fmix32(seed ^ 0xa5a5a5a5)) + fmix32(seed + 0x3c6ef372)) >>> 0);
  const high = fmix32(Math.imul(index, 0x27d4eb2d) ^ fmix32(seed ^ 0x165667b1));
  return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
}

/** Yields the articles one at a time (what writeCorpus uses, to keep memory flat). */
export function* iterateCorpus(options: CorpusOptions): Generator<CorpusFile> {
  const { count, seed, words } = normalize(options);
  const digits = Math.max(3, String(count).length);
  const articleSeed = fmix32(seed ^ 0x9e3779b9);
  for (let index = 0; index < count; index++) {
    const rng = mulberry32(fmix32(articleSeed + Math.imul(index, 0x61c88647)));
    yield {
      name: `${String(index + 1).padStart(digits, '0')}_${fileId(seed, index)}.txt`,
      text: articleText(rng, words),
    };
  }
}

/** Generates the whole corpus in memory. Pure: the same options give the same names and texts. */
export function generateCorpus(options: CorpusOptions): CorpusFile[] {
  return [...iterateCorpus(options)];
}

/** Writes the corpus to `dir` (created if needed; existing *.txt files in it are removed first). */
export function writeCorpus(dir: string, options: CorpusOptions): { files: number; bytes: number } {
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.txt')) unlinkSync(join(dir, entry.name));
  }
  let files = 0;
  let bytes = 0;
  for (const file of iterateCorpus(options)) {
    const data = Buffer.from(file.text, 'utf8');
    writeFileSync(join(dir, file.name), data);
    files++;
    bytes += data.length;
  }
  return { files, bytes };
}

// ---------------------------------------------------------------------------------------------------------
// CLI

const USAGE = 'usage: npx tsx bench/generate.ts --count N --out DIR [--seed N] [--words N]';

function parseCli(argv: string[]): { out: string; options: CorpusOptions } {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = /^--(count|out|seed|words)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument ${arg}\n${USAGE}`);
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${match[1]} needs a value\n${USAGE}`);
    values.set(match[1]!, value);
  }
  const number = (key: string): number | undefined => {
    const raw = values.get(key);
    if (raw === undefined) return undefined;
    if (!/^-?\d+$/.test(raw)) throw new Error(`--${key} must be an integer, got ${raw}`);
    return Number(raw);
  };
  const count = number('count');
  const out = values.get('out');
  if (count === undefined || out === undefined) throw new Error(USAGE);
  return { out: resolve(out), options: { count, seed: number('seed'), words: number('words') } };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const { out, options } = parseCli(process.argv.slice(2));
    const started = performance.now();
    const { files, bytes } = writeCorpus(out, options);
    const elapsed = Math.round(performance.now() - started);
    console.log(`wrote ${files} files to ${out}: ${(bytes / 1_000_000).toFixed(2)} MB in ${elapsed} ms`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
