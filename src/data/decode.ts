/**
 * Image decoding, the only module importing `sharp`: any format libvips reads (JPEG, PNG named .JPEG,
 * CMYK JPEG, grayscale, alpha), EXIF orientation applied, converted to 8-bit sRGB with 3 channels,
 * returned as plain interleaved RGB bytes (HWC). Resizing is done in `./resample.ts` (Pillow's and
 * OpenCV's conventions), not by libvips.
 *
 * @example
 * const img = await decodeImage(fs.readFileSync('cat.jpg'));
 * img.width; img.height; img.data.length === img.width * img.height * 3
 */
import sharp from 'sharp';
import { DatasetError } from '../errors';

/** Interleaved 8-bit RGB pixels, row-major (HWC). */
export interface RgbImage { width: number; height: number; data: Uint8Array }

/** A string naming the decoder, part of the tensor cache key (a new libvips may decode differently). */
export function decoderVersion(): string {
  return `sharp ${sharp.versions.sharp} vips ${sharp.versions.vips}`;
}

/**
 * Decode an image file's bytes to upright sRGB RGB pixels.
 * @example const { width, height, data } = await decodeImage(bytes, { source: 'cat.jpg' });
 * @throws DatasetError with libvips' message when the bytes cannot be decoded (corrupt, truncated, not an image).
 */
export async function decodeImage(bytes: Uint8Array, opts: { source?: string } = {}): Promise<RgbImage> {
  const source = opts.source ?? `<${bytes.length}-byte image>`;
  try {
    const input = sharp(bytes, { failOn: 'truncated' });
    const pipe = input.rotate().toColourspace('srgb').removeAlpha();
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
