/**
 * Datasets, preprocessing presets, the tensor cache and model downloads (this folder holds the only
 * importer of sharp: `decode.ts`).
 *
 * @example
 * import { loadDataset, loadPreset } from './data';
 * const ds = loadDataset('/data/cifar10/test'); const p = loadPreset('cifar10_full');
 */
export { loadDataset, listImages, IMAGE_EXTENSIONS, type Dataset, type DatasetItem, type Tally, type LoadDatasetOptions } from './dataset';
export { parseLabelFile, synsetOfFileName, type LabelFile } from './labels';
export { loadPreset, checkPreset, presetNames, type Preset, type Crop, type Mean } from './preset';
export { BUILTIN_PRESETS } from './presets';
export { preparePreset, toTensor, readMeanFile, centreCropChw, type PreparedPreset } from './preprocess';
export { decodeImage, decoderVersion, type RgbImage } from './decode';
export { resizeRgb, resizedSize, type Resize, type ResizeKernel } from './resample';
export { readNpy, type FloatArray } from './npy';
export { readBlobProto } from './blobproto';
export { tensorCache, type TensorCache, type ImageTensor } from './cache';
export { prefetch, type Prefetched } from './prefetch';
export { prepareImage, type PreparedImage } from './prepare';
export { fetchModel, sha256File, downloadUrl, FetchError, type FetchOptions, type FetchResult } from './fetch';
