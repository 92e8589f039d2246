/**
 * Weights computed at run time by `ConstantOfShape` (as in the ONNX "light" test models, whose every
 * weight is `ConstantOfShape(shape) = 0.02`): find them, with the shape they will have.
 *
 * @example
 * runtimeWeights(g, weightRoles(g)) // [{ node: <ConstantOfShape>, output: 'conv1_w_0', dims: [96, 3, 11, 11], dataType: 1 }]
 */
import { isDefaultDomain } from './bypassable';
import { FLOAT, INT32, INT64, tensorNumbers } from './tensor';
import type { DataType, Graph, Node } from './types';

/**
 * A weight computed by a ConstantOfShape node, with the dims and type it will have.
 * @example { node, output: 'fc6_w_0', dims: [4096, 9216], dataType: 1 }
 */
export interface RuntimeWeight {
  node: Node;
  output: string;
  dims: number[];
  dataType: DataType;
}

/**
 * The values of a tensor that is constant in `g`: an initializer or a `Constant` node's output (ints only).
 * @example constantInts(g, 'conv1_w_0__SHAPE') // [96, 3, 11, 11]
 */
export function constantInts(g: Graph, name: string): number[] | undefined {
  const init = g.initializers.find((t) => t.name === name);
  if (init) return init.dataType === INT64 || init.dataType === INT32 ? tensorNumbers(init) : undefined;
  if (g.inputs.some((v) => v.name === name)) return undefined;
  const c = g.nodes.find((n) => n.outputs[0] === name && n.opType === 'Constant' && isDefaultDomain(n));
  if (!c) return undefined;
  const value = c.attributes.value;
  if (value?.type === 'tensor' && (value.value.dataType === INT64 || value.value.dataType === INT32)) return tensorNumbers(value.value);
  const ints = c.attributes.value_ints;
  if (ints?.type === 'ints') return ints.value.map(Number);
  return undefined;
}

/**
 * The `ConstantOfShape` nodes of `g` whose shape input is constant and whose output is a parameter
 * (`isWeight(name)`), not a graph output. Their value type is that of the `value` attribute (FLOAT when absent).
 *
 * @example
 * runtimeWeights(g, (name) => weightRoles(g).has(name)).length // 16 for light_bvlc_alexnet
 */
export function runtimeWeights(g: Graph, isWeight: (name: string) => boolean): RuntimeWeight[] {
  const outputs = new Set(g.outputs.map((v) => v.name));
  const found: RuntimeWeight[] = [];
  for (const node of g.nodes) {
    if (node.opType !== 'ConstantOfShape' || !isDefaultDomain(node)) continue;
    const output = node.outputs[0] ?? '';
    if (output === '' || outputs.has(output) || !isWeight(output)) continue;
    const dims = constantInts(g, node.inputs[0] ?? '');
    if (!dims || dims.some((d) => !Number.isInteger(d) || d < 0)) continue;
    const v = node.attributes.value;
    const dataType = v?.type === 'tensor' ? v.value.dataType : FLOAT;
    found.push({ node, output, dims, dataType });
  }
  return found;
}
