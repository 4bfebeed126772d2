import anyAscii from 'any-ascii';

/** The key one entity is known by, whatever the spelling: "Zoë Lefèvre" and "Zoe Lefevre" meet here. */
export function foldKey(name: string): string {
  return anyAscii(name)
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** ASCII URL slug: "Zoë Lefèvre" → "zoe-lefevre". */
export function slugify(name: string): string {
  return foldKey(name).replace(/ /g, '-') || 'entity';
}

/** Code-point order: unlike localeCompare, the same on every host whatever its locale, so builds agree. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
