/**
 * Remove nodes by op type or by name, each by `bypass`.
 *
 * @example
 * const noLrn = removeOpType(g, 'LRN');
 * const noDrop = removeNodes(g, ['drop6', 'drop7']);
 */
import { GraphError } from '../errors';
import { bypass } from './bypass';
import { didYouMean } from './suggest';
import type { Graph } from './types';

/**
 * Bypass every node of op type `opType` (one of a non-default domain fails as in `bypass`).
 * Throws GraphError when the graph has no such node (naming the op types it has) or one of them cannot be bypassed.
 *
 * @example
 * removeOpType(g, 'Dropout').nodes.some((n) => n.opType === 'Dropout') // false
 */
export function removeOpType(g: Graph, opType: string): Graph {
  const targets = g.nodes.filter((n) => n.opType === opType);
  if (targets.length === 0) {
    const present = [...new Set(g.nodes.map((n) => n.opType))].sort();
    throw new GraphError(`graph "${g.name}": no node of op type "${opType}"${didYouMean(opType, present)} (op types present: ${present.join(', ') || 'none'})`);
  }
  const unnamed = targets.filter((n) => n.name === '' || g.nodes.filter((m) => m.name === n.name).length > 1);
  if (unnamed.length) {
    throw new GraphError(`graph "${g.name}": ${unnamed.length} ${opType} node(s) have no unique name; give nodes unique names before removing them`);
  }
  return targets.reduce((acc, n) => bypass(acc, n.name), g);
}

/**
 * Bypass the named nodes, in the order given. Throws GraphError for an unknown or non-bypassable node.
 *
 * @example
 * removeNodes(g, ['norm1', 'norm2'])
 */
export function removeNodes(g: Graph, names: readonly string[]): Graph {
  return names.reduce((acc, name) => bypass(acc, name), g);
}
