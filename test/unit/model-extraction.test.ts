// The default extractor end to end: the trained tagger's spans and types, checked by the annotation rules,
// resolved within the article and across the corpus (src/build/entities/model-candidates.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/build/corpus/build.js';
import { DEFAULT_EXTRACTOR, extractEntities } from '../../src/build/entities/extract.js';
import { extractionBlocks } from '../../src/build/entities/extraction-blocks.js';
import { extractAll, startWorker } from '../../src/build/entities/parallel.js';
import { parseSeed } from '../../src/build/parse/seed.js';
import { BUNDLED_SEEDS } from '../support/paths.js';

function extract(text: string, name = '001_0123456789abcdef.txt') {
  const { article } = parseSeed(name, text);
  return { article: article!, ...extractEntities(article!.blocks, 'model') };
}
const found = (text: string) => new Map(extract(text).mentions.map((mention) => [mention.name, mention]));

describe('the model extractor', () => {
  it('is the default', () => {
    expect(DEFAULT_EXTRACTOR).toBe(process.env.WIREFEED_EXTRACTOR === 'rules' ? 'rules' : 'model');
  });

  it('finds the people, organizations and places of the real seed, each once with its forms', () => {
    const seed = readdirSeed();
    const mentions = new Map(extract(seed, '000_189017ad2c526773.txt').mentions.map((m) => [m.name, m]));
    expect(mentions.get('Elon Musk')).toMatchObject({ type: 'person', forms: ['Elon Musk', 'Musk'] });
    expect(mentions.get('Dmitry Peskov')).toMatchObject({ type: 'person' });
    expect(mentions.get('United States')).toMatchObject({ type: 'place', forms: ['US', 'United States'] });
    expect(mentions.get('International Space Station')?.forms).toContain('ISS');
    for (const [name, type] of [
      ['TASS', 'organization'],
      ['SpaceX', 'organization'],
      ['Kremlin', 'organization'],
      ['White House', 'organization'],
      ['Communist Party of the Russian Federation', 'organization'],
      ['Russia', 'place'],
      ['Tesla', 'organization'],
    ]) {
      expect(mentions.get(name!)?.type, name).toBe(type);
    }
    // "the Tesla CEO" is Tesla's; "SpaceX's Dragon spacecraft" is a product.
    expect(mentions.has('Tesla CEO')).toBe(false);
    expect(mentions.has('Dragon')).toBe(false);
  });

  it('splits a title from a name, and types what a premier governs as a place', () => {
    const mentions = found(
      ' date 2025-01-01 Ontario Premier Doug Ford met Tesla CEO Elon Musk. Ford said Musk agreed.',
    );
    expect(mentions.get('Ontario')?.type).toBe('place');
    expect(mentions.get('Doug Ford')).toMatchObject({ type: 'person', forms: ['Doug Ford', 'Ford'] });
    expect(mentions.get('Tesla')?.type).toBe('organization');
    expect(mentions.get('Elon Musk')?.forms).toEqual(['Elon Musk', 'Musk']);
  });

  it('keeps an acronym with its expansion, and types a list alike', () => {
    const mentions = found(
      ' date 2025-01-01 The World Health Organization (WHO) warned. Its customers, Amazon, Microsoft and ' +
        'Alphabet, raised spending.',
    );
    expect(mentions.get('World Health Organization')?.forms).toEqual(['World Health Organization', 'WHO']);
    for (const name of ['Amazon', 'Microsoft', 'Alphabet']) expect(mentions.get(name)?.type).toBe('organization');
  });

  it('takes no product, event, law, holiday or sentence-initial word for a name', () => {
    const mentions = found(
      ' date 2025-01-01 Apple sold the iPhone 16 in Paris over Christmas, and the Paris ' +
        'Agreement was discussed at COP30.',
    );
    expect([...mentions.keys()].sort()).toEqual(['Apple', 'Paris']);
  });

  it('reads wire copy: the agency in a dateline, a dash as a break, a day after a name, a title inside a run', () => {
    const mentions = found(
      ' date 2025-01-01 NAIROBI, Feb 18 (Wirefeed) - Kenya will ration water after rivers fed by Mount Kenya fell. ' +
        'The Calderbrook District Council on Wednesday approved the plan, Council Leader Priya Chandran said.',
    );
    expect(mentions.get('Wirefeed')?.type).toBe('organization');
    // "Kenya" is its own name, not a piece of the "Mount Kenya" further on in the sentence.
    expect(mentions.get('Kenya')).toMatchObject({ type: 'place', forms: ['Kenya'] });
    expect(mentions.get('Mount Kenya')?.type).toBe('place');
    expect(mentions.get('Calderbrook District Council')?.type).toBe('organization');
    expect(mentions.get('Priya Chandran')?.type).toBe('person');
    expect([...mentions.keys()].filter((name) => /Wednesday|Leader|^Council$/.test(name))).toEqual([]);
    // A dateline with a date, not a name in capitals for a body.
    const dated = found(' date 2025-01-01 CHICAGO 1996-08-30\n\nThe cardinal of Chicago said he was ill.');
    expect(dated.get('Chicago')).toMatchObject({ type: 'place', forms: ['CHICAGO', 'Chicago'] });
  });

  it('splits two names joined by "and", and types a name by its head word', () => {
    const mentions = found(
      ' date 2025-01-01 Goldman Sachs and Citigroup led the round for Kestrel Labs, which drills in the ' +
        'Santos Basin. The Scottish Fire and Rescue Service and Trinidad and Tobago were not involved.',
    );
    expect(mentions.get('Goldman Sachs')?.type).toBe('organization');
    expect(mentions.get('Citigroup')?.type).toBe('organization');
    expect(mentions.has('Goldman Sachs and Citigroup')).toBe(false);
    expect(mentions.get('Kestrel Labs')?.type).toBe('organization');
    expect(mentions.get('Santos Basin')?.type).toBe('place');
    expect(mentions.get('Trinidad and Tobago')?.type).toBe('place');
  });

  it('ends a name at a verb inside the model\'s span: "Atlético Madrid held Olympique de Marseille"', () => {
    const mentions = found(' date 2025-01-01 Atlético Madrid held Olympique de Marseille to a 2-0 draw on Friday.');
    expect(mentions.get('Atlético Madrid')?.type).toBe('organization');
    expect(mentions.get('Olympique de Marseille')?.type).toBe('organization');
    expect([...mentions.keys()].filter((name) => name.includes(' held '))).toEqual([]);
  });

  it('splits "X of <place> and Y" into two bodies, but keeps an "of" name with "and" inside whole', () => {
    const mentions = found(
      ' date 2025-01-01 The Reserve Bank of India and Apple have both said they would study the proposals. The ' +
        'Graduate Institute of International and Development Studies agreed.',
    );
    expect(mentions.get('Reserve Bank of India')?.type).toBe('organization');
    expect(mentions.get('Apple')?.type).toBe('organization');
    expect(mentions.has('Reserve Bank of India and Apple')).toBe(false);
    expect(mentions.has('Graduate Institute of International and Development Studies')).toBe(true);
  });

  it('reads round 12\'s names: a possessive before a head word, a kind word before a name, "X and Y Canal"', () => {
    const mentions = found(
      " date 2025-01-01 The lessor moved to Sir John Rogerson's Quay in Dublin. Batches made by Dr. Reddy's " +
        'Laboratories were recalled. Her death was announced by the Instituto Helena Moura. Boats moored on the ' +
        'Leeds and Liverpool Canal near Wigan. The final was played at the Peace and Friendship Stadium. He spoke ' +
        'to the House of Councillors. Officials met in the Belgo and Black Mountain neighbourhoods.',
    );
    expect(mentions.get("Sir John Rogerson's Quay")?.type).toBe('place');
    expect(mentions.get("Dr. Reddy's Laboratories")?.type).toBe('organization');
    expect(mentions.get('Instituto Helena Moura')?.type).toBe('organization');
    expect(mentions.get('Leeds and Liverpool Canal')?.type).toBe('place');
    expect(mentions.get('Peace and Friendship Stadium')?.type).toBe('place');
    expect(mentions.get('House of Councillors')?.type).toBe('organization');
    for (const name of ['John Rogerson', 'Reddy', 'Helena Moura', 'Liverpool Canal', 'Friendship Stadium']) {
      expect(mentions.has(name), name).toBe(false);
    }
    expect(mentions.has('Belgo and Black Mountain')).toBe(false);
  });

  it('finds no entity in race names, space telescopes, currency codes, adjective compounds or languages', () => {
    const mentions = found(
      ' date 2025-01-01 Golden Dynamo won the Tolo Harbour Handicap. The James Webb Space Telescope and the ' +
        'Very Large Telescope saw it. Revenue rose to CZK 2.1 billion and EBITDA to 400 million. The Kuala ' +
        'Lumpur-based firm said so in Swahili.',
    );
    for (const name of ['Tolo Harbour Handicap', 'James Webb Space Telescope', 'CZK', 'EBITDA', 'Swahili']) {
      expect(mentions.has(name), name).toBe(false);
    }
    expect([...mentions.keys()].filter((name) => name.endsWith('-based'))).toEqual([]);
    expect(mentions.get('Very Large Telescope')?.type).toBe('place');
  });

  it('types bodies and places by their words in other languages and reads "Ma." inside a name', () => {
    const mentions = found(
      ' date 2025-01-01 A loan arranged by PKO Bank Polski and Komerční banka, with others, was listed on Oslo ' +
        'Børs. Guardia Costiera boats reached the Kuala Lumpur Court Complex. Police Supt. Ramon Ilagan and Dr. ' +
        'Ma. Corazon Dumlao-Albano spoke.',
    );
    expect(mentions.get('Komerční banka')?.type).toBe('organization');
    expect(mentions.get('Oslo Børs')?.type).toBe('organization');
    expect(mentions.get('Guardia Costiera')?.type).toBe('organization');
    expect(mentions.get('Kuala Lumpur Court Complex')?.type).toBe('place');
    expect(mentions.get('Ramon Ilagan')?.type).toBe('person');
    expect(mentions.get('Ma. Corazon Dumlao-Albano')?.type).toBe('person');
  });

  it("splits two known places side by side, and joins a body's name to the one a place or demonym heads", () => {
    const mentions = found(
      " date 2025-01-01 Kais Saied rejected attempts to make Tunisia Europe's border guard. The Hong Kong Jockey " +
        'Club said the Jockey Club would pay. Swansea Council approved the rise; the settlement for Swansea grew.',
    );
    expect(mentions.get('Tunisia')?.type).toBe('place');
    expect(mentions.get('Europe')?.type).toBe('place');
    expect(mentions.get('Hong Kong Jockey Club')?.forms).toContain('Jockey Club');
    expect(mentions.has('Jockey Club')).toBe(false);
    expect(mentions.get('Swansea')?.type).toBe('place');
    expect(mentions.get('Swansea Council')?.type).toBe('organization');
  });

  it('reads a byline as the body, and names by their titles and bodies by their words in other languages', () => {
    const { mentions } = extract(
      'title Port strike halts exports\n date 2025-01-01 MOMBASA — Dockers walked out on Monday.\n\n' +
        'By Gemma Pritchard, Local Democracy Reporter\n\nThe station failed, said Md. Kamruzzaman Bhuiyan. "Pray," ' +
        'said Imam Abdullahi Warsame Yusuf. Officials at Norges Friidrettsforbund and Otoritas Jasa Keuangan met.',
    );
    const byName = new Map(mentions.map((mention) => [mention.name, mention]));
    expect(byName.get('Gemma Pritchard')?.type).toBe('person');
    expect(byName.get('Md. Kamruzzaman Bhuiyan')?.type).toBe('person');
    expect(byName.get('Abdullahi Warsame Yusuf')?.type).toBe('person');
    expect(byName.get('Norges Friidrettsforbund')?.type).toBe('organization');
    expect(byName.get('Otoritas Jasa Keuangan')?.type).toBe('organization');
    expect(byName.has('Imam Abdullahi Warsame Yusuf')).toBe(false);
  });

  it("finds no entity in eras, time zones, days in the plural, a live blog's calls or inside an event", () => {
    const mentions = found(
      ' date 2025-01-01 The cemetery dates from the Bronze Age. Trading opens at 09:00 Western Indonesia Time. The ' +
        "market opens on Saturdays. 67' GOAL! A VAR check follows. The win set up a Japan Series rematch.",
    );
    for (const name of ['Bronze Age', 'Western Indonesia Time', 'Saturdays', 'GOAL', 'VAR', 'Japan']) {
      expect(mentions.has(name), name).toBe(false);
    }
  });

  it('types places and stations by their first or last words: citadels, depots, mosques, canals, radio', () => {
    const mentions = found(
      ' date 2025-01-01 Crowds gathered below the Erbil Citadel and at the Nairobi Inland Container Depot. Boats ' +
        'moored on the Canal Saint-Denis near Masjid Al-Hidayah, Galway Bay FM reported.',
    );
    expect(mentions.get('Erbil Citadel')?.type).toBe('place');
    expect(mentions.get('Nairobi Inland Container Depot')?.type).toBe('place');
    expect(mentions.get('Canal Saint-Denis')?.type).toBe('place');
    expect(mentions.get('Masjid Al-Hidayah')?.type).toBe('place');
    expect(mentions.get('Galway Bay FM')?.type).toBe('organization');
  });

  it('takes an Indonesian firm with and without its legal forms for one firm', () => {
    const mentions = found(' date 2025-01-01 PT Kartika Airlines Tbk said on Monday. Kartika Airlines flies to Bali.');
    const firms = [...mentions.values()].filter((mention) => mention.forms.includes('Kartika Airlines'));
    expect(firms).toHaveLength(1);
    expect(firms[0]!.forms).toContain('PT Kartika Airlines Tbk');
    expect(mentions.has('PT')).toBe(false);
  });

  it('keeps a government body named by a list whole, but not a list of places', () => {
    const mentions = found(
      ' date 2025-01-01 The dispute drew in the Dutch Ministry of Education, Culture and Science. Fees go to the ' +
        'Department of National Parks, Wildlife and Plant Conservation (DNP). The Ministry of Defence, Britain and ' +
        'France agreed.',
    );
    expect(mentions.get('Ministry of Education, Culture and Science')?.type).toBe('organization');
    expect(mentions.get('Department of National Parks, Wildlife and Plant Conservation')?.forms).toContain('DNP');
    expect(mentions.get('Ministry of Defence')?.type).toBe('organization');
    expect(mentions.get('France')?.type).toBe('place');
  });

  it('reads a clause after "from <place>," as about the noun before it', () => {
    const mentions = found(
      ' date 2025-01-01 Two Liberal MPs from South Australia, who asked not to be named, spoke to reporters.',
    );
    expect(mentions.get('South Australia')?.type).toBe('place');
  });

  it("takes no caption label, product or kind of body for a name ('PHOTO:', 'OpenAI's ChatGPT chatbot', 'NGO')", () => {
    const mentions = found(
      ' date 2025-01-01 Rini Wulandari leads the NGO Sawit Watch in Bogor. OpenAI’s ChatGPT chatbot was down.\n\n' +
        'PHOTO: The telescope at La Silla, in a long exposure.',
    );
    expect(mentions.get('Sawit Watch')?.type).toBe('organization');
    expect(mentions.get('OpenAI')?.type).toBe('organization');
    for (const name of ['NGO Sawit Watch', 'ChatGPT', 'PHOTO']) expect(mentions.has(name), name).toBe(false);
  });

  it("gives a place name written only as a named person's surname to the person, and splits a headline's run", () => {
    const mentions = found(
      ' date 2025-01-01 Director Neil Jordan shot the film in Dublin. Jordan said it cost him sleep.\n\n' +
        'Yeltsin endorses Lebed Chechnya peace plan\n\nAlexander Lebed is now in Chechnya, Interfax said.',
    );
    expect(mentions.get('Neil Jordan')?.forms).toContain('Jordan');
    expect(mentions.has('Jordan')).toBe(false);
    expect(mentions.has('Lebed Chechnya')).toBe(false);
    expect(mentions.get('Chechnya')?.type).toBe('place');
    expect(mentions.get('Alexander Lebed')?.type).toBe('person');
  });

  it('types well-known organizations named like people as organizations', () => {
    const mentions = found(
      ' date 2025-01-01 Charles Schwab and Bear Stearns advised. Louis Vuitton opened a store. Northrop Grumman ' +
        'lost the contract, and Deloitte audited the books.',
    );
    for (const name of ['Charles Schwab', 'Bear Stearns', 'Louis Vuitton', 'Northrop Grumman', 'Deloitte']) {
      expect(mentions.get(name)?.type, name).toBe('organization');
    }
  });

  it('types the territories and regions always in the news as places', () => {
    const mentions = found(
      ' date 2025-01-01 Troops moved into the West Bank. Nagorno-Karabakh was emptied. Famine hit Darfur and Sinai.',
    );
    for (const name of ['West Bank', 'Nagorno-Karabakh', 'Darfur', 'Sinai']) {
      expect(mentions.get(name)?.type, name).toBe('place');
    }
    // A people is no entity; a demonym before a known place is not part of it, a compass point is.
    const more = found(
      ' date 2025-01-01 The Kurds protested new Jewish West Bank settlements. Perth is in Western Australia.',
    );
    expect([...more.keys()].sort()).toEqual(['Perth', 'West Bank', 'Western Australia']);
  });

  it('takes no adjective for a name, and a name that looks like a plural for one', () => {
    // Adjectives are no names, nor where a body is based.
    const adjectives = found(
      ' date 2025-01-01 A Thai farmer wrote to the South Korean government. Among the buyers are ' +
        'Minneapolis-based First Bank System and Ohio-based KeyCorp.',
    );
    expect([...adjectives.keys()].sort()).toEqual(['First Bank System', 'KeyCorp']);
    const qualified = found(' date 2025-01-01 The U.S. Federal Reserve cut its rate last week.');
    expect([...qualified.keys()].sort()).toEqual(['Federal Reserve', 'United States']);
    // A name that looks like a plural opens a sentence as a name ("Reuters", "Schroders"), a plural does not.
    const plural = found(' date 2025-01-01 Reuters reported the deal. Schroders said profits rose. Protesters left.');
    expect([...plural.keys()].sort()).toEqual(['Reuters', 'Schroders']);
  });

  it('keeps two names joined by a preposition apart, and a name with a preposition inside whole', () => {
    const mentions = found(
      ' date 2025-01-01 Scientists at the Fram Centre on Hjalmar Johansens gate agreed. The club beat Sporting CP ' +
        'for the Lisbon title. Richard Haass of the Council on Foreign Relations, a think tank, disagreed.',
    );
    for (const name of ['Fram Centre', 'Sporting CP', 'Lisbon', 'Council on Foreign Relations']) {
      expect(mentions.has(name), name).toBe(true);
    }
    expect([...mentions.keys()].filter((name) => / (?:on|for) /.test(name))).toEqual(['Council on Foreign Relations']);
  });

  it('starts a name after a title in the plural', () => {
    const mentions = found(' date 2025-01-01 Justices Clarence Thomas and Samuel Alito dissented.');
    expect([...mentions.keys()].sort()).toEqual(['Clarence Thomas', 'Samuel Alito']);
  });

  it('keeps the number of a road, a line or a union local, and a street word in its own language', () => {
    const mentions = found(
      ' date 2025-01-01 Floodwater closed Interstate 10 and Highway 90 for 90,000 drivers, said Amalgamated ' +
        'Transit Union Local 113, and police shut Kossuth Lajos utca in Pécs.',
    );
    expect(mentions.get('Interstate 10')?.type).toBe('place');
    expect(mentions.get('Highway 90')?.type).toBe('place');
    expect(mentions.get('Amalgamated Transit Union Local 113')?.type).toBe('organization');
    expect(mentions.get('Kossuth Lajos utca')?.type).toBe('place');
    expect([...mentions.keys()].filter((name) => /Interstate$|Local$|^Kossuth Lajos$/.test(name))).toEqual([]);
  });

  it('reads a name across the particles of its language, and a square named first as a place', () => {
    const mentions = found(
      ' date 2025-01-01 The Galleria Nazionale delle Marche lent the panel, and crowds filled the Praça dos Três ' +
        'Poderes.',
    );
    expect(mentions.get('Galleria Nazionale delle Marche')?.type).toBe('organization');
    expect(mentions.get('Praça dos Três Poderes')?.type).toBe('place');
    expect(mentions.has('Marche')).toBe(false);
  });

  it('types a longer name by its head word or the model, not by the shape of one word or a place inside it', () => {
    const mentions = found(
      ' date 2025-01-01 VfB Stuttgart beat Borussia Dortmund, and the Black Sea Fleet moved two frigates.',
    );
    expect(mentions.get('VfB Stuttgart')?.type).toBe('organization');
    expect(mentions.get('Black Sea Fleet')?.type).toBe('organization');
  });

  it('parts a person from the paper after "of", and two colleges joined by "and"', () => {
    const mentions = found(
      ' date 2025-01-01 Oyinkansola Bright of the Financial Times chaired it. Presidency College and Loyola ' +
        'College students marched, as did staff of the Kandilli Observatory and Earthquake Research Institute.',
    );
    expect(mentions.get('Oyinkansola Bright')?.type).toBe('person');
    expect(mentions.get('Financial Times')?.type).toBe('organization');
    expect(mentions.get('Presidency College')?.type).toBe('organization');
    expect(mentions.get('Loyola College')?.type).toBe('organization');
    expect(mentions.has('Kandilli Observatory and Earthquake Research Institute')).toBe(true);
  });

  it('types buildings by their head word and bodies by words of their own language', () => {
    const mentions = found(
      ' date 2025-01-01 Fans left the Tokyo Dome for Saint Sarkis Cathedral. Movimiento Evita and Pannónia Média ' +
        'objected, and PRNewswire carried the statement.',
    );
    expect(mentions.get('Tokyo Dome')?.type).toBe('place');
    expect(mentions.get('Saint Sarkis Cathedral')?.type).toBe('place');
    expect(mentions.get('Movimiento Evita')?.type).toBe('organization');
    expect(mentions.get('Pannónia Média')?.type).toBe('organization');
    expect(mentions.get('PR Newswire')?.type).toBe('organization');
  });

  it('finds no place in a compound, a time zone or a currency, and reads the district of a member', () => {
    const mentions = found(
      ' date 2025-01-01 Agrinas, a Singapore-listed group, met at 10:00 CEST, 14:30 Indian Standard Time, and paid ' +
        'US$5 million. Rep. Jane Doe (R-Gilbert) agreed.',
    );
    expect([...mentions.keys()].sort()).toEqual(['Agrinas', 'Gilbert', 'Jane Doe']);
    expect(mentions.get('Gilbert')?.type).toBe('place');
  });

  it('takes a firm with its legal form and without it for one firm', () => {
    const mentions = found(' date 2025-01-01 Kelim Photonics Ltd. agreed. Kelim Photonics makes chips.');
    expect([...mentions.values()].map((mention) => mention.forms)).toEqual([
      ['Kelim Photonics', 'Kelim Photonics Ltd.'],
    ]);
  });

  it('reads the headline of a title line for the places it alone names, but no word of a longer name', () => {
    const seed =
      "title Pakistan's Sharif reshuffles cabinet as Tour de France riders rest\n" +
      ' date 2025-01-01 Prime Minister Shehbaz Sharif swore in three ministers in Islamabad on Monday. Sharif ' +
      'called the changes routine.';
    const { article } = parseSeed('001_0123456789abcdef.txt', seed);
    const mentions = new Map(
      extractEntities(extractionBlocks(article!), 'model').mentions.map((mention) => [mention.name, mention]),
    );
    expect(mentions.get('Pakistan')?.type).toBe('place');
    // Two mentions in the body, one in the headline.
    expect(mentions.get('Shehbaz Sharif')?.count).toBe(3);
    expect(mentions.has('France')).toBe(false);
    // Without a title line the headline is the lead's own start, and extraction reads the body alone.
    const untitled = parseSeed('001_0123456789abcdef.txt', seed.split('\n')[1]!).article!;
    expect(extractionBlocks(untitled)).toBe(untitled.blocks);
  });

  it('reads a subheading in sentence case like the body, and one in title case only for names the body has', () => {
    const text =
      ' date 2025-01-01 Kelim Photonics agreed to the sale on Monday.\n\nWhat Happens Next For Arbordale\n\n' +
      'The deal closes in March.\n\nMedia contact: Christy Tsang, Wonderland Strategic Communications';
    const mentions = found(text);
    expect(extract(text).article.blocks.filter((block) => block.kind === 'subheading')).toHaveLength(2);
    expect(mentions.get('Christy Tsang')?.type).toBe('person');
    expect(mentions.get('Wonderland Strategic Communications')?.type).toBe('organization');
    expect(mentions.has('Arbordale')).toBe(false);
  });

  it('keeps the s of a firm named so, and finds no entity in a craft named before its kind', () => {
    const mentions = found(
      ' date 2025-01-01 The Rosetta spacecraft and the Perseverance rover were sold at Sotheby’s, said Moody’s.',
    );
    expect([...mentions.keys()].sort()).toEqual(['Moody’s', 'Sotheby’s']);
  });

  it('gives the last word of a team or a body to the one organization it ends', () => {
    const mentions = found(
      ' date 2025-01-01 The Denver Nuggets beat the Oklahoma City Thunder 112-104. The Nuggets led from the start.',
    );
    expect(mentions.get('Denver Nuggets')?.forms).toEqual(['Denver Nuggets', 'Nuggets']);
    expect(mentions.has('Nuggets')).toBe(false);
  });

  it('types streets, venues and centres as places, though their head words also name bodies', () => {
    const mentions = found(
      ' date 2025-01-01 Marchers walked down University Avenue to the Adelaide Convention Centre, and the team ' +
        'plays at Aréna Jacques-Plante on Friday.',
    );
    expect(mentions.get('University Avenue')?.type).toBe('place');
    expect(mentions.get('Adelaide Convention Centre')?.type).toBe('place');
    expect(mentions.get('Aréna Jacques-Plante')?.type).toBe('place');
  });
  it('types docks, works and roads by their head word, and a town the model and the gazetteer agree on', () => {
    const mentions = found(
      ' date 2025-01-01 Barges queued at the Zandvliet Lock while the Kallo Terminal stayed shut. The 24-year-old ' +
        'from Leeuwarden, who won in May, crossed the line first.',
    );
    expect(mentions.get('Zandvliet Lock')?.type).toBe('place');
    expect(mentions.get('Kallo Terminal')?.type).toBe('place');
    expect(mentions.get('Leeuwarden')?.type).toBe('place');
  });

  it('ends a name before a title, a run-on verb or the next sentence, and drops a release credit', () => {
    const mentions = found(
      ' date 2025-01-01 Talks were led by Hunan Keda Nickel Co. It said Northfield Police Service Acting ' +
        'Assistant Commissioner Dana Reyes would attend. Young people in Brno do not wait.\n\n' +
        'SOURCE Harbourline Developments Ltd.',
    );
    expect(mentions.has('Hunan Keda Nickel Co.')).toBe(true);
    expect(mentions.has('Northfield Police Service')).toBe(true);
    expect(mentions.get('Brno')?.type).toBe('place');
    expect(mentions.has('Harbourline Developments Ltd.')).toBe(true);
    expect([...mentions.keys()].filter((name) => / It$|Acting|Assistant| do$|^SOURCE/.test(name))).toEqual([]);
  });

  it('takes no demonym noun, deity, ship or chemical for a name, and a name ending in an acronym for a body', () => {
    const mentions = found(
      ' date 2025-01-01 A Frenchwoman and two Northern Irishmen thanked God as the MV Loch Seaforth docked. ' +
        'Tests found PFAS in the wells. Kestrel Coast LNG signed the deal with Marlow Tanker Holdings.',
    );
    expect([...mentions.keys()].filter((name) => /woman|men|^God$|Seaforth|PFAS/.test(name))).toEqual([]);
    expect(mentions.get('Kestrel Coast LNG')?.type).toBe('organization');
  });

  it('types bodies and roads by a first word of their own language, and finds no prize or people in the plural', () => {
    const mentions = found(
      ' date 2025-01-01 Editorial Marisma bought the rights after the novel won the Prémio Lusófono. The ' +
        'publisher is on Calzada Morelos, near offices of the Archdiocese of Tehuacán. The Slovaks cheered.',
    );
    expect(mentions.get('Editorial Marisma')?.type).toBe('organization');
    expect(mentions.get('Calzada Morelos')?.type).toBe('place');
    expect(mentions.get('Archdiocese of Tehuacán')?.type).toBe('organization');
    expect([...mentions.keys()].filter((name) => /Prémio|Slovaks/.test(name))).toEqual([]);
  });

  it('keeps a team named with an en dash whole, and routes between two places apart', () => {
    const mentions = found(
      ' date 2025-01-01 Puck Pieterse of Fenix–Deceuninck attacked, and Lotte Kopecky of SD Worx–Protime followed. ' +
        'Lorries queued on the Mombasa–Nairobi highway.',
    );
    expect(mentions.get('Fenix–Deceuninck')?.type).toBe('organization');
    expect(mentions.has('SD Worx–Protime')).toBe(true);
    expect([...mentions.keys()].filter((name) => /^(?:Fenix|Deceuninck|SD Worx|Protime)$/.test(name))).toEqual([]);
    expect(mentions.get('Mombasa')?.type).toBe('place');
    expect(mentions.get('Nairobi')?.type).toBe('place');
  });

  it('types well-known firms the model reads as places, and gives a firm-named surname to its person', () => {
    const mentions = found(
      ' date 2025-01-01 Mizuki Ōta of Daihatsu won in Osaka, and Transavia added flights to Eindhoven. ' +
        'His coach, Juan Carlos Ferrero, said Ferrero would stay.',
    );
    expect(mentions.get('Daihatsu')?.type).toBe('organization');
    expect(mentions.get('Transavia')?.type).toBe('organization');
    expect(mentions.get('Juan Carlos Ferrero')?.forms).toEqual(['Juan Carlos Ferrero', 'Ferrero']);
    expect(mentions.has('Ferrero')).toBe(false);
  });

  it('joins a hyphenated acronym to its expansion, and types palaces and Parliament House as places', () => {
    const mentions = found(
      ' date 2025-01-01 The Pakistan Muslim League-Nawaz (PML-N) met at Parliament House. PML-N said talks went ' +
        'well. In Bogotá, aides waited at the Palacio de las Garzas.',
    );
    expect(mentions.get('Pakistan Muslim League-Nawaz')?.forms).toContain('PML-N');
    expect(mentions.has('PML-N')).toBe(false);
    expect(mentions.get('Parliament House')?.type).toBe('place');
    expect(mentions.get('Palacio de las Garzas')?.type).toBe('place');
  });

  it('finds a road by its number after a preposition, but no aircraft or armed group so numbered', () => {
    const mentions = found(
      ' date 2025-01-01 Lorries queued off the A417 and along the B9071 near Stroud. Work on the A350 line ' +
        'slowed. Talks with the M23 rebels resumed.',
    );
    expect(mentions.get('A417')?.type).toBe('place');
    expect(mentions.get('B9071')?.type).toBe('place');
    expect(mentions.get('A350')?.type).not.toBe('place');
    expect(mentions.get('M23')?.type).not.toBe('place');
  });

  it('gives a firm’s short name to its full name, but keeps a body’s own name apart from a longer one', () => {
    const mentions = found(
      ' date 2025-01-01 Sutter Medica Holding AG agreed to sell steel to Hoa Phat Group Joint Stock Company. ' +
        'Sutter Medica said Hoa Phat would pay. Norges Bank and Norges Bank Investment Management ' +
        'declined to comment.',
    );
    expect(mentions.get('Sutter Medica Holding AG')?.forms).toContain('Sutter Medica');
    expect(mentions.get('Hoa Phat Group Joint Stock Company')?.forms).toContain('Hoa Phat');
    expect(mentions.has('Sutter Medica')).toBe(false);
    expect(mentions.has('Hoa Phat')).toBe(false);
    expect(mentions.has('Norges Bank')).toBe(true);
    expect(mentions.has('Norges Bank Investment Management')).toBe(true);
  });

  it('gives a region’s or a sea’s short name to its full name, but keeps a city apart from its state', () => {
    const mentions = found(
      ' date 2025-01-01 Fighting spread across Rakhine State and ships crossed the Caspian Sea. Aid reached ' +
        'Rakhine and the Caspian ports. Lagos State officials met in Lagos.',
    );
    expect(mentions.get('Rakhine State')?.forms).toContain('Rakhine');
    expect(mentions.get('Caspian Sea')?.forms).toContain('Caspian');
    expect(mentions.has('Rakhine')).toBe(false);
    expect(mentions.get('Lagos')?.type).toBe('place');
  });

  it('joins two names across "and" that the lexicon or the gazetteer knows together', () => {
    const mentions = found(
      ' date 2025-01-01 Officers of the U.S. Fish and Wildlife Service flew to Srinagar. Floods hit Jammu and ' +
        'Kashmir on Monday.',
    );
    expect(mentions.get('U.S. Fish and Wildlife Service')?.type).toBe('organization');
    expect(mentions.get('Jammu and Kashmir')?.type).toBe('place');
    expect(
      [...mentions.keys()].filter((name) => /^(?:U\.S\. Fish|Wildlife Service|Jammu|Kashmir)$/.test(name)),
    ).toEqual([]);
  });

  it('types a capitalised name before its country as a dateline place, wherever it stands in the line', () => {
    const mentions = found(
      ' date 2025-01-01 ZUG, Switzerland and KRAKÓW, Poland, 9 September 2025 /PRNewswire/ -- Sutter Medica ' +
        'Holding AG agreed to buy a distributor.',
    );
    expect(mentions.get('ZUG')?.type).toBe('place');
    expect(mentions.get('KRAKÓW')?.type).toBe('place');
    const list = found(' date 2025-01-01 NRDC, Kenya and Uganda signed the pact in Nairobi.');
    expect(list.get('NRDC')?.type).not.toBe('place');
  });

  it('keeps a town beside its council or police, a route named by two places, and no horse', () => {
    const mentions = found(
      ' date 2025-01-01 Abergavenny Town Council met. Hotels across Abergavenny were full, and Merseyside Police ' +
        'said Merseyside was calm. Lorries queued on the Kampala–Gulu Highway. The winner beat Roscommon Rose ' +
        '(Paul Townend) by two lengths, and Roscommon Rose was retired in May.',
    );
    expect(mentions.get('Abergavenny')?.type).toBe('place');
    expect(mentions.get('Merseyside')?.type).toBe('place');
    expect(mentions.get('Kampala–Gulu Highway')?.type).toBe('place');
    expect(mentions.get('Paul Townend')?.type).toBe('person');
    expect([...mentions.keys()].filter((name) => /Roscommon|^Gulu Highway$|^Kampala$/.test(name))).toEqual([]);
  });

  it('parts a firm and its country joined by "of", a player from a live blog\'s call, and a title from a name', () => {
    const mentions = found(
      ' date 2025-01-01 The frigates will be built with Mitsubishi Heavy Industries of Japan, not the Bank of ' +
        'England. SET SINNER 6-4 in the first. Linebacker Terrel Bernard made the stop.',
    );
    expect(mentions.get('Mitsubishi Heavy Industries')?.type).toBe('organization');
    expect(mentions.get('Japan')?.type).toBe('place');
    expect(mentions.get('Bank of England')?.type).toBe('organization');
    expect(mentions.get('Terrel Bernard')?.type).toBe('person');
    expect([...mentions.keys()].filter((name) => /^SET |of Japan|Linebacker/.test(name))).toEqual([]);
  });

  it('joins a body named in its own language, in brackets, to the name the article gave it first', () => {
    const mentions = found(
      ' date 2025-01-01 The union asked the National Labour Inspectorate (Państwowa Inspekcja Pracy) to act. The ' +
        "Games Workers' Trade Union (Związek Zawodowy Pracowników Gier, ZZPG) said staff were told on Friday. The " +
        'ZZPG will meet again in Warsaw.',
    );
    expect(mentions.get('National Labour Inspectorate')).toMatchObject({
      type: 'organization',
      forms: ['National Labour Inspectorate', 'Państwowa Inspekcja Pracy'],
    });
    expect(mentions.get("Games Workers' Trade Union")?.forms).toEqual(
      expect.arrayContaining(['Związek Zawodowy Pracowników Gier', 'ZZPG']),
    );
    expect(mentions.has('Państwowa Inspekcja Pracy')).toBe(false);
  });

  it('types venues, reserves and buildings by their head word over the name inside them', () => {
    const mentions = found(
      ' date 2025-01-01 The funeral is at the Greek Orthodox Cathedral of Saint Stephen. Lions roam the Central ' +
        'Kalahari Game Reserve (CKGR), and the CKGR is closed to cars. Fans filled the Claudelands Event Centre, ' +
        'the 13,000-seat Nokia Arena and the Melbourne Convention and Exhibition Centre.',
    );
    for (const name of [
      'Greek Orthodox Cathedral of Saint Stephen',
      'Central Kalahari Game Reserve',
      'Claudelands Event Centre',
      'Nokia Arena',
      'Melbourne Convention and Exhibition Centre',
    ]) {
      expect(mentions.get(name)?.type, name).toBe('place');
    }
    expect(mentions.has('Exhibition Centre')).toBe(false);
  });

  it('reads datelines, a byline without "By", live-blog labels and the network X', () => {
    const { mentions } = extract(
      ' date 2025-01-01 DARTMOUTH, N.S. - A cat came home. Kelsey Doucette of the Nova Scotia SPCA said so.\n\n' +
        'Rosie Penhaligon, Local Democracy Reporting Service\n\n' +
        '10.05 PHOTO: Shane Lowry walks off the green. 11.31 MATCH 1 RESULT: Lowry wins. Lowry wrote on X.',
    );
    const byName = new Map(mentions.map((mention) => [mention.name, mention.type]));
    expect(mentions.find((mention) => mention.forms.includes('N.S.'))?.type).toBe('place');
    expect(byName.get('Nova Scotia SPCA')).toBe('organization');
    expect(byName.get('Rosie Penhaligon')).toBe('person');
    expect(byName.get('Local Democracy Reporting Service')).toBe('organization');
    expect(byName.get('X')).toBe('organization');
    expect([...byName.keys()].filter((name) => /^(?:PHOTO|MATCH|RESULT)$/.test(name))).toEqual([]);
  });

  it('parts two names the model read as one, and keeps a title or a possessive that belongs to a name', () => {
    const mentions = found(
      ' date 2025-01-01 "I left Edinburgh for the University of New Mexico," she said. Bus operators First ' +
        'Cymru and Adventure Travel, which run the 118 to Rhossili, have bid. The contractor, Verhelst & Van ' +
        'Damme of Deinze, starts soon. Crowds ' +
        "queued at the Dr. Bhau Daji Lad Museum and the Magheralave Road gate. She joined the Women's Super " +
        'League. Councillor Alison Duthie-Mackay (SNP) agreed with Sherzod Qo‘chqorov of Karimov Milling.',
    );
    for (const [name, type] of [
      ['Edinburgh', 'place'],
      ['University of New Mexico', 'organization'],
      ['First Cymru', 'organization'],
      ['Adventure Travel', 'organization'],
      ['Verhelst & Van Damme', 'organization'],
      ['Deinze', 'place'],
      ['Dr. Bhau Daji Lad Museum', 'organization'],
      ['Magheralave Road', 'place'],
      ["Women's Super League", 'organization'],
      ['Alison Duthie-Mackay', 'person'],
      ['SNP', 'organization'],
      ['Sherzod Qo‘chqorov', 'person'],
      ['Karimov Milling', 'organization'],
    ]) {
      expect(mentions.get(name!)?.type, name).toBe(type);
    }
  });

  it('finds no musical work or circuit corner, and reads councils and bodies joined by "and" whole', () => {
    const mentions = found(
      ' date 2025-01-01 The orchestra played the Faust Symphony and the Concerto for Orchestra. Verstappen dived ' +
        'down the inside at Turn 1. The mayor of Derry City and Strabane District Council, Councillor Niamh ' +
        "Ó Dochartaigh, opened it. They report to the African Union's Peace and Security Council, which met in " +
        'Addis Ababa. It was the Cape Verdean capital.',
    );
    expect(mentions.get('Derry City and Strabane District Council')?.type).toBe('organization');
    expect(mentions.get('Peace and Security Council')?.type).toBe('organization');
    expect(mentions.get('Niamh Ó Dochartaigh')?.type).toBe('person');
    expect(
      [...mentions.keys()].filter((name) =>
        /Symphony|Concerto|^Turn|^Derry City$|^Security Council$|Verdean/.test(name),
      ),
    ).toEqual([]);
  });

  it('parts a team from its player at his position, and types firms by first words of their own language', () => {
    const mentions = found(
      ' date 2025-01-01 Brewers LHP Nils Ekdahl (11-6, 3.12 ERA) faces Cardinals RHP Brody Castellano (8-8, 4.05) on ' +
        'Saturday. Her father founded Transports Gaétan Roy, a trucking company in Lévis. Gemeente Amersfoort ' +
        'signed the contract.',
    );
    expect(mentions.get('Nils Ekdahl')?.type).toBe('person');
    expect(mentions.get('Brody Castellano')?.type).toBe('person');
    expect(mentions.get('Brewers')?.type).toBe('organization');
    expect(mentions.get('Transports Gaétan Roy')?.type).toBe('organization');
    expect(mentions.get('Gemeente Amersfoort')?.type).toBe('organization');
    expect([...mentions.keys()].filter((name) => /RHP|LHP/.test(name))).toEqual([]);
  });

  it('joins a scorecard initial to the player, a clipped city to the city and a closing credit to its reporter', () => {
    const mentions = found(
      ' date 2025-01-01 Kane Williamson made 88 in Hamilton and Trent Boult took four wickets. Williamson said ' +
        'the pitch was slow.\n\nScorecard: New Zealand 250-6 (K. Williamson 88); Pakistan 210 (T. Boult 4-30).' +
        '\n\nFans flew in from Ouagadougou on Friday; the road back to Ouaga was closed.\n\n' +
        'The council wrote on X. Lamarre said it would reply.\n\nReporting by Síle Nic Giolla Phádraig, Morning Wire',
    );
    expect(mentions.get('Kane Williamson')?.forms).toContain('K. Williamson');
    expect(mentions.get('Trent Boult')?.forms).toContain('T. Boult');
    expect(mentions.get('Ouagadougou')?.forms).toContain('Ouaga');
    expect(mentions.get('X')?.type).toBe('organization');
    expect(mentions.get('Síle Nic Giolla Phádraig')?.type).toBe('person');
    expect([...mentions.keys()].filter((name) => /^[KT]\. |^Ouaga$|^X\. /.test(name))).toEqual([]);
  });

  it('reads churches of saints, lakes, pro tours, brands and bodies after a possessive by their shape', () => {
    const mentions = found(
      ' date 2025-01-01 Mourners gathered at the Church of San Lorenzo in the old town. Herders camp beside ' +
        'Tsomoriri Tsho every summer. He earned a card for the LPGA Tour in May. Volunteers from Riverside ' +
        "GreenWays cleared the bank. Staff from Harlan's Sporting Outfitters helped. " +
        "Moody's said the outlook was stable. " +
        'The Andean Mining Corporation (Cormina) signed the lease, and Cormina will pay royalties. The KOSPI rose ' +
        '2%. Talks were led by Major General Tomas Rehnberg.',
    );
    expect(mentions.get('Church of San Lorenzo')?.type).toBe('place');
    expect(mentions.get('Tsomoriri Tsho')?.type).toBe('place');
    expect(mentions.get('LPGA Tour')?.type).toBe('organization');
    expect(mentions.get('Riverside GreenWays')?.type).toBe('organization');
    expect(mentions.get("Harlan's Sporting Outfitters")?.type).toBe('organization');
    expect(mentions.get('Andean Mining Corporation')?.forms).toContain('Cormina');
    expect(mentions.get('Tomas Rehnberg')?.type).toBe('person');
    expect([...mentions.values()].find((mention) => /Moody/.test(mention.name))?.type).toBe('organization');
    expect([...mentions.keys()].filter((name) => /KOSPI|^Major$|^Cormina$/.test(name))).toEqual([]);
  });

  it('types a person after a role and a comma, and gives a Spanish first surname to the one named first', () => {
    const mentions = found(
      ' date 2025-01-01 The team doctor, Florence Marchetti, treated him. Rosa Quintero Vidal painted the mural; ' +
        'her nephew, Luis Quintero Ramos, helped. Quintero said it took a year. The order went to Brandt ' +
        'Kältetechnik, a family-owned company in Kassel.',
    );
    expect(mentions.get('Florence Marchetti')?.type).toBe('person');
    expect(mentions.get('Rosa Quintero Vidal')?.forms).toContain('Quintero');
    expect(mentions.get('Brandt Kältetechnik')?.type).toBe('organization');
    expect(mentions.has('Quintero')).toBe(false);
  });

  it('joins short forms to the one longer name they stand for in the article', () => {
    const mentions = found(
      ' date 2025-01-01 Soldiers of the Democratic Republic of the Congo retook Goma; Congo said the M23 had ' +
        'fled. The Kenya Red Cross Society sent tents, and the Red Cross said more would follow. The City of ' +
        'Kitale paid for fuel, and Kitale will host the camp. The Kenya House of Assembly met; the House voted ' +
        'to help. Tadej Pogar of Lidl-Trek won, and Lidl will keep the lead. Orders from Korea doubled, and South ' +
        'Korea exported more. A Lloyd’s spokesperson declined to comment. Seoul Steel Works, known as Sesco, ' +
        'closed the M62 plant.',
    );
    expect(mentions.get('DR Congo')?.forms).toContain('Congo');
    expect(mentions.has('Republic of the Congo')).toBe(false);
    expect(mentions.get('M23')?.type).toBe('organization');
    expect(mentions.get('Kenya Red Cross Society')?.forms).toContain('Red Cross');
    expect(mentions.get('Kitale')?.forms).toContain('City of Kitale');
    expect(mentions.get('Lidl-Trek')?.forms).toContain('Lidl');
    expect(mentions.get('South Korea')?.forms).toContain('Korea');
    expect(mentions.get('Lloyd’s of London')?.type).toBe('organization');
    expect(mentions.get('Seoul Steel Works')?.forms).toContain('Sesco');
    expect([...mentions.keys()].filter((name) => /^(?:Red Cross|House|Lidl|Korea|Sesco)$/.test(name))).toEqual([]);
  });

  it('types venues, clubs, observatories, counties, roads, teams and credits by their shape', () => {
    const mentions = found(
      ' date 2025-01-01 Fans packed the Scotiabank Center. Stade Brestois beat the Highlanders. The Leiden ' +
        'Observatory said the sky was clear, and telescopes at Paranal Observatory agreed. Farmers in County ' +
        'Mayo want Mayo roads mended, and police closed the N59 between Westport and Newport. The Social ' +
        'Democrats won, and the crew launched the lifeboat Mary Stanford.\n\nPic: Aoife Keane/Castlebar People',
    );
    expect(mentions.get('Scotiabank Center')?.type).toBe('place');
    expect(mentions.get('Stade Brestois')?.type).toBe('organization');
    expect(mentions.get('Highlanders')?.type).toBe('organization');
    expect(mentions.get('Leiden Observatory')?.type).toBe('organization');
    expect(mentions.get('Paranal Observatory')?.type).toBe('place');
    expect(mentions.get('County Mayo')).toMatchObject({ type: 'place', forms: ['County Mayo', 'Mayo'] });
    expect(mentions.get('N59')?.type).toBe('place');
    expect(mentions.get('Social Democrats')?.type).toBe('organization');
    expect(mentions.get('Aoife Keane')?.type).toBe('person');
    expect(mentions.get('Castlebar People')?.type).toBe('organization');
    expect(mentions.has('Mary Stanford')).toBe(false);
  });

  it('gives a bare surname two people share to the one named first, and keeps the two apart', () => {
    const mentions = found(
      ' date 2025-01-01 Kieran Ashworth of Bolton won the title in Riyadh. His father, Mick Ashworth, trained ' +
        'him in a church hall. "I dreamed of this," said Ashworth, 28.',
    );
    expect(mentions.get('Kieran Ashworth')).toMatchObject({ type: 'person', forms: ['Kieran Ashworth', 'Ashworth'] });
    expect(mentions.get('Mick Ashworth')?.forms).toEqual(['Mick Ashworth']);
    expect(mentions.has('Ashworth')).toBe(false);
  });

  it('gives one entity one name across articles, and never merges two people on a surname', () => {
    const corpus = buildCorpus([
      extract(' date 2025-01-01 Zoë Lefèvre, an economist, spoke in Paris.', '001_0000000000000001.txt'),
      extract(' date 2025-01-02 Zoe Lefevre said markets were calm.', '002_0000000000000002.txt'),
      extract(' date 2025-01-03 Doug Ford spoke in Toronto. Ford said no.', '003_0000000000000003.txt'),
      extract(' date 2025-01-04 Harrison Ford smiled in Los Angeles. Ford said yes.', '004_0000000000000004.txt'),
    ]);
    const bySlug = new Map(corpus.entities.map((entity) => [entity.slug, entity]));
    expect(bySlug.get('zoe-lefevre')).toMatchObject({ name: 'Zoë Lefèvre', type: 'person' });
    expect(bySlug.get('zoe-lefevre')!.articles).toHaveLength(2);
    expect(bySlug.get('doug-ford')!.articles).toHaveLength(1);
    expect(bySlug.get('harrison-ford')!.articles).toHaveLength(1);
    expect(bySlug.has('ford')).toBe(false);
  });

  it('takes a stray typing for a slip, but two kinds of thing with enough articles each for two entities', () => {
    const article = (n: number, type: 'person' | 'organization' | 'place', name = 'Amara Okafor') => ({
      article: parseSeed(`${String(n).padStart(3, '0')}_${String(n).padStart(16, '0')}.txt`, ' date 2025-01-01 Text.')
        .article!,
      mentions: [{ name, type, forms: [name], count: 2 }],
    });
    const stray = buildCorpus(
      [1, 2, 3, 4, 5, 6, 7].map((n) => article(n, 'person')).concat(article(8, 'organization')),
    );
    expect(stray.entities.map((entity) => [entity.slug, entity.type, entity.articles.length])).toEqual([
      ['amara-okafor', 'person', 8],
    ]);
    const both = buildCorpus(
      [1, 2, 3].map((n) => article(n, 'organization', 'Amazon')).concat(article(4, 'place', 'Amazon')),
    );
    expect(both.entities.map((entity) => [entity.slug, entity.type]).sort()).toEqual([
      ['amazon', 'organization'],
      ['amazon-place', 'place'],
    ]);
  });

  it('extracts the same on worker threads as on the main thread, in order', async () => {
    const texts = Array.from(
      { length: 240 },
      (_, i) => ` date 2025-01-01 Minister Ana Souza ${i} met officials of the European Union in Lisbon.`,
    );
    const blocks = texts.map((text) => parseSeed('001_0123456789abcdef.txt', text).article!.blocks);
    const parallel = await extractAll(blocks, { threads: 2 });
    const serial = await extractAll(blocks, { threads: 1 });
    expect(parallel).toEqual(serial);
    expect(parallel[7]!.mentions.map((mention) => mention.name)).toContain('European Union');
  }, 60_000);

  it('extracts a few articles on a worker started ahead as on the main thread', async () => {
    const texts = ['Elon Musk visited Paris on Monday.', 'The Bank of England held rates, Andrew Bailey said.'];
    const blocks = texts.map(
      (text) => parseSeed('001_0123456789abcdef.txt', ` date 2025-01-01 ${text}`).article!.blocks,
    );
    const warm = await extractAll(blocks, { started: [startWorker()] });
    expect(warm).toEqual(await extractAll(blocks, { threads: 1 }));
    expect(warm[1]!.mentions.map((mention) => mention.name)).toContain('Andrew Bailey');
  }, 60_000);
});

function readdirSeed(): string {
  return readFileSync(join(BUNDLED_SEEDS, '000_189017ad2c526773.txt'), 'utf8');
}
