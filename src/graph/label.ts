/**
 * How nodes are named in messages: `node "conv_3" (Conv)`, or `node #12 (ConstantOfShape)` when unnamed.
 *
 * @example
 * nodeLabel({ name: 'conv_3', opType: 'Conv', domain: '', inputs: [], outputs: [], attributes: {} }) // 'node "conv_3" (Conv)'
 */
import type { Node } from './types';

/**
 * A node as messages name it; `index` is used for unnamed nodes.
 * @example nodeLabel(unnamedConstant, 3) // 'node #3 (Constant)'
 */
export function nodeLabel(n: Node, index?: number): string {
  if (n.name !== '') return `node "${n.name}" (${n.opType})`;
  return index === undefined ? `unnamed node (${n.opType}) -> [${n.outputs.join(', ')}]` : `node #${index} (${n.opType})`;
}
