/**
 * Caffe layers that move or combine data: `Softmax`, `Concat`, `Eltwise` (SUM with coeffs, PROD,
 * MAX), `Flatten`, `Reshape` (0 = copy, -1 = infer, axis/num_axes), `Split` (its tops alias the bottom:
 * no node).
 *
 * @example
 * concat(ctx) // inception_3a/output -> Concat(axis=1)
 */
import type { LayerContext } from '../context';
import { list } from '../net';
import { enumName, int, num, prod } from './util';

const axisOf = (a: number, rank: number): number => (a < 0 ? a + rank : a);

/**
 * Caffe Softmax (axis, default 1) -> Softmax(axis).
 * @example softmax(ctx) // prob -> Softmax(axis=1)
 */
export function softmax(ctx: LayerContext): void {
  const x = ctx.inputs[0];
  ctx.emit('Softmax', [x.tensor], { axis: int(axisOf(num(ctx.param('softmax_param'), 'axis', 1), x.shape.length)) }, x.shape);
}

/**
 * Caffe Concat (axis or legacy concat_dim) -> Concat.
 * @example concat(ctx) // inception_3a/output -> Concat(axis=1)
 */
export function concat(ctx: LayerContext): void {
  const p = ctx.param('concat_param');
  const x = ctx.inputs;
  const axis = axisOf(num(p, 'axis', num(p, 'concat_dim', 1)), x[0].shape.length);
  for (const b of x) {
    if (b.shape.length !== x[0].shape.length || b.shape.some((d, i) => i !== axis && d !== x[0].shape[i])) {
      throw ctx.fail(`bottoms [${x.map((y) => `[${y.shape}]`).join(', ')}] do not agree except on axis ${axis}`);
    }
  }
  const shape = x[0].shape.map((d, i) => (i === axis ? x.reduce((s, b) => s + b.shape[axis], 0) : d));
  ctx.emit('Concat', x.map((b) => b.tensor), { axis: int(axis) }, shape);
}

/**
 * Caffe Eltwise: SUM (coeffs as Mul) -> Sum, PROD -> Mul chain, MAX -> Max.
 * @example eltwise(ctx) // res2a -> Sum
 */
export function eltwise(ctx: LayerContext): void {
  const p = ctx.param('eltwise_param');
  const x = ctx.inputs;
  const shape = x[0].shape;
  if (x.some((b) => b.shape.join() !== shape.join())) throw ctx.fail(`bottoms must have equal shapes, got ${x.map((b) => `[${b.shape}]`).join(', ')}`);
  const op = enumName(p, 'operation', ['PROD', 'SUM', 'MAX'], 'SUM');
  const coeff = list(p.coeff).map(Number);
  if (coeff.length > 0 && coeff.length !== x.length) throw ctx.fail(`has ${coeff.length} coeff values for ${x.length} bottoms`);
  if (coeff.length > 0 && op !== 'SUM') throw ctx.fail(`coeff is only allowed with operation SUM, got ${op}`);
  if (op === 'MAX') { ctx.emit('Max', x.map((b) => b.tensor), {}, shape); return; }
  if (op === 'SUM') {
    const ins = x.map((b, i) => (coeff.length === 0 || coeff[i] === 1 ? b.tensor
      : ctx.emit('Mul', [b.tensor, ctx.constant(`coeff${i}`, [], [coeff[i]])], {}, shape, { aux: `coeff${i}` })));
    ctx.emit('Sum', ins, {}, shape);
    return;
  }
  if (op !== 'PROD') throw ctx.fail(`operation ${op} is not supported (SUM, PROD, MAX)`);
  let t = x[0].tensor;
  for (let i = 1; i < x.length; i++) {
    t = ctx.emit('Mul', [t, x[i].tensor], {}, shape, i === x.length - 1 ? {} : { aux: `mul${i}` });
  }
  if (x.length === 1) ctx.emit('Identity', [t], {}, shape);
}

function reshapeTo(ctx: LayerContext, shape: number[]): void {
  const x = ctx.inputs[0];
  if (prod(shape) !== prod(x.shape)) throw ctx.fail(`cannot reshape [${x.shape}] (${prod(x.shape)} values) to [${shape}]`);
  ctx.emit('Reshape', [x.tensor, ctx.constant('shape', [shape.length], shape, 7)], {}, shape);
}

/**
 * Caffe Flatten (axis, end_axis) -> Flatten, or Reshape when it keeps trailing axes.
 * @example flatten(ctx) // flat -> Flatten(axis=1)
 */
export function flatten(ctx: LayerContext): void {
  const p = ctx.param('flatten_param');
  const s = ctx.inputs[0].shape;
  const axis = axisOf(num(p, 'axis', 1), s.length), end = axisOf(num(p, 'end_axis', -1), s.length);
  const shape = [...s.slice(0, axis), prod(s.slice(axis, end + 1)), ...s.slice(end + 1)];
  if (axis === 1 && end === s.length - 1) ctx.emit('Flatten', [ctx.inputs[0].tensor], { axis: int(1) }, shape);
  else reshapeTo(ctx, shape);
}

/**
 * Caffe Reshape (0 copies, -1 infers) -> Reshape with the static shape.
 * @example reshape(ctx) // shape { dim: 0 dim: -1 } -> Reshape([1, 9216])
 */
export function reshape(ctx: LayerContext): void {
  const p = ctx.param('reshape_param');
  const s = ctx.inputs[0].shape;
  const dims = list((p.shape as { dim?: unknown } | undefined)?.dim as never).map(Number);
  const axis = axisOf(num(p, 'axis', 0), s.length + 1);
  const numAxes = num(p, 'num_axes', -1);
  const endAxis = numAxes === -1 ? s.length : axis + numAxes;
  const replaced = s.slice(axis, endAxis);
  const mid = dims.map((d, i) => (d === 0 ? replaced[i] ?? s[axis + i] : d));
  const shape = [...s.slice(0, axis), ...mid, ...s.slice(endAxis)];
  const inferAt = shape.indexOf(-1);
  if (inferAt >= 0) shape[inferAt] = prod(s) / prod(shape.filter((_, i) => i !== inferAt));
  if (shape.some((d) => !Number.isInteger(d) || d < 0)) throw ctx.fail(`cannot reshape [${s}] with shape { dim: [${dims}] }`);
  reshapeTo(ctx, shape);
}

/**
 * Caffe Split: every top aliases the bottom tensor; no node.
 * @example split(ctx) // data_split -> (no node)
 */
export function split(ctx: LayerContext): void {
  ctx.layer.tops.forEach((_, i) => ctx.alias(i, ctx.inputs[0]));
}
