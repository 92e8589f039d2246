/**
 * Conv, ConvTranspose and QLinearConv: output shapes (group, pads, strides, dilations, auto_pad, kernel
 * shape from the weights) and MACs = N * Cout * prod(out spatial) * (Cin / group) * prod(kernel).
 *
 * @example
 * spatialOut(224, { k: 11, s: 4, d: 1, padBegin: 0, padEnd: 0, autoPad: 'NOTSET' }); // 54
 */
import type { Dim, Node } from '../types';
import { intAttr, intsAttr, mul, num, product, stringAttr } from './dims';
import type { RuleContext, RuleOutput, Shape } from './types';

/** Window geometry along one spatial axis. */
export interface Window {
  k: number;
  s: number;
  d: number;
  padBegin: number;
  padEnd: number;
  autoPad: string;
  /** Pooling's ceil_mode. */
  ceil?: boolean;
}

/** Output size along one axis of a sliding window (Conv, pooling); null when the input size is not a number. */
export function spatialOut(inDim: Dim, w: Window): Dim {
  if (typeof inDim !== 'number') return null;
  const ek = (w.k - 1) * w.d + 1;
  switch (w.autoPad) {
    case 'SAME_UPPER': case 'SAME_LOWER': return Math.ceil(inDim / w.s);
    case 'VALID': return Math.floor((inDim - ek) / w.s) + 1;
    case 'NOTSET': case '': {
      const span = inDim + w.padBegin + w.padEnd - ek;
      if (span < 0) throw new Error(`window ${ek} (kernel ${w.k}, dilation ${w.d}) is larger than the padded input ${inDim + w.padBegin + w.padEnd}`);
      let out = (w.ceil ? Math.ceil(span / w.s) : Math.floor(span / w.s)) + 1;
      // ceil_mode: the last window must start inside the input or its leading padding (as onnxruntime and PyTorch do).
      if (w.ceil && (out - 1) * w.s >= inDim + w.padBegin) out--;
      return out;
    }
    default: throw new Error(`invalid auto_pad: ${w.autoPad}`);
  }
}

/** The windows of a Conv/pool node along its `n` spatial axes, from its attributes and kernel sizes. */
export function windows(node: Node, kernel: number[], ceil = false): Window[] {
  const n = kernel.length;
  const strides = intsAttr(node, 'strides', new Array(n).fill(1));
  const dil = intsAttr(node, 'dilations', new Array(n).fill(1));
  const pads = intsAttr(node, 'pads', new Array(2 * n).fill(0));
  const autoPad = stringAttr(node, 'auto_pad', 'NOTSET');
  return kernel.map((k, i) => ({ k, s: strides[i] ?? 1, d: dil[i] ?? 1, padBegin: pads[i] ?? 0, padEnd: pads[i + n] ?? 0, autoPad, ceil }));
}

/** Shared Conv logic; `xi`/`wi` are the positions of X and W (0/1 for Conv, 0/3 for QLinearConv). */
function convLike(ctx: RuleContext, xi: number, wi: number): RuleOutput {
  const x = ctx.shape(xi), w = ctx.shape(wi);
  const group = intAttr(ctx.node, 'group', 1);
  const kernel = intsAttr(ctx.node, 'kernel_shape') ?? (w ? w.slice(2).map((d) => num(d)) : null);
  if (!x || !kernel || kernel.some((k) => k === null)) return { outputs: [null], macs: null };
  const ks = kernel as number[];
  if (x.length !== ks.length + 2) throw new Error(`input rank ${x.length} does not match ${ks.length} kernel dimensions`);
  const cout: Dim = w ? w[0] : null;
  if (w && typeof w[1] === 'number' && typeof x[1] === 'number' && w[1] * group !== x[1]) {
    throw new Error(`input has ${x[1]} channels, weights expect ${w[1]} x group ${group}`);
  }
  const spatial = windows(ctx.node, ks).map((win, i) => spatialOut(x[i + 2], win));
  const out: Shape = [x[0], cout, ...spatial];
  const cinPerGroup = w ? num(w[1]) : (typeof x[1] === 'number' ? x[1] / group : null);
  return { outputs: [out], macs: mul(num(x[0]), num(cout), product(spatial), cinPerGroup, product(ks)) };
}

/** Conv: X [N, C, ...], W [M, C/group, k...]. */
export function conv(ctx: RuleContext): RuleOutput {
  return convLike(ctx, 0, 1);
}

/** QLinearConv: X at 0, W at 3; same geometry as Conv. */
export function qlinearConv(ctx: RuleContext): RuleOutput {
  return convLike(ctx, 0, 3);
}

/** ConvTranspose: W [C, M/group, k...]; output_shape wins, else stride*(in-1) + output_padding + ek - pads. */
export function convTranspose(ctx: RuleContext): RuleOutput {
  const x = ctx.shape(0), w = ctx.shape(1), node = ctx.node;
  const group = intAttr(node, 'group', 1);
  const kernel = intsAttr(node, 'kernel_shape') ?? (w ? w.slice(2).map((d) => num(d)) : null);
  if (!x || !kernel || kernel.some((k) => k === null)) return { outputs: [null], macs: null };
  const ks = kernel as number[];
  const n = ks.length;
  if (x.length !== n + 2) throw new Error(`input rank ${x.length} does not match ${n} kernel dimensions`);
  const outPad = intsAttr(node, 'output_padding', new Array(n).fill(0));
  const outputShape = intsAttr(node, 'output_shape');
  const wins = windows(node, ks);
  const spatial: Dim[] = wins.map((win, i) => {
    const inDim = x[i + 2];
    if (outputShape) return outputShape[outputShape.length - n + i];
    if (typeof inDim !== 'number') return null;
    if (win.autoPad === 'SAME_UPPER' || win.autoPad === 'SAME_LOWER') return inDim * win.s;
    return win.s * (inDim - 1) + (outPad[i] ?? 0) + (win.k - 1) * win.d + 1 - win.padBegin - win.padEnd;
  });
  const cout = w && typeof w[1] === 'number' ? w[1] * group : null;
  const coutPerGroup = w ? num(w[1]) : null;
  return { outputs: [[x[0], cout, ...spatial]], macs: mul(num(x[0]), num(x[1]), product(x.slice(2)), coutPerGroup, product(ks)) };
}
