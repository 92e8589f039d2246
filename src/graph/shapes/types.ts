/**
 * Types of static shape inference: per-tensor shapes, per-node records (output shapes, parameters, MACs)
 * and the rule interface each op family implements.
 *
 * @example
 * const r: ShapeResult = inferShapes(model);
 * r.shapes.get('conv1_out'); // [1, 64, 112, 112]
 */
import type { Dim, Node } from '../types';

/** A tensor shape: fixed sizes, symbolic names, or `null` for an unknown dimension. */
export type Shape = Dim[];

/** Why a node's outputs could not be inferred. */
export type UnknownReason = 'no-rule' | 'unknown-input-shape' | 'rule-failed';

/** A node whose output shapes are (partly) unknown. */
export interface UnknownNode {
  name: string;
  opType: string;
  reason: UnknownReason;
  /** What went wrong, when a rule could not apply (e.g. mismatched dimensions). */
  detail?: string;
}

/** What inference found for one node. */
export interface NodeShapeRecord {
  /** The node's name, or `<opType>_<index>` when the node has none. */
  name: string;
  opType: string;
  /** Position in `graph.nodes`. */
  index: number;
  /** One entry per output; `null` when unknown (unknown rank). */
  outputShapes: (Shape | null)[];
  /**
   * Elements of the constant weight tensors this node is the first run-time reader of: initializers and
   * tensors computed from constants only (ConstantOfShape, Constant, DequantizeLinear of weights...).
   * Shape-like operands (Reshape's shape, Clip's bounds, quantization scales...) are not counted.
   */
  params: number;
  /** Multiply-accumulates of Conv/ConvTranspose/Gemm/MatMul (and QLinear variants); 0 for other ops; null when shapes are unknown. */
  macs: number | null;
  /** True when every input is constant, so the node can be folded before run time (its params go to its readers). */
  constant: boolean;
}

/** The result of `inferShapes`. */
export interface ShapeResult {
  /** Tensor name -> shape (`null`: unknown rank). Holds graph inputs, initializers and every node output. */
  shapes: Map<string, Shape | null>;
  nodes: NodeShapeRecord[];
  unknownNodes: UnknownNode[];
  /** Sum of the nodes' params (each weight tensor counted once). */
  params: number;
  /** Sum of the known node MACs (nodes with `macs === null` are left out; see `unknownNodes`). */
  macs: number;
  /** The default-domain opset the rules followed. */
  opset: number;
}

/** Options of `inferShapes`. */
export interface ShapeOptions {
  /** Graph input name -> shape, replacing the declared (possibly symbolic) shape. */
  inputShapes?: Record<string, number[]>;
}

/** What a rule sees: the node, the opset, its inputs' shapes and (small, integer) constant values. */
export interface RuleContext {
  node: Node;
  opset: number;
  /** Shape of input `i`; `null` when unknown or when the input is absent (see `has`). */
  shape(i: number): Shape | null;
  /** Whether optional input `i` is present (not omitted and not ''). */
  has(i: number): boolean;
  /** Values of input `i` when it is a known small constant (shape tensors, axes, indices), else undefined. */
  value(i: number): number[] | undefined;
}

/** What a rule returns: one shape per output (null when unknown), MACs, and optional constant output values. */
export interface RuleOutput {
  outputs: (Shape | null)[];
  /** Defaults to 0 when every output is known, null otherwise. */
  macs?: number | null;
  /** Constant values of outputs, for shape computations (Shape -> Gather -> Concat -> Reshape). */
  values?: (number[] | undefined)[];
}

/** A shape rule: pure, may throw a plain Error with a message for `rule-failed`. */
export type Rule = (ctx: RuleContext) => RuleOutput;

/** An entry of the rule table. */
export interface RuleEntry {
  infer: Rule;
  /** Input positions that are never parameters (shapes, axes, bounds, quantization scales and zero points). */
  nonParams?: number[];
}
