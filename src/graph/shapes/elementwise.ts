/**
 * Elementwise ops: unary ops keep their input's shape; Add/Mul/Sub/Div and friends broadcast numpy-style
 * (before opset 7 the second operand was broadcast onto the first). MACs are 0 for all of them.
 *
 * @example
 * // Add([8, 1, 6], [7, 1]) -> [8, 7, 6]
 */
import { broadcast } from './dims';
import type { RuleContext, RuleOutput, Shape } from './types';

/**
 * How a unary op maps the small integer values tracked for shape arithmetic (Shape -> Gather -> ... ->
 * Reshape). Ops not listed here drop the values: passing them on unchanged would give wrong shapes.
 */
const INT_VALUE_MAPS: Partial<Record<string, (x: number) => number>> = {
  Identity: (x) => x, Dropout: (x) => x, Cast: (x) => x, CastLike: (x) => x, Floor: (x) => x, Ceil: (x) => x, Round: (x) => x,
  Neg: (x) => -x, Abs: (x) => Math.abs(x), Relu: (x) => Math.max(0, x), Sign: (x) => Math.sign(x),
};

/** Every output has the shape of input 0 (Relu, Sigmoid, Softmax, LRN, Dropout with its mask, Clip...). */
export function sameShape(ctx: RuleContext): RuleOutput {
  const x = ctx.shape(0);
  const map = INT_VALUE_MAPS[ctx.node.opType];
  const v = ctx.value(0);
  return { outputs: ctx.node.outputs.map(() => x), macs: x ? 0 : null, values: [map && v ? v.map(map) : undefined] };
}

/** BatchNormalization: Y like X; training-mode outputs (running/saved mean and variance) are [C]. */
export function batchNorm(ctx: RuleContext): RuleOutput {
  const x = ctx.shape(0);
  const c: Shape | null = x && x.length > 1 ? [x[1]] : ctx.shape(1);
  return { outputs: ctx.node.outputs.map((_, i) => (i === 0 ? x : c)), macs: x ? 0 : null };
}

function foldArithmetic(op: string, a: number[] | undefined, b: number[] | undefined): number[] | undefined {
  if (!a || !b || (a.length !== b.length && a.length !== 1 && b.length !== 1)) return undefined;
  const n = Math.max(a.length, b.length);
  const f: Record<string, (x: number, y: number) => number> = {
    Add: (x, y) => x + y, Sub: (x, y) => x - y, Mul: (x, y) => x * y, Div: (x, y) => Math.trunc(x / y),
  };
  const fn = f[op];
  if (!fn) return undefined;
  return Array.from({ length: n }, (_, i) => fn(a[a.length === 1 ? 0 : i], b[b.length === 1 ? 0 : i]));
}

/** Multidirectional broadcasting over every present input (Add, Mul, Where, Max, PRelu, Equal...). */
export function broadcasting(ctx: RuleContext): RuleOutput {
  const present = ctx.node.inputs.map((_, i) => i).filter((i) => ctx.has(i));
  if (ctx.opset < 7 && present.length === 2 && ['Add', 'Sub', 'Mul', 'Div', 'Pow'].includes(ctx.node.opType)) {
    const a = ctx.shape(0); // legacy `broadcast` attribute: B is broadcast onto A
    return { outputs: [a], macs: a ? 0 : null };
  }
  const out = broadcast(present.map((i) => ctx.shape(i)));
  const values = present.length === 2 ? foldArithmetic(ctx.node.opType, ctx.value(0), ctx.value(1)) : undefined;
  return { outputs: [out], macs: out ? 0 : null, values: [values] };
}
