/**
 * Layer categories, chosen by strategy name in one table/switch: `study` (the study's categories:
 * convolution, cccp, fully connected, pooling, normalization, relu, concat, softmax, dropout, other),
 * `op-type` (the ONNX op type itself) and `caffe-type` (the Caffe layer type, else the op type).
 * With a Caffe layer known, the study strategy goes by the Caffe type, and NIN's `cccp*` layers (1x1
 * convolutions) are their own category `cccp`, as the study reported them.
 *
 * @example
 * categorize('study', { opType: 'FusedConv' }); // 'convolution'
 * categorize('study', { opType: 'Conv', caffeLayer: 'cccp1', caffeType: 'Convolution' }); // 'cccp'
 */

export type CategoryStrategy = 'study' | 'op-type' | 'caffe-type';

/** The study's categories, in the order reports list them. */
export const STUDY_CATEGORIES = ['convolution', 'cccp', 'fully connected', 'pooling', 'normalization', 'relu', 'concat', 'softmax', 'dropout', 'other'] as const;

export interface CategoryInput { opType: string; caffeLayer?: string; caffeType?: string }

/** ONNX op types (including onnxruntime's fused contrib ops) by study category. */
const BY_OP: Record<string, string> = {};
/** Caffe layer types by study category. */
const BY_CAFFE: Record<string, string> = {};
for (const [category, ops, caffe] of [
  ['convolution', 'Conv FusedConv ConvTranspose ConvInteger QLinearConv NhwcFusedConv', 'Convolution Deconvolution'],
  ['fully connected', 'Gemm FusedGemm MatMul FusedMatMul MatMulInteger QLinearMatMul', 'InnerProduct'],
  ['pooling', 'MaxPool AveragePool GlobalAveragePool GlobalMaxPool LpPool', 'Pooling'],
  ['normalization', 'LRN BatchNormalization InstanceNormalization LayerNormalization LpNormalization MeanVarianceNormalization', 'LRN BatchNorm MVN Scale'],
  ['relu', 'Relu LeakyRelu PRelu', 'ReLU PReLU'],
  ['concat', 'Concat', 'Concat'],
  ['softmax', 'Softmax LogSoftmax', 'Softmax'],
  ['dropout', 'Dropout', 'Dropout'],
] as const) {
  for (const op of ops.split(' ')) BY_OP[op] = category;
  for (const t of caffe.split(' ')) BY_CAFFE[t] = category;
}

function study(n: CategoryInput): string {
  if (n.caffeType !== undefined) {
    const c = BY_CAFFE[n.caffeType] ?? 'other';
    return c === 'convolution' && n.caffeLayer !== undefined && /^cccp/i.test(n.caffeLayer) ? 'cccp' : c;
  }
  return BY_OP[n.opType] ?? 'other';
}

/**
 * The category of one node under a strategy.
 * @throws Error `invalid category strategy: <name>` for an unknown strategy.
 * @example categorize('op-type', { opType: 'LRN' }); // 'LRN'
 */
export function categorize(strategy: CategoryStrategy, n: CategoryInput): string {
  switch (strategy) {
    case 'study': return study(n);
    case 'op-type': return n.opType;
    case 'caffe-type': return n.caffeType ?? n.opType;
    default: throw new Error(`invalid category strategy: ${String(strategy)} — expected study, op-type or caffe-type`);
  }
}
