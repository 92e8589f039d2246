/**
 * Reading (and, for tests and tools, writing) Caffe's binary `.caffemodel`: a `NetParameter` whose
 * layers carry their learned blobs. The only importer of protobufjs in `src/caffe/`.
 * Both layer forms are read: V2 `layer` (field 100) and V1 `layers` (field 2); blob shapes come from
 * `shape` or, in old files, from the legacy num/channels/height/width.
 *
 * @example
 * const weights = decodeCaffemodel(fs.readFileSync('net.caffemodel'), 'net.caffemodel');
 * weights.get('conv1')?.blobs[0].shape // [32, 3, 5, 5]
 */
import * as protobuf from 'protobufjs';
import { ModelFormatError } from '../errors';
import { decodeBlobProto, encodeBlobProto, type CaffeBlob } from './blob';
import { CAFFE_SCHEMA, V1_TYPE_NUMBERS } from './schema';

export type { CaffeBlob };

/** The blobs of one layer, and its type as the file names it (V1 enum names upper case). */
export interface CaffeLayerWeights {
  name: string;
  type: string;
  blobs: CaffeBlob[];
}

let root: protobuf.Root | undefined;
function netType(): protobuf.Type {
  root ??= protobuf.Root.fromJSON(CAFFE_SCHEMA);
  return root.lookupType('caffe.NetParameter');
}

/** Layers as protobufjs decodes them: blobs stay raw BlobProto bytes (views), read by `decodeBlobProto`. */
interface RawLayer { name?: string; type?: string | number; blobs?: Uint8Array[] }

/**
 * Decode a `.caffemodel` into its layers' blobs, by layer name, in file order.
 * Layers without blobs (data, loss, ReLU...) are included with `blobs: []`.
 * @throws ModelFormatError naming `source` when the bytes are not a NetParameter
 * @example
 * const w = decodeCaffemodel(bytes); [...w.keys()] // ['conv1', 'pool1', ...]
 */
export function decodeCaffemodel(bytes: Uint8Array, source = '<caffemodel>'): Map<string, CaffeLayerWeights> {
  if (bytes.byteLength === 0) throw new ModelFormatError(`${source}: empty file — expected a Caffe NetParameter (.caffemodel)`);
  let net: { layer?: RawLayer[]; layers?: RawLayer[] };
  try {
    const Net = netType();
    net = Net.toObject(Net.decode(bytes), { longs: Number, defaults: false, arrays: true }) as typeof net;
  } catch (e) {
    throw new ModelFormatError(`${source}: not a Caffe NetParameter (.caffemodel): ${(e as Error).message}`, { cause: e });
  }
  const out = new Map<string, CaffeLayerWeights>();
  const add = (l: RawLayer, i: number, v1: boolean): void => {
    const name = l.name ?? `layer${i}`;
    const type = v1 ? (V1_TYPE_NUMBERS[Number(l.type ?? 0)] ?? `V1_TYPE_${l.type}`) : String(l.type ?? '');
    out.set(name, { name, type, blobs: (l.blobs ?? []).map((b, k) => decodeBlobProto(b, `${source}: layer "${name}" blob #${k}`)) });
  };
  (net.layers ?? []).forEach((l, i) => add(l, i, true));
  (net.layer ?? []).forEach((l, i) => add(l, i, false));
  return out;
}

/** A layer to write with `encodeCaffemodel`. */
export interface CaffemodelLayerSpec {
  name: string;
  type: string;
  blobs: { shape: number[]; data: ArrayLike<number>; legacy?: boolean }[];
}

/**
 * Encode layers and their blobs as a `.caffemodel` (V2 `layer` entries, or V1 `layers` when `v1` is
 * set; then `type` must be a V1 enum name such as `CONVOLUTION`). Used by tests to build weights.
 * @example
 * const bytes = encodeCaffemodel([{ name: 'ip', type: 'InnerProduct', blobs: [{ shape: [2, 3], data: [1, 2, 3, 4, 5, 6] }] }]);
 */
export function encodeCaffemodel(layers: CaffemodelLayerSpec[], opts: { name?: string; v1?: boolean } = {}): Uint8Array {
  const byName = new Map(Object.entries(V1_TYPE_NUMBERS).map(([k, v]) => [v, Number(k)]));
  const raw = layers.map((l) => ({
    name: l.name,
    type: opts.v1 ? byName.get(l.type) ?? 0 : l.type,
    blobs: l.blobs.map(encodeBlobProto),
  }));
  const Net = netType();
  const msg = Net.fromObject(opts.v1 ? { name: opts.name ?? 'net', layers: raw } : { name: opts.name ?? 'net', layer: raw });
  return Net.encode(msg).finish();
}
