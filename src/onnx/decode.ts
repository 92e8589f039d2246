/**
 * ONNX `ModelProto` bytes -> the plain-data IR, with sanity checks that turn garbage, truncated files and
 * unsupported versions into a `ModelFormatError` naming the file (protobuf decoders happily "decode" many
 * non-ONNX files into empty messages).
 *
 * @example
 * const model = decodeModel(fs.readFileSync('net.onnx'), { source: 'net.onnx', baseDir: '.' });
 * model.graph.nodes.length;
 */
import { onnx } from 'onnx-proto';
import { ModelFormatError } from '../errors';
import type { Model } from '../graph/types';
import { decodeFunction, decodeGraph, decodeOpsets } from './decodeGraph';
import { ExternalFiles } from './external';
import { toInt, toNumber, type LongLike } from './int64';

/** IR versions this codec accepts (ONNX 1.2 .. 1.16). */
export const IR_VERSIONS = { min: 3, max: 10 } as const;
/** Default-domain opset versions this codec accepts. */
export const DEFAULT_OPSETS = { min: 1, max: 23 } as const;

export interface DecodeOptions {
  /** Name of the file the bytes came from, used in error messages. */
  source?: string;
  /** Folder that external data locations are relative to; without it, external tensors are an error. */
  baseDir?: string;
}

const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function parse(bytes: Uint8Array, source: string): onnx.ModelProto {
  if (bytes.byteLength === 0) throw new ModelFormatError(`model "${source}": file is empty (0 bytes)`);
  // A plain Uint8Array view (not a Buffer) makes protobufjs return plain Uint8Array subarrays for bytes fields.
  const view = Object.getPrototypeOf(bytes) === Uint8Array.prototype ? bytes
    : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    return onnx.ModelProto.decode(view);
  } catch (e) {
    throw new ModelFormatError(
      `model "${source}": not a valid ONNX protobuf (truncated or corrupt, ${bytes.byteLength} bytes) — ${(e as Error).message}`,
      { cause: e });
  }
}

function check(m: onnx.ModelProto, source: string, size: number): void {
  if (!has(m, 'irVersion')) {
    throw new ModelFormatError(`model "${source}": not an ONNX model — no ir_version field in ${size} bytes (is it an .onnx file?)`);
  }
  const ir = toNumber(m.irVersion as number | LongLike);
  if (!(ir >= IR_VERSIONS.min && ir <= IR_VERSIONS.max)) {
    throw new ModelFormatError(
      `model "${source}": unsupported IR version ${ir} — expected ${IR_VERSIONS.min}..${IR_VERSIONS.max}`);
  }
  if (!m.graph) throw new ModelFormatError(`model "${source}": ModelProto has no graph (IR version ${ir})`);
  for (const o of decodeOpsets(m.opsetImport)) {
    if ((o.domain === '' || o.domain === 'ai.onnx') && !(o.version >= DEFAULT_OPSETS.min && o.version <= DEFAULT_OPSETS.max)) {
      throw new ModelFormatError(
        `model "${source}": unsupported default-domain opset ${o.version} — expected ${DEFAULT_OPSETS.min}..${DEFAULT_OPSETS.max}`);
    }
  }
}

/**
 * Decode ONNX model bytes into the IR. Initializer bytes are views of `bytes` (no copy): keep `bytes`
 * unchanged while the model is in use. External data is read from `opts.baseDir`.
 * @example const m = decodeModel(fs.readFileSync('net.onnx'), { source: 'net.onnx', baseDir: '.' });
 * @throws ModelFormatError for empty, truncated or non-ONNX bytes, IR versions outside 3..10, default-domain
 *   opsets outside 1..23, a missing graph, or bad external data.
 */
export function decodeModel(bytes: Uint8Array, opts: DecodeOptions = {}): Model {
  const source = opts.source ?? `<${bytes.byteLength} bytes>`;
  const m = parse(bytes, source);
  check(m, source, bytes.byteLength);
  const external = new ExternalFiles(opts.baseDir, source);
  try {
    const ctx = { source, external };
    const model: Model = {
      irVersion: toNumber(m.irVersion as number | LongLike),
      opsetImports: decodeOpsets(m.opsetImport),
      metadata: Object.fromEntries((m.metadataProps ?? []).map((e) => [e.key ?? '', e.value ?? ''])),
      graph: decodeGraph(m.graph as onnx.IGraphProto, ctx),
      functions: (m.functions ?? []).map((f) => decodeFunction(f, ctx)),
    };
    for (const k of ['producerName', 'producerVersion', 'domain', 'docString'] as const) {
      if (has(m, k) && m[k] != null) model[k] = m[k];
    }
    if (has(m, 'modelVersion')) model.modelVersion = toInt(m.modelVersion as number | LongLike);
    return model;
  } finally {
    external.close();
  }
}
