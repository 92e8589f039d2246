/**
 * Scoping of subgraphs (If/Loop/Scan bodies): the tensors of an enclosing graph that a node's
 * subgraph attributes read, and renaming such reads. A body may read any tensor visible in an
 * enclosing scope; names the body defines itself (its inputs, initializers, node outputs) shadow them.
 *
 * @example
 * outerReads(ifNode); // Set { 'cond_bias' } when the then-branch reads the outer tensor 'cond_bias'
 */
import type { Attribute, Graph, Node } from './types';

/** The graphs held by one attribute (`graph` or `graphs`). */
function attributeGraphs(a: Attribute): Graph[] {
  if (a.type === 'graph') return [a.value];
  if (a.type === 'graphs') return a.value;
  return [];
}

/**
 * Subgraphs held by a node's attributes, in attribute order.
 * @example subgraphs(ifNode).map((g) => g.name) // ['then', 'else']
 */
export function subgraphs(n: Node): Graph[] {
  return Object.values(n.attributes).flatMap(attributeGraphs);
}

/**
 * Names a graph defines for its own scope: inputs, initializers and node outputs.
 * @example definedNames(body).has('t') // true when a node of body writes 't'
 */
export function definedNames(g: Graph): Set<string> {
  const s = new Set<string>();
  for (const v of g.inputs) s.add(v.name);
  for (const t of g.initializers) s.add(t.name);
  for (const t of g.sparseInitializers) s.add(t.values.name);
  for (const n of g.nodes) for (const o of n.outputs) if (o !== '') s.add(o);
  return s;
}

/**
 * Names a graph reads from enclosing scopes (its reads minus what it defines), recursively.
 * @example graphOuterReads(body) // Set { 'outer_bias' }
 */
export function graphOuterReads(g: Graph): Set<string> {
  const defined = definedNames(g);
  const reads = new Set<string>();
  const add = (name: string): void => { if (name !== '' && !defined.has(name)) reads.add(name); };
  for (const n of g.nodes) {
    n.inputs.forEach(add);
    for (const sub of subgraphs(n)) graphOuterReads(sub).forEach(add);
  }
  g.outputs.forEach((v) => add(v.name));
  return reads;
}

/**
 * Names of the enclosing graph that a node's subgraph attributes read (empty for most nodes).
 *
 * @example
 * outerReads(makeNode('Relu', ['x'], ['y'])).size // 0
 */
export function outerReads(n: Node): Set<string> {
  const s = new Set<string>();
  for (const sub of subgraphs(n)) for (const r of graphOuterReads(sub)) s.add(r);
  return s;
}

/**
 * Every tensor a node reads: its inputs (without '') and its subgraphs' outer reads.
 * @example nodeReads(makeNode('Conv', ['x', 'W', ''], ['y'])) // Set { 'x', 'W' }
 */
export function nodeReads(n: Node): Set<string> {
  const s = new Set(n.inputs.filter((i) => i !== ''));
  for (const r of outerReads(n)) s.add(r);
  return s;
}

/** Rename reads of `from` to `to` inside a subgraph, unless the subgraph defines `from` itself. */
function renameInGraph(g: Graph, from: string, to: string): Graph {
  if (definedNames(g).has(from)) return g;
  return {
    ...g,
    nodes: g.nodes.map((n) => renameReads(n, from, to)),
    outputs: g.outputs.map((v) => (v.name === from ? { ...v, name: to } : v)),
  };
}

/**
 * A node reading `to` wherever it read `from`: its inputs and, unless shadowed, its subgraphs.
 * Returns the same object when nothing changes.
 *
 * @example
 * renameReads(makeNode('Relu', ['a'], ['b']), 'a', 'x').inputs // ['x']
 */
export function renameReads(n: Node, from: string, to: string): Node {
  const reads = nodeReads(n);
  if (!reads.has(from)) return n;
  const attributes: Node['attributes'] = {};
  for (const [k, a] of Object.entries(n.attributes)) {
    if (a.type === 'graph') attributes[k] = { ...a, value: renameInGraph(a.value, from, to) };
    else if (a.type === 'graphs') attributes[k] = { ...a, value: a.value.map((g) => renameInGraph(g, from, to)) };
    else attributes[k] = a;
  }
  return { ...n, inputs: n.inputs.map((i) => (i === from ? to : i)), attributes };
}
