/**
 * Image resizing in plain TypeScript, matching the libraries the presets come from: Pillow's BILINEAR
 * (what torchvision's `Resize` calls: a triangle filter widened by the scale when shrinking, i.e.
 * antialiased; pixel centres at +0.5) and OpenCV's INTER_LINEAR (what Caffe's tools call: the same
 * filter, never widened). Separable, horizontal pass first, rounded to 8 bits after each pass as Pillow
 * does. (libvips' upsampling places pixel centres differently — half a pixel off Pillow — hence this.)
 *
 * @example
 * const small = resizeRgb(img, 256, 256, 'bilinear-opencv');
 * const tv = resizeRgb(img, ...Object.values(resizedSize(img.width, img.height, { kind: 'shorter', size: 256 })), 'bilinear');
 */
import { DatasetError } from '../errors';
import type { RgbImage } from './decode';

/** `bilinear`: Pillow/torchvision (antialiased when shrinking); `bilinear-opencv`: OpenCV INTER_LINEAR (Caffe). */
export type ResizeKernel = 'bilinear' | 'bilinear-opencv';

/** How to resize after decoding: not at all, to exact dimensions, or the shorter side to `size` keeping the aspect ratio. */
export type Resize =
  | { kind: 'none' }
  | { kind: 'exact'; width: number; height: number; kernel?: ResizeKernel }
  | { kind: 'shorter'; size: number; kernel?: ResizeKernel };

/**
 * The target size of a resize, given the upright image size. Shorter side: the longer one is truncated, as torchvision does.
 * @example resizedSize(500, 375, { kind: 'shorter', size: 256 }) // { width: 341, height: 256 }
 */
export function resizedSize(width: number, height: number, r: Resize): { width: number; height: number } {
  switch (r.kind) {
    case 'none': return { width, height };
    case 'exact': return { width: r.width, height: r.height };
    case 'shorter':
      return width <= height ? { width: r.size, height: Math.floor((r.size * height) / width) }
        : { width: Math.floor((r.size * width) / height), height: r.size };
    default: throw new DatasetError(`invalid resize kind: ${(r as { kind: string }).kind}`);
  }
}

/** Per output pixel: first input index and normalized weights (Pillow's precompute_coeffs). */
function coefficients(inSize: number, outSize: number, kernel: ResizeKernel): { start: Int32Array; count: Int32Array; weights: Float64Array; max: number } {
  const scale = inSize / outSize;
  const filterScale = kernel === 'bilinear' ? Math.max(scale, 1) : 1;
  const support = filterScale; // triangle filter support 1, widened
  const max = Math.ceil(support) * 2 + 1;
  const start = new Int32Array(outSize), count = new Int32Array(outSize), weights = new Float64Array(outSize * max);
  for (let o = 0; o < outSize; o++) {
    const centre = (o + 0.5) * scale;
    const lo = Math.max(Math.trunc(centre - support + 0.5), 0);
    const hi = Math.min(Math.trunc(centre + support + 0.5), inSize);
    let sum = 0;
    for (let i = lo; i < hi; i++) {
      const w = Math.max(0, 1 - Math.abs((i - centre + 0.5) / filterScale));
      weights[o * max + i - lo] = w;
      sum += w;
    }
    for (let i = lo; i < hi; i++) weights[o * max + i - lo] = sum > 0 ? weights[o * max + i - lo] / sum : 0;
    start[o] = lo; count[o] = hi - lo;
  }
  return { start, count, weights, max };
}

const clampRound = (v: number) => (v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v));

/**
 * Resize interleaved RGB pixels to `width` x `height`.
 * @example resizeRgb({ width: 2, height: 1, data: new Uint8Array([0, 0, 0, 255, 255, 255]) }, 4, 1, 'bilinear').data
 */
export function resizeRgb(img: RgbImage, width: number, height: number, kernel: ResizeKernel = 'bilinear'): RgbImage {
  if (kernel !== 'bilinear' && kernel !== 'bilinear-opencv') throw new DatasetError(`invalid resize kernel: ${String(kernel)} (expected bilinear or bilinear-opencv)`);
  if (width === img.width && height === img.height) return img;
  // Horizontal pass: img.height rows of `width` pixels.
  let mid = img.data;
  if (width !== img.width) {
    const cx = coefficients(img.width, width, kernel);
    mid = new Uint8Array(img.height * width * 3);
    for (let y = 0; y < img.height; y++) {
      const row = y * img.width * 3;
      for (let x = 0; x < width; x++) {
        let r = 0, g = 0, b = 0;
        const s = cx.start[x], base = x * cx.max;
        for (let k = 0; k < cx.count[x]; k++) {
          const w = cx.weights[base + k], p = row + (s + k) * 3;
          r += w * img.data[p]; g += w * img.data[p + 1]; b += w * img.data[p + 2];
        }
        const q = (y * width + x) * 3;
        mid[q] = clampRound(r); mid[q + 1] = clampRound(g); mid[q + 2] = clampRound(b);
      }
    }
  }
  if (height === img.height) return { width, height, data: mid };
  const cy = coefficients(img.height, height, kernel);
  const out = new Uint8Array(height * width * 3);
  const stride = width * 3;
  for (let y = 0; y < height; y++) {
    const s = cy.start[y], base = y * cy.max, n = cy.count[y];
    for (let i = 0; i < stride; i++) {
      let v = 0;
      for (let k = 0; k < n; k++) v += cy.weights[base + k] * mid[(s + k) * stride + i];
      out[y * stride + i] = clampRound(v);
    }
  }
  return { width, height, data: out };
}
