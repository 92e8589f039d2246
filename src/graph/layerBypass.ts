/**
 * Bypassing a whole layer made of several nodes: a connected group of nodes with one data input and one
 * used output of the same shape (Caffe's WITHIN_CHANNEL LRN `norm1` is six ONNX nodes: `norm1/square`,
 * `norm1/pool`, ..., `norm1`). Readers of the layer's output read its data input instead, and the group is gone.
 *
 * A layer's nodes come from model metadata `caffe:layers` (the Caffe importer's record) when present,
 * otherwise from the naming convention `<layer>` plus `<layer>/<role>` helper nodes.
 *
 * @example
 * const g2 = bypassGroup(g, 'norm1', ['norm1/square', 'norm1/pool', 'norm1/scale', 'norm1/shift', 'norm1/power', 'norm1']);
 * // conv2 now reads relu1's output; the six nodes are gone (initializers go with `cleanup`)
 */
import { GraphError } from '../errors';
import { bypass, uniqueNodeName } from './bypass';
import { nodeReads } from './scope';
import type { Dim, Graph, Model, Node, TypeInfo } from './types';

/** Shape of a tensor when known (`undefined`/`null` when not). */
export type ShapeLookup = (tensor: string) => Dim[] | null | undefined;

/**
 * Layer name -> its node names, from model metadata `caffe:layers` (empty when absent or unreadable).
 * @example layerGroups(cifar10Model).get('norm1') // ['norm1/square', ..., 'norm1']
 */
export function layerGroups(model: Pick<Model, 'metadata'>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const raw = model.metadata?.['caffe:layers'];
  if (!raw) return out;
  try {
    for (const r of JSON.parse(raw) as { name?: unknown; nodes?: unknown }[]) {
      if (typeof r.name === 'string' && Array.isArray(r.nodes) && r.nodes.length > 0) out.set(r.name, r.nodes.filter((n): n is string => typeof n === 'string'));
    }
  } catch { /* not a layerlab import */ }
  return out;
}

/**
 * The nodes of the layer `name` present in `g`: from `groups` when it knows the layer, else the node named
 * `name` and the nodes named `name/...`. Empty when there are none.
 * @example layerMembers(g, 'norm1') // ['norm1/square', 'norm1/pool', 'norm1/scale', 'norm1/shift', 'norm1/power', 'norm1']
 */
export function layerMembers(g: Graph, name: string, groups: Map<string, string[]> = new Map()): string[] {
  const present = new Set(g.nodes.map((n) => n.name));
  const known = groups.get(name);
  if (known) return known.filter((n) => present.has(n));
  return g.nodes.filter((n) => n.name === name || n.name.startsWith(`${name}/`)).map((n) => n.name);
}

function tensorShape(t: TypeInfo | undefined): Dim[] | undefined {
  return t && t.kind === 'tensor' ? t.shape : undefined;
}

/** Tensors that are parameters rather than data: initializers and outputs of input-less nodes (Constant). */
function parameterNames(g: Graph): Set<string> {
  const s = new Set<string>(g.initializers.map((t) => t.name));
  for (const t of g.sparseInitializers) s.add(t.values.name);
  for (const n of g.nodes) if (n.inputs.every((i) => i === '')) for (const o of n.outputs) s.add(o);
  return s;
}

/** Whether the members are connected through the tensors they share. */
function connected(members: Node[]): boolean {
  if (members.length <= 1) return true;
  const seen = new Set<Node>([members[0]]);
  const stack = [members[0]];
  while (stack.length) {
    const n = stack.pop() as Node;
    const mine = new Set([...nodeReads(n), ...n.outputs.filter((o) => o !== '')]);
    for (const m of members) {
      if (seen.has(m)) continue;
      if ([...nodeReads(m), ...m.outputs].some((t) => t !== '' && mine.has(t))) { seen.add(m); stack.push(m); }
    }
  }
  return seen.size === members.length;
}

/**
 * The data input and the used output of a group of nodes, checked: the group is connected, reads exactly
 * one tensor that is not a parameter from outside, has exactly one output used outside it (by another node
 * or as a graph output), and that output has the data input's shape (known from `shapeOf` or value_info).
 * Throws GraphError naming the layer and what is wrong.
 * @example groupBoundary(g, 'norm1', members) // { data: 'pool1', out: 'norm1' }
 */
export function groupBoundary(g: Graph, layer: string, memberNames: readonly string[], shapeOf: ShapeLookup = () => undefined): { data: string; out: string } {
  const names = new Set(memberNames);
  const members = g.nodes.filter((n) => names.has(n.name));
  const subject = `layer "${layer}" (${memberNames.length} nodes: ${memberNames.join(', ')})`;
  if (members.length !== names.size) {
    const missing = memberNames.filter((n) => !g.nodes.some((m) => m.name === n));
    throw new GraphError(`${subject}: cannot bypass — node(s) not in graph "${g.name}": ${missing.join(', ')}`);
  }
  if (!connected(members)) throw new GraphError(`${subject}: cannot bypass — its nodes are not connected to each other, so they are not one layer`);
  const produced = new Set(members.flatMap((n) => n.outputs.filter((o) => o !== '')));
  const params = parameterNames(g);
  const inputs = [...new Set(members.flatMap((n) => [...nodeReads(n)]))].filter((t) => !produced.has(t) && !params.has(t));
  if (inputs.length !== 1) {
    throw new GraphError(`${subject}: cannot bypass — it reads ${inputs.length} data tensors from outside (${inputs.join(', ') || 'none'}); a bypassable layer reads exactly one`);
  }
  const outsiders = g.nodes.filter((n) => !names.has(n.name));
  const used = [...produced].filter((t) => g.outputs.some((v) => v.name === t) || outsiders.some((n) => nodeReads(n).has(t)));
  if (used.length !== 1) {
    throw new GraphError(`${subject}: cannot bypass — ${used.length} of its outputs are used outside it (${used.join(', ') || 'none'}); a bypassable layer has exactly one`);
  }
  const [data, out] = [inputs[0], used[0]];
  const declared = (t: string): Dim[] | null | undefined => shapeOf(t) ?? tensorShape([...g.valueInfo, ...g.inputs, ...g.outputs].find((v) => v.name === t)?.type);
  const a = declared(data), b = declared(out);
  if (!a || !b) {
    throw new GraphError(`${subject}: cannot bypass — the shape of ${!a ? `its input "${data}"` : `its output "${out}"`} is unknown, so it cannot be checked that the layer keeps the shape of its data`);
  }
  if (a.length !== b.length || a.some((d, i) => d !== b[i])) {
    throw new GraphError(`${subject}: cannot bypass — its output "${out}" has shape [${b.join(', ')}], its input "${data}" [${a.join(', ')}]; only a layer that keeps the shape of its data can be bypassed`);
  }
  return { data, out };
}

/**
 * Bypass a layer made of several nodes (see `groupBoundary` for the checks): the group is replaced by an
 * Identity from its data input to its used output, which `bypass` then takes out (so graph outputs keep their
 * names, as with single nodes). Unused initializers remain until `cleanup`.
 * @example toposort(cleanup(bypassGroup(g, 'norm1', layerMembers(g, 'norm1'))))
 */
export function bypassGroup(g: Graph, layer: string, memberNames: readonly string[], shapeOf?: ShapeLookup): Graph {
  const { data, out } = groupBoundary(g, layer, memberNames, shapeOf);
  const names = new Set(memberNames);
  const last = g.nodes.reduce((k, n, i) => (names.has(n.name) ? i : k), -1);
  const rest = g.nodes.filter((n) => !names.has(n.name));
  const idName = uniqueNodeName({ ...g, nodes: rest }, layer);
  const identity: Node = { name: idName, opType: 'Identity', domain: '', inputs: [data], outputs: [out], attributes: {} };
  const before = g.nodes.slice(0, last + 1).filter((n) => !names.has(n.name)).length;
  const produced = new Set(g.nodes.filter((n) => names.has(n.name)).flatMap((n) => n.outputs));
  const replaced: Graph = {
    ...g,
    nodes: [...rest.slice(0, before), identity, ...rest.slice(before)],
    valueInfo: g.valueInfo.filter((v) => v.name === out || !produced.has(v.name)),
  };
  return bypass(replaced, idName);
}
