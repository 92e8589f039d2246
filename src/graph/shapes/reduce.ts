/**
 * Reductions (ReduceMean, ReduceSum, ReduceMax...: axes as attribute, or as input from opset 18 — 13 for
 * ReduceSum; keepdims; noop_with_empty_axes) and ArgMax/ArgMin.
 *
 * @example
 * // ReduceMean(x [1, 64, 7, 7], axes=[2, 3], keepdims=0) -> [1, 64]
 */
import { intAttr, intsAttr, normAxis } from './dims';
import type { RuleContext, RuleOutput, Shape } from './types';

function reduced(x: Shape, axes: number[], keep: boolean): Shape {
  const set = new Set(axes.map((a) => normAxis(a, x.length)));
  return keep ? x.map((d, i) => (set.has(i) ? 1 : d)) : x.filter((_, i) => !set.has(i));
}

/** Reduce* ops. */
export function reduce(ctx: RuleContext): RuleOutput {
  const x = ctx.shape(0);
  if (!x) return { outputs: [null] };
  const inputFrom = ctx.node.opType === 'ReduceSum' ? 13 : 18;
  const keep = intAttr(ctx.node, 'keepdims', 1) === 1;
  let axes: number[] | undefined;
  if (ctx.opset < inputFrom) axes = intsAttr(ctx.node, 'axes');
  else if (ctx.has(1)) {
    axes = ctx.value(1);
    if (!axes) return { outputs: [null] };
  }
  if (!axes || axes.length === 0) {
    if (ctx.opset >= inputFrom && intAttr(ctx.node, 'noop_with_empty_axes', 0) === 1) return { outputs: [x], macs: 0 };
    axes = x.map((_, i) => i);
  }
  return { outputs: [reduced(x, axes, keep)], macs: 0 };
}

/** ArgMax/ArgMin along `axis`. */
export function argReduce(ctx: RuleContext): RuleOutput {
  const x = ctx.shape(0);
  if (!x) return { outputs: [null] };
  return { outputs: [reduced(x, [intAttr(ctx.node, 'axis', 0)], intAttr(ctx.node, 'keepdims', 1) === 1)], macs: 0 };
}
