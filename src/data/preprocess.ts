/**
 * From decoded pixels to a model's input tensor, following a preset: centre crop, channel order, scale,
 * mean (per channel or a mean image cropped the same way), std, CHW layout. Pure apart from
 * `preparePreset`, which reads the mean image file once.
 *
 * @example
 * const prep = await preparePreset(loadPreset('caffe-227'), { dataRoot: '/work/shared' });
 * const img = await decodeImage(bytes, { resize: prep.preset.resize });
 * const chw = toTensor(img, prep); // Float32Array of 3*227*227
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { DatasetError } from '../errors';
import { readBlobProto } from './blobproto';
import { decoderVersion, type RgbImage } from './decode';
import { readNpy, type FloatArray } from './npy';
import { cropOffset, type Preset } from './preset';

/** A preset ready to use: its mean image loaded, its cache key computed. */
export interface PreparedPreset {
  preset: Preset;
  /** sha256 (hex, 16 chars) of everything that changes the tensor: the preset's numbers, the mean file's bytes, the decoder version. */
  hash: string;
  /** Tensor height and width when the preset fixes them (crop, or exact resize), else null. */
  size: { width: number; height: number } | null;
  /** The mean image in tensor channel order, CHW, cropped to `size` (kind 'image' only). */
  meanImage?: FloatArray;
}

/** Load a mean image file (.npy or .binaryproto) as [3,H,W] floats. */
export function readMeanFile(file: string): FloatArray {
  const bytes = fs.readFileSync(file);
  const arr = file.endsWith('.npy') ? readNpy(bytes, file) : readBlobProto(bytes, file);
  const shape = arr.shape.length === 4 && arr.shape[0] === 1 ? arr.shape.slice(1) : arr.shape;
  if (shape.length !== 3 || shape[0] !== 3) throw new DatasetError(`mean image "${file}": shape [${arr.shape.join(', ')}] — expected [3, H, W] or [1, 3, H, W]`);
  return { shape, data: arr.data };
}

/** Reverse the channel planes of a CHW array. */
function flipChannels(a: FloatArray): FloatArray {
  const [c, h, w] = a.shape;
  const plane = h * w;
  const out = new Float32Array(a.data.length);
  for (let k = 0; k < c; k++) out.set(a.data.subarray(k * plane, (k + 1) * plane), (c - 1 - k) * plane);
  return { shape: a.shape, data: out };
}

/** The centre `height` x `width` window of a CHW array (offsets rounded down, as Caffe does). */
export function centreCropChw(a: FloatArray, width: number, height: number): FloatArray {
  const [c, h, w] = a.shape;
  if (height > h || width > w) throw new DatasetError(`centre crop ${width}x${height} is larger than the ${w}x${h} array`);
  const top = cropOffset(h, height), left = cropOffset(w, width);
  const out = new Float32Array(c * height * width);
  for (let k = 0; k < c; k++) {
    for (let y = 0; y < height; y++) {
      const src = k * h * w + (top + y) * w + left;
      out.set(a.data.subarray(src, src + width), (k * height + y) * width);
    }
  }
  return { shape: [c, height, width], data: out };
}

function tensorSize(p: Preset): PreparedPreset['size'] {
  if (p.crop.kind === 'centre') return { width: p.crop.width, height: p.crop.height };
  if (p.resize.kind === 'exact') return { width: p.resize.width, height: p.resize.height };
  return null;
}

/**
 * Load what a preset needs (its mean image) and compute its cache key.
 * A relative mean-image path is resolved against the preset's baseDir (custom presets), else `dataRoot`.
 * @example const prep = await preparePreset(loadPreset('cifar10_full'), { dataRoot: settings.dataRoot });
 * @throws DatasetError when the mean image is missing, malformed, or smaller than the tensor.
 */
export async function preparePreset(preset: Preset, opts: { dataRoot: string }): Promise<PreparedPreset> {
  const size = tensorSize(preset);
  const keyParts: unknown[] = [preset.channels, preset.scale, preset.resize, preset.crop, preset.std ?? null, decoderVersion()];
  let meanImage: FloatArray | undefined;
  if (preset.mean.kind === 'image') {
    const file = path.resolve(preset.baseDir ?? opts.dataRoot, preset.mean.file);
    if (!fs.existsSync(file)) throw new DatasetError(`preset "${preset.name}": mean image ${file} not found (set LAYERLAB_DATA or --data to the folder holding ${preset.mean.file})`);
    let m = readMeanFile(file);
    if (preset.mean.order !== preset.channels) m = flipChannels(m);
    if (size && (m.shape[1] !== size.height || m.shape[2] !== size.width)) m = centreCropChw(m, size.width, size.height);
    meanImage = m;
    keyParts.push({ meanImage: crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'), order: preset.mean.order });
  } else {
    keyParts.push(preset.mean);
  }
  const hash = crypto.createHash('sha256').update(JSON.stringify(keyParts)).digest('hex').slice(0, 16);
  return { preset, hash, size, ...(meanImage ? { meanImage } : {}) };
}

/**
 * Crop, reorder, scale, subtract the mean, divide by std, and lay out as CHW float32.
 * @example toTensor({ width: 2, height: 1, data: new Uint8Array([255, 0, 0, 0, 0, 255]) }, prep)
 * @throws DatasetError when the image is smaller than the crop or does not match the mean image's size.
 */
export function toTensor(img: RgbImage, prep: PreparedPreset): Float32Array {
  const p = prep.preset;
  const outW = p.crop.kind === 'centre' ? p.crop.width : img.width;
  const outH = p.crop.kind === 'centre' ? p.crop.height : img.height;
  if (outW > img.width || outH > img.height) {
    throw new DatasetError(`image ${img.width}x${img.height} is smaller than the ${outW}x${outH} crop of preset "${p.name}"`);
  }
  const mean = prep.meanImage;
  if (mean && (mean.shape[1] !== outH || mean.shape[2] !== outW)) {
    throw new DatasetError(`image ${outW}x${outH} (after crop) does not match the ${mean.shape[2]}x${mean.shape[1]} mean image of preset "${p.name}"`);
  }
  const rounding = p.crop.kind === 'centre' ? p.crop.offsets : undefined;
  const top = cropOffset(img.height, outH, rounding), left = cropOffset(img.width, outW, rounding);
  const plane = outW * outH;
  const out = new Float32Array(3 * plane);
  const std = p.std ?? [1, 1, 1];
  const means = p.mean.kind === 'channels' ? p.mean.values : [0, 0, 0];
  for (let c = 0; c < 3; c++) {
    const srcC = p.channels === 'rgb' ? c : 2 - c;
    const s = p.scale / std[c], m = means[c] / std[c], inv = 1 / std[c];
    const base = c * plane;
    for (let y = 0; y < outH; y++) {
      let src = ((top + y) * img.width + left) * 3 + srcC;
      let dst = base + y * outW;
      for (let x = 0; x < outW; x++, src += 3, dst++) {
        out[dst] = mean ? (p.scale * img.data[src] - mean.data[dst]) * inv : img.data[src] * s - m;
      }
    }
  }
  return out;
}
