/**
 * Which fields of Caffe's messages repeat, and which are nested messages: the small schema the
 * text-format parser needs to turn a prototxt into plain objects (repeated fields as arrays).
 * Fields of messages not listed here are singular unless they occur more than once.
 *
 * @example
 * TEXT_SCHEMA.LayerParameter.bottom // { repeated: true }
 * TEXT_SCHEMA.LayerParameter.convolution_param // { message: 'ConvolutionParameter' }
 */

/** How one field of a message is read: repeated or not, and the message type of a nested field. */
export interface FieldSpec {
  repeated?: boolean;
  message?: string;
}

const R = { repeated: true } as const;
const m = (message: string, repeated = false): FieldSpec => (repeated ? { message, repeated } : { message });

/** Layer parameter blocks shared by V1 and V2 layers. */
const LAYER_PARAMS: Record<string, FieldSpec> = {
  convolution_param: m('ConvolutionParameter'),
  pooling_param: m('PoolingParameter'),
  lrn_param: m('LRNParameter'),
  inner_product_param: m('InnerProductParameter'),
  input_param: m('InputParameter'),
  eltwise_param: m('EltwiseParameter'),
  concat_param: m('ConcatParameter'),
  softmax_param: m('SoftmaxParameter'),
  relu_param: m('ReLUParameter'),
  dropout_param: m('DropoutParameter'),
  batch_norm_param: m('BatchNormParameter'),
  scale_param: m('ScaleParameter'),
  flatten_param: m('FlattenParameter'),
  reshape_param: m('ReshapeParameter'),
  power_param: m('PowerParameter'),
  blobs: m('BlobProto', true),
  include: m('NetStateRule', true),
  exclude: m('NetStateRule', true),
  bottom: R, top: R, loss_weight: R,
};

/** message name -> field name -> spec. The root message is `NetParameter`. */
export const TEXT_SCHEMA: Record<string, Record<string, FieldSpec>> = {
  NetParameter: {
    name: {}, input: R, input_shape: m('BlobShape', true), input_dim: R, force_backward: {},
    state: m('NetState'), debug_info: {}, layer: m('LayerParameter', true), layers: m('V1LayerParameter', true),
  },
  LayerParameter: { ...LAYER_PARAMS, name: {}, type: {}, phase: {}, param: m('ParamSpec', true), propagate_down: R },
  V1LayerParameter: { ...LAYER_PARAMS, name: {}, type: {}, param: R, blob_share_mode: R, blobs_lr: R, weight_decay: R },
  ConvolutionParameter: {
    num_output: {}, bias_term: {}, pad: R, kernel_size: R, stride: R, dilation: R, pad_h: {}, pad_w: {},
    kernel_h: {}, kernel_w: {}, stride_h: {}, stride_w: {}, group: {}, weight_filler: m('FillerParameter'),
    bias_filler: m('FillerParameter'), engine: {}, axis: {}, force_nd_im2col: {},
  },
  PoolingParameter: {
    pool: {}, pad: {}, pad_h: {}, pad_w: {}, kernel_size: {}, kernel_h: {}, kernel_w: {}, stride: {},
    stride_h: {}, stride_w: {}, engine: {}, global_pooling: {}, round_mode: {},
  },
  LRNParameter: { local_size: {}, alpha: {}, beta: {}, norm_region: {}, k: {}, engine: {} },
  InnerProductParameter: {
    num_output: {}, bias_term: {}, weight_filler: m('FillerParameter'), bias_filler: m('FillerParameter'), axis: {}, transpose: {},
  },
  InputParameter: { shape: m('BlobShape', true) },
  BlobShape: { dim: R },
  BlobProto: {
    shape: m('BlobShape'), data: R, diff: R, double_data: R, double_diff: R, num: {}, channels: {}, height: {}, width: {},
  },
  EltwiseParameter: { operation: {}, coeff: R, stable_prod_grad: {} },
  ConcatParameter: { axis: {}, concat_dim: {} },
  SoftmaxParameter: { engine: {}, axis: {} },
  ReLUParameter: { negative_slope: {}, engine: {} },
  DropoutParameter: { dropout_ratio: {}, scale_train: {} },
  BatchNormParameter: { use_global_stats: {}, moving_average_fraction: {}, eps: {} },
  ScaleParameter: { axis: {}, num_axes: {}, filler: m('FillerParameter'), bias_term: {}, bias_filler: m('FillerParameter') },
  FlattenParameter: { axis: {}, end_axis: {} },
  ReshapeParameter: { shape: m('BlobShape'), axis: {}, num_axes: {} },
  PowerParameter: { power: {}, scale: {}, shift: {} },
  NetStateRule: { phase: {}, min_level: {}, max_level: {}, stage: R, not_stage: R },
  NetState: { phase: {}, level: {}, stage: R },
  ParamSpec: { name: {}, share_mode: {}, lr_mult: {}, decay_mult: {} },
  FillerParameter: { type: {}, value: {}, min: {}, max: {}, mean: {}, std: {}, sparse: {}, variance_norm: {} },
};
