/**
 * The rule table: op type (default ONNX domain) -> shape rule and the input positions that are never
 * parameters. One place to look up what is supported.
 *
 * @example
 * RULES.Conv.infer(ctx); // { outputs: [[1, 64, 112, 112]], macs: 118013952 }
 */
import { conv, convTranspose, qlinearConv } from './conv';
import { constant, constantOfShape } from './constants';
import { batchNorm, broadcasting, sameShape } from './elementwise';
import { concat, expand, flatten, pad, reshape, tile, transpose } from './layout';
import { gemm, matmul, qlinearMatmul } from './linear';
import { globalPool, pool } from './pool';
import { argReduce, reduce } from './reduce';
import { gather, shapeOf, size, slice, split, squeeze, unsqueeze } from './select';
import { normAxis } from './dims';
import type { RuleContext, RuleEntry, RuleOutput } from './types';

/** LayerNormalization: Y like X; Mean and InvStdDev keep the dims before `axis` and are 1 after. */
function layerNorm(ctx: RuleContext): RuleOutput {
  const x = ctx.shape(0);
  if (!x) return { outputs: ctx.node.outputs.map(() => null) };
  const a = ctx.node.attributes.axis;
  const axis = normAxis(a && a.type === 'int' ? Number(a.value) : -1, x.length);
  const stat = x.map((d, i) => (i < axis ? d : 1));
  return { outputs: ctx.node.outputs.map((_, i) => (i === 0 ? x : stat)), macs: 0 };
}

const SAME_SHAPE = ['Relu', 'LeakyRelu', 'Sigmoid', 'Tanh', 'Softmax', 'LogSoftmax', 'Hardmax', 'LRN', 'Identity',
  'Cast', 'CastLike', 'Abs', 'Neg', 'Exp', 'Log', 'Sqrt', 'Reciprocal', 'Floor', 'Ceil', 'Round', 'Erf', 'Elu', 'Selu',
  'Celu', 'ThresholdedRelu', 'HardSigmoid', 'HardSwish', 'Softplus', 'Softsign', 'Gelu', 'Mish', 'Sin', 'Cos', 'Tan',
  'Not', 'Sign', 'IsNaN', 'IsInf', 'Acos', 'Asin', 'Atan', 'Acosh', 'Asinh', 'Atanh', 'Cosh', 'Sinh', 'Shrink', 'Trilu',
  'BitwiseNot', 'InstanceNormalization', 'LpNormalization', 'MeanVarianceNormalization'];
const BROADCASTING = ['Add', 'Sub', 'Mul', 'Div', 'Pow', 'Mod', 'Max', 'Min', 'Sum', 'Mean', 'Where', 'Equal', 'Less',
  'LessOrEqual', 'Greater', 'GreaterOrEqual', 'And', 'Or', 'Xor', 'BitShift'];
const REDUCE = ['ReduceMean', 'ReduceSum', 'ReduceMax', 'ReduceMin', 'ReduceProd', 'ReduceL1', 'ReduceL2',
  'ReduceLogSum', 'ReduceLogSumExp', 'ReduceSumSquare'];
/** Scales and zero points of QLinearConv/QLinearMatMul: x_scale, x_zp, w_scale, w_zp, y_scale, y_zp. */
const QLINEAR_SCALES = [1, 2, 4, 5, 6, 7];

/** Op type -> rule, for the default ONNX domain. */
export const RULES: Record<string, RuleEntry> = {
  ...Object.fromEntries(SAME_SHAPE.map((op) => [op, { infer: sameShape }])),
  ...Object.fromEntries(BROADCASTING.map((op) => [op, { infer: broadcasting }])),
  ...Object.fromEntries(REDUCE.map((op) => [op, { infer: reduce, nonParams: [1] }])),
  PRelu: { infer: broadcasting },
  Clip: { infer: sameShape, nonParams: [1, 2] },
  Dropout: { infer: sameShape, nonParams: [1, 2] },
  QuantizeLinear: { infer: sameShape, nonParams: [1, 2] },
  DequantizeLinear: { infer: sameShape, nonParams: [1, 2] },
  // Running mean and variance are buffers, not parameters (as PyTorch counts them).
  BatchNormalization: { infer: batchNorm, nonParams: [3, 4] },
  LayerNormalization: { infer: layerNorm },
  Conv: { infer: conv },
  ConvTranspose: { infer: convTranspose },
  QLinearConv: { infer: qlinearConv, nonParams: QLINEAR_SCALES },
  MaxPool: { infer: pool },
  AveragePool: { infer: pool },
  LpPool: { infer: pool },
  GlobalAveragePool: { infer: globalPool },
  GlobalMaxPool: { infer: globalPool },
  GlobalLpPool: { infer: globalPool },
  Gemm: { infer: gemm },
  MatMul: { infer: matmul },
  QLinearMatMul: { infer: qlinearMatmul, nonParams: QLINEAR_SCALES },
  Concat: { infer: concat },
  Flatten: { infer: flatten },
  Reshape: { infer: reshape, nonParams: [1] },
  Transpose: { infer: transpose },
  Expand: { infer: expand, nonParams: [1] },
  Tile: { infer: tile, nonParams: [1] },
  Pad: { infer: pad, nonParams: [1, 2, 3] },
  Squeeze: { infer: squeeze, nonParams: [1] },
  Unsqueeze: { infer: unsqueeze, nonParams: [1] },
  Gather: { infer: gather, nonParams: [1] },
  Shape: { infer: shapeOf },
  Size: { infer: size },
  Split: { infer: split, nonParams: [1] },
  Slice: { infer: slice, nonParams: [1, 2, 3, 4] },
  ArgMax: { infer: argReduce },
  ArgMin: { infer: argReduce },
  Constant: { infer: constant },
  ConstantOfShape: { infer: constantOfShape, nonParams: [0] },
};

/** The rule for a node's op, or undefined when the op (or its domain) has none. */
export function ruleFor(domain: string, opType: string): RuleEntry | undefined {
  if (domain !== '' && domain !== 'ai.onnx') return undefined;
  return Object.prototype.hasOwnProperty.call(RULES, opType) ? RULES[opType] : undefined;
}
