/**
 * An independent, deliberately plain implementation of Caffe's layer formulas (from Caffe's CPU code),
 * used to check the importer numerically: convolution, pooling with Caffe's output-size rule and AVE
 * divisor, WITHIN_CHANNEL and ACROSS_CHANNELS LRN, ReLU, inner product. Float64 accumulation.
 *
 * @example
 * const y = caffePool({ dims: [1, 1, 4, 4], data }, 'AVE', 3, 2, 1);
 */

/** A dense NCHW (or NC) float tensor. */
export interface Nd { dims: number[]; data: Float32Array }

/** Caffe's pooled size: ceil, then drop a last window starting in the padding (only when padded). */
export function refPooledSize(h: number, k: number, p: number, s: number): number {
  let o = Math.ceil((h + 2 * p - k) / s) + 1;
  if (p > 0 && (o - 1) * s >= h + p) o--;
  return o;
}

export function caffePool(x: Nd, method: 'MAX' | 'AVE', k: number, s: number, p: number): Nd {
  const [n, c, h, w] = x.dims;
  const oh = refPooledSize(h, k, p, s), ow = refPooledSize(w, k, p, s);
  const y = new Float32Array(n * c * oh * ow);
  for (let b = 0; b < n * c; b++) {
    for (let i = 0; i < oh; i++) for (let j = 0; j < ow; j++) {
      let hs = i * s - p, ws = j * s - p;
      let he = Math.min(hs + k, h + p), we = Math.min(ws + k, w + p);
      const poolSize = (he - hs) * (we - ws);
      hs = Math.max(hs, 0); ws = Math.max(ws, 0); he = Math.min(he, h); we = Math.min(we, w);
      let acc = method === 'MAX' ? -Infinity : 0;
      for (let u = hs; u < he; u++) for (let v = ws; v < we; v++) {
        const a = x.data[b * h * w + u * w + v];
        acc = method === 'MAX' ? Math.max(acc, a) : acc + a;
      }
      y[b * oh * ow + i * ow + j] = method === 'MAX' ? acc : acc / poolSize;
    }
  }
  return { dims: [n, c, oh, ow], data: y };
}

export function caffeConv(x: Nd, weight: Float32Array, bias: Float32Array | undefined, cout: number, k: number, p: number, s: number, group = 1): Nd {
  const [n, cin, h, w] = x.dims;
  const oh = Math.floor((h + 2 * p - k) / s) + 1, ow = Math.floor((w + 2 * p - k) / s) + 1;
  const cg = cin / group, og = cout / group;
  const y = new Float32Array(n * cout * oh * ow);
  for (let b = 0; b < n; b++) for (let o = 0; o < cout; o++) {
    const g = Math.floor(o / og);
    for (let i = 0; i < oh; i++) for (let j = 0; j < ow; j++) {
      let acc = bias ? bias[o] : 0;
      for (let ci = 0; ci < cg; ci++) for (let u = 0; u < k; u++) for (let v = 0; v < k; v++) {
        const hh = i * s - p + u, ww = j * s - p + v;
        if (hh < 0 || hh >= h || ww < 0 || ww >= w) continue;
        acc += weight[((o * cg + ci) * k + u) * k + v] * x.data[((b * cin + g * cg + ci) * h + hh) * w + ww];
      }
      y[((b * cout + o) * oh + i) * ow + j] = acc;
    }
  }
  return { dims: [n, cout, oh, ow], data: y };
}

/** y = x * (1 + alpha/size^2 * S)^-beta, S the sum of squares over a zero-padded size x size window. */
export function caffeLrnWithin(x: Nd, size: number, alpha: number, beta: number): Nd {
  const [n, c, h, w] = x.dims;
  const half = (size - 1) / 2;
  const y = new Float32Array(x.data.length);
  for (let b = 0; b < n * c; b++) for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) {
    let sum = 0;
    for (let u = i - half; u <= i + half; u++) for (let v = j - half; v <= j + half; v++) {
      if (u < 0 || u >= h || v < 0 || v >= w) continue;
      const a = x.data[b * h * w + u * w + v];
      sum += a * a;
    }
    const idx = b * h * w + i * w + j;
    y[idx] = x.data[idx] * Math.pow(1 + (alpha / (size * size)) * sum, -beta);
  }
  return { dims: [...x.dims], data: y };
}

/** y = x * (k + alpha/size * S)^-beta, S the sum of squares over `size` neighbouring channels. */
export function caffeLrnAcross(x: Nd, size: number, alpha: number, beta: number, k: number): Nd {
  const [n, c, h, w] = x.dims;
  const half = (size - 1) / 2;
  const y = new Float32Array(x.data.length);
  for (let b = 0; b < n; b++) for (let ch = 0; ch < c; ch++) for (let q = 0; q < h * w; q++) {
    let sum = 0;
    for (let d = ch - half; d <= ch + half; d++) if (d >= 0 && d < c) { const a = x.data[(b * c + d) * h * w + q]; sum += a * a; }
    const idx = (b * c + ch) * h * w + q;
    y[idx] = x.data[idx] * Math.pow(k + (alpha / size) * sum, -beta);
  }
  return { dims: [...x.dims], data: y };
}

export function caffeRelu(x: Nd): Nd {
  return { dims: [...x.dims], data: x.data.map((v) => (v > 0 ? v : 0)) };
}

/** y[n, o] = sum_k W[o, k] x[n, k] + b[o], x flattened from axis 1. */
export function caffeInnerProduct(x: Nd, weight: Float32Array, bias: Float32Array | undefined, nOut: number): Nd {
  const n = x.dims[0], kIn = x.data.length / n;
  const y = new Float32Array(n * nOut);
  for (let b = 0; b < n; b++) for (let o = 0; o < nOut; o++) {
    let acc = bias ? bias[o] : 0;
    for (let q = 0; q < kIn; q++) acc += weight[o * kIn + q] * x.data[b * kIn + q];
    y[b * nOut + o] = acc;
  }
  return { dims: [n, nOut], data: y };
}
