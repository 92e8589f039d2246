/**
 * Bypass one node: its consumers read its data input instead, and the node is gone.
 *
 * @example
 * // x -> Relu(r) -> y -> LRN(norm1) -> z -> Conv -> out
 * bypass(g, 'norm1'); // Conv now reads y; LRN removed
 */
import { dataInputOf } from './bypassable';
import { requireNode } from './lookup';
import { renameReads } from './scope';
import type { Graph, Node } from './types';

/**
 * A node name not used in `g`, starting from `base`.
 * @example uniqueNodeName(g, 'relu1') // 'relu1_1' when 'relu1' is taken
 */
export function uniqueNodeName(g: Graph, base: string): string {
  const names = new Set(g.nodes.map((n) => n.name));
  if (!names.has(base)) return base;
  let i = 1;
  while (names.has(`${base}_${i}`)) i++;
  return `${base}_${i}`;
}

/**
 * Remove a node whose output 0 has the shape and type of its data input (LRN, Dropout,
 * BatchNormalization, Relu, Softmax... see `BYPASSABLE`): every reader of its output reads its data input.
 *
 * Graph outputs keep their names: when the node's output is a graph output, the node producing its
 * data input is renamed to write that output directly; when the data input has no producing node (a
 * graph input or initializer) or is itself a graph output, an `Identity` named `<node>/bypass` takes
 * the node's place instead.
 *
 * Throws GraphError for an unknown node (with close names), an op type that combines several data
 * inputs or may change shape, and a node with a used output other than output 0 (Dropout's mask).
 * Returns a new graph; unchanged nodes and tensors are shared.
 *
 * @example
 * const g2 = bypass(g, 'drop6'); // Gemm fc7 reads relu6's output
 */
export function bypass(g: Graph, nodeName: string): Graph {
  const { node, index } = requireNode(g, nodeName);
  const data = dataInputOf(g, node, 'bypass');
  const out = node.outputs[0] ?? '';
  const others = g.nodes.filter((_, i) => i !== index);
  const isOutput = (t: string): boolean => g.outputs.some((v) => v.name === t);

  if (out === '' || !isOutput(out)) {
    return {
      ...g,
      nodes: out === '' ? others : others.map((n) => renameReads(n, out, data)),
      valueInfo: g.valueInfo.filter((v) => v.name !== out),
    };
  }
  const producer = others.find((n) => n.outputs.includes(data));
  if (producer && !isOutput(data)) {
    // The producer writes the graph output itself; readers of `data` follow the new name.
    return {
      ...g,
      nodes: others.map((n) => {
        const renamed = renameReads(n, data, out);
        return n === producer ? { ...renamed, outputs: n.outputs.map((o) => (o === data ? out : o)) } : renamed;
      }),
      valueInfo: g.valueInfo.filter((v) => v.name !== data),
    };
  }
  const identity: Node = {
    name: uniqueNodeName(g, `${node.name}/bypass`), opType: 'Identity', domain: '',
    inputs: [data], outputs: [out], attributes: {},
  };
  return { ...g, nodes: [...g.nodes.slice(0, index), identity, ...g.nodes.slice(index + 1)] };
}
