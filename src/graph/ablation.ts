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
import { bypassProblem } from './bypassable';
import { cleanup } from './cleanup';
import { replaceWithIdentity } from './identity';
import { bypassGroup, layerGroups, layerMembers, type ShapeLookup } from './layerBypass';
import { removeOpType } from './remove';
import { inferShapes } from './shapes';
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
 * Where a `{ kind: 'bypass', node }` ablation looks up layers made of several nodes: layer name -> node
 * names (model metadata `caffe:layers`), and the shapes of tensors (to check that a layer keeps its shape).
 * @example const ctx: AblationContext = { groups: layerGroups(model), shapeOf: (t) => shapes.get(t) };
 */
export interface AblationContext { groups?: Map<string, string[]>; shapeOf?: ShapeLookup }

/**
 * Apply one ablation to a graph (no cleanup). `{ kind: 'bypass', node }` naming a layer made of several
 * nodes (`ctx.groups`, else the node `name` with its `name/...` helpers) bypasses the whole layer
 * (see `bypassGroup`); a single node is bypassed by `bypass`.
 * @example applyAblation(g, { kind: 'bypass', node: 'norm1' })
 */
export function applyAblation(g: Graph, a: Ablation, ctx: AblationContext = {}): Graph {
  if (a.kind === 'identity') return replaceWithIdentity(g, a.node);
  if ('op' in a) return removeOpType(g, a.op);
  const members = layerMembers(g, a.node, ctx.groups);
  const single = g.nodes.find((n) => n.name === a.node);
  // a layer the model's metadata names, or a name that is no single bypassable node: the whole group
  const asGroup = members.length > 1 && (ctx.groups?.has(a.node) || !single || bypassProblem(single) !== '');
  return asGroup ? bypassGroup(g, a.node, members, ctx.shapeOf) : bypass(g, a.node);
}

/**
 * The context `applyAblations` uses for `model`: its Caffe layer groups, and shapes from value_info or,
 * when a tensor has none, from `inferShapes` (computed once, on first need).
 * @example applyAblation(model.graph, { kind: 'bypass', node: 'norm1' }, ablationContext(model))
 */
export function ablationContext(model: Model): AblationContext {
  let inferred: Map<string, (number | string | null)[] | null> | undefined;
  const shapeOf: ShapeLookup = (t) => {
    if (!inferred) {
      try { inferred = inferShapes(model).shapes; } catch { inferred = new Map(); }
    }
    return inferred.get(t);
  };
  return { groups: layerGroups(model), shapeOf };
}

/**
 * Apply ablations in order, then `cleanup` and `toposort`. Records the descriptions in
 * `metadata['layerlab.ablations']` (joined by '; ', appended to any already there).
 *
 * @example
 * applyAblations(model, [{ kind: 'bypass', op: 'LRN' }, { kind: 'bypass', node: 'drop6' }])
 */
export function applyAblations(model: Model, ablations: readonly Ablation[]): Model {
  const ctx = ablationContext(model);
  const graph = toposort(cleanup(ablations.reduce((g, a) => applyAblation(g, a, ctx), model.graph)));
  const previous = model.metadata[ABLATIONS_KEY];
  const described = [...(previous ? [previous] : []), ...ablations.map(describeAblation)].join('; ');
  return { ...model, graph, metadata: ablations.length ? { ...model.metadata, [ABLATIONS_KEY]: described } : model.metadata };
}

