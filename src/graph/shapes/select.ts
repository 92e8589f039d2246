/**
 * Ops that pick or add axes and elements: Squeeze/Unsqueeze (axes as attribute before opset 13, as
 * input from 13), Gather, Shape, Size, Split, Slice. Small integer results are folded into values so that
 * `Shape -> Gather -> Unsqueeze -> Concat -> Reshape` chains resolve.
 *
 * @example
 * // opset 11: Squeeze(x [1, 3, 1, 5], axes=[0]) -> [3, 1, 5]; opset 13 takes axes from input 1
 */
import { intAttr, intsAttr, isStatic, normAxis, product } from './dims';
import type { RuleContext, RuleOutput, Shape } from './types';

/** Axes from the attribute (before `inputFrom`) or input 1 (from `inputFrom`); undefined when absent/unknown. */
function axesOf(ctx: RuleContext, inputFrom: number): number[] | undefined {
  return ctx.opset < inputFrom ? intsAttr(ctx.node, 'axes') : ctx.has(1) ? ctx.value(1) : undefined;
}

/** Squeeze the given axes, or every dim of size 1 when none are given. */
export function squeeze(ctx: RuleContext): RuleOutput {
  const x = ctx.shape(0);
  if (!x) return { outputs: [null] };
  if (ctx.opset >= 13 && ctx.has(1) && !ctx.value(1)) return { outputs: [null] };
  const axes = axesOf(ctx, 13);
  let out: Shape;
  if (axes) {
    const drop = new Set(axes.map((a) => normAxis(a, x.length)));
    for (const a of drop) if (typeof x[a] === 'number' && x[a] !== 1) throw new Error(`cannot squeeze axis ${a} of size ${x[a]}`);
    out = x.filter((_, i) => !drop.has(i));
  } else {
    if (!x.every((d) => typeof d === 'number')) return { outputs: [null] };
    out = x.filter((d) => d !== 1);
  }
  return { outputs: [out], macs: 0, values: [ctx.value(0)] };
}

/** Unsqueeze: insert size-1 axes at positions of the output. */
export function unsqueeze(ctx: RuleContext): RuleOutput {
  const x = ctx.shape(0);
  const axes = axesOf(ctx, 13);
  if (!x || !axes) return { outputs: [null] };
  const rank = x.length + axes.length;
  const at = new Set(axes.map((a) => normAxis(a, rank)));
  const out: Shape = [];
  let j = 0;
  for (let i = 0; i < rank; i++) out.push(at.has(i) ? 1 : x[j++]);
  return { outputs: [out], macs: 0, values: [ctx.value(0)] };
}

/** Gather: data[:axis] + indices + data[axis+1:]; folds 1-D constant data. */
export function gather(ctx: RuleContext): RuleOutput {
  const data = ctx.shape(0), idx = ctx.shape(1);
  if (!data || !idx) return { outputs: [null] };
  const axis = normAxis(intAttr(ctx.node, 'axis', 0), data.length);
  const out = [...data.slice(0, axis), ...idx, ...data.slice(axis + 1)];
  const dv = ctx.value(0), iv = ctx.value(1);
  const values = dv && iv && data.length === 1 ? iv.map((i) => dv[i < 0 ? i + dv.length : i]) : undefined;
  return { outputs: [out], macs: 0, values: [values] };
}

/** Shape: [rank] (a slice of it with opset 15's start/end); its values when the input shape is static. */
export function shapeOf(ctx: RuleContext): RuleOutput {
  const x = ctx.shape(0);
  if (!x) return { outputs: [null] };
  const clamp = (v: number) => Math.min(Math.max(v < 0 ? v + x.length : v, 0), x.length);
  const start = clamp(intAttr(ctx.node, 'start', 0)), end = clamp(intAttr(ctx.node, 'end', x.length));
  const dims = x.slice(start, Math.max(start, end));
  return { outputs: [[dims.length]], macs: 0, values: [isStatic(dims) ? dims : undefined] };
}

/** Size: a scalar. */
export function size(ctx: RuleContext): RuleOutput {
  const x = ctx.shape(0);
  const n = x ? product(x) : null;
  return { outputs: [[]], macs: 0, values: [n === null ? undefined : [n]] };
}

/** Split along `axis`: sizes from the attribute (before 13) or input 1 (from 13), else equal parts. */
export function split(ctx: RuleContext): RuleOutput {
  const x = ctx.shape(0);
  const n = ctx.node.outputs.length;
  if (!x) return { outputs: ctx.node.outputs.map(() => null) };
  const axis = normAxis(intAttr(ctx.node, 'axis', 0), x.length);
  let sizes = ctx.opset < 13 ? intsAttr(ctx.node, 'split') : ctx.has(1) ? ctx.value(1) : undefined;
  if (ctx.opset >= 13 && ctx.has(1) && !sizes) return { outputs: ctx.node.outputs.map(() => null) };
  const d = x[axis];
  if (!sizes) {
    if (typeof d !== 'number') return { outputs: ctx.node.outputs.map(() => null) };
    const part = Math.ceil(d / n); // opset 18 num_outputs: the last part may be smaller
    sizes = Array.from({ length: n }, (_, i) => Math.max(0, Math.min(part, d - i * part)));
  }
  if (sizes.length !== n) throw new Error(`${sizes.length} split sizes for ${n} outputs`);
  return { outputs: sizes.map((s) => x.map((dim, i) => (i === axis ? s : dim))), macs: 0 };
}

/** Slice with constant starts/ends/axes/steps (attributes before opset 10, inputs from 10). */
export function slice(ctx: RuleContext): RuleOutput {
  const x = ctx.shape(0);
  const attrs = ctx.opset < 10;
  const starts = attrs ? intsAttr(ctx.node, 'starts') : ctx.value(1);
  const ends = attrs ? intsAttr(ctx.node, 'ends') : ctx.value(2);
  if (!x || !starts || !ends) return { outputs: [null] };
  const axes = (attrs ? intsAttr(ctx.node, 'axes') : ctx.has(3) ? ctx.value(3) : undefined) ?? starts.map((_, i) => i);
  const steps = (attrs ? undefined : ctx.has(4) ? ctx.value(4) : undefined) ?? starts.map(() => 1);
  const out = [...x];
  let range: [number, number, number] | undefined;
  axes.forEach((a, j) => {
    const i = normAxis(a, x.length);
    const d = x[i], step = steps[j];
    if (step === 0) throw new Error('slice step 0');
    if (typeof d !== 'number') { out[i] = null; return; }
    const norm = (v: number, lo: number, hi: number) => Math.min(Math.max(v < 0 ? v + d : v, lo), hi);
    const s = step > 0 ? norm(starts[j], 0, d) : norm(starts[j], -1, d - 1);
    const e = step > 0 ? norm(ends[j], 0, d) : norm(ends[j], -1, d - 1);
    out[i] = Math.max(0, Math.ceil((e - s) / step));
    if (x.length === 1) range = [s, e, step];
  });
  const v = ctx.value(0);
  let values: number[] | undefined;
  if (v && range) {
    values = [];
    const [s, e, step] = range;
    for (let k = s; step > 0 ? k < e : k > e; k += step) values.push(v[k]);
  }
  return { outputs: [out], macs: 0, values: [values] };
}
