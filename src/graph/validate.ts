/**
 * Structural checks of a graph: what a surgery must never leave behind.
 *
 * @example
 * validate(g) // [{ kind: 'dangling-input', node: 'conv_3', tensor: 'W2', message: 'node "conv_3" (Conv): input "W2" has no producer, initializer or graph input' }]
 * assertValid(g) // throws GraphError listing every issue
 */
import { GraphError } from '../errors';
import { nodeLabel } from './label';
import { definedNames, subgraphs } from './scope';
import { toposort } from './toposort';
import type { Graph } from './types';

/**
 * The kinds of structural issue.
 * @example validate(g).filter((i) => i.kind === 'dangling-input')
 */
export type ValidationIssueKind = 'dangling-input' | 'duplicate-producer' | 'cycle' | 'missing-output' | 'duplicate-node-name';

/**
 * One problem found by `validate`. `node` and `tensor` name the subject when there is one.
 * @example { kind: 'missing-output', tensor: 'prob', message: 'graph output "prob": no node, initializer or graph input produces it' }
 */
export interface ValidationIssue {
  kind: ValidationIssueKind;
  node?: string;
  tensor?: string;
  message: string;
}

function validateIn(g: Graph, outer: ReadonlySet<string>, where: string, issues: ValidationIssue[]): void {
  const sources = new Map<string, string>();
  for (const v of g.inputs) sources.set(v.name, 'a graph input');
  for (const t of g.initializers) if (!sources.has(t.name)) sources.set(t.name, 'an initializer');
  for (const s of g.sparseInitializers) if (!sources.has(s.values.name)) sources.set(s.values.name, 'a sparse initializer');
  const producer = new Map<string, string>();
  const names = new Map<string, number>();
  g.nodes.forEach((n, i) => {
    const label = nodeLabel(n, i);
    if (n.name !== '') names.set(n.name, (names.get(n.name) ?? 0) + 1);
    for (const o of n.outputs) {
      if (o === '') continue;
      const other = producer.get(o) ?? sources.get(o);
      if (other !== undefined) {
        issues.push({ kind: 'duplicate-producer', node: n.name || undefined, tensor: o,
          message: `${where}tensor "${o}": written by ${label} but also by ${other}; each tensor must have one source` });
      }
      if (!producer.has(o)) producer.set(o, label);
    }
  });
  const known = (t: string): boolean => producer.has(t) || sources.has(t) || outer.has(t);
  g.nodes.forEach((n, i) => {
    n.inputs.forEach((t) => {
      if (t !== '' && !known(t)) {
        issues.push({ kind: 'dangling-input', node: n.name || undefined, tensor: t,
          message: `${where}${nodeLabel(n, i)}: input "${t}" has no producer, initializer or graph input` });
      }
    });
    const subs = subgraphs(n);
    if (subs.length) {
      const scope = new Set([...outer, ...definedNames(g)]);
      for (const sub of subs) validateIn(sub, scope, `${where}subgraph "${sub.name}" of ${nodeLabel(n, i)}: `, issues);
    }
  });
  for (const v of g.outputs) {
    if (!known(v.name)) {
      issues.push({ kind: 'missing-output', tensor: v.name,
        message: `${where}graph output "${v.name}": no node, initializer or graph input produces it` });
    }
  }
  for (const [name, count] of names) {
    if (count > 1) {
      issues.push({ kind: 'duplicate-node-name', node: name, message: `${where}node name "${name}": used by ${count} nodes; node names must be unique` });
    }
  }
  try {
    toposort(g);
  } catch (e) {
    if (!(e instanceof GraphError)) throw e;
    issues.push({ kind: 'cycle', message: `${where}${e.message}` });
  }
}

/**
 * Every structural issue of a graph: inputs nobody provides, tensors with several sources, cycles,
 * graph outputs nobody produces, duplicate node names. Subgraphs are checked too; they may read the
 * tensors of enclosing graphs. An empty list means the graph is well-formed.
 *
 * @example
 * validate(bypass(g, 'norm1')).length // 0
 */
export function validate(g: Graph): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  validateIn(g, new Set(), '', issues);
  return issues;
}

/**
 * Throw GraphError listing every issue `validate` finds; return the graph unchanged when there is none.
 *
 * @example
 * const ok = assertValid(removeOpType(g, 'LRN'));
 */
export function assertValid(g: Graph): Graph {
  const issues = validate(g);
  if (issues.length) {
    throw new GraphError(`graph "${g.name}": ${issues.length} structural issue(s):\n${issues.map((i) => `  - ${i.message}`).join('\n')}`);
  }
  return g;
}
