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

/** Field tags (field number << 3 | wire type 2) of the messages the chunked encoder writes by hand. */
const TAG_MODEL_GRAPH = (7 << 3) | 2, TAG_GRAPH_INITIALIZER = (5 << 3) | 2, TAG_TENSOR_RAW_DATA = (9 << 3) | 2;

function varint(n: number): Uint8Array {
  const out: number[] = [];
  while (n >= 0x80) { out.push((n % 128) | 0x80); n = Math.floor(n / 128); }
  out.push(n);
  return Uint8Array.from(out);
}

const byteLength = (chunks: Uint8Array[]): number => chunks.reduce((n, c) => n + c.byteLength, 0);

/** A length-delimited field made of chunks: tag, length, then the chunks themselves (not copied). */
function field(tag: number, chunks: Uint8Array[]): Uint8Array[] {
  return [Uint8Array.of(tag), varint(byteLength(chunks)), ...chunks];
}

/**
 * Encode a model as a list of byte chunks whose concatenation is the ONNX file. The large initializer
 * bytes are not copied: each chunk list refers to the tensors' own `raw` arrays, so writing a 244 MB model
 * needs no second 244 MB buffer. The top graph's initializers (and the graph inside the model) are written
 * after the other fields of their message, which protobuf parsers accept (field order is free).
 * @example const chunks = encodeModelChunks(model); fs.writeFileSync('m.onnx', Buffer.concat(chunks));
 * @throws ModelFormatError when the tensors alone exceed protobuf's 2 GB limit (external data writing is not supported).
 */
export function encodeModelChunks(model: Model): Uint8Array[] {
  const ctx: EncodeContext = { tensorBytes: 0 };
  const graph = encodeGraph(model.graph, ctx);
  const msg: onnx.IModelProto = {
    irVersion: model.irVersion,
    opsetImport: encodeOpsets(model.opsetImports),
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
  const initializers = graph.initializer ?? [];
  graph.initializer = [];
  const graphChunks: Uint8Array[] = [onnx.GraphProto.encode(graph).finish()];
  for (const t of initializers) {
    const raw = t.rawData;
    delete t.rawData;
    const tensorChunks = [onnx.TensorProto.encode(t).finish(), ...(raw ? field(TAG_TENSOR_RAW_DATA, [raw]) : [])];
    graphChunks.push(...field(TAG_GRAPH_INITIALIZER, tensorChunks));
  }
  return [onnx.ModelProto.encode(msg).finish(), ...field(TAG_MODEL_GRAPH, graphChunks)];
}

/**
 * Encode a model into one buffer holding the whole file (tensor bytes are copied into it once).
 * `writeModel` writes the chunks of `encodeModelChunks` instead, without that copy.
 * @example const bytes = encodeModel(model); decodeModel(bytes); // deep-equal to model
 * @throws ModelFormatError when the tensors alone exceed protobuf's 2 GB limit (external data writing is not supported).
 */
export function encodeModel(model: Model): Uint8Array {
  const chunks = encodeModelChunks(model);
  const out = new Uint8Array(byteLength(chunks));
  let offset = 0;
  for (const c of chunks) { out.set(c, offset); offset += c.byteLength; }
  return out;
}
