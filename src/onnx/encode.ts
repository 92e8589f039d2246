/**
 * The plain-data IR -> ONNX `ModelProto` bytes. Every tensor is written inline (`raw_data`, or
 * `string_data` for STRING tensors), including tensors that were read from external data.
 *
 * @example
 * fs.writeFileSync('copy.onnx', encodeModel(decodeModel(fs.readFileSync('net.onnx'))));
 */
import { onnx } from 'onnx-proto';
import { ModelFormatError } from '../errors';
import type { Model } from '../graph/types';
import { encodeFunction, encodeGraph, encodeOpsets, type EncodeContext } from './encodeGraph';
import { toLongLike } from './int64';

/** Protobuf messages are limited to 2 GiB - 1 bytes. */
export const MAX_MODEL_BYTES = 2 ** 31 - 1;

/**
 * Encode a model. The result is one buffer holding the whole file (tensor bytes are copied into it once).
 * @example const bytes = encodeModel(model); decodeModel(bytes); // deep-equal to model
 * @throws ModelFormatError when the tensors alone exceed protobuf's 2 GB limit (external data writing is not supported).
 */
export function encodeModel(model: Model): Uint8Array {
  const ctx: EncodeContext = { tensorBytes: 0 };
  const msg: onnx.IModelProto = {
    irVersion: model.irVersion,
    opsetImport: encodeOpsets(model.opsetImports),
    graph: encodeGraph(model.graph, ctx),
    metadataProps: Object.entries(model.metadata).map(([key, value]) => ({ key, value })),
    functions: model.functions.map((f) => encodeFunction(f, ctx)),
  };
  if (ctx.tensorBytes > MAX_MODEL_BYTES) {
    throw new ModelFormatError(
      `model "${model.graph.name}": ${ctx.tensorBytes} bytes of tensor data exceed protobuf's 2 GB limit — ` +
      'writing external data is not supported; reduce the model or keep the original file');
  }
  for (const k of ['producerName', 'producerVersion', 'domain', 'docString'] as const) {
    if (model[k] !== undefined) msg[k] = model[k];
  }
  if (model.modelVersion !== undefined) msg.modelVersion = toLongLike(model.modelVersion) as number;
  const out = onnx.ModelProto.encode(msg).finish();
  return Object.getPrototypeOf(out) === Uint8Array.prototype ? out : new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
