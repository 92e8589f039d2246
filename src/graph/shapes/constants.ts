/**
 * Constant and ConstantOfShape. Their outputs are constants: weights made at run time by ConstantOfShape
 * (as in the ONNX test suite's "light" models) are counted as parameters of the node that reads them.
 *
 * @example
 * // ConstantOfShape(shape = [64, 3, 7, 7]) -> [64, 3, 7, 7]
 */
import { BOOL, INT16, INT32, INT64, INT8, UINT16, UINT32, UINT64, UINT8, tensorNumbers } from '../tensor';
import type { Tensor } from '../types';
import type { RuleContext, RuleOutput } from './types';

const INT_TYPES = new Set([INT8, UINT8, INT16, UINT16, INT32, UINT32, INT64, UINT64, BOOL]);

/** Largest integer tensor whose values are decoded for shape computations. */
export const MAX_FOLDED_VALUES = 1024;

/** Values of a small integer tensor (shapes, axes, indices), else undefined. */
export function smallIntValues(t: Tensor): number[] | undefined {
  if (!INT_TYPES.has(t.dataType) || !t.raw) return undefined;
  const n = t.dims.reduce((a, b) => a * b, 1);
  if (n > MAX_FOLDED_VALUES) return undefined;
  try {
    return tensorNumbers(t);
  } catch {
    return undefined;
  }
}

/** Constant: the shape of its `value` tensor (or value_int(s)/value_float(s)/value_string(s), opset 12+). */
export function constant(ctx: RuleContext): RuleOutput {
  const a = ctx.node.attributes;
  const v = a.value ?? a.sparse_value ?? a.value_int ?? a.value_ints ?? a.value_float ?? a.value_floats ?? a.value_string ?? a.value_strings;
  if (!v) throw new Error('no value attribute');
  switch (v.type) {
    case 'tensor': return { outputs: [[...v.value.dims]], macs: 0, values: [smallIntValues(v.value)] };
    case 'sparse_tensor': return { outputs: [[...v.value.dims]], macs: 0 };
    case 'int': return { outputs: [[]], macs: 0, values: [[Number(v.value)]] };
    case 'ints': return { outputs: [[v.value.length]], macs: 0, values: [v.value.map(Number)] };
    case 'float': case 'string': return { outputs: [[]], macs: 0 };
    case 'floats': case 'strings': return { outputs: [[v.value.length]], macs: 0 };
    default: throw new Error(`invalid value attribute type: ${v.type}`);
  }
}

/** ConstantOfShape: the output shape is the value of its input. */
export function constantOfShape(ctx: RuleContext): RuleOutput {
  const shape = ctx.value(0);
  if (!shape) return { outputs: [null] };
  const a = ctx.node.attributes.value;
  const fill = a && a.type === 'tensor' ? smallIntValues(a.value) : [0];
  const n = shape.reduce((x, y) => x * y, 1);
  return { outputs: [shape], macs: 0, values: [fill && n <= MAX_FOLDED_VALUES ? new Array(n).fill(fill[0]) : undefined] };
}
