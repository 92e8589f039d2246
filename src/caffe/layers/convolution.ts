/**
 * Caffe `Convolution` -> ONNX `Conv`: num_output, kernel/pad/stride/dilation (single, repeated or
 * `_h`/`_w`), group, bias_term. Weights [num_output, C/group, kh, kw], bias [num_output].
 *
 * @example
 * convolution(ctx) // conv1 -> Conv(data, conv1/weight, conv1/bias)
 */
import type { LayerContext } from '../context';
import { bool, int, ints, num, spatial } from './util';

/**
 * Convert one Convolution layer.
 * @example convolution(ctx) // conv2 (group 2) -> Conv(group=2)
 */
export function convolution(ctx: LayerContext): void {
  const p = ctx.param('convolution_param');
  const x = ctx.inputs[0];
  const axes = x.shape.length - 2;
  if (num(p, 'axis', 1) !== 1) throw ctx.fail(`axis ${num(p, 'axis', 1)} is not supported (only the channel axis 1)`);
  const cout = num(p, 'num_output', 0);
  if (!(cout > 0)) throw ctx.fail('num_output is missing or not positive');
  const group = num(p, 'group', 1);
  const cin = x.shape[1];
  if (cin % group !== 0 || cout % group !== 0) throw ctx.fail(`group ${group} does not divide input channels ${cin} and num_output ${cout}`);
  const kernel = spatial(p, 'kernel', axes, undefined, ctx.fail);
  if (!kernel || kernel.length !== axes) throw ctx.fail(`kernel size must be given for ${axes} spatial axes (kernel_size or kernel_h/kernel_w), got [${kernel ?? ''}]`);
  const pad = spatial(p, 'pad', axes, 0, ctx.fail)!, stride = spatial(p, 'stride', axes, 1, ctx.fail)!, dilation = spatial(p, 'dilation', axes, 1, ctx.fail)!;
  const wShape = [cout, cin / group, ...kernel];
  const inputs = [x.tensor, ctx.constant('weight', wShape, ctx.blob(0, wShape, 'he', 'weights'))];
  if (bool(p, 'bias_term', true)) inputs.push(ctx.constant('bias', [cout], ctx.blob(1, [cout], 'bias', 'bias')));
  const outShape = [x.shape[0], cout, ...kernel.map((k, i) =>
    Math.floor((x.shape[2 + i] + 2 * pad[i] - (dilation[i] * (k - 1) + 1)) / stride[i]) + 1)];
  if (outShape.some((d) => d <= 0)) throw ctx.fail(`output shape [${outShape}] is empty for input [${x.shape}]`);
  ctx.emit('Conv', inputs, {
    kernel_shape: ints(kernel), pads: ints([...pad, ...pad]), strides: ints(stride), dilations: ints(dilation), group: int(group),
  }, outShape);
}
