/**
 * Dead-code removal after surgery.
 *
 * @example
 * toposort(cleanup(bypass(g, 'norm1')))
 */
import { nodeReads } from './scope';
import type { Graph, Node } from './types';
import { producerIndex } from './maps';

/**
 * Drop the nodes, initializers, sparse initializers, `value_info` entries and quantization annotations
 * that no longer contribute to any graph output.
 *
 * Invariant: `cleanup` never changes the graph inputs or the graph outputs (names, order, types), and
 * never drops an initializer that is also listed as a graph input (removing it would turn a constant
 * into an input a caller must feed). Nodes whose subgraphs (If/Loop/Scan bodies) read tensors of this
 * graph count those reads as uses. Kept nodes stay in their original order.
 *
 * @example
 * // x -> Relu -> y (graph output); x -> Sigmoid -> unused
 * cleanup(g).nodes.map((n) => n.opType) // ['Relu']
 */
export function cleanup(g: Graph): Graph {
  const producer = producerIndex(g);
  const needed = new Set<string>();
  const keep = new Set<number>();
  const stack = g.outputs.map((v) => v.name);
  while (stack.length) {
    const t = stack.pop() as string;
    if (needed.has(t)) continue;
    needed.add(t);
    const i = producer.get(t);
    if (i === undefined || keep.has(i)) continue;
    keep.add(i);
    for (const r of nodeReads(g.nodes[i])) if (!needed.has(r)) stack.push(r);
  }
  const nodes: Node[] = g.nodes.filter((_, i) => keep.has(i));
  const live = new Set(needed);
  for (const n of nodes) for (const o of n.outputs) live.add(o);
  const inputs = new Set(g.inputs.map((v) => v.name));
  const keepTensor = (name: string): boolean => needed.has(name) || inputs.has(name);
  return {
    ...g,
    nodes: nodes.length === g.nodes.length ? g.nodes : nodes,
    initializers: g.initializers.filter((t) => keepTensor(t.name)),
    sparseInitializers: g.sparseInitializers.filter((s) => keepTensor(s.values.name)),
    valueInfo: g.valueInfo.filter((v) => live.has(v.name) || inputs.has(v.name)),
    ...(g.quantizationAnnotation
      ? { quantizationAnnotation: g.quantizationAnnotation.filter((q) => live.has(q.tensorName) || inputs.has(q.tensorName)) }
      : {}),
  };
}
