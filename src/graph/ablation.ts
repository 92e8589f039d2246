/**
 * An ablation as data, so every result can record exactly what ran.
 *
 * @example
 * const a: Ablation = { kind: 'bypass', op: 'LRN' };
 * describeAblation(a) // 'bypass op LRN'
 * applyAblations(model, [a]).graph.nodes.some((n) => n.opType === 'LRN') // false
 */
import { UsageError } from '../errors';
import { bypass } from './bypass';
import { cleanup } from './cleanup';
import { replaceWithIdentity } from './identity';
import { removeOpType } from './remove';
import { toposort } from './toposort';
import type { Graph, Model } from './types';

/**
 * Metadata key listing the ablations applied to a model.
 * @example model.metadata[ABLATIONS_KEY] // 'bypass op LRN; bypass op Dropout'
 */
export const ABLATIONS_KEY = 'layerlab.ablations';

/**
 * Bypass every node of an op type, bypass one node, or replace one node by an Identity.
 * @example const a: Ablation = { kind: 'bypass', op: 'LRN' };
 */
export type Ablation =
  | { kind: 'bypass'; op: string }
  | { kind: 'bypass'; node: string }
  | { kind: 'identity'; node: string };

/**
 * A stable one-line description: `bypass op LRN`, `bypass node norm1`, `identity node norm1`.
 * `parseAblation` reads it back.
 *
 * @example
 * describeAblation({ kind: 'identity', node: 'conv2/norm2' }) // 'identity node conv2/norm2'
 */
export function describeAblation(a: Ablation): string {
  if (a.kind === 'identity') return `identity node ${a.node}`;
  return 'op' in a ? `bypass op ${a.op}` : `bypass node ${a.node}`;
}

/**
 * The ablation a `describeAblation` string describes. Throws UsageError for anything else.
 *
 * @example
 * parseAblation('bypass op Dropout') // { kind: 'bypass', op: 'Dropout' }
 */
export function parseAblation(text: string): Ablation {
  const m = /^(bypass|identity) (op|node) (.+)$/.exec(text.trim());
  if (m && m[1] === 'bypass' && m[2] === 'op') return { kind: 'bypass', op: m[3] };
  if (m && m[2] === 'node') return m[1] === 'bypass' ? { kind: 'bypass', node: m[3] } : { kind: 'identity', node: m[3] };
  throw new UsageError(`invalid ablation: "${text}" (expected "bypass op <OpType>", "bypass node <name>" or "identity node <name>")`);
}

/**
 * Apply one ablation to a graph (no cleanup).
 * @example applyAblation(g, { kind: 'bypass', node: 'norm1' })
 */
export function applyAblation(g: Graph, a: Ablation): Graph {
  if (a.kind === 'identity') return replaceWithIdentity(g, a.node);
  return 'op' in a ? removeOpType(g, a.op) : bypass(g, a.node);
}

/**
 * Apply ablations in order, then `cleanup` and `toposort`. Records the descriptions in
 * `metadata['layerlab.ablations']` (joined by '; ', appended to any already there).
 *
 * @example
 * applyAblations(model, [{ kind: 'bypass', op: 'LRN' }, { kind: 'bypass', node: 'drop6' }])
 */
export function applyAblations(model: Model, ablations: readonly Ablation[]): Model {
  const graph = toposort(cleanup(ablations.reduce(applyAblation, model.graph)));
  const previous = model.metadata[ABLATIONS_KEY];
  const described = [...(previous ? [previous] : []), ...ablations.map(describeAblation)].join('; ');
  return { ...model, graph, metadata: ablations.length ? { ...model.metadata, [ABLATIONS_KEY]: described } : model.metadata };
}

