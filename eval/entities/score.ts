// Document-level scoring of extracted entities against gold annotations (rules: docs/entities.md).

import { foldKey, stripPossessive } from '../../src/build/entities/slug.js';
import type { EntityType } from '../../src/contract/corpus-index.js';
import { ENTITY_TYPES } from '../../src/contract/corpus-index.js';

export interface GoldEntity {
  name: string;
  type: EntityType;
  forms: string[];
}

export interface PredictedEntity {
  name: string;
  type: EntityType;
  slug: string;
  forms: string[];
}

export interface ArticleResult {
  file: string;
  gold: GoldEntity[];
  predicted: PredictedEntity[];
}

export type Counts = { tp: number; fp: number; fn: number };
export type Scores = { precision: number; recall: number; f1: number } & Counts;

const keys = (name: string, forms: string[]) =>
  new Set([name, ...forms].map((form) => foldKey(stripPossessive(form))).filter(Boolean));

/** Pairs each gold entity with at most one prediction: same folded name first, then any shared form. */
export function match(
  gold: GoldEntity[],
  predicted: PredictedEntity[],
): Array<[GoldEntity, PredictedEntity | undefined]> {
  const free = new Set(predicted);
  const pairs: Array<[GoldEntity, PredictedEntity | undefined]> = gold.map((g) => [g, undefined]);
  for (const pass of ['name', 'forms'] as const) {
    for (const pair of pairs) {
      if (pair[1]) continue;
      const goldKeys = keys(pair[0].name, pair[0].forms);
      for (const p of free) {
        const hit =
          pass === 'name'
            ? foldKey(p.name) === foldKey(pair[0].name)
            : [...keys(p.name, p.forms)].some((key) => goldKeys.has(key));
        if (hit) {
          pair[1] = p;
          free.delete(p);
          break;
        }
      }
    }
  }
  return pairs;
}

function scores({ tp, fp, fn }: Counts): Scores {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp, fp, fn };
}

export interface Report {
  untyped: Scores;
  typed: Scores;
  byType: Record<EntityType, Scores>;
  consistency: { consistent: number; total: number; share: number; broken: string[] };
}

export function evaluate(results: ArticleResult[]): Report {
  const untyped: Counts = { tp: 0, fp: 0, fn: 0 };
  const typed: Counts = { tp: 0, fp: 0, fn: 0 };
  const byType = Object.fromEntries(ENTITY_TYPES.map((type) => [type, { tp: 0, fp: 0, fn: 0 }])) as Record<
    EntityType,
    Counts
  >;
  const occurrences = new Map<string, Array<PredictedEntity | undefined>>();

  for (const { gold, predicted } of results) {
    const pairs = match(gold, predicted);
    const matched = pairs.filter(([, p]) => p).length;
    untyped.tp += matched;
    untyped.fn += gold.length - matched;
    untyped.fp += predicted.length - matched;

    const typedMatches = pairs.filter(([g, p]) => p && p.type === g.type);
    typed.tp += typedMatches.length;
    typed.fn += gold.length - typedMatches.length;
    typed.fp += predicted.length - typedMatches.length;
    for (const type of ENTITY_TYPES) {
      const tp = typedMatches.filter(([g]) => g.type === type).length;
      byType[type].tp += tp;
      byType[type].fn += gold.filter((g) => g.type === type).length - tp;
      byType[type].fp += predicted.filter((p) => p.type === type).length - tp;
    }
    for (const [g, p] of pairs) {
      const key = `${g.type}:${foldKey(g.name)}`;
      occurrences.set(key, [...(occurrences.get(key) ?? []), p]);
    }
  }

  let consistent = 0;
  let total = 0;
  const broken: string[] = [];
  for (const [key, found] of occurrences) {
    if (found.length < 2) continue;
    total++;
    const signatures = new Set(found.map((p) => (p ? `${p.name}|${p.type}|${p.slug}` : 'missed')));
    if (signatures.size === 1 && !signatures.has('missed')) consistent++;
    else broken.push(`${key}: ${[...signatures].join(' / ')}`);
  }

  return {
    untyped: scores(untyped),
    typed: scores(typed),
    byType: Object.fromEntries(ENTITY_TYPES.map((type) => [type, scores(byType[type])])) as Record<EntityType, Scores>,
    consistency: { consistent, total, share: total === 0 ? 1 : consistent / total, broken },
  };
}
