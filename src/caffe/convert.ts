/**
 * Convert a normalized Caffe net (and optionally its caffemodel blobs) to the graph IR, layer by layer.
 * Every node keeps its Caffe layer name (helper nodes are `<layer>/<role>`) and records its Caffe type
 * in `docString` (`caffe:Convolution`); model metadata `caffe:layers` lists, per Caffe layer, its type,
 * its nodes and the tensors holding its tops, so time and shapes can be attributed to Caffe's names.
 *
 * @example
 * const model = convertNet(toCaffeNet(parsePrototxt(text)), { seed: 0 });
 * model.graph.nodes[0].docString // 'caffe:Convolution'
 */
import { ModelFormatError } from '../errors';
import { FLOAT } from '../graph/tensor';
import type { Model, ValueInfo } from '../graph/types';
import { randomizeWeights } from '../graph/randomize';
import { seededRandom } from '../util/random';
import type { CaffeLayerWeights } from './caffemodel';
import { makeConversion } from './context';
import { CONVERTERS, SUPPORTED_TYPES } from './layers/table';
import type { CaffeNet } from './net';

/** The ONNX opset the importer writes. */
export const CAFFE_OPSET = 13;

export interface ConvertOptions {
  /**
   * Learned blobs by layer name (from `decodeCaffemodel`). Without them every weight is seeded random
   * (`randomizeWeights`); with them, layers they lack get seeded He-uniform values.
   */
  weights?: Map<string, CaffeLayerWeights>;
  /** Seed of the random values (default 0); recorded in metadata `caffe:seed` when used. */
  seed?: number;
  /** Replace the batch dimension of every net input (Caffe's deploy files often say 10). */
  batch?: number;
  /** File name for messages and metadata. */
  source?: string;
  /** Where the weights came from, for metadata `caffe:weights`. */
  weightsSource?: string;
  /**
   * Flatten net outputs shaped [N, C, 1, ..., 1] to [N, C] (NIN's global average pooling ends at
   * 1x1000x1x1): a Flatten node `<top>/flatten` is added to the layer that produced the top. Default false:
   * outputs keep Caffe's blob shapes.
   */
  flattenOutputs?: boolean;
}

/** Append Flatten nodes for outputs with trailing unit dimensions (see `ConvertOptions.flattenOutputs`). */
function flattenUnitOutputs(conv: ReturnType<typeof makeConversion>, outputs: ValueInfo[]): ValueInfo[] {
  return outputs.map((o) => {
    const shape = o.type.kind === 'tensor' ? (o.type.shape as number[] | undefined) : undefined;
    if (!shape || shape.length <= 2 || !shape.slice(2).every((d) => d === 1)) return o;
    const name = `${o.name}/flatten`;
    conv.nodes.push({ name, opType: 'Flatten', domain: '', inputs: [o.name], outputs: [name], attributes: { axis: { type: 'int', value: 1 } }, docString: 'layerlab:flatten-output' });
    conv.records.find((r) => r.tops.includes(o.name))?.nodes.push(name);
    return { name, type: { kind: 'tensor', elemType: FLOAT, shape: shape.slice(0, 2) } };
  });
}

/**
 * Convert a Caffe net to a Model (opset 13).
 * @throws ModelFormatError naming the layer for unknown types, bad parameters or mismatched blobs
 * @example
 * convertNet(net, { batch: 1, seed: 7 }).metadata['caffe:seed'] // '7'
 */
export function convertNet(net: CaffeNet, opts: ConvertOptions = {}): Model {
  const seed = opts.seed ?? 0;
  // without a caffemodel, the weights are filled by randomizeWeights (He-normal, zero biases), as for any
  // other model; layers missing from a given caffemodel get He-uniform values from the same seed
  const conv = makeConversion({ weights: opts.weights, rng: seededRandom(seed), placeholders: !opts.weights });
  if (net.inputs.length === 0) throw new ModelFormatError(`${opts.source ?? 'net'}: no input declared — expected an Input layer or input/input_shape/input_dim`);
  const info = (name: string, shape: number[]): ValueInfo => ({ name, type: { kind: 'tensor', elemType: FLOAT, shape: [...shape] } });
  const inputs: ValueInfo[] = [];
  for (const inp of net.inputs) {
    const shape = opts.batch !== undefined ? [opts.batch, ...inp.shape.slice(1)] : inp.shape;
    conv.defineInput(inp.name, shape);
    inputs.push(info(inp.name, shape));
    const rec = conv.records.find((r) => r.name === inp.layer);
    if (rec) rec.tops.push(inp.name);
    else conv.records.push({ name: inp.layer, type: 'Input', nodes: [], tops: [inp.name] });
  }
  for (const layer of net.layers) {
    const convert = CONVERTERS[layer.type];
    if (!convert) {
      throw new ModelFormatError(`layer "${layer.name}": unknown layer type "${layer.type}" — supported: ${SUPPORTED_TYPES.join(', ')}`);
    }
    if (layer.bottoms.length === 0) throw new ModelFormatError(`layer "${layer.name}" (${layer.type}): has no bottom`);
    if (layer.tops.length === 0) throw new ModelFormatError(`layer "${layer.name}" (${layer.type}): has no top`);
    convert(conv.layerContext(layer));
  }
  const caffeOutputs = conv.outputs().map((b) => info(b.tensor, b.shape));
  const outputs = opts.flattenOutputs ? flattenUnitOutputs(conv, caffeOutputs) : caffeOutputs;
  const outNames = new Set(outputs.map((o) => o.name));
  const usedRandom = !opts.weights || conv.randomLayers.length > 0;
  const metadata: Record<string, string> = {
    'caffe:net': net.name,
    'caffe:format': net.v1 ? 'V1' : 'V2',
    'caffe:weights': opts.weights ? (opts.weightsSource ?? 'caffemodel') : 'random',
  };
  if (opts.source) metadata['caffe:source'] = opts.source;
  if (usedRandom) metadata['caffe:seed'] = String(seed);
  if (opts.weights && conv.randomLayers.length > 0) metadata['caffe:random_layers'] = conv.randomLayers.join(',');
  metadata['caffe:layers'] = JSON.stringify(conv.records);
  const model: Model = {
    irVersion: 7,
    opsetImports: [{ domain: '', version: CAFFE_OPSET }],
    producerName: 'layerlab',
    producerVersion: 'caffe-import',
    docString: `Converted from Caffe${opts.source ? ` ${opts.source}` : ''} by layerlab`,
    metadata,
    graph: {
      name: net.name,
      nodes: conv.nodes,
      inputs,
      outputs,
      valueInfo: conv.valueInfo.filter((v) => !outNames.has(v.name)),
      initializers: conv.initializers,
      sparseInitializers: [],
    },
    functions: [],
  };
  return opts.weights ? model : randomizeWeights(model, seed);
}
