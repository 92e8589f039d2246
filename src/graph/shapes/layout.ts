/**
 * Ops that rearrange a tensor: Concat, Flatten, Reshape (0 and -1, allowzero), Transpose, Expand, Tile, Pad.
 * Shape operands (Reshape's shape, Expand's shape, Tile's repeats, Pad's pads) must be known constants.
 *
 * @example
 * // Reshape([2, 3, 4], shape [0, -1]) -> [2, 12]
 */
import type { Dim } from '../types';
import { broadcast, intAttr, intsAttr, normAxis, product } from './dims';
import type { RuleContext, RuleOutput, Shape } from './types';

/** Concat along `axis` (negative allowed); a symbolic size along the axis makes the sum unknown. */
export function concat(ctx: RuleContext): RuleOutput {
  const present = ctx.node.inputs.map((_, i) => i).filter((i) => ctx.has(i));
  const shapes = present.map((i) => ctx.shape(i));
  if (shapes.some((s) => s === null) || shapes.length === 0) return { outputs: [null] };
  const known = shapes as Shape[];
  const rank = known[0].length;
  const axis = normAxis(intAttr(ctx.node, 'axis', 1), rank);
  const out = [...known[0]];
  for (const s of known.slice(1)) if (s.length !== rank) throw new Error(`inputs have ranks ${rank} and ${s.length}`);
  const along = known.map((s) => s[axis]);
  out[axis] = along.every((d) => typeof d === 'number') ? (along as number[]).reduce((a, b) => a + b, 0) : null;
  const values = present.map((i) => ctx.value(i));
  return { outputs: [out], macs: 0, values: [rank === 1 && values.every((v) => v) ? (values as number[][]).flat() : undefined] };
}

/** A product of dims that keeps a lone symbol (e.g. [N] -> N) and is null when it cannot be a number. */
function dimProduct(dims: Dim[]): Dim {
  if (dims.length === 1) return dims[0];
  return product(dims);
}

/** Flatten to 2-D at `axis` (negative allowed from opset 11). */
export function flatten(ctx: RuleContext): RuleOutput {
  const x = ctx.shape(0);
  if (!x) return { outputs: [null] };
  let axis = intAttr(ctx.node, 'axis', 1);
  if (axis < 0) axis += x.length;
  if (axis < 0 || axis > x.length) throw new Error(`axis ${intAttr(ctx.node, 'axis', 1)} is out of range for rank ${x.length}`);
  return { outputs: [[dimProduct(x.slice(0, axis)), dimProduct(x.slice(axis))]], macs: 0 };
}

/** The size -1 stands for: elements of x divided by the other output dims, cancelling matching symbols. */
function inferredDim(x: Shape, others: Dim[]): Dim {
  const symbols = x.filter((d): d is string => typeof d === 'string');
  let num = 1, den = 1;
  for (const d of x) if (typeof d === 'number') num *= d; else if (d === null) return null;
  for (const d of others) {
    if (typeof d === 'number') den *= d;
    else if (d === null) return null;
    else {
      const j = symbols.indexOf(d);
      if (j < 0) return null;
      symbols.splice(j, 1);
    }
  }
  if (symbols.length > 0 || den === 0) return null;
  if (num % den !== 0) throw new Error(`cannot reshape ${num} elements into a multiple of ${den}`);
  return num / den;
}

/** Reshape: 0 copies the input dim (unless allowzero=1, opset 14+), -1 takes what is left. */
export function reshape(ctx: RuleContext): RuleOutput {
  const x = ctx.shape(0);
  const target = ctx.opset < 5 ? intsAttr(ctx.node, 'shape') : ctx.value(1);
  if (!target) return { outputs: [null] };
  const allowZero = ctx.opset >= 14 && intAttr(ctx.node, 'allowzero', 0) === 1;
  const out: Dim[] = target.map((t, i) => (t === 0 && !allowZero ? (x ? x[i] ?? null : null) : t));
  const minus = target.indexOf(-1);
  if (minus >= 0) {
    if (target.indexOf(-1, minus + 1) >= 0) throw new Error(`shape [${target}] has more than one -1`);
    out[minus] = x ? inferredDim(x, out.filter((_, i) => i !== minus)) : null;
  }
  return { outputs: [out], macs: 0, values: [ctx.value(0)] };
}

/** Transpose by `perm` (default: reverse the axes). */
export function transpose(ctx: RuleContext): RuleOutput {
  const x = ctx.shape(0);
  if (!x) return { outputs: [null] };
  const perm = intsAttr(ctx.node, 'perm', x.map((_, i) => x.length - 1 - i));
  if (perm.length !== x.length) throw new Error(`perm [${perm}] does not match rank ${x.length}`);
  return { outputs: [perm.map((p) => x[normAxis(p, x.length, 'perm entry')])], macs: 0 };
}

/** Expand: broadcast the input with the constant `shape` operand. */
export function expand(ctx: RuleContext): RuleOutput {
  const shape = ctx.value(1);
  if (!shape) return { outputs: [null] };
  return { outputs: [broadcast([ctx.shape(0), shape])], macs: 0 };
}

/** Tile: each dim times its constant repeat. */
export function tile(ctx: RuleContext): RuleOutput {
  const x = ctx.shape(0), reps = ctx.value(1);
  if (!x || !reps) return { outputs: [null] };
  if (reps.length !== x.length) throw new Error(`repeats [${reps}] do not match rank ${x.length}`);
  return { outputs: [x.map((d, i) => (typeof d === 'number' ? d * reps[i] : reps[i] === 1 ? d : null))], macs: 0 };
}

/** Pad: pads as attribute before opset 11, as input 1 from 11 (with optional axes, input 3, from 18). */
export function pad(ctx: RuleContext): RuleOutput {
  const x = ctx.shape(0);
  const pads = ctx.opset < 11 ? intsAttr(ctx.node, 'pads') ?? intsAttr(ctx.node, 'paddings') : ctx.value(1);
  if (!x || !pads) return { outputs: [null] };
  const axes = ctx.opset >= 18 && ctx.has(3) ? ctx.value(3) : x.map((_, i) => i);
  if (!axes) return { outputs: [null] };
  const n = axes.length;
  const out = [...x];
  axes.forEach((a, j) => {
    const i = normAxis(a, x.length);
    const d = out[i];
    out[i] = typeof d === 'number' ? d + pads[j] + pads[j + n] : pads[j] + pads[j + n] === 0 ? d : null;
  });
  return { outputs: [out], macs: 0 };
}
