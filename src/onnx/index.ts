/**
 * The ONNX codec: the only module importing `onnx-proto`. Converts between ONNX files and the plain-data
 * IR of `src/graph/types.ts`.
 *
 * @example
 * import { readModel, writeModel } from './onnx';
 * const model = await readModel('net.onnx');
 * await writeModel('copy.onnx', model);
 */
export { decodeModel, IR_VERSIONS, DEFAULT_OPSETS, type DecodeOptions } from './decode';
export { encodeModel, encodeModelChunks, MAX_MODEL_BYTES } from './encode';
export { readModel, writeModel } from './file';
