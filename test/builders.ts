/**
 * Tiny builders for test fixtures, like `onnx.helper`'s make_node / make_graph / make_model.
 *
 * @example
 * const g = makeGraph([makeNode('Relu', ['x'], ['y'])], [tensorInfo('x', [1, 4])], [tensorInfo('y', [1, 4])]);
 */
import type { Attribute, Dim, Graph, Model, Node, Tensor, ValueInfo } from '../src/graph/types';
import { FLOAT, tensorFromValues } from '../src/graph/tensor';

let counter = 0;

/** Attributes from plain values: integers -> int, other numbers -> float, arrays likewise, strings -> string. */
export function attrs(values: Record<string, number | number[] | string | Tensor | { float: number } | { floats: number[] }>): Record<string, Attribute> {
  const out: Record<string, Attribute> = {};
  for (const [k, v] of Object.entries(values)) {
    if (typeof v === 'number') out[k] = Number.isInteger(v) ? { type: 'int', value: v } : { type: 'float', value: v };
    else if (typeof v === 'string') out[k] = { type: 'string', value: new TextEncoder().encode(v) };
    else if (Array.isArray(v)) out[k] = v.every(Number.isInteger) ? { type: 'ints', value: v } : { type: 'floats', value: v };
    else if ('float' in v) out[k] = { type: 'float', value: v.float };
    else if ('floats' in v) out[k] = { type: 'floats', value: v.floats };
    else out[k] = { type: 'tensor', value: v };
  }
  return out;
}

export function makeNode(opType: string, inputs: string[], outputs: string[],
  attributes: Parameters<typeof attrs>[0] = {}, name?: string): Node {
  return { name: name ?? `${opType.toLowerCase()}_${counter++}`, opType, domain: '', inputs, outputs, attributes: attrs(attributes) };
}

export function tensorInfo(name: string, shape?: Dim[], elemType = FLOAT): ValueInfo {
  return { name, type: { kind: 'tensor', elemType, shape } };
}

/** A float32 initializer filled with `fill(i)` (default: i * 0.01). */
export function floatTensor(name: string, dims: number[], fill: (i: number) => number = (i) => i * 0.01): Tensor {
  const n = dims.reduce((a, b) => a * b, 1);
  return tensorFromValues(name, FLOAT, dims, Float32Array.from({ length: n }, (_, i) => fill(i)));
}

export function makeGraph(nodes: Node[], inputs: ValueInfo[], outputs: ValueInfo[],
  initializers: Tensor[] = [], name = 'test'): Graph {
  return { name, nodes, inputs, outputs, valueInfo: [], initializers, sparseInitializers: [] };
}

export function makeModel(graph: Graph, opset = 13, irVersion = 8): Model {
  return { irVersion, opsetImports: [{ domain: '', version: opset }], producerName: 'layerlab-test', metadata: {}, graph, functions: [] };
}
