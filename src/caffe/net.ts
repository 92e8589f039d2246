/**
 * A parsed prototxt turned into a uniform network description: net-level inputs (from `input` with
 * `input_shape`/`input_dim`, or `Input` layers) and the layers of the TEST phase in order, with
 * V1 upper-case type enums (`CONVOLUTION`) mapped to their V2 names (`Convolution`).
 *
 * @example
 * const net = toCaffeNet(parsePrototxt(text));
 * net.layers.map((l) => l.type) // ['Convolution', 'ReLU', ...]
 */
import { ModelFormatError } from '../errors';
import type { TextMessage, TextValue } from './prototxt';

/** One Caffe layer: its name, V2 type, bottoms, tops and the whole parsed message (for `*_param`). */
export interface CaffeLayer {
  name: string;
  type: string;
  bottoms: string[];
  tops: string[];
  params: TextMessage;
}

/** A net-level input blob with its shape. `layer` is the layer that declares it (`input` for net-level inputs). */
export interface CaffeInput { name: string; shape: number[]; layer: string }

export interface CaffeNet {
  name: string;
  inputs: CaffeInput[];
  layers: CaffeLayer[];
  /** True when the net used the old V1 `layers` form. */
  v1: boolean;
}

/** V1 upper-case type names -> V2 type strings. @example V1_TYPES.INNER_PRODUCT // 'InnerProduct' */
export const V1_TYPES: Record<string, string> = {
  ABSVAL: 'AbsVal', ACCURACY: 'Accuracy', ARGMAX: 'ArgMax', BNLL: 'BNLL', CONCAT: 'Concat',
  CONTRASTIVE_LOSS: 'ContrastiveLoss', CONVOLUTION: 'Convolution', DATA: 'Data', DECONVOLUTION: 'Deconvolution',
  DROPOUT: 'Dropout', DUMMY_DATA: 'DummyData', EUCLIDEAN_LOSS: 'EuclideanLoss', ELTWISE: 'Eltwise', EXP: 'Exp',
  FLATTEN: 'Flatten', HDF5_DATA: 'HDF5Data', HDF5_OUTPUT: 'HDF5Output', HINGE_LOSS: 'HingeLoss', IM2COL: 'Im2col',
  IMAGE_DATA: 'ImageData', INFOGAIN_LOSS: 'InfogainLoss', INNER_PRODUCT: 'InnerProduct', LRN: 'LRN',
  MEMORY_DATA: 'MemoryData', MULTINOMIAL_LOGISTIC_LOSS: 'MultinomialLogisticLoss', MVN: 'MVN', POOLING: 'Pooling',
  POWER: 'Power', RELU: 'ReLU', SIGMOID: 'Sigmoid', SIGMOID_CROSS_ENTROPY_LOSS: 'SigmoidCrossEntropyLoss',
  SILENCE: 'Silence', SOFTMAX: 'Softmax', SOFTMAX_LOSS: 'SoftmaxWithLoss', SPLIT: 'Split', SLICE: 'Slice',
  TANH: 'TanH', WINDOW_DATA: 'WindowData', THRESHOLD: 'Threshold',
};

/** A field as an array (absent -> [], single -> [v]). @example list(3) // [3] */
export function list(v: TextValue | TextValue[] | undefined): TextValue[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** A nested message field (absent -> {}). @example sub(layer, 'pooling_param').pool // 'MAX' */
export function sub(m: TextMessage, field: string): TextMessage {
  const v = m[field];
  const one = Array.isArray(v) ? v[v.length - 1] : v;
  return one !== undefined && typeof one === 'object' ? one : {};
}

function dims(shape: TextValue): number[] {
  return list((shape as TextMessage).dim).map(Number);
}

/** Whether a layer runs in the TEST phase, by its include/exclude rules (phase only). */
function inTestPhase(l: TextMessage): boolean {
  const phase = (r: TextValue): string | undefined => {
    const p = (r as TextMessage).phase;
    return p === undefined ? undefined : p === 1 || p === 'TEST' ? 'TEST' : 'TRAIN';
  };
  const include = list(l.include);
  if (include.length > 0 && !include.some((r) => phase(r) === undefined || phase(r) === 'TEST')) return false;
  if (list(l.exclude).some((r) => phase(r) === 'TEST')) return false;
  return true;
}

/**
 * Normalize a parsed NetParameter.
 * @throws ModelFormatError when net-level inputs lack shapes or the layer list is missing
 * @example
 * toCaffeNet(parsePrototxt('input: "data" input_dim: 1 input_dim: 3 input_dim: 8 input_dim: 8')).inputs
 * // [{ name: 'data', shape: [1, 3, 8, 8], layer: 'input' }]
 */
export function toCaffeNet(msg: TextMessage, source = '<prototxt>'): CaffeNet {
  const v2 = list(msg.layer), v1 = list(msg.layers);
  if (v2.length > 0 && v1.length > 0) throw new ModelFormatError(`${source}: net mixes V1 "layers" and V2 "layer" entries — upgrade it with Caffe's upgrade_net_proto_text`);
  const inputNames = list(msg.input).map(String);
  const inputs: CaffeInput[] = [];
  if (inputNames.length > 0) {
    const shapes = list(msg.input_shape).map(dims);
    const flat = list(msg.input_dim).map(Number);
    inputNames.forEach((name, i) => {
      let shape: number[] | undefined;
      if (shapes.length > 0) shape = shapes[i];
      else if (flat.length > 0) shape = flat.slice(4 * i, 4 * i + 4);
      if (!shape || shape.length === 0) {
        throw new ModelFormatError(`${source}: net input "${name}" has no shape — expected input_shape { dim: ... } or four input_dim values per input`);
      }
      inputs.push({ name, shape, layer: 'input' });
    });
  }
  const layers: CaffeLayer[] = [];
  (v1.length > 0 ? v1 : v2).forEach((raw, i) => {
    const l = raw as TextMessage;
    if (!inTestPhase(l)) return;
    const rawType = String(l.type ?? '');
    const type = v1.length > 0 ? (V1_TYPES[rawType] ?? rawType) : rawType;
    const name = l.name !== undefined ? String(l.name) : `layer${i}`;
    const layer: CaffeLayer = { name, type, bottoms: list(l.bottom).map(String), tops: list(l.top).map(String), params: l };
    if (type === 'Input') {
      const shapes = list(sub(l, 'input_param').shape).map(dims);
      layer.tops.forEach((t, j) => {
        const shape = shapes[j] ?? shapes[0];
        if (!shape) throw new ModelFormatError(`${source}: Input layer "${name}" has no shape for top "${t}" — expected input_param { shape { dim: ... } }`);
        inputs.push({ name: t, shape, layer: name });
      });
      return;
    }
    layers.push(layer);
  });
  if (layers.length === 0) throw new ModelFormatError(`${source}: net has no layers — expected "layer { ... }" or V1 "layers { ... }" entries`);
  return { name: msg.name !== undefined ? String(msg.name) : 'caffe_net', inputs, layers, v1: v1.length > 0 };
}
