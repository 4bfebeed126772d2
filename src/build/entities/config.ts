// The publisher's entity config (entities.config.json): aliases, merges, renames, types, blocks and
// entities the extractor must always find. Format and semantics: docs/entities.md, "Publisher control".
import type { EntityType } from '../../contract/corpus-index.js';
import { ENTITY_TYPES } from '../../contract/corpus-index.js';
import type { Mention } from '../model.js';
import { foldKey } from './slug.js';

export interface DeclaredEntity {
  name: string;
  type: EntityType;
  aliases: string[];
}

export interface EntityConfig {
  entities: DeclaredEntity[];
  /** from → to: the entity named `from` takes the name `to` (merging into `to` if that entity exists). */
  rename: Record<string, string>;
  merge: Record<string, string>;
  block: string[];
}

export const EMPTY_CONFIG: EntityConfig = { entities: [], rename: {}, merge: {}, block: [] };

/** Validates the parsed JSON; every problem names the key at fault. */
export function parseEntityConfig(json: unknown, file: string): EntityConfig {
  const fail = (message: string): never => {
    throw new Error(`${file}: ${message}`);
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) fail('must be a JSON object');
  const input = json as Record<string, unknown>;
  for (const key of Object.keys(input))
    if (!['entities', 'rename', 'merge', 'block', '$comment'].includes(key))
      fail(`unknown key "${key}" (expected entities, rename, merge, block)`);

  const isName = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;
  const entities = (input.entities ?? []) as unknown[];
  if (!Array.isArray(entities)) fail('"entities" must be a list');
  const declared = entities.map((entry, index) => {
    const where = `entities[${index}]`;
    if (typeof entry !== 'object' || entry === null) return fail(`${where} must be an object`);
    const { name, type, aliases = [] } = entry as Record<string, unknown>;
    if (!isName(name)) fail(`${where}.name must be a non-empty string`);
    if (!ENTITY_TYPES.includes(type as EntityType)) fail(`${where}.type must be one of ${ENTITY_TYPES.join(', ')}`);
    if (!Array.isArray(aliases) || !aliases.every(isName)) fail(`${where}.aliases must be a list of non-empty strings`);
    return {
      name: (name as string).trim(),
      type: type as EntityType,
      aliases: (aliases as string[]).map((alias) => alias.trim()),
    };
  });

  const mapping = (key: 'rename' | 'merge') => {
    const value = input[key] ?? {};
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return fail(`"${key}" must be an object of "from": "to" names`);
    for (const [from, to] of Object.entries(value))
      if (!isName(from) || !isName(to)) fail(`"${key}" entry "${from}" must map to a non-empty name`);
    return value as Record<string, string>;
  };
  const block = input.block ?? [];
  if (!Array.isArray(block) || !block.every(isName)) fail('"block" must be a list of names');
  return { entities: declared, rename: mapping('rename'), merge: mapping('merge'), block: block as string[] };
}

/** How often each config entry took effect over the corpus: entries at 0 are reported after the build. */
export class ConfigUsage {
  private readonly counts = new Map<string, number>();

  constructor(private readonly config: EntityConfig) {
    for (const label of this.labels()) this.counts.set(label, 0);
  }

  hit(label: string): void {
    this.counts.set(label, (this.counts.get(label) ?? 0) + 1);
  }

  unused(): string[] {
    return this.labels().filter((label) => this.counts.get(label) === 0);
  }

  private labels(): string[] {
    return [
      ...this.config.entities.map((entity) => entityLabel(entity)),
      ...Object.keys(this.config.rename).map((from) => `rename "${from}"`),
      ...Object.keys(this.config.merge).map((from) => `merge "${from}"`),
      ...this.config.block.map((name) => `block "${name}"`),
    ];
  }
}

const entityLabel = (entity: DeclaredEntity) => `entities "${entity.name}"`;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compiled once per build: the lookups applyEntityConfig needs for every article. */
export class EntityRules {
  private readonly blocked: Map<string, string>;
  private readonly renames = new Map<string, { to: string; label: string }>();
  private readonly declaredByKey = new Map<string, DeclaredEntity>();
  private readonly finders: Array<{ entity: DeclaredEntity; forms: string[]; pattern: RegExp }>;

  constructor(
    readonly config: EntityConfig,
    readonly usage = new ConfigUsage(config),
  ) {
    this.blocked = new Map(config.block.map((name) => [foldKey(name), `block "${name}"`]));
    for (const [from, to] of Object.entries(config.rename))
      this.renames.set(foldKey(from), { to, label: `rename "${from}"` });
    for (const [from, to] of Object.entries(config.merge))
      this.renames.set(foldKey(from), { to, label: `merge "${from}"` });
    for (const entity of config.entities)
      for (const form of [entity.name, ...entity.aliases]) this.declaredByKey.set(foldKey(form), entity);
    this.finders = config.entities.map((entity) => ({
      entity,
      forms: [entity.name, ...entity.aliases],
      pattern: new RegExp(
        `(?<![\\p{L}\\p{N}])(?:${[entity.name, ...entity.aliases].map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
        'gu',
      ),
    }));
  }

  /** Blocked names stay blocked even when another article could type them. */
  filterUnresolved<T extends { name: string; forms: string[] }>(names: T[]): T[] {
    return names.filter((name) => ![name.name, ...name.forms].some((form) => this.blocked.has(foldKey(form))));
  }

  /**
   * Applies the config to one article's mentions. Pure apart from usage counting:
   * block → rename/merge → declared names, aliases and types → declared entities found in the text.
   */
  apply(mentions: Mention[], text: string): Mention[] {
    const byKey = new Map<string, Mention>();
    const add = (mention: Mention) => {
      const key = foldKey(mention.name);
      const existing = byKey.get(key);
      if (!existing) byKey.set(key, { ...mention, forms: [...mention.forms] });
      else {
        existing.count += mention.count;
        for (const form of mention.forms) if (!existing.forms.includes(form)) existing.forms.push(form);
      }
    };

    for (const mention of mentions) {
      const keys = [mention.name, ...mention.forms].map(foldKey);
      const blockedBy = keys.map((key) => this.blocked.get(key)).find(Boolean);
      if (blockedBy) {
        this.usage.hit(blockedBy);
        continue;
      }
      let name = mention.name;
      const rename = this.renames.get(foldKey(name));
      if (rename) {
        this.usage.hit(rename.label);
        name = rename.to;
      }
      const declared = [name, ...mention.forms].map((form) => this.declaredByKey.get(foldKey(form))).find(Boolean);
      if (declared) this.usage.hit(entityLabel(declared));
      const forms = [...new Set([...mention.forms, ...(name !== mention.name ? [mention.name] : [])])];
      add({ ...mention, name: declared?.name ?? name, type: declared?.type ?? mention.type, forms });
    }

    for (const { entity, forms, pattern } of this.finders) {
      // The plain substring test first: the pattern's look-arounds cost ~40 µs an article even when nothing matches.
      const found = forms.some((form) => text.includes(form)) ? text.match(pattern) : null;
      if (!found) continue;
      if ([entity.name, ...found].some((form) => this.blocked.has(foldKey(form)))) continue;
      const key = foldKey(entity.name);
      const existing = byKey.get(key);
      if (existing?.forms.some((form) => found.includes(form))) continue;
      this.usage.hit(entityLabel(entity));
      add({ name: entity.name, type: entity.type, forms: [...new Set(found)], count: existing ? 0 : found.length });
    }
    return [...byKey.values()];
  }
}
