/**
 * Helpers shared by the shape rules: attribute getters, numpy broadcasting, products of dimensions.
 *
 * @example
 * broadcast([[8, 1, 6], [7, 1]]); // [8, 7, 6]
 * intsAttr(node, 'strides', [1, 1]);
 */
import type { Dim, Node } from '../types';
import type { Shape } from './types';

/** An integer attribute, or `fallback` when absent. */
export function intAttr(node: Node, name: string, fallback: number): number {
  const a = node.attributes[name];
  return a && a.type === 'int' ? Number(a.value) : fallback;
}

/** An ints attribute, or `fallback` when absent. */
export function intsAttr(node: Node, name: string): number[] | undefined;
export function intsAttr(node: Node, name: string, fallback: number[]): number[];
export function intsAttr(node: Node, name: string, fallback?: number[]): number[] | undefined {
  const a = node.attributes[name];
  return a && a.type === 'ints' ? a.value.map(Number) : fallback;
}

/** A string attribute decoded as UTF-8, or `fallback`. */
export function stringAttr(node: Node, name: string, fallback: string): string {
  const a = node.attributes[name];
  return a && a.type === 'string' ? new TextDecoder().decode(a.value) : fallback;
}

/** True when every dimension is a known number. */
export function isStatic(s: Shape | null): s is number[] {
  return s !== null && s.every((d) => typeof d === 'number');
}

/** Product of dimensions; null when one is not a number. */
export function product(dims: readonly Dim[]): number | null {
  let p = 1;
  for (const d of dims) {
    if (typeof d !== 'number') return null;
    p *= d;
  }
  return p;
}

/** Axis in [0, rank) from a possibly negative axis; throws when out of range. */
export function normAxis(axis: number, rank: number, what = 'axis'): number {
  const a = axis < 0 ? axis + rank : axis;
  if (a < 0 || a >= rank) throw new Error(`${what} ${axis} is out of range for rank ${rank}`);
  return a;
}

/** One broadcast dimension: 1 yields to the other, equal dims agree, a number wins over a symbol. */
function broadcastDim(a: Dim, b: Dim): Dim {
  if (a === 1) return b;
  if (b === 1) return a;
  if (a === b) return a;
  if (typeof a === 'number' && typeof b === 'number') throw new Error(`cannot broadcast dimensions ${a} and ${b}`);
  if (typeof a === 'number') return a;
  if (typeof b === 'number') return b;
  return null;
}

/** Numpy-style multidirectional broadcasting; null when a shape is unknown. */
export function broadcast(shapes: (Shape | null)[]): Shape | null {
  if (shapes.some((s) => s === null)) return null;
  const known = shapes as Shape[];
  const rank = Math.max(0, ...known.map((s) => s.length));
  const out: Shape = [];
  for (let i = 0; i < rank; i++) {
    let d: Dim = 1;
    for (const s of known) {
      const j = s.length - rank + i;
      if (j >= 0) d = broadcastDim(d, s[j]);
    }
    out.push(d);
  }
  return out;
}

/** `n` when it is a number, else null: for MAC formulas that need fixed sizes. */
export function num(d: Dim | undefined): number | null {
  return typeof d === 'number' ? d : null;
}

/** Multiply factors, null when any is null. */
export function mul(...xs: (number | null)[]): number | null {
  let p = 1;
  for (const x of xs) {
    if (x === null) return null;
    p *= x;
  }
  return p;
}
