/**
 * Which op types can be bypassed: those whose output 0 has the shape and type of one data input, all
 * other inputs being parameters (weights, statistics, limits). The table maps each to its data-input index.
 *
 * @example
 * BYPASSABLE.LRN // 0
 * bypassProblem({ opType: 'Concat', ... }) // 'Concat combines several data inputs'
 */
import { GraphError } from '../errors';
import { nodeLabel } from './label';
import { nodeReads } from './scope';
import type { Graph, Node } from './types';

/**
 * Op type (default ONNX domain) -> index of the data input whose shape and type output 0 keeps.
 * @example Object.keys(BYPASSABLE).includes('LRN') // true
 */
export const BYPASSABLE: Readonly<Record<string, number>> = Object.freeze({
  // normalization and regularization
  LRN: 0, Dropout: 0, BatchNormalization: 0, InstanceNormalization: 0, LayerNormalization: 0,
  GroupNormalization: 0, LpNormalization: 0, MeanVarianceNormalization: 0,
  // activations
  Identity: 0, Relu: 0, LeakyRelu: 0, PRelu: 0, Elu: 0, Selu: 0, Celu: 0, ThresholdedRelu: 0, Sigmoid: 0,
  HardSigmoid: 0, HardSwish: 0, Tanh: 0, Softplus: 0, Softsign: 0, Gelu: 0, Mish: 0, Clip: 0,
  Softmax: 0, LogSoftmax: 0, Hardmax: 0,
  // elementwise unary maths
  Abs: 0, Neg: 0, Exp: 0, Log: 0, Sqrt: 0, Reciprocal: 0, Floor: 0, Ceil: 0, Round: 0, Erf: 0,
});

/** Ops whose output combines several data inputs: none of them can be bypassed. */
const MULTI_INPUT = new Set(['Add', 'Sub', 'Mul', 'Div', 'Pow', 'Mod', 'Sum', 'Mean', 'Max', 'Min', 'Concat',
  'And', 'Or', 'Xor', 'Equal', 'Greater', 'GreaterOrEqual', 'Less', 'LessOrEqual', 'Where', 'BitShift',
  'MatMul', 'Einsum']);

/**
 * Whether a node belongs to the default ONNX domain ('' or 'ai.onnx').
 * @example isDefaultDomain(makeNode('Relu', ['x'], ['y'])) // true
 */
export function isDefaultDomain(n: Node): boolean {
  return n.domain === '' || n.domain === 'ai.onnx';
}

/**
 * Why a node cannot be bypassed because of its op type ('' when its op type is bypassable).
 * Used outputs are checked separately, against the graph.
 *
 * @example
 * bypassProblem(makeNode('Flatten', ['x'], ['y'])) // 'Flatten may change the shape of its data ...'
 */
export function bypassProblem(n: Node): string {
  if (!isDefaultDomain(n)) return `op types of domain "${n.domain}" are not known to keep the shape of their data`;
  if (MULTI_INPUT.has(n.opType)) return `${n.opType} combines several data inputs, so no single input can take its place`;
  const index = BYPASSABLE[n.opType];
  if (index === undefined) {
    return `${n.opType} may change the shape or type of its data (bypassable op types: ${Object.keys(BYPASSABLE).join(', ')})`;
  }
  if ((n.inputs[index] ?? '') === '') return `its data input ${index} is missing`;
  return '';
}

/**
 * Check that `node` can be taken out of `g` (bypassable op type, no used output besides output 0)
 * and return the name of its data input. `action` names the surgery in the error message.
 *
 * @example
 * dataInputOf(g, lrnNode, 'bypass') // 'relu1_out'
 */
export function dataInputOf(g: Graph, node: Node, action: string): string {
  const problem = bypassProblem(node);
  if (problem) throw new GraphError(`${nodeLabel(node)}: cannot ${action} — ${problem}`);
  for (let i = 1; i < node.outputs.length; i++) {
    const o = node.outputs[i];
    if (o === '') continue;
    const uses = g.nodes.filter((n) => n !== node && nodeReads(n).has(o)).map((n) => nodeLabel(n));
    if (g.outputs.some((v) => v.name === o)) uses.push('a graph output');
    if (uses.length) {
      throw new GraphError(`${nodeLabel(node)}: cannot ${action} — its output ${i} "${o}" is used by ${uses.join(', ')}; only output 0 may be used`);
    }
  }
  return node.inputs[BYPASSABLE[node.opType]];
}
