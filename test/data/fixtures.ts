/**
 * Test images generated with sharp into a temp folder: the awkward cases ImageNet has (grayscale, CMYK
 * JPEG, PNG named .JPEG, EXIF orientation 6) and a truncated file; plus a tiny ONNX classifier whose
 * scores are the mean of each colour channel (GlobalAveragePool), with a dynamic batch dimension.
 *
 * @example
 * const dir = await makeAwkwardImages(tmp); // { gray, cmyk, png, exif6, truncated } paths
 */
import * as fs from 'fs';
import * as path from 'path';
import sharp from 'sharp';
import type { Model } from '../../src/graph/types';
import { makeGraph, makeModel, makeNode, tensorInfo } from '../builders';

/** A solid colour image of `w` x `h` as JPEG or PNG bytes. */
export async function solidImage(rgb: [number, number, number], w: number, h: number, format: 'jpeg' | 'png' = 'jpeg'): Promise<Buffer> {
  const img = sharp({ create: { width: w, height: h, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } } });
  return format === 'png' ? img.png().toBuffer() : img.jpeg({ quality: 95 }).toBuffer();
}

/** A 40x20 image, left half black, right half white. */
export async function halfImage(): Promise<ReturnType<typeof sharp>> {
  const raw = Buffer.alloc(40 * 20 * 3);
  for (let y = 0; y < 20; y++) for (let x = 20; x < 40; x++) raw.fill(255, (y * 40 + x) * 3, (y * 40 + x) * 3 + 3);
  return sharp(raw, { raw: { width: 40, height: 20, channels: 3 } });
}

export interface AwkwardImages { gray: string; cmyk: string; png: string; exif6: string; truncated: string; garbage: string }

/** Write the awkward images into `dir`; returns their paths. */
export async function makeAwkwardImages(dir: string): Promise<AwkwardImages> {
  fs.mkdirSync(dir, { recursive: true });
  const p = (n: string) => path.join(dir, n);
  const base = await halfImage();
  await base.clone().grayscale().jpeg().toFile(p('gray.JPEG'));
  await base.clone().toColourspace('cmyk').jpeg().toFile(p('cmyk.JPEG'));
  await base.clone().ensureAlpha().png().toFile(p('png.JPEG'));
  await base.clone().jpeg().withMetadata({ orientation: 6 }).toFile(p('exif6.JPEG'));
  const full = await base.clone().jpeg().toBuffer();
  fs.writeFileSync(p('truncated.JPEG'), full.subarray(0, Math.floor(full.length / 2)));
  fs.writeFileSync(p('garbage.JPEG'), Buffer.from('this is not an image'));
  return { gray: p('gray.JPEG'), cmyk: p('cmyk.JPEG'), png: p('png.JPEG'), exif6: p('exif6.JPEG'), truncated: p('truncated.JPEG'), garbage: p('garbage.JPEG') };
}

/** A classifier of colours: input [N,3,H,W], output [N,3] = per-channel means (not probabilities: softmax needed). */
export function colourModel(): Model {
  const g = makeGraph(
    [makeNode('GlobalAveragePool', ['x'], ['pooled'], {}, 'gap'), makeNode('Flatten', ['pooled'], ['scores'], { axis: 1 }, 'flatten')],
    [tensorInfo('x', ['N', 3, 'H', 'W'])], [tensorInfo('scores', ['N', 3])]);
  return makeModel(g, 13);
}

/** A class-folder dataset red/green/blue with `perClass` solid images each (widths differ, so no two files are equal), and classes.txt. */
export async function makeColourDataset(dir: string, perClass = 2, size = 8): Promise<string> {
  const colours: Record<string, [number, number, number]> = { red: [250, 5, 5], green: [5, 250, 5], blue: [5, 5, 250] };
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'classes.txt'), 'red\ngreen\nblue\n');
  for (const [name, rgb] of Object.entries(colours)) {
    fs.mkdirSync(path.join(dir, name), { recursive: true });
    for (let i = 0; i < perClass; i++) fs.writeFileSync(path.join(dir, name, `${i}.png`), await solidImage(rgb, size + i, size, 'png'));
  }
  return dir;
}
