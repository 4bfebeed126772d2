import countries from 'world-countries';
import type { EntityType } from '../../contract/corpus-index.js';
import nlp from 'compromise';
import { foldKey } from './slug.js';

export type KnownEntity = { name: string; type: EntityType };

// Country codes that news prose really uses; the rest of the two-letter codes ("DE", "IT") are words.
const CODES_USED_IN_PROSE = new Set(['US', 'USA', 'UK', 'UAE', 'DRC', 'PRC', 'ROK', 'DPRK']);

const EXTRA_ALIASES: Record<string, string[]> = {
  'United States': ['U.S.', 'U.S.A.', 'America', 'the United States', 'United States of America'],
  'United Kingdom': ['U.K.', 'Britain', 'Great Britain'],
  'Czechia': ['Czech Republic'],
  'Turkey': ['Türkiye', 'Turkiye'],
  'Ivory Coast': ["Côte d'Ivoire", 'Cote d’Ivoire', 'Côte d’Ivoire'],
  'Myanmar': ['Burma'],
  'North Korea': ['DPRK'],
  'South Korea': ['Republic of Korea'],
  'China': ["People's Republic of China", 'PRC'],
};

// Well-known bodies named by a metonym, and international organizations everyone abbreviates.
const WELL_KNOWN: Array<[string, EntityType, string[]]> = [
  ['Kremlin', 'organization', ['the Kremlin']],
  ['White House', 'organization', []],
  ['Pentagon', 'organization', []],
  ['European Union', 'organization', ['EU', 'E.U.']],
  ['United Nations', 'organization', ['UN', 'U.N.']],
  ['NATO', 'organization', ['North Atlantic Treaty Organization', 'Nato']],
  ['State Duma', 'organization', ['Duma']],
  ['International Space Station', 'place', ['ISS']],
  ['The Hague', 'place', []],
  ['Europe', 'place', []],
  ['Asia', 'place', []],
  ['Africa', 'place', []],
  ['North America', 'place', []],
  ['South America', 'place', []],
  ['Latin America', 'place', []],
  ['Central America', 'place', []],
  ['Middle East', 'place', []],
  ['Oceania', 'place', []],
  ['Antarctica', 'place', []],
  ['Arctic', 'place', []],
  ['Caribbean', 'place', []],
  ['Scandinavia', 'place', []],
  ['Balkans', 'place', []],
  ['Sahel', 'place', []],
  ['Southeast Asia', 'place', []],
  ['West Africa', 'place', []],
  ['East Africa', 'place', []],
  ['Gulf', 'place', []],
  ['Federal Reserve', 'organization', ['Fed', 'the Fed', 'US Federal Reserve']],
  ['Bengaluru', 'place', ['Bangalore']],
  ['Mumbai', 'place', ['Bombay']],
  ['Chennai', 'place', ['Madras']],
  ['Kolkata', 'place', ['Calcutta']],
  ['Kyiv', 'place', ['Kiev']],
  ['Beijing', 'place', ['Peking']],
  ['Downing Street', 'organization', []],
  ['Élysée', 'organization', ['Elysee', 'Élysée Palace', 'Elysee Palace']],
];

const known = new Map<string, KnownEntity>();
const demonyms = new Set<string>();

function add(alias: string, entity: KnownEntity) {
  const key = foldKey(alias);
  if (key && !known.has(key)) known.set(key, entity);
}

for (const [name, type, aliases] of WELL_KNOWN) {
  const entity = { name, type };
  add(name, entity);
  for (const alias of aliases) add(alias, entity);
}
for (const country of countries) {
  const entity: KnownEntity = { name: country.name.common, type: 'place' };
  add(country.name.common, entity);
  add(country.name.official, entity);
  for (const alias of country.altSpellings) {
    if (/^[\p{Script=Latin}\s.'’-]+$/u.test(alias) && (alias.length > 3 || CODES_USED_IN_PROSE.has(alias))) add(alias, entity);
  }
  for (const alias of EXTRA_ALIASES[country.name.common] ?? []) add(alias, entity);
  for (const capital of country.capital ?? []) add(capital, { name: capital, type: 'place' });
  const eng = country.demonyms?.eng;
  if (eng) for (const demonym of [eng.f, eng.m]) demonyms.add(demonym.toLowerCase());
}
for (const extra of ['Democratic', 'Republican', 'Communist', 'Socialist', 'Conservative', 'Liberal', 'European', 'Soviet', 'Western', 'Arab', 'Latin', 'Asian', 'African', 'British', 'English', 'Scottish', 'Welsh', 'Kurdish', 'Palestinian', 'Jewish', 'Muslim', 'Christian']) {
  demonyms.add(extra.toLowerCase());
}

export function lookupKnown(surface: string): KnownEntity | undefined {
  return known.get(foldKey(surface));
}

export function isDemonym(word: string): boolean {
  return demonyms.has(word.toLowerCase());
}

/** Words that introduce a person: stripped from the name, and a strong person signal. */
export const PERSON_TITLES = new Set(
  [
    'president', 'vice', 'prime', 'minister', 'dr', 'dr.', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'sir', 'dame', 'lord', 'lady',
    'senator', 'sen.', 'rep.', 'representative', 'congressman', 'congresswoman', 'gov.', 'governor', 'general', 'gen.', 'chancellor',
    'king', 'queen', 'prince', 'princess', 'pope', 'judge', 'justice', 'professor', 'prof.', 'coach', 'captain', 'capt.', 'mayor',
    'premier', 'ambassador', 'commissioner', 'secretary', 'speaker', 'lawmaker', 'deputy', 'first', 'chairman', 'chairwoman', 'chair',
    'director', 'spokesperson', 'spokesman',
    'spokeswoman', 'chief', 'executive', 'founder', 'ceo', 'cfo', 'cto', 'coo', 'officer', 'sheikh', 'emir', 'ayatollah', 'rabbi',
    'bishop', 'archbishop', 'cardinal', 'father', 'sister', 'brother', 'colonel', 'col.', 'lt.', 'lieutenant', 'sergeant', 'sgt.',
    'admiral', 'marshal', 'inspector', 'detective', 'dean', 'attorney', 'former', 'late', 'acting', 'opposition',
    'mp', 'mep', 'striker', 'midfielder', 'defender', 'goalkeeper', 'manager', 'author', 'actor', 'actress',
    'singer', 'rapper', 'director-general', 'secretary-general', 'councillor', 'councilor', 'alderman', 'sheriff', 'reverend',
    'rev.', 'governor-general', 'minister-president',
  ],
);

/** Portfolios that belong to the title after them: "Environment Minister Marina Silva", "Foreign Secretary". */
export const PORTFOLIOS = new Set([
  'foreign', 'defence', 'defense', 'finance', 'economy', 'interior', 'health', 'trade', 'environment', 'education', 'transport',
  'energy', 'agriculture', 'culture', 'labour', 'labor', 'housing', 'home', 'treasury', 'sports', 'immigration', 'industry',
  'commerce', 'tourism', 'science', 'justice', 'economic', 'economics', 'climate', 'digital', 'security',
]);

/** Titles after which the name before them is a place ("Ontario Premier Doug Ford"), not an organization. */
export const PLACE_TITLES = new Set(['premier', 'governor', 'mayor', 'lieutenant-governor']);

/** Roles that, following a name, show the name is an organization ("Tesla CEO", "Kremlin spokesperson"). */
export const ORG_ROLES = new Set([
  'ceo', 'cfo', 'cto', 'coo', 'chief', 'spokesperson', 'spokesman', 'spokeswoman', 'chairman', 'chairwoman', 'founder', 'co-founder',
  'shares', 'stock', 'employees', 'staff', 'board', 'executives', 'executive', 'engineers', 'officials', 'official',
  'lawyers', 'shareholders', 'investors', 'subsidiary', 'owner', 'boss',
]);

/** Last words that make a name an organization. */
export const ORG_HEADS = new Set([
  'inc', 'inc.', 'corp', 'corp.', 'corporation', 'company', 'co.', 'ltd', 'ltd.', 'llc', 'plc', 'ag', 'gmbh', 'sa', 'group', 'holdings',
  'bank', 'fund', 'party', 'committee', 'commission', 'council', 'agency', 'ministry', 'department', 'office', 'court', 'parliament',
  'assembly', 'senate', 'congress', 'duma', 'union', 'association', 'federation', 'organization', 'organisation', 'institute',
  'university', 'college', 'school', 'academy', 'foundation', 'society', 'league', 'club', 'fc', 'team', 'board', 'authority',
  'service', 'services', 'times', 'post', 'journal', 'news', 'herald', 'gazette', 'tribune', 'telegraph', 'guardian', 'press',
  'reuters', 'network', 'broadcasting', 'television', 'radio', 'airlines', 'airways', 'motors', 'industries', 'technologies',
  'systems', 'labs', 'laboratories', 'pharmaceuticals', 'energy', 'capital', 'partners', 'church', 'army', 'navy', 'police',
  'forces', 'guard', 'command', 'administration', 'cabinet', 'government', 'hospital', 'museum', 'orchestra', 'studios', 'records',
  'exchange', 'reserve', 'tribunal', 'secretariat', 'directorate', 'bureau', 'centre', 'center', 'alliance', 'movement', 'front',
  'electronics', 'research', 'economics', 'macroeconomics', 'analytics', 'consulting', 'securities', 'insurance', 'semiconductor',
  'software', 'robotics', 'logistics', 'ventures', 'foods', 'aerospace', 'automotive', 'telecommunications', 'communications',
  'entertainment', 'sciences', 'therapeutics', 'biotech', 'networks', 'solutions', 'cricket', 'athletics', 'football', 'rugby',
  'hockey', 'cycling', 'basketball', 'netball', 'sociedad', 'athletic', 'sporting', 'olympique', 'rovers', 'wanderers', 'albion',
  'brewing', 'petroleum', 'mining', 'steel', 'chemicals', 'healthcare', 'pharma', 'fc', 'cf', 'afc',
]);

// compromise's own lists of words that end organization and place names ("Brothers", "Cathedral").
const model = nlp.model() as { two: { orgWords?: Record<string, unknown>; placeWords?: Record<string, unknown> } };
export const ORG_LAST_WORDS = new Set(Object.keys(model.two.orgWords ?? {}));
export const PLACE_LAST_WORDS = new Set(Object.keys(model.two.placeWords ?? {}));

/** Last words that make a name a place. */
export const PLACE_HEADS = new Set([
  'airport', 'station', 'port', 'bridge', 'square', 'street', 'avenue', 'road', 'park', 'river', 'lake', 'mountain', 'mountains',
  'mount', 'island', 'islands', 'sea', 'ocean', 'gulf', 'bay', 'valley', 'county', 'province', 'region', 'district', 'city',
  'peninsula', 'desert', 'canal', 'strait', 'coast', 'beach', 'stadium', 'arena', 'oblast', 'krai', 'prefecture', 'territory',
]);

/** Last words of names that are not entities: laws, treaties, events, awards, products. */
export const NON_ENTITY_HEADS = new Set([
  'act', 'bill', 'law', 'treaty', 'accord', 'accords', 'agreement', 'pact', 'convention', 'summit', 'conference', 'cup', 'games',
  'olympics', 'championship', 'championships', 'open', 'war', 'award', 'awards', 'prize', 'festival', 'day', 'week', 'protocol',
  'doctrine', 'plan', 'program', 'programme', 'initiative', 'index', 'report', 'strategy', 'tour', 'grand', 'series', 'season',
  'fair', 'expo', 'exhibition', 'marathon', 'trophy', 'charter', 'derby', 'gala', 'biennale', 'prix', 'regatta', 'rally',
  'triathlon', 'olympiad', 'tournament', 'show', 'masters', 'classic', 'race', 'rate', 'budget', 'census', 'election', 'elections', 'referendum',
]);

/** First words of names that are not entities: storms, operations, product lines. */
export const NON_ENTITY_FIRST = new Set(['storm', 'hurricane', 'typhoon', 'cyclone', 'tropical', 'operation', 'project', 'model', 'version', 'covid', 'covid-19']);

/** First words of place names: "River Teme", "Lake Geneva", "Santa Clara", "Port Harcourt". */
export const PLACE_FIRST = new Set(['river', 'lake', 'mount', 'mt.', 'port', 'fort', 'san', 'santa', 'são', 'sao', 'saint', 'st.', 'gulf', 'bay', 'cape', 'isle', 'sierra', 'costa', 'rio', 'lago', 'monte', 'north', 'south', 'east', 'west', 'upper', 'lower', 'greater']);

/** Single-word organization names by their ending: "Bundesbank", "Afrinvest", "Nasscom". */
export const ORG_SUFFIX = /(?:bank|corp|tech|soft|com|invest|capital|media|motors|pharma|air|airways|telecom|energy|ware)$/i;

/** Acronyms that are titles, units or common words rather than organizations. */
export const ACRONYM_STOP = new Set([
  'CEO', 'CFO', 'CTO', 'COO', 'TV', 'AI', 'GDP', 'OK', 'PM', 'AM', 'PR', 'IT', 'ID', 'DNA', 'HIV', 'AIDS', 'COVID', 'USD', 'EUR',
  'GBP', 'VAT', 'IPO', 'ETF', 'EV', 'EVS', 'MP', 'MEP', 'MPS', 'GMT', 'UTC', 'BC', 'AD', 'UFO', 'VIP', 'FAQ', 'PDF', 'PHD', 'MBA', 'AGM',
  'CD', 'DVD', 'LP', 'EP', 'PC', 'SUV', 'RSS', 'XML', 'HTML', 'CDATA', 'JSON', 'URL', 'HTTP', 'HTTPS', 'CSS', 'SQL', 'GPS', 'USB', 'LED', 'LCD', 'Q&A', 'FAQ', 'Q1', 'Q2', 'Q3', 'Q4', 'I', 'II', 'III', 'IV', 'A', 'LGBT', 'LGBTQ', 'CO2', 'KM', 'KG', 'MW', 'GW', 'US-LED', 'NFT', 'API', 'CPU',
]);

/** Verbs that, right after a bare name, show a speaking person. */
export const SPEECH_VERBS = new Set([
  'said', 'says', 'told', 'tells', 'added', 'claimed', 'explained', 'argued', 'wrote', 'noted', 'urged', 'warned', 'suggested',
  'asked', 'replied', 'insisted', 'stated', 'recalled', 'admitted', 'denied', 'tweeted', 'posted', 'posts', 'believes', 'thinks',
  'stressed', 'acknowledged', 'declined', 'refused', 'countered', 'quipped', 'joked', 'confirmed',
]);

/** Name particles kept inside person and place names ("von der Leyen", "da Silva", "de Gaulle"). */
export const PARTICLES = new Set([
  'de', 'del', 'della', 'der', 'den', 'di', 'da', 'das', 'do', 'dos', 'du', 'des', 'la', 'le', 'van', 'von', 'ter', 'bin', 'ibn', 'al', 'el', 'y', 'e',
]);

/** Nouns that, right before a name or in its apposition, show an organization ("chocolate maker Barry Callebaut"). */
export const ORG_NOUNS = new Set([
  'company', 'firm', 'maker', 'carmaker', 'automaker', 'chipmaker', 'drugmaker', 'manufacturer', 'producer', 'retailer', 'bank',
  'lender', 'insurer', 'airline', 'carrier', 'group', 'giant', 'conglomerate', 'startup', 'start-up', 'rival', 'supplier', 'contractor',
  'operator', 'agency', 'broadcaster', 'newspaper', 'outlet', 'publisher', 'club', 'side', 'party', 'union', 'charity', 'regulator',
  'watchdog', 'ministry', 'network', 'platform', 'studio', 'label', 'brand', 'exchange', 'fund', 'developer', 'provider', 'utility',
  'miner', 'refiner', 'distributor', 'subsidiary', 'parent', 'organisation', 'organization', 'franchise', 'automaker', 'shipbuilder',
  'consultancy', 'bloc', 'alliance', 'organizer', 'organiser', 'university', 'institute', 'council', 'committee', 'court',
]);

/** Nouns that, right before a name or in its apposition, show a person ("economist Zoë Lefèvre", "Musk, the billionaire"). */
export const PERSON_NOUNS = new Set([
  'economist', 'analyst', 'minister', 'president', 'spokesperson', 'spokesman', 'spokeswoman', 'lawmaker', 'senator', 'official',
  'director', 'founder', 'co-founder', 'billionaire', 'entrepreneur', 'actor', 'actress', 'singer', 'rapper', 'player', 'striker',
  'midfielder', 'defender', 'goalkeeper', 'coach', 'manager', 'captain', 'batter', 'batsman', 'bowler', 'runner', 'sprinter',
  'champion', 'author', 'writer', 'novelist', 'poet', 'artist', 'painter', 'scientist', 'researcher', 'professor', 'doctor', 'lawyer',
  'judge', 'prosecutor', 'mayor', 'governor', 'premier', 'chancellor', 'leader', 'activist', 'blogger', 'journalist', 'reporter',
  'editor', 'whistleblower', 'astronaut', 'pilot', 'engineer', 'candidate', 'diplomat', 'ambassador', 'envoy', 'commander', 'resident',
  'mother', 'father', 'son', 'daughter', 'wife', 'husband', 'teacher', 'student', 'nurse', 'farmer', 'chairman', 'chairwoman',
  'secretary', 'star', 'musician', 'filmmaker', 'designer', 'architect', 'historian', 'curator', 'chef', 'tycoon', 'mogul',
  'strategist', 'adviser', 'advisor', 'aide', 'chief', 'boss', 'head', 'veteran', 'legend', 'forward', 'winger', 'cricketer',
  'footballer', 'tennis', 'golfer', 'cyclist', 'swimmer', 'boxer', 'marathoner', 'composer', 'conductor', 'photographer', 'critic',
  'economists', 'epidemiologist', 'physicist', 'biologist', 'chemist', 'astronomer', 'inventor', 'investor', 'banker', 'trader',
  'officer', 'detective', 'inspector', 'sergeant', 'colonel', 'general', 'admiral', 'opponent', 'challenger', 'incumbent', 'ceo',
]);
