/**
 * Registry names work wherever a model path does: `resolveModel('alexnet')` gives the path of an ONNX file,
 * importing a Caffe definition on first use (cached by the definition's hash and the seed).
 *
 * @example
 * const { path } = await resolveModel('googlenet', settingsFrom(process.env));
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { UsageError } from '../errors';
import { importCaffeFiles } from '../caffe';
import { writeModel } from '../onnx';
import { findEntry, registryEntries, type RegistryEntry } from './registry';
import type { Settings } from './settings';

export interface ResolvedModel {
  path: string;
  /** The registry entry, when a name was given. */
  entry?: RegistryEntry;
  /** How the file came to be: an existing file, or built now/earlier from a Caffe definition. */
  origin: 'file' | 'registry-file' | 'caffe-built' | 'caffe-cached' | 'downloaded';
}

/** Default seed of the random weights given to Caffe networks imported without a .caffemodel. */
export const DEFAULT_SEED = 1;

function sha256File(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function dataFile(settings: Settings, rel: string, entry: RegistryEntry): string {
  const p = path.join(settings.dataRoot, rel);
  if (!fs.existsSync(p)) {
    throw new UsageError(`model "${entry.name}": ${p} not found under the data root ${settings.dataRoot} (set LAYERLAB_DATA or --data to the folder holding ${rel})`);
  }
  return p;
}

/**
 * The cached ONNX file for a Caffe entry: `<cache>/caffe/<name>-<hash>-seed<seed>.onnx`, the hash covering the
 * definition, the weights (or the seed) and the batch size of the registry's input shape.
 */
async function buildCaffe(entry: RegistryEntry & { source: { kind: 'caffe' } }, settings: Settings, seed: number): Promise<ResolvedModel> {
  const def = dataFile(settings, entry.source.definition, entry);
  const weights = entry.source.weights ? dataFile(settings, entry.source.weights, entry) : undefined;
  const batch = entry.input.shape[0];
  const hash = crypto.createHash('sha256').update(sha256File(def)).update(weights ? sha256File(weights) : `seed${seed}`).update(`batch${batch}-flat`).digest('hex').slice(0, 12);
  const out = path.join(settings.cacheDir, 'caffe', `${entry.name}-${hash}${weights ? '' : `-seed${seed}`}.onnx`);
  if (fs.existsSync(out)) return { path: out, entry, origin: 'caffe-cached' };
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // registry networks are classifiers: their score outputs are [N, classes] (NIN's pool4 is N x 1000 x 1 x 1)
  const model = await importCaffeFiles(def, { weightsPath: weights, seed, batch, flattenOutputs: true });
  const random = model.metadata['caffe:random_layers'];
  if (weights && random) {
    throw new UsageError(`model "${entry.name}": ${weights} has no weights for layer(s) ${random}: the registry's definition and weights do not belong together`);
  }
  await writeModel(out, model);
  return { path: out, entry, origin: 'caffe-built' };
}

/** Where a downloaded model is looked for: the cache's models/ folder, then the data root's models/onnx/. */
export function downloadCandidates(entry: RegistryEntry, settings: Settings): string[] {
  if (!entry.download) return [];
  return [path.join(settings.cacheDir, 'models', entry.download.file), path.join(settings.dataRoot, 'models', 'onnx', entry.download.file)];
}

/**
 * Resolve a model path or registry name to an ONNX file. A path that exists wins over a registry name.
 * `seed` chooses the random weights of Caffe networks without trained weights.
 */
export async function resolveModel(nameOrPath: string, settings: Settings, opts: { seed?: number; cwd?: string } = {}): Promise<ResolvedModel> {
  const asPath = path.resolve(opts.cwd ?? process.cwd(), nameOrPath);
  if (fs.existsSync(asPath) && fs.statSync(asPath).isFile()) return { path: asPath, origin: 'file' };
  const entry = findEntry(nameOrPath);
  if (!entry) {
    throw new UsageError(`model "${nameOrPath}": no such file (${asPath}) and no such registry name (known: ${registryEntries().map((e) => e.name).join(', ')})`);
  }
  const src = entry.source;
  switch (src.kind) {
    case 'onnx': return { path: dataFile(settings, src.file, entry), entry, origin: 'registry-file' };
    case 'caffe': return buildCaffe({ ...entry, source: src }, settings, opts.seed ?? DEFAULT_SEED);
    case 'download': {
      const found = downloadCandidates(entry, settings).find((p) => fs.existsSync(p));
      if (found) return { path: found, entry, origin: 'downloaded' };
      throw new UsageError(`model "${entry.name}" is not downloaded: looked in ${downloadCandidates(entry, settings).join(' and ')}; run \`npx layerlab fetch ${entry.name}\` on a machine that can reach ${entry.download?.url ?? 'its URL'}`);
    }
    default: throw new UsageError(`model "${entry.name}": invalid source kind: ${(src as { kind: string }).kind}`);
  }
}
