/**
 * Caffe `LRN`. ACROSS_CHANNELS maps to ONNX `LRN` (size, alpha, beta, bias = k): both compute
 * x / (k + alpha/n * sum of squares over n channels)^beta. WITHIN_CHANNEL has no ONNX operator and is
 * written as Caffe computes it: y = x * (1 + alpha * avg)^-beta with avg the mean of x^2 over a
 * zero-padded size x size window of the same channel, whose divisor is always size^2
 * (Mul -> AveragePool count_include_pad=1 -> Mul alpha -> Add 1 -> Pow beta -> Div). Caffe uses 1,
 * not k, as the shift here.
 *
 * @example
 * lrn(ctx) // norm1 (WITHIN_CHANNEL) -> norm1/square, norm1/pool, norm1/scale, norm1/shift, norm1/power, norm1
 */
import type { LayerContext } from '../context';
import { enumName, float, int, ints, num } from './util';

/**
 * Convert one LRN layer (either region).
 * @example lrn(ctx) // pool1/norm1 -> LRN(size=5, alpha=1e-4, beta=0.75, bias=1)
 */
export function lrn(ctx: LayerContext): void {
  const p = ctx.param('lrn_param');
  const x = ctx.inputs[0];
  const size = num(p, 'local_size', 5), alpha = num(p, 'alpha', 1), beta = num(p, 'beta', 0.75), k = num(p, 'k', 1);
  if (size % 2 !== 1) throw ctx.fail(`local_size must be odd (Caffe requires it), got ${size}`);
  const region = enumName(p, 'norm_region', ['ACROSS_CHANNELS', 'WITHIN_CHANNEL'], 'ACROSS_CHANNELS');
  if (region === 'ACROSS_CHANNELS') {
    ctx.emit('LRN', [x.tensor], { size: int(size), alpha: float(alpha), beta: float(beta), bias: float(k) }, x.shape);
    return;
  }
  if (region !== 'WITHIN_CHANNEL') throw ctx.fail(`norm_region ${region} is not supported (ACROSS_CHANNELS, WITHIN_CHANNEL)`);
  const axes = x.shape.length - 2;
  const half = (size - 1) / 2;
  const sq = ctx.emit('Mul', [x.tensor, x.tensor], {}, x.shape, { aux: 'square' });
  const avg = ctx.emit('AveragePool', [sq], {
    kernel_shape: ints(new Array<number>(axes).fill(size)), strides: ints(new Array<number>(axes).fill(1)),
    pads: ints(new Array<number>(2 * axes).fill(half)), count_include_pad: int(1),
  }, x.shape, { aux: 'pool' });
  const scaled = ctx.emit('Mul', [avg, ctx.constant('alpha', [], [alpha])], {}, x.shape, { aux: 'scale' });
  const shifted = ctx.emit('Add', [scaled, ctx.constant('one', [], [1])], {}, x.shape, { aux: 'shift' });
  const powered = ctx.emit('Pow', [shifted, ctx.constant('beta', [], [beta])], {}, x.shape, { aux: 'power' });
  ctx.emit('Div', [x.tensor, powered], {}, x.shape);
}
