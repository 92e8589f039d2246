/**
 * A topological order of a graph's nodes as indices into `graph.nodes`, keeping file order where it is
 * already valid. Nodes caught in a cycle or waiting on a missing producer come last, in file order.
 *
 * @example
 * topoOrder(g); // [0, 1, 2, ...] for a sorted graph
 */
import type { Graph } from '../types';

export function topoOrder(g: Graph): number[] {
  const producer = new Map<string, number>();
  g.nodes.forEach((n, i) => n.outputs.forEach((o) => { if (o !== '' && !producer.has(o)) producer.set(o, i); }));
  const done = new Set<string>();
  const order: number[] = [];
  let pending = g.nodes.map((_, i) => i);
  for (;;) {
    const next: number[] = [];
    for (const i of pending) {
      const n = g.nodes[i];
      const ready = n.inputs.every((t) => t === '' || !producer.has(t) || producer.get(t) === i || done.has(t));
      if (ready) { order.push(i); n.outputs.forEach((o) => done.add(o)); } else next.push(i);
    }
    if (next.length === 0) return order;
    if (next.length === pending.length) return [...order, ...next];
    pending = next;
  }
}
