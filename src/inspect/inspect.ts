/**
 * A model at a glance: file size, parameters, MACs, the operator mix, and per node its output shape,
 * parameters and MACs (from `inferShapes`). Pure: the caller reads the file and passes its size.
 *
 * @example
 * const ins = inspectModel(model, { fileBytes: 3968 });
 * ins.params; // 60965224 for AlexNet
 * ins.opHistogram.Conv; // 5
 */
import { DATA_TYPES } from '../graph/tensor';
import type { Model, ValueInfo } from '../graph/types';
import { inferShapes } from '../graph/shapes';
import type { Shape, UnknownNode } from '../graph/shapes';

/** One node of an inspection. `outputShape` is the first output's shape. */
export interface InspectedNode {
  name: string;
  opType: string;
  outputShape: Shape | null;
  params: number;
  macs: number | null;
  /** Every input is constant (e.g. ConstantOfShape making a weight): folded before run time. */
  constant: boolean;
}

/** A graph input or output: its name, declared or inferred shape and element type. */
export interface InspectedValue {
  name: string;
  shape: Shape | null;
  elemType: string;
}

export interface Inspection {
  /** Size of the model file in bytes, when the caller gave it. */
  fileBytes: number | null;
  params: number;
  /** Sum of the known node MACs (Conv and Gemm/MatMul only). */
  macs: number;
  opset: number;
  /** Op type -> number of nodes, in order of first appearance. */
  opHistogram: Record<string, number>;
  nodes: InspectedNode[];
  /** Nodes with at least one unknown output shape. */
  unknownShapeNodes: number;
  unknownNodes: UnknownNode[];
  /** Graph inputs that are not initializers. */
  inputs: InspectedValue[];
  outputs: InspectedValue[];
}

export interface InspectOptions {
  fileBytes?: number;
  /** Graph input name -> shape, replacing symbolic dims (see `inferShapes`). */
  inputShapes?: Record<string, number[]>;
}

function elemType(v: ValueInfo): string {
  return v.type.kind === 'tensor' ? DATA_TYPES[v.type.elemType]?.name ?? `type ${v.type.elemType}` : v.type.kind;
}

/** Inspect a model. `opts` may be the file size alone, or `{ fileBytes, inputShapes }`. */
export function inspectModel(model: Model, opts: InspectOptions | number = {}): Inspection {
  const o: InspectOptions = typeof opts === 'number' ? { fileBytes: opts } : opts;
  const r = inferShapes(model, { inputShapes: o.inputShapes });
  const g = model.graph;
  const opHistogram: Record<string, number> = {};
  for (const n of g.nodes) opHistogram[n.opType] = (opHistogram[n.opType] ?? 0) + 1;
  const inits = new Set(g.initializers.map((t) => t.name));
  const value = (v: ValueInfo): InspectedValue => ({ name: v.name, shape: r.shapes.get(v.name) ?? null, elemType: elemType(v) });
  return {
    fileBytes: o.fileBytes ?? null,
    params: r.params,
    macs: r.macs,
    opset: r.opset,
    opHistogram,
    nodes: r.nodes.map((n) => ({ name: n.name, opType: n.opType, outputShape: n.outputShapes[0] ?? null, params: n.params, macs: n.macs, constant: n.constant })),
    unknownShapeNodes: r.nodes.filter((n) => n.outputShapes.some((s, i) => s === null && g.nodes[n.index].outputs[i] !== '')).length,
    unknownNodes: r.unknownNodes,
    inputs: g.inputs.filter((v) => !inits.has(v.name)).map(value),
    outputs: g.outputs.map(value),
  };
}
