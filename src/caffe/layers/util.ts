/**
 * Small helpers shared by the layer converters: typed ONNX attributes and reading Caffe parameters
 * that may be given once, repeated, or as `_h`/`_w` pairs.
 *
 * @example
 * ints([3, 3]) // { type: 'ints', value: [3, 3] }
 * spatial(convParam, 'kernel', 2, undefined, ctx.fail) // [11, 11] from kernel_size: 11
 */
import type { Attribute } from '../../graph/types';
import type { TextMessage } from '../prototxt';
import { list } from '../net';

/** Typed ONNX attributes. @example int(2) // { type: 'int', value: 2 } */
export const int = (value: number): Attribute => ({ type: 'int', value });
export const float = (value: number): Attribute => ({ type: 'float', value });
export const ints = (value: number[]): Attribute => ({ type: 'ints', value });

/** A numeric field, or `fallback` when absent. @example num({ group: 2 }, 'group', 1) // 2 */
export function num(p: TextMessage, field: string, fallback: number): number {
  const v = list(p[field]);
  return v.length === 0 ? fallback : Number(v[v.length - 1]);
}

/** A boolean field, or `fallback` when absent. @example bool({}, 'bias_term', true) // true */
export function bool(p: TextMessage, field: string, fallback: boolean): boolean {
  const v = list(p[field]);
  return v.length === 0 ? fallback : v[v.length - 1] === true || v[v.length - 1] === 1;
}

/** An enum field as its name (numeric values mapped through `names`), or `fallback`. @example enumName({ pool: 1 }, 'pool', ['MAX', 'AVE'], 'MAX') // 'AVE' */
export function enumName(p: TextMessage, field: string, names: string[], fallback: string): string {
  const v = list(p[field]);
  if (v.length === 0) return fallback;
  const x = v[v.length - 1];
  return typeof x === 'number' ? (names[x] ?? String(x)) : String(x);
}

/**
 * A per-spatial-axis parameter (`kernel`, `pad`, `stride`, `dilation`) of a convolution or pooling:
 * `<name>_h`/`<name>_w` when given, else `<name>_size` (kernel) or `<name>` as one value for all axes
 * or one per axis; `fallback` when absent. As Caffe, `_h` and `_w` go together (2-D only), and a repeated
 * value must have one entry per spatial axis.
 * @throws the error `fail` makes (naming the layer) for a lone `_h`/`_w` or a wrong number of values
 */
export function spatial(p: TextMessage, name: string, axes: number, fallback: number | undefined, fail: (problem: string) => Error): number[] | undefined {
  const h = p[`${name}_h`], w = p[`${name}_w`];
  if (h !== undefined || w !== undefined) {
    if (h === undefined || w === undefined) throw fail(`${name}_h and ${name}_w must be given together (got only ${h === undefined ? `${name}_w` : `${name}_h`})`);
    if (axes !== 2) throw fail(`${name}_h/${name}_w are for 2 spatial axes, the input has ${axes}`);
    return [Number(h), Number(w)];
  }
  const field = name === 'kernel' ? 'kernel_size' : name;
  const v = list(p[field]).map(Number);
  if (v.length === 0) return fallback === undefined ? undefined : new Array<number>(axes).fill(fallback);
  if (v.length === 1) return new Array<number>(axes).fill(v[0]);
  if (v.length !== axes) throw fail(`${field} has ${v.length} values — expected 1 or one per spatial axis (${axes})`);
  return v;
}

/** Product of sizes. @example prod([2, 3]) // 6 */
export const prod = (a: number[]): number => a.reduce((x, y) => x * y, 1);
