/**
 * Import a Caffe network (prototxt, optionally with a .caffemodel) as a layerlab Model.
 *
 * @example
 * const model = importCaffe(fs.readFileSync('deploy.prototxt', 'utf8'), { source: 'deploy.prototxt', seed: 1 });
 * await writeModel('net.onnx', model);
 */
import { readFile } from 'fs/promises';
import { ModelFormatError } from '../errors';
import type { Model } from '../graph/types';
import { decodeCaffemodel } from './caffemodel';
import { convertNet } from './convert';
import { toCaffeNet } from './net';
import { parsePrototxt } from './prototxt';

export { caffePoolOutputSize } from './layers/pooling';
export { SUPPORTED_TYPES } from './layers/table';
export { decodeCaffemodel, encodeCaffemodel } from './caffemodel';
export type { CaffeBlob, CaffeLayerWeights, CaffemodelLayerSpec } from './caffemodel';
export { parsePrototxt } from './prototxt';
export type { TextMessage, TextValue } from './prototxt';
export { toCaffeNet } from './net';
export type { CaffeNet, CaffeLayer, CaffeInput } from './net';
export { CAFFE_OPSET } from './convert';
export type { LayerRecord } from './context';

export interface ImportCaffeOptions {
  /** Name of the prototxt, for error messages (`file:line:col`) and metadata. */
  source?: string;
  /** Bytes of a .caffemodel; weights are matched to layers by name. */
  weights?: Uint8Array;
  /** Name of the weights file, for messages and metadata. */
  weightsSource?: string;
  /** Seed of random weights for layers without learned blobs (default 0). */
  seed?: number;
  /** Override the batch dimension of the net inputs. */
  batch?: number;
  /** Flatten outputs shaped [N, C, 1, 1] to [N, C] (see ConvertOptions.flattenOutputs). */
  flattenOutputs?: boolean;
}

/**
 * Parse and convert a Caffe prototxt (V2 `layer` or V1 `layers`), with weights from a caffemodel or
 * seeded random ones.
 * @throws ModelFormatError for syntax errors (file:line:col), unknown layer types, mismatched blobs
 * @example
 * const m = importCaffe(text, { source: 'bvlc_alexnet.prototxt', batch: 1 });
 * m.graph.outputs[0].name // 'prob'
 */
export function importCaffe(prototxtText: string, opts: ImportCaffeOptions = {}): Model {
  const source = opts.source ?? '<prototxt>';
  const net = toCaffeNet(parsePrototxt(prototxtText, source), source);
  const weights = opts.weights ? decodeCaffemodel(opts.weights, opts.weightsSource ?? '<caffemodel>') : undefined;
  return convertNet(net, { weights, seed: opts.seed, batch: opts.batch, source: opts.source, weightsSource: opts.weightsSource, flattenOutputs: opts.flattenOutputs });
}

/**
 * Read and import a prototxt file (and optionally a .caffemodel file).
 * @example
 * const m = await importCaffeFiles('cifar10_full.prototxt', { weightsPath: 'cifar10_full_iter_70000.caffemodel' });
 */
export async function importCaffeFiles(prototxtPath: string,
  opts: { weightsPath?: string; seed?: number; batch?: number; flattenOutputs?: boolean } = {}): Promise<Model> {
  const read = async (p: string, what: string): Promise<Buffer> => {
    try { return await readFile(p); } catch (e) {
      throw new ModelFormatError(`${p}: cannot read ${what}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { cause: e });
    }
  };
  const text = (await read(prototxtPath, 'the prototxt')).toString('utf8');
  const weights: Uint8Array | undefined = opts.weightsPath ? await read(opts.weightsPath, 'the caffemodel') : undefined;
  return importCaffe(text, { source: prototxtPath, weights, weightsSource: opts.weightsPath, seed: opts.seed, batch: opts.batch, flattenOutputs: opts.flattenOutputs });
}
