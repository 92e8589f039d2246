/**
 * Which original graph nodes (and Caffe layers) each node onnxruntime ran stands for. onnxruntime reports
 * the nodes of its optimized graph: at `disabled` they are the original nodes; at higher levels fused nodes
 * carry a name derived from one of the nodes they replaced (`conv1` for Conv+Relu, `relu1_nchwc` for the
 * NCHWc layout) and, with the optimized graph at hand, their outputs and the original nodes that vanished
 * upstream of them tell the rest. Caffe imports record each node's layer in metadata `caffe:layers` (and the
 * type in the node's docString `caffe:<Type>`). Pure.
 *
 * @example
 * const attr = attributeNodes(original, optimized);
 * attr('relu1_nchwc'); // { original: ['conv1', 'relu1'], caffeLayer: 'conv1', caffeType: 'Convolution' }
 */
import type { Model, Node } from '../graph/types';

export interface NodeAttribution {
  /** Original node names this runtime node stands for, in original graph order (empty when unknown). */
  original: string[];
  caffeLayer?: string;
  caffeType?: string;
}

/** Suffixes onnxruntime's optimizers append to node names. */
const SUFFIXES = [/_nchwc$/, /_token_\d+$/, /_fused$/i];
/** Ops that optimizers eliminate rather than fuse: never counted as fused into a neighbour. */
const ELIMINATED = new Set(['Dropout', 'Identity']);

/** The original name a runtime node name derives from, by stripping optimizer suffixes. @example baseName('relu1_nchwc'); // 'relu1' */
export function baseName(name: string): string {
  let out = name;
  for (let changed = true; changed;) {
    changed = false;
    for (const re of SUFFIXES) {
      const next = out.replace(re, '');
      if (next !== out && next !== '') { out = next; changed = true; }
    }
  }
  return out;
}

interface CaffeInfo { layer: string; type: string }

function caffeLayers(model: Model): Map<string, CaffeInfo> {
  const out = new Map<string, CaffeInfo>();
  const raw = model.metadata?.['caffe:layers'];
  if (raw) {
    try {
      for (const r of JSON.parse(raw) as { name: string; type: string; nodes: string[] }[]) {
        for (const n of r.nodes ?? []) out.set(n, { layer: r.name, type: r.type });
      }
    } catch { /* not a layerlab import: fall back to docStrings */ }
  }
  for (const n of model.graph.nodes) {
    const m = /^caffe:(\S+)$/.exec(n.docString ?? '');
    if (m && !out.has(n.name)) out.set(n.name, { layer: n.name, type: m[1] });
  }
  return out;
}

/**
 * Build the attribution function for the runtime node names of a model, given the original model and,
 * when onnxruntime saved it, the optimized one.
 * @example attributeNodes(model)('conv1').original; // ['conv1']
 */
export function attributeNodes(original: Model, optimized?: Model): (runtimeName: string) => NodeAttribution {
  const nodes = original.graph.nodes;
  const byName = new Map(nodes.map((n, i) => [n.name, i]));
  const producer = new Map<string, number>();
  const consumers = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    for (const o of n.outputs) if (o) producer.set(o, i);
    for (const t of n.inputs) if (t) consumers.set(t, [...(consumers.get(t) ?? []), i]);
  });
  const caffe = caffeLayers(original);
  const direct = (name: string): number[] => {
    const i = byName.get(name) ?? byName.get(baseName(name));
    return i === undefined ? [] : [i];
  };
  const groups = new Map<string, number[]>();
  if (optimized) {
    const opt = optimized.graph.nodes;
    // pass 1: anchors = the original node a name derives from, then the producers of outputs that kept
    // their name (unless another node is named after that producer, e.g. a ReorderOutput writing a graph output)
    const named = new Set(opt.flatMap((f) => direct(f.name)));
    const anchors = opt.map((f) => {
      const set = new Set(direct(f.name));
      for (const o of f.outputs) { const p = producer.get(o); if (p !== undefined && !named.has(p)) set.add(p); }
      return set;
    });
    const claimed = new Set<number>(anchors.flatMap((a) => [...a]));
    // pass 2: original nodes that vanished upstream of an anchor, up to the tensors the fused node reads
    opt.forEach((f, k) => groups.set(f.name, absorb(f, anchors[k], claimed)));
  }
  function absorb(f: Node, set: Set<number>, claimed: Set<number>): number[] {
    const reads = new Set(f.inputs);
    const queue = [...set];
    while (queue.length > 0) {
      for (const t of nodes[queue.pop()!].inputs) {
        if (!t || reads.has(t)) continue;
        const p = producer.get(t);
        if (p === undefined || claimed.has(p) || ELIMINATED.has(nodes[p].opType)) continue;
        claimed.add(p); set.add(p); queue.push(p);
      }
    }
    return [...set].sort((x, y) => x - y);
  }
  return (runtimeName) => {
    const idx = groups.get(runtimeName) ?? direct(runtimeName);
    const out: NodeAttribution = { original: idx.map((i) => nodes[i].name) };
    const primary = idx.map((i) => caffe.get(nodes[i].name)).find((c) => c !== undefined);
    if (primary) { out.caffeLayer = primary.layer; out.caffeType = primary.type; }
    return out;
  };
}
