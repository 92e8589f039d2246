/**
 * Replace a node by an `Identity` of its data input, keeping its name and output 0: the graph's wiring
 * and names stay as they were (a profile still shows the node), only the work is gone.
 *
 * @example
 * replaceWithIdentity(g, 'norm1').nodes.find((n) => n.name === 'norm1')?.opType // 'Identity'
 */
import { dataInputOf } from './bypassable';
import { requireNode } from './lookup';
import type { Graph, Node } from './types';

/**
 * The same checks as `bypass`: the op type must be bypassable (see `BYPASSABLE`) and only output 0 may be used.
 * Extra outputs (Dropout's mask) are dropped. Throws GraphError like `bypass`.
 *
 * @example
 * replaceWithIdentity(g, 'drop6') // Identity "drop6" reads relu6's output, writes drop6's output 0
 */
export function replaceWithIdentity(g: Graph, nodeName: string): Graph {
  const { node, index } = requireNode(g, nodeName);
  const data = dataInputOf(g, node, 'replace with Identity');
  const identity: Node = {
    name: node.name, opType: 'Identity', domain: '', inputs: [data],
    outputs: [node.outputs[0]], attributes: {}, ...(node.docString === undefined ? {} : { docString: node.docString }),
  };
  const dropped = new Set(node.outputs.slice(1));
  return {
    ...g,
    nodes: [...g.nodes.slice(0, index), identity, ...g.nodes.slice(index + 1)],
    valueInfo: dropped.size ? g.valueInfo.filter((v) => !dropped.has(v.name)) : g.valueInfo,
  };
}
