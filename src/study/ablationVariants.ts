/**
 * The variants of an ablation study as data: one list of ablations per variant, from op types (each its
 * own variant), node or layer names (each its own variant), explicit combinations, and every bypassable
 * unit of the model. Duplicates are dropped, first occurrence kept.
 *
 * @example
 * studyVariants(model, { ops: ['LRN'], nodes: ['norm1', 'norm2'], combined: [[{ kind: 'bypass', node: 'norm1' }, { kind: 'bypass', node: 'norm2' }]] })
 * // [[bypass op LRN], [bypass node norm1], [bypass node norm2], [bypass node norm1, bypass node norm2]]
 */
import type { Ablation } from '../graph/ablation';
import { parseAblation } from '../graph/ablation';
import { bypassableUnits } from '../graph/bypassableUnits';
import type { Model } from '../graph/types';
import { variantId } from './ablationConfig';

export interface VariantSpec {
  /** Op types, each bypassed everywhere as one variant. */
  ops?: string[];
  /** Node or layer names, each bypassed as one variant. */
  nodes?: string[];
  /** Every unit `bypassableUnits` finds, each as one variant. */
  eachBypassable?: boolean;
  /** Variants given whole (several ablations together). */
  combined?: Ablation[][];
}

/**
 * Parse a variant written as ablation descriptions joined by ';' (`bypass node norm1; bypass node norm2`).
 * @example parseVariant('bypass op LRN') // [{ kind: 'bypass', op: 'LRN' }]
 */
export function parseVariant(text: string): Ablation[] {
  return text.split(';').map((s) => s.trim()).filter((s) => s !== '').map(parseAblation);
}

/**
 * The variants (baseline not included) that `spec` asks for, in the order ops, nodes, bypassable units, combined.
 * @example studyVariants(model, { eachBypassable: true }).length // 27 for SqueezeNet 1.1
 */
export function studyVariants(model: Model, spec: VariantSpec): Ablation[][] {
  const all: Ablation[][] = [
    ...(spec.ops ?? []).map((op): Ablation[] => [{ kind: 'bypass', op }]),
    ...(spec.nodes ?? []).map((node): Ablation[] => [{ kind: 'bypass', node }]),
    ...(spec.eachBypassable ? bypassableUnits(model).map((a) => [a]) : []),
    ...(spec.combined ?? []),
  ];
  const seen = new Set<string>();
  return all.filter((v) => { const id = variantId(v); if (seen.has(id)) return false; seen.add(id); return true; });
}
