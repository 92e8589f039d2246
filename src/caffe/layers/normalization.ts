/**
 * Caffe `BatchNorm` (blobs: mean, variance, moving-average factor; normalizes only, eps default 1e-5)
 * -> ONNX `BatchNormalization` with scale 1 and bias 0; Caffe `Scale` (a learned per-channel factor and
 * optional bias, or a second bottom as the factor) -> `Mul` (+ `Add`), parameters shaped to broadcast.
 *
 * @example
 * batchNorm(ctx) // bn1 -> BatchNormalization(x, bn1/scale, bn1/bias, bn1/mean, bn1/var)
 */
import type { LayerContext } from '../context';
import { bool, float, num } from './util';

/**
 * Convert one BatchNorm layer (inference statistics).
 * @example batchNorm(ctx) // bn -> BatchNormalization
 */
export function batchNorm(ctx: LayerContext): void {
  const p = ctx.param('batch_norm_param');
  const x = ctx.inputs[0];
  const c = x.shape[1];
  const mean = ctx.blob(0, [c], 'zero', 'mean');
  const variance = ctx.blob(1, [c], 'one', 'variance');
  const factor = ctx.blob(2, [1], 'one', 'moving average factor')[0];
  const f = factor === 0 ? 0 : 1 / factor;
  ctx.emit('BatchNormalization', [
    x.tensor,
    ctx.constant('scale', [c], new Float32Array(c).fill(1)),
    ctx.constant('bias', [c], new Float32Array(c)),
    ctx.constant('mean', [c], mean.map((v) => v * f)),
    ctx.constant('var', [c], variance.map((v) => v * f)),
  ], { epsilon: float(num(p, 'eps', 1e-5)) }, x.shape);
}

/**
 * Convert one Scale layer.
 * @example scale(ctx) // sc (bias_term) -> sc/mul, sc (Add)
 */
export function scale(ctx: LayerContext): void {
  const p = ctx.param('scale_param');
  const x = ctx.inputs[0];
  const rank = x.shape.length;
  const axis = ((a) => (a < 0 ? a + rank : a))(num(p, 'axis', 1));
  const numAxes = num(p, 'num_axes', 1);
  const pShape = ctx.inputs.length > 1 ? ctx.inputs[1].shape : x.shape.slice(axis, numAxes === -1 ? rank : axis + numAxes);
  const bShape = [...pShape, ...new Array<number>(rank - axis - pShape.length).fill(1)];
  const hasBias = bool(p, 'bias_term', false);
  let factor: string;
  if (ctx.inputs.length > 1) {
    factor = ctx.emit('Reshape', [ctx.inputs[1].tensor, ctx.constant('factor_shape', [bShape.length], bShape, 7)], {}, bShape, { aux: 'factor' });
  } else {
    factor = ctx.constant('scale', bShape, ctx.blob(0, pShape, 'one', 'scale'));
  }
  if (!hasBias) { ctx.emit('Mul', [x.tensor, factor], {}, x.shape); return; }
  const y = ctx.emit('Mul', [x.tensor, factor], {}, x.shape, { aux: 'mul' });
  const bias = ctx.constant('bias', bShape, ctx.blob(ctx.inputs.length > 1 ? 0 : 1, pShape, 'zero', 'bias'));
  ctx.emit('Add', [y, bias], {}, x.shape);
}
