/**
 * Caffe `Pooling` (MAX, AVE, global_pooling) with Caffe's output-size rule, reproduced exactly:
 * round up (`ceil`, or `floor` with round_mode FLOOR), then, when there is padding, drop the last
 * window if it would start in the padding. ONNX gets explicit (possibly asymmetric) pads with
 * ceil_mode 0, so the output size never depends on a runtime's rounding.
 * Caffe's AVE divisor counts padded cells inside the padded image (up to H + pad) but not beyond it;
 * this is matched by `count_include_pad` 0 (no padding), 1 (no window reaches beyond H + pad), or else
 * an explicit zero `Pad` followed by `count_include_pad` 0.
 *
 * @example
 * caffePoolOutputSize(112, 3, 0, 2) // 56 (floor rounding would give 55)
 */
import type { LayerContext } from '../context';
import { enumName, int, ints, spatial } from './util';

/**
 * Caffe's pooled size of one axis (PoolingLayer::Reshape).
 * @param anyPad whether any axis is padded: Caffe applies the "starts in the padding" rule to all axes then
 * @example
 * caffePoolOutputSize(13, 3, 0, 2) // 6
 */
export function caffePoolOutputSize(size: number, kernel: number, pad: number, stride: number,
  round: 'CEIL' | 'FLOOR' = 'CEIL', anyPad = pad > 0): number {
  const r = round === 'CEIL' ? Math.ceil : Math.floor;
  let out = r((size + 2 * pad - kernel) / stride) + 1;
  if (anyPad && (out - 1) * stride >= size + pad) out--;
  return out;
}

/**
 * Convert one Pooling layer with Caffe's output size.
 * @example pooling(ctx) // pool1/3x3_s2 -> MaxPool(pads=[0,0,1,1])
 */
export function pooling(ctx: LayerContext): void {
  const p = ctx.param('pooling_param');
  const x = ctx.inputs[0];
  const axes = x.shape.length - 2;
  const method = enumName(p, 'pool', ['MAX', 'AVE', 'STOCHASTIC'], 'MAX');
  if (method !== 'MAX' && method !== 'AVE') throw ctx.fail(`pool method ${method} is not supported (MAX, AVE)`);
  const global = p.global_pooling === true;
  if (global) {
    ctx.emit(method === 'MAX' ? 'GlobalMaxPool' : 'GlobalAveragePool', [x.tensor], {}, [x.shape[0], x.shape[1], ...new Array<number>(axes).fill(1)]);
    return;
  }
  const kernel = spatial(p, 'kernel', axes, undefined, ctx.fail);
  if (!kernel || kernel.length !== axes) throw ctx.fail(`kernel size must be given for ${axes} spatial axes (kernel_size or kernel_h/kernel_w) unless global_pooling`);
  const pad = spatial(p, 'pad', axes, 0, ctx.fail)!, stride = spatial(p, 'stride', axes, 1, ctx.fail)!;
  const round = enumName(p, 'round_mode', ['CEIL', 'FLOOR'], 'CEIL') === 'FLOOR' ? 'FLOOR' : 'CEIL';
  const anyPad = pad.some((v) => v > 0);
  const spatialIn = x.shape.slice(2);
  const out = spatialIn.map((h, i) => caffePoolOutputSize(h, kernel[i], pad[i], stride[i], round, anyPad));
  if (out.some((d) => d <= 0)) throw ctx.fail(`output size [${out}] is empty for input [${x.shape}]`);
  // End padding that makes floor((H + pad + end - k) / s) + 1 equal Caffe's size (never negative).
  const end = out.map((o, i) => Math.max(0, (o - 1) * stride[i] + kernel[i] - spatialIn[i] - pad[i]));
  const shape = [x.shape[0], x.shape[1], ...out];
  const base = { kernel_shape: ints(kernel), strides: ints(stride) };
  if (method === 'MAX') {
    ctx.emit('MaxPool', [x.tensor], { ...base, pads: ints([...pad, ...end]) }, shape);
  } else if (!anyPad) {
    ctx.emit('AveragePool', [x.tensor], { ...base, pads: ints([...pad, ...end]), count_include_pad: int(0) }, shape);
  } else if (end.every((e, i) => e <= pad[i])) {
    ctx.emit('AveragePool', [x.tensor], { ...base, pads: ints([...pad, ...end]), count_include_pad: int(1) }, shape);
  } else {
    const padded = [x.shape[0], x.shape[1], ...spatialIn.map((h, i) => h + 2 * pad[i])];
    const pads = ctx.constant('pads', [2 * x.shape.length], [0, 0, ...pad, 0, 0, ...pad], 7);
    const y = ctx.emit('Pad', [x.tensor, pads], { mode: { type: 'string', value: new TextEncoder().encode('constant') } }, padded, { aux: 'pad' });
    const rest = end.map((e, i) => Math.max(0, e - pad[i]));
    ctx.emit('AveragePool', [y], { ...base, pads: ints([...pad.map(() => 0), ...rest]), count_include_pad: int(0) }, shape);
  }
}
