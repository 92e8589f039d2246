/**
 * Reading and writing ONNX files. `readModel` resolves external data relative to the file's folder;
 * `writeModel` is atomic: a temporary file in the destination folder, fsync, then rename.
 *
 * @example
 * const model = await readModel('models/net.onnx');
 * await writeModel('out/net-copy.onnx', model);
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import { LayerlabError, ModelFormatError } from '../errors';
import type { Model } from '../graph/types';
import { decodeModel } from './decode';
import { encodeModelChunks } from './encode';
import { writeFileAtomicAsync } from '../util/atomicWrite';

/**
 * Read and decode an ONNX file. Initializer bytes are views of the file's buffer.
 * @example const model = await readModel('models/net.onnx'); model.graph.nodes.length;
 * @throws ModelFormatError naming the file when it cannot be read or is not a supported ONNX model.
 */
export async function readModel(file: string): Promise<Model> {
  let bytes: Uint8Array;
  try {
    bytes = await fsp.readFile(file);
  } catch (e) {
    throw new ModelFormatError(`model "${file}": cannot be read — ${(e as Error).message}`, { cause: e });
  }
  return decodeModel(bytes, { source: file, baseDir: path.dirname(path.resolve(file)) });
}

/**
 * Encode a model and write it atomically: readers of `file` see the old file or the complete new one,
 * never a partial one; the temporary file is removed when anything fails.
 * @example await writeModel('out/net-bypassed.onnx', { ...model, graph: bypass(model.graph, 'norm1') });
 * @throws ModelFormatError naming the file when the model cannot be encoded or written.
 */
export async function writeModel(file: string, model: Model): Promise<void> {
  let bytes: Uint8Array[];
  try {
    bytes = encodeModelChunks(model); // tensor bytes are written from the model itself, not copied first
  } catch (e) {
    const detail = e instanceof LayerlabError ? e.message : `cannot be encoded — ${(e as Error).message}`;
    throw new ModelFormatError(`model "${file}": ${detail}`, { cause: e });
  }
  try {
    await writeFileAtomicAsync(file, bytes);
  } catch (e) {
    throw new ModelFormatError(`model "${file}": cannot be written — ${(e as Error).message}`, { cause: e });
  }
}
