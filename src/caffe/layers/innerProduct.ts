/**
 * Caffe `InnerProduct` -> (`Flatten` when the input has more than two axes) + `Gemm` transB=1:
 * Caffe stores weights as [num_output, K] (or [K, num_output] with `transpose: true` -> transB=0),
 * K the product of the input axes from `axis` (default 1) on. For `axis` > 1 a `Reshape` restores the
 * leading axes.
 *
 * @example
 * innerProduct(ctx) // fc6 -> fc6/flatten, fc6 (Gemm)
 */
import type { LayerContext } from '../context';
import { bool, float, int, num, prod } from './util';

/**
 * Convert one InnerProduct layer.
 * @example innerProduct(ctx) // fc7 -> Gemm(transB=1)
 */
export function innerProduct(ctx: LayerContext): void {
  const p = ctx.param('inner_product_param');
  const x = ctx.inputs[0];
  const nOut = num(p, 'num_output', 0);
  if (!(nOut > 0)) throw ctx.fail('num_output is missing or not positive');
  let axis = num(p, 'axis', 1);
  if (axis < 0) axis += x.shape.length;
  const lead = x.shape.slice(0, axis), kIn = prod(x.shape.slice(axis));
  const m = prod(lead);
  const transpose = bool(p, 'transpose', false);
  let t = x.tensor;
  if (x.shape.length !== 2 || axis !== 1) t = ctx.emit('Flatten', [t], { axis: int(axis) }, [m, kIn], { aux: 'flatten' });
  const wShape = transpose ? [kIn, nOut] : [nOut, kIn];
  const inputs = [t, ctx.constant('weight', wShape, ctx.blob(0, wShape, 'he', 'weights'))];
  if (bool(p, 'bias_term', true)) inputs.push(ctx.constant('bias', [nOut], ctx.blob(1, [nOut], 'bias', 'bias')));
  const attrs = { alpha: float(1), beta: float(1), transB: int(transpose ? 0 : 1) };
  if (lead.length === 1) { ctx.emit('Gemm', inputs, attrs, [m, nOut]); return; }
  const y = ctx.emit('Gemm', inputs, attrs, [m, nOut], { aux: 'gemm' });
  const shape = [...lead, nOut];
  ctx.emit('Reshape', [y, ctx.constant('shape', [shape.length], shape, 7)], {}, shape);
}
