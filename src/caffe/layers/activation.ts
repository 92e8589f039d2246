/**
 * Element-wise Caffe layers: `ReLU` (negative_slope -> `LeakyRelu`), `Sigmoid`, `TanH`, `AbsVal`,
 * `Power` ((shift + scale * x)^power), `Dropout` (identity at inference, kept as an ONNX `Dropout`
 * node so operator counts match other conversions).
 *
 * @example
 * relu(ctx) // relu1 -> Relu
 */
import type { LayerContext } from '../context';
import { float, num } from './util';

/**
 * Caffe ReLU -> Relu, or LeakyRelu(alpha = negative_slope).
 * @example relu(ctx) // relu1 -> Relu
 */
export function relu(ctx: LayerContext): void {
  const x = ctx.inputs[0];
  const slope = num(ctx.param('relu_param'), 'negative_slope', 0);
  if (slope !== 0) ctx.emit('LeakyRelu', [x.tensor], { alpha: float(slope) }, x.shape);
  else ctx.emit('Relu', [x.tensor], {}, x.shape);
}

/**
 * A converter emitting one ONNX unary operator of the same shape.
 * @example CONVERTERS.TanH = unary('Tanh')
 */
export function unary(opType: string): (ctx: LayerContext) => void {
  return (ctx: LayerContext): void => { ctx.emit(opType, [ctx.inputs[0].tensor], {}, ctx.inputs[0].shape); };
}

/**
 * Caffe Dropout -> ONNX Dropout (identity at inference).
 * @example dropout(ctx) // drop6 -> Dropout
 */
export function dropout(ctx: LayerContext): void {
  ctx.emit('Dropout', [ctx.inputs[0].tensor], {}, ctx.inputs[0].shape);
}

/**
 * Caffe Power (shift + scale * x)^power -> Mul/Add/Pow, only the steps that are not identities.
 * @example power(ctx) // scale: -1 -> Mul(x, -1)
 */
export function power(ctx: LayerContext): void {
  const p = ctx.param('power_param');
  const x = ctx.inputs[0];
  const pw = num(p, 'power', 1), scale = num(p, 'scale', 1), shift = num(p, 'shift', 0);
  let t = x.tensor;
  const steps: [string, string, number][] = [];
  if (scale !== 1) steps.push(['Mul', 'scale', scale]);
  if (shift !== 0) steps.push(['Add', 'shift', shift]);
  if (pw !== 1) steps.push(['Pow', 'power', pw]);
  if (steps.length === 0) { ctx.emit('Identity', [t], {}, x.shape); return; }
  steps.forEach(([op, aux, v], i) => {
    const last = i === steps.length - 1;
    t = ctx.emit(op, [t, ctx.constant(aux, [], [v])], {}, x.shape, last ? {} : { aux });
  });
}
