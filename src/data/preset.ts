/**
 * Preprocessing presets as plain data: channel order, scale, resize, centre crop, mean (per channel or a
 * mean image file) and standard deviation, each number with the place it came from. Built-in presets
 * are in `./presets.ts`; a custom preset is a JSON file of the same shape.
 *
 * The tensor value of a pixel p (0-255) of channel c is `(scale * p - mean[c]) / std[c]`, channels in
 * `channels` order, layout CHW.
 *
 * @example
 * const p = loadPreset('torchvision'); p.crop // { kind: 'centre', width: 224, height: 224 }
 * const custom = loadPreset('my-preset.json', { cwd: process.cwd() });
 */
import * as fs from 'fs';
import * as path from 'path';
import { DatasetError } from '../errors';
import type { Resize } from './resample';
import { BUILTIN_PRESETS } from './presets';

/**
 * A centre crop's offsets are (size - crop) / 2 rounded down (Caffe, the default) or rounded half to even
 * (`round-half-even`: torchvision's `int(round((h - ch) / 2.0))` in Python 3).
 */
export type Crop = { kind: 'none' } | { kind: 'centre'; width: number; height: number; offsets?: 'floor' | 'round-half-even' };

/**
 * The offset of a centre crop of `size` out of `total`.
 * @example cropOffset(119, 0, 'round-half-even') // 60 (59.5 rounds to the even 60); cropOffset(119, 0) // 59
 */
export function cropOffset(total: number, size: number, rounding: 'floor' | 'round-half-even' = 'floor'): number {
  const v = (total - size) / 2;
  if (rounding === 'floor' || Number.isInteger(v)) return Math.floor(v);
  const f = Math.floor(v);
  return f % 2 === 0 ? f : f + 1;
}

export type Mean =
  | { kind: 'none' }
  /** One value per tensor channel, in the tensor's channel order, in scaled units. */
  | { kind: 'channels'; values: number[] }
  /**
   * A mean image (.npy or .binaryproto, shape [3,H,W] or [1,3,H,W], in scaled units) stored in `order`.
   * `file` is absolute, or relative to the data root (built-ins) or to the preset file's folder (custom).
   * H,W equal to the resized size: cropped like the image; equal to the tensor size: used as is.
   */
  | { kind: 'image'; file: string; order: 'rgb' | 'bgr' };

export interface Preset {
  name: string;
  description: string;
  channels: 'rgb' | 'bgr';
  /** Pixels (0-255) are multiplied by this before the mean is subtracted. */
  scale: number;
  resize: Resize;
  crop: Crop;
  mean: Mean;
  /** Divisors per tensor channel (after subtracting the mean); omitted = 1. */
  std?: number[];
  /** Where each number came from, by field name. */
  sources: Record<string, string>;
  /** Folder against which a relative mean-image path of a custom preset is resolved (set by loadPreset). */
  baseDir?: string;
}

/** Names of the built-in presets. */
export function presetNames(): string[] {
  return Object.keys(BUILTIN_PRESETS);
}

/**
 * A built-in preset by name, or a custom preset from a JSON file (a path ending in .json).
 * @example loadPreset('caffe-227').mean.kind // 'image'
 * @throws DatasetError for an unknown name or an invalid preset file, naming the field.
 */
export function loadPreset(nameOrFile: string, opts: { cwd?: string } = {}): Preset {
  if (BUILTIN_PRESETS[nameOrFile]) return BUILTIN_PRESETS[nameOrFile];
  if (!nameOrFile.endsWith('.json')) {
    throw new DatasetError(`invalid preprocess preset: ${nameOrFile} (known: ${presetNames().join(', ')}, or a .json file)`);
  }
  const file = path.resolve(opts.cwd ?? process.cwd(), nameOrFile);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DatasetError(`preset "${file}": cannot read — ${(e as Error).message}`, { cause: e });
  }
  return { ...checkPreset(raw, file), baseDir: path.dirname(file) };
}

function fail(source: string, field: string, problem: string): never {
  throw new DatasetError(`preset "${source}": ${field} ${problem}`);
}

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isDims = (x: unknown): boolean => Number.isInteger(x) && (x as number) > 0;

/**
 * Check a parsed JSON value is a valid preset; returns it typed.
 * @example checkPreset(JSON.parse(text), 'mine.json')
 */
export function checkPreset(raw: unknown, source: string): Preset {
  const p = raw as Partial<Preset> & Record<string, unknown>;
  if (typeof p !== 'object' || p === null) fail(source, 'the file', 'is not a JSON object');
  const name = typeof p.name === 'string' ? p.name : path.basename(source, '.json');
  if (p.channels !== 'rgb' && p.channels !== 'bgr') fail(source, 'channels', `must be "rgb" or "bgr", got ${JSON.stringify(p.channels)}`);
  if (!isNum(p.scale) || p.scale === 0) fail(source, 'scale', `must be a non-zero number, got ${JSON.stringify(p.scale)}`);
  const r = p.resize as Resize | undefined;
  if (!r || !['none', 'exact', 'shorter'].includes(r.kind)) fail(source, 'resize.kind', `must be none, exact or shorter, got ${JSON.stringify(r?.kind)}`);
  if (r.kind === 'exact' && !(isDims(r.width) && isDims(r.height))) fail(source, 'resize', 'exact needs positive integer width and height');
  if (r.kind === 'shorter' && !isDims(r.size)) fail(source, 'resize.size', 'must be a positive integer');
  const c = p.crop as Crop | undefined;
  if (!c || !['none', 'centre'].includes(c.kind)) fail(source, 'crop.kind', `must be none or centre, got ${JSON.stringify(c?.kind)}`);
  if (c.kind === 'centre' && !(isDims(c.width) && isDims(c.height))) fail(source, 'crop', 'centre needs positive integer width and height');
  if (c.kind === 'centre' && c.offsets !== undefined && !['floor', 'round-half-even'].includes(c.offsets)) fail(source, 'crop.offsets', `must be floor or round-half-even, got ${JSON.stringify(c.offsets)}`);
  const m = p.mean as Mean | undefined;
  if (!m || !['none', 'channels', 'image'].includes(m.kind)) fail(source, 'mean.kind', `must be none, channels or image, got ${JSON.stringify(m?.kind)}`);
  if (m.kind === 'channels' && !(Array.isArray(m.values) && m.values.length === 3 && m.values.every(isNum))) fail(source, 'mean.values', 'must be 3 numbers');
  if (m.kind === 'image' && (typeof m.file !== 'string' || (m.order !== 'rgb' && m.order !== 'bgr'))) fail(source, 'mean', 'image needs file (string) and order ("rgb" or "bgr")');
  if (p.std !== undefined && !(Array.isArray(p.std) && p.std.length === 3 && p.std.every((s) => isNum(s) && s !== 0))) fail(source, 'std', 'must be 3 non-zero numbers');
  return {
    name, description: typeof p.description === 'string' ? p.description : '', channels: p.channels, scale: p.scale,
    resize: r, crop: c, mean: m, ...(p.std ? { std: p.std } : {}), sources: (p.sources as Record<string, string>) ?? {},
  };
}
