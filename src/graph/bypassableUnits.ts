/**
 * Every unit of a model that can be bypassed on its own, as ablations in graph order: each node that
 * `bypass` accepts (a bypassable op type whose other outputs are unused), and each layer made of several
 * nodes (Caffe's `caffe:layers` metadata) that `bypassGroup` accepts as a whole. `--each-bypassable` runs one
 * variant per unit.
 *
 * @example
 * bypassableUnits(cifar10).map(describeAblation)
 * // ['bypass node relu1', 'bypass node norm1', 'bypass node relu2', 'bypass node norm2', 'bypass node relu3', 'bypass node prob']
 */
import type { Ablation } from './ablation';
import { ablationContext } from './ablation';
import { dataInputOf } from './bypassable';
import { groupBoundary } from './layerBypass';
import type { Model } from './types';

function accepts(check: () => unknown): boolean {
  try { check(); return true; } catch { return false; }
}

/**
 * The bypassable units of `model` (see the module comment); unnamed or duplicate-named nodes are left out,
 * as they cannot be addressed by name.
 * @example bypassableUnits(squeezenet).length // 26 (25 ReLUs and the Dropout)
 */
export function bypassableUnits(model: Model): Ablation[] {
  const g = model.graph;
  const ctx = ablationContext(model);
  const count = new Map<string, number>();
  for (const n of g.nodes) count.set(n.name, (count.get(n.name) ?? 0) + 1);
  const inGroup = new Map<string, string>();
  for (const [layer, nodes] of ctx.groups ?? new Map<string, string[]>()) {
    if (nodes.length > 1) for (const n of nodes) inGroup.set(n, layer);
  }
  const out: Ablation[] = [];
  const done = new Set<string>();
  for (const n of g.nodes) {
    if (n.name === '' || count.get(n.name) !== 1) continue;
    const layer = inGroup.get(n.name);
    if (layer !== undefined) {
      if (done.has(layer)) continue;
      done.add(layer);
      const members = ctx.groups!.get(layer)!.filter((m) => count.get(m) === 1);
      if (accepts(() => groupBoundary(g, layer, members, ctx.shapeOf))) out.push({ kind: 'bypass', node: layer });
    } else if (accepts(() => dataInputOf(g, n, 'bypass'))) out.push({ kind: 'bypass', node: n.name });
  }
  return out;
}
