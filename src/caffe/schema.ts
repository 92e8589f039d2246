/**
 * The part of Caffe's `caffe.proto` that reading and writing a `.caffemodel` needs, as a protobufjs
 * JSON descriptor (plain data; `./caffemodel.ts` builds it with `protobuf.Root.fromJSON`).
 * Field numbers are Caffe's: `NetParameter.layer` = 100 (V2 `LayerParameter`), `NetParameter.layers`
 * = 2 (V1 `V1LayerParameter`, type an enum number), `BlobProto` with `shape` (7) or the legacy
 * num/channels/height/width (1-4) and packed float `data` (5).
 *
 * @example
 * const root = protobuf.Root.fromJSON(CAFFE_SCHEMA);
 * const Net = root.lookupType('caffe.NetParameter');
 */

/** V1LayerParameter.LayerType numbers -> the V2 type string. */
export const V1_TYPE_NUMBERS: Record<number, string> = {
  0: 'NONE', 1: 'ACCURACY', 2: 'BNLL', 3: 'CONCAT', 4: 'CONVOLUTION', 5: 'DATA', 6: 'DROPOUT', 7: 'EUCLIDEAN_LOSS',
  8: 'FLATTEN', 9: 'HDF5_DATA', 10: 'HDF5_OUTPUT', 11: 'IM2COL', 12: 'IMAGE_DATA', 13: 'INFOGAIN_LOSS',
  14: 'INNER_PRODUCT', 15: 'LRN', 16: 'MULTINOMIAL_LOGISTIC_LOSS', 17: 'POOLING', 18: 'RELU', 19: 'SIGMOID',
  20: 'SOFTMAX', 21: 'SOFTMAX_LOSS', 22: 'SPLIT', 23: 'TANH', 24: 'WINDOW_DATA', 25: 'ELTWISE', 26: 'POWER',
  27: 'SIGMOID_CROSS_ENTROPY_LOSS', 28: 'HINGE_LOSS', 29: 'MEMORY_DATA', 30: 'ARGMAX', 31: 'THRESHOLD',
  32: 'DUMMY_DATA', 33: 'SLICE', 34: 'MVN', 35: 'ABSVAL', 36: 'SILENCE', 37: 'CONTRASTIVE_LOSS', 38: 'EXP',
  39: 'DECONVOLUTION',
};

/** protobufjs JSON descriptor of the caffemodel subset (package `caffe`). */
export const CAFFE_SCHEMA = {
  nested: {
    caffe: {
      nested: {
        BlobShape: { fields: { dim: { rule: 'repeated', type: 'int64', id: 1, options: { packed: true } } } },
        BlobProto: {
          fields: {
            shape: { type: 'BlobShape', id: 7 },
            data: { rule: 'repeated', type: 'float', id: 5, options: { packed: true } },
            diff: { rule: 'repeated', type: 'float', id: 6, options: { packed: true } },
            double_data: { rule: 'repeated', type: 'double', id: 8, options: { packed: true } },
            num: { type: 'int32', id: 1 },
            channels: { type: 'int32', id: 2 },
            height: { type: 'int32', id: 3 },
            width: { type: 'int32', id: 4 },
          },
        },
        LayerParameter: {
          fields: {
            name: { type: 'string', id: 1 },
            type: { type: 'string', id: 2 },
            bottom: { rule: 'repeated', type: 'string', id: 3 },
            top: { rule: 'repeated', type: 'string', id: 4 },
            blobs: { rule: 'repeated', type: 'bytes', id: 7 },
          },
        },
        V1LayerParameter: {
          fields: {
            bottom: { rule: 'repeated', type: 'string', id: 2 },
            top: { rule: 'repeated', type: 'string', id: 3 },
            name: { type: 'string', id: 4 },
            type: { type: 'int32', id: 5 },
            blobs: { rule: 'repeated', type: 'bytes', id: 6 },
          },
        },
        NetParameter: {
          fields: {
            name: { type: 'string', id: 1 },
            input: { rule: 'repeated', type: 'string', id: 3 },
            input_shape: { rule: 'repeated', type: 'BlobShape', id: 8 },
            input_dim: { rule: 'repeated', type: 'int32', id: 4 },
            layer: { rule: 'repeated', type: 'LayerParameter', id: 100 },
            layers: { rule: 'repeated', type: 'V1LayerParameter', id: 2 },
          },
        },
      },
    },
  },
};
