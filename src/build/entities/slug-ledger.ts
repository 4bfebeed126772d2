// The slug ledger (entities.lock.json): every entity slug the site has ever published, so that no feed URL a
// reader subscribed to ever stops answering. A slug the new build no longer produces is retired: to the entity
// that took it over (the Worker answers 301 there) or, when nothing did, gone (410). Pure: the build reads and
// writes the file.
import type { EntityType } from '../../contract/corpus-index.js';
import type { EntityConfig } from './config.js';
import { foldKey } from './slug.js';

export interface LedgerEntry {
  name: string;
  type: EntityType;
  /** The Atom feed id its feed has, kept for good: a successor may inherit it. */
  feedId: string;
  /** Articles it had in the last build that published it. */
  articles: number;
  /** Set once the slug is no longer published: where it went (null: nowhere) and why. */
  retired?: { to: string | null; reason: string };
}

export interface Ledger {
  slugs: Record<string, LedgerEntry>;
}

/** What the new build publishes, as the ledger needs it. */
export interface PublishedEntity {
  slug: string;
  name: string;
  type: EntityType;
  aliases: string[];
  articles: number;
  feedId: string;
}

export interface Retirement {
  slug: string;
  name: string;
  to: string | null;
  reason: string;
  /** Asked for by entities.config.json (rename, merge, declared alias, block): never fails a strict build. */
  byConfig: boolean;
}

export interface Reconciled {
  ledger: Ledger;
  /** Retired in this build. */
  retired: Retirement[];
  /** Feed ids that differ from the slug's own: kept from the ledger, or inherited from a bigger predecessor. */
  feedIds: Map<string, string>;
}

export const EMPTY_LEDGER: Ledger = { slugs: {} };

/** How the config explains that an old name no longer has its own entity, if it does. */
function configReason(name: string, config: EntityConfig | undefined): string | undefined {
  if (!config) return undefined;
  const key = foldKey(name);
  const rename = Object.entries(config.rename).find(([from]) => foldKey(from) === key);
  if (rename) return `renamed to "${rename[1]}" by the entity config`;
  const merge = Object.entries(config.merge).find(([from]) => foldKey(from) === key);
  if (merge) return `merged into "${merge[1]}" by the entity config`;
  const declared = config.entities.find((entity) => entity.aliases.some((alias) => foldKey(alias) === key));
  if (declared) return `declared an alias of "${declared.name}" by the entity config`;
  if (config.block.some((blocked) => foldKey(blocked) === key)) return 'blocked by the entity config';
  return undefined;
}

/**
 * The entity that took over an old name: the one named so, else the one with the name among its aliases; of
 * several, the same type first, then the most articles, then the slug (a fixed order).
 */
function successorOf(old: LedgerEntry, published: PublishedEntity[]): PublishedEntity | undefined {
  const key = foldKey(old.name);
  const byName = published.filter((entity) => foldKey(entity.name) === key);
  const byAlias = published.filter((entity) => entity.aliases.some((alias) => foldKey(alias) === key));
  const candidates = byName.length > 0 ? byName : byAlias;
  return [...candidates].sort(
    (a, b) =>
      Number(b.type === old.type) - Number(a.type === old.type) ||
      b.articles - a.articles ||
      (a.slug < b.slug ? -1 : 1),
  )[0];
}

/** Reconciles the ledger with what this build publishes. */
export function reconcileLedger(previous: Ledger, published: PublishedEntity[], config?: EntityConfig): Reconciled {
  const bySlug = new Map(published.map((entity) => [entity.slug, entity]));
  const slugs: Record<string, LedgerEntry> = structuredClone(previous.slugs);
  const retired: Retirement[] = [];
  // The biggest predecessor of each successor, to give it that feed's id: one continuous feed for its readers.
  const heirs = new Map<string, { feedId: string; articles: number }>();

  for (const [slug, entry] of Object.entries(previous.slugs).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (entry.retired || bySlug.has(slug)) continue;
    const successor = successorOf(entry, published);
    const fromConfig = configReason(entry.name, config);
    const reason =
      fromConfig ?? (successor ? `now one of the names of "${successor.name}"` : 'no longer found in any article');
    const to = fromConfig === 'blocked by the entity config' ? null : (successor?.slug ?? null);
    slugs[slug] = { ...entry, retired: { to, reason } };
    retired.push({ slug, name: entry.name, to, reason, byConfig: fromConfig !== undefined });
    if (to) {
      const heir = heirs.get(to);
      if (!heir || entry.articles > heir.articles) heirs.set(to, { feedId: entry.feedId, articles: entry.articles });
    }
  }

  const feedIds = new Map<string, string>();
  for (const entity of published) {
    const known = previous.slugs[entity.slug];
    const heir = heirs.get(entity.slug);
    let feedId = known?.feedId ?? entity.feedId;
    // A new slug continues the feed it took over (a rename); one that was published already keeps its own id
    // unless the entity merged into it was bigger.
    if (heir && (!known || known.retired || heir.articles > known.articles)) feedId = heir.feedId;
    if (feedId !== entity.feedId) feedIds.set(entity.slug, feedId);
    slugs[entity.slug] = { name: entity.name, type: entity.type, feedId, articles: entity.articles };
  }

  // A retired slug always points at a published one: follow chains (a → b, b retired → c) to their end.
  for (const entry of Object.values(slugs)) {
    const seen = new Set<string>();
    while (entry.retired?.to && slugs[entry.retired.to]?.retired && !seen.has(entry.retired.to)) {
      seen.add(entry.retired.to);
      entry.retired = { ...entry.retired, to: slugs[entry.retired.to]!.retired!.to };
    }
  }
  const sorted = Object.fromEntries(Object.entries(slugs).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { ledger: { slugs: sorted }, retired, feedIds };
}

/** Reads a ledger file's JSON; a broken one stops the build rather than forget published URLs. */
export function parseLedger(json: unknown, file: string): Ledger {
  const slugs = (json as { slugs?: unknown } | null)?.slugs;
  if (typeof slugs !== 'object' || slugs === null || Array.isArray(slugs)) {
    throw new Error(`${file}: not a slug ledger (expected {"slugs": {...}})`);
  }
  for (const [slug, entry] of Object.entries(slugs as Record<string, Partial<LedgerEntry>>)) {
    const valid =
      typeof entry?.name === 'string' &&
      ['person', 'organization', 'place'].includes(entry.type ?? '') &&
      typeof entry.feedId === 'string' &&
      typeof entry.articles === 'number';
    if (!valid) throw new Error(`${file}: entry "${slug}" needs name, type, feedId and articles`);
  }
  return { slugs: slugs as Record<string, LedgerEntry> };
}
