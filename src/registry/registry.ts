/**
 * The registry of known networks (`models/registry.json`) as typed plain data.
 *
 * @example
 * findEntry('alexnet')?.source.kind // 'caffe'
 */
import * as fs from 'fs';
import * as path from 'path';
import { UsageError } from '../errors';
import { projectRoot } from './settings';

export type ModelSource =
  | { kind: 'caffe'; definition: string; weights?: string }
  | { kind: 'onnx'; file: string }
  | { kind: 'download' };

export interface Download { url: string; bytes: number; sha256: string; file: string }

export interface RegistryEntry {
  name: string;
  title: string;
  source: ModelSource;
  download?: Download;
  /** Another registry entry holding this network's trained weights. */
  trained?: { name: string; note?: string };
  input: { name: string; shape: number[] };
  /** Name of the preprocessing preset. */
  preprocess: string;
  published?: { top1?: number; top5?: number; params?: number; macs?: number; source: string };
}

let cache: RegistryEntry[] | undefined;

export function registryEntries(): RegistryEntry[] {
  if (!cache) {
    const file = path.join(projectRoot(), 'models', 'registry.json');
    cache = (JSON.parse(fs.readFileSync(file, 'utf8')) as { models: RegistryEntry[] }).models;
  }
  return cache;
}

export function findEntry(name: string): RegistryEntry | undefined {
  return registryEntries().find((e) => e.name === name);
}

/** The entry called `name`, or a UsageError listing the known names. */
export function getEntry(name: string): RegistryEntry {
  const e = findEntry(name);
  if (!e) throw new UsageError(`unknown model: ${name} (known: ${registryEntries().map((x) => x.name).join(', ')})`);
  return e;
}
