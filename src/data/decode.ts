/**
 * Image decoding, the only module importing `sharp`: any format libvips reads (JPEG, PNG named .JPEG,
 * CMYK JPEG, grayscale, alpha), EXIF orientation applied, converted to 8-bit sRGB with 3 channels,
 * optionally resized, returned as plain interleaved RGB bytes (HWC).
 *
 * @example
 * const img = await decodeImage(fs.readFileSync('cat.jpg'), { resize: { kind: 'shorter', size: 256 } });
 * img.width; img.height; img.data.length === img.width * img.height * 3
 */
import sharp from 'sharp';
import { DatasetError } from '../errors';

/** Interleaved 8-bit RGB pixels, row-major (HWC). */
export interface RgbImage { width: number; height: number; data: Uint8Array }

/** How to resize after decoding: not at all, to exact dimensions, or the shorter side to `size` keeping the aspect ratio. */
export type Resize =
  | { kind: 'none' }
  | { kind: 'exact'; width: number; height: number; kernel?: ResizeKernel }
  | { kind: 'shorter'; size: number; kernel?: ResizeKernel };

/** libvips resampling kernels; 'linear' is bilinear (antialiased when shrinking, as PIL's). */
export type ResizeKernel = 'nearest' | 'linear' | 'cubic' | 'lanczos3';

/** The target size of a resize, given the upright image size. Shorter side: the longer one is truncated, as torchvision does. */
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

/** A string naming the decoder, part of the tensor cache key (a new libvips may decode differently). */
export function decoderVersion(): string {
  return `sharp ${sharp.versions.sharp} vips ${sharp.versions.vips}`;
}

/**
 * Decode an image file's bytes to upright sRGB RGB pixels, optionally resized.
 * @example const { width, height, data } = await decodeImage(bytes, { resize: { kind: 'exact', width: 256, height: 256 } });
 * @throws DatasetError with libvips' message when the bytes cannot be decoded (corrupt, truncated, not an image).
 */
export async function decodeImage(bytes: Uint8Array, opts: { resize?: Resize; source?: string } = {}): Promise<RgbImage> {
  const source = opts.source ?? `<${bytes.length}-byte image>`;
  try {
    const input = sharp(bytes, { failOn: 'truncated' });
    const meta = await input.metadata();
    if (!meta.width || !meta.height) throw new Error('no image dimensions');
    const swap = (meta.orientation ?? 1) >= 5;
    const upright = swap ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height };
    let pipe = input.rotate().toColourspace('srgb').removeAlpha();
    const r = opts.resize ?? { kind: 'none' };
    const size = resizedSize(upright.width, upright.height, r);
    if (r.kind !== 'none' && (size.width !== upright.width || size.height !== upright.height)) {
      pipe = pipe.resize({ width: size.width, height: size.height, fit: 'fill', kernel: r.kernel ?? 'linear', fastShrinkOnLoad: false });
    }
    const { data, info } = await pipe.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
    return toRgb(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), info.width, info.height, info.channels);
  } catch (e) {
    if (e instanceof DatasetError) throw e;
    throw new DatasetError(`image "${source}": cannot decode — ${(e as Error).message}`, { cause: e });
  }
}

/** Bring 1-, 2- or 4-channel output (should libvips keep one) to 3 channels. */
function toRgb(data: Uint8Array, width: number, height: number, channels: number): RgbImage {
  if (channels === 3) return { width, height, data };
  const n = width * height;
  const out = new Uint8Array(n * 3);
  for (let i = 0; i < n; i++) {
    const g = data[i * channels];
    out[i * 3] = g;
    out[i * 3 + 1] = channels >= 3 ? data[i * channels + 1] : g;
    out[i * 3 + 2] = channels >= 3 ? data[i * channels + 2] : g;
  }
  return { width, height, data: out };
}
