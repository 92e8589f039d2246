/**
 * MaxPool, AveragePool, LpPool (kernel_shape, strides, pads, dilations, auto_pad, ceil_mode) and the
 * global pools. Pooling MACs are reported as 0: only Conv and Gemm/MatMul MACs are counted.
 *
 * @example
 * // MaxPool k3 s2 on 55x55 without padding: 27x27; on 56x56: 27 (floor) or 28 (ceil_mode=1)
 */
import { intAttr, intsAttr } from './dims';
import { spatialOut, windows } from './conv';
import type { RuleContext, RuleOutput } from './types';

/** MaxPool/AveragePool/LpPool; MaxPool's optional Indices output has the same shape. */
export function pool(ctx: RuleContext): RuleOutput {
  const x = ctx.shape(0);
  const kernel = intsAttr(ctx.node, 'kernel_shape');
  if (!kernel) throw new Error('missing kernel_shape attribute');
  if (!x) return { outputs: ctx.node.outputs.map(() => null) };
  if (x.length !== kernel.length + 2) throw new Error(`input rank ${x.length} does not match ${kernel.length} kernel dimensions`);
  const ceil = intAttr(ctx.node, 'ceil_mode', 0) === 1;
  const spatial = windows(ctx.node, kernel, ceil).map((w, i) => spatialOut(x[i + 2], w));
  const out = [x[0], x[1], ...spatial];
  return { outputs: ctx.node.outputs.map(() => out), macs: 0 };
}

/** GlobalAveragePool/GlobalMaxPool/GlobalLpPool: [N, C, 1, 1, ...]. */
export function globalPool(ctx: RuleContext): RuleOutput {
  const x = ctx.shape(0);
  if (!x) return { outputs: [null] };
  if (x.length < 2) throw new Error(`input rank ${x.length} is below 2`);
  return { outputs: [[x[0], x[1], ...x.slice(2).map(() => 1)]], macs: 0 };
}
