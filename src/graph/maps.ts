/**
 * Derived structure of a graph, computed on demand (never stored in the IR).
 *
 * @example
 * const prod = producers(g); prod.get('conv1_out')?.name // 'conv1'
 */
import type { Graph, Node } from './types';

/** tensor name -> index of the node producing it (the first one, when a malformed graph has several). */
export function producerIndex(g: Graph): Map<string, number> {
  const m = new Map<string, number>();
  g.nodes.forEach((n, i) => { for (const o of n.outputs) if (o !== '' && !m.has(o)) m.set(o, i); });
  return m;
}

/** tensor name -> the node producing it (the first one, when a malformed graph has several). */
export function producers(g: Graph): Map<string, Node> {
  return new Map([...producerIndex(g)].map(([t, i]) => [t, g.nodes[i]]));
}

/** tensor name -> the nodes reading it, in graph order (a node reading a tensor twice is listed once). */
export function consumers(g: Graph): Map<string, Node[]> {
  const m = new Map<string, Node[]>();
  for (const n of g.nodes) {
    for (const i of new Set(n.inputs)) {
      if (i === '') continue;
      const list = m.get(i);
      if (list) list.push(n); else m.set(i, [n]);
    }
  }
  return m;
}

/** Names of the tensors a graph gets from outside its nodes: graph inputs and initializers. */
export function graphSources(g: Graph): Set<string> {
  return new Set([...g.inputs.map((v) => v.name), ...g.initializers.map((t) => t.name),
    ...g.sparseInitializers.map((s) => s.values.name)]);
}

/** Find a node by name. */
export function findNode(g: Graph, name: string): Node | undefined {
  return g.nodes.find((n) => n.name === name);
}
