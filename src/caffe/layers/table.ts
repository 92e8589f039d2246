/**
 * The layer converters, chosen by Caffe type in one table.
 *
 * @example
 * const convert = CONVERTERS['Convolution']; // convolution
 */
import type { LayerContext } from '../context';
import { dropout, power, relu, unary } from './activation';
import { convolution } from './convolution';
import { innerProduct } from './innerProduct';
import { lrn } from './lrn';
import { batchNorm, scale } from './normalization';
import { pooling } from './pooling';
import { concat, eltwise, flatten, reshape, softmax, split } from './structural';

export type LayerConverter = (ctx: LayerContext) => void;

/** Caffe (V2) layer type -> converter. @example CONVERTERS['Pooling'](ctx) */
export const CONVERTERS: Record<string, LayerConverter> = {
  Convolution: convolution,
  Pooling: pooling,
  LRN: lrn,
  ReLU: relu,
  Sigmoid: unary('Sigmoid'),
  TanH: unary('Tanh'),
  AbsVal: unary('Abs'),
  Power: power,
  InnerProduct: innerProduct,
  Dropout: dropout,
  Softmax: softmax,
  Concat: concat,
  Eltwise: eltwise,
  BatchNorm: batchNorm,
  Scale: scale,
  Flatten: flatten,
  Reshape: reshape,
  Split: split,
};

/** The supported Caffe layer types, sorted. @example SUPPORTED_TYPES.includes('LRN') // true */
export const SUPPORTED_TYPES = Object.keys(CONVERTERS).sort();
