/**
 * Finding the node a surgery is asked to change, with a helpful error when it is not there.
 *
 * @example
 * const { node, index } = requireNode(g, 'norm1');
 */
import { GraphError } from '../errors';
import { didYouMean } from './suggest';
import type { Graph, Node } from './types';

/**
 * The node named `name` and its index; GraphError when there is none (with close names), or several.
 * @example requireNode(g, 'norm1').node.opType // 'LRN'
 */
export function requireNode(g: Graph, name: string): { node: Node; index: number } {
  const indices: number[] = [];
  g.nodes.forEach((n, i) => { if (n.name === name) indices.push(i); });
  if (indices.length === 0) {
    const hint = name === '' ? '; unnamed nodes cannot be addressed by name' : didYouMean(name, g.nodes.map((n) => n.name));
    throw new GraphError(`graph "${g.name}": no node named "${name}"${hint}`);
  }
  if (indices.length > 1) {
    throw new GraphError(`graph "${g.name}": ${indices.length} nodes are named "${name}" (at positions ${indices.join(', ')}); node names must be unique to address one`);
  }
  return { node: g.nodes[indices[0]], index: indices[0] };
}
