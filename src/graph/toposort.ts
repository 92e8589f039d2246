/**
 * Stable topological order of a graph's nodes.
 *
 * @example
 * toposort(g).nodes.map((n) => n.name)
 */
import { GraphError } from '../errors';
import { nodeLabel } from './label';
import { nodeReads } from './scope';
import type { Graph } from './types';
import { producerIndex } from './maps';

/**
 * For each node index, the indices of the nodes producing what it reads (subgraph outer reads included).
 * @example nodeDependencies(g)[2] // [0, 1]: node 2 reads outputs of nodes 0 and 1
 */
export function nodeDependencies(g: Graph): number[][] {
  const producer = producerIndex(g);
  return g.nodes.map((n, i) => {
    const deps = new Set<number>();
    for (const r of nodeReads(n)) {
      const p = producer.get(r);
      if (p !== undefined && p !== i) deps.add(p);
    }
    return [...deps];
  });
}

/** A small binary min-heap of numbers. */
class MinHeap {
  private a: number[] = [];
  get size(): number { return this.a.length; }
  push(v: number): void {
    const a = this.a; a.push(v);
    for (let i = a.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (a[p] <= a[i]) break;
      [a[p], a[i]] = [a[i], a[p]]; i = p;
    }
  }
  pop(): number {
    const a = this.a; const top = a[0]; const last = a.pop() as number;
    if (a.length) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1, r = l + 1; let m = i;
        if (l < a.length && a[l] < a[m]) m = l;
        if (r < a.length && a[r] < a[m]) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]]; i = m;
      }
    }
    return top;
  }
}

/** Indices of the nodes on one cycle among `remaining` (each has a remaining dependency), in data-flow order from the earliest. */
function findCycle(deps: number[][], remaining: Set<number>): number[] {
  const start = remaining.values().next().value as number;
  const seen = new Map<number, number>();
  const path: number[] = [];
  let cur = start;
  while (!seen.has(cur)) {
    seen.set(cur, path.length);
    path.push(cur);
    cur = deps[cur].find((d) => remaining.has(d)) as number;
  }
  const cycle = path.slice(seen.get(cur)).reverse();
  const first = cycle.indexOf(Math.min(...cycle));
  return [...cycle.slice(first), ...cycle.slice(0, first)]; // start at the earliest node in graph order
}

/**
 * Order nodes so that every node comes after the producers of what it reads. Stable: among the nodes
 * ready at each step the one earliest in the current order goes first, so a sorted graph is unchanged.
 * Throws GraphError naming the nodes of a cycle.
 *
 * @example
 * toposort(makeGraph([relu_reads_a, sigmoid_writes_a], ...)).nodes // [sigmoid, relu]
 */
export function toposort(g: Graph): Graph {
  const deps = nodeDependencies(g);
  const indegree = deps.map((d) => d.length);
  const dependents: number[][] = g.nodes.map(() => []);
  deps.forEach((ds, i) => { for (const d of ds) dependents[d].push(i); });
  const heap = new MinHeap();
  indegree.forEach((d, i) => { if (d === 0) heap.push(i); });
  const order: number[] = [];
  while (heap.size) {
    const i = heap.pop();
    order.push(i);
    for (const j of dependents[i]) if (--indegree[j] === 0) heap.push(j);
  }
  if (order.length < g.nodes.length) {
    const placed = new Set(order);
    const remaining = new Set(g.nodes.map((_, i) => i).filter((i) => !placed.has(i)));
    const cycle = findCycle(deps, remaining).map((i) => nodeLabel(g.nodes[i], i));
    throw new GraphError(`graph "${g.name}": cycle through ${cycle.join(' -> ')} -> back to the first; a graph must be acyclic`);
  }
  if (order.every((v, i) => v === i)) return g;
  return { ...g, nodes: order.map((i) => g.nodes[i]) };
}
