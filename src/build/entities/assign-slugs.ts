// Slugs: the URLs readers subscribe to.
import type { EntityType } from '../../contract/corpus-index.js';
import { TYPE_ORDER } from './resolve-corpus.js';
import { compareText, slugify } from './slug.js';

/**
 * Slugs are URLs readers subscribe to, so they must not move when the corpus grows: the plain slug goes to
 * the type that comes first in a fixed order, not to whichever entity is bigger today.
 */
export function assignSlugs(entities: Array<{ key: string; name: string; type: EntityType }>): Map<string, string> {
  const byOrder = [...entities].sort(
    (a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || compareText(a.key, b.key),
  );
  const taken = new Set<string>();
  const slugs = new Map<string, string>();
  for (const entity of byOrder) {
    const base = slugify(entity.name);
    let slug = taken.has(base) ? `${base}-${entity.type}` : base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${entity.type}-${n}`;
    taken.add(slug);
    slugs.set(entity.key, slug);
  }
  return slugs;
}
