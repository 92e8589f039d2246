/**
 * The built-in preprocessing presets, as data with the source of every number. Chosen per model by the
 * registry's `preprocess` field (models/registry.json).
 *
 * @example
 * BUILTIN_PRESETS['torchvision'].std // [0.229, 0.224, 0.225]
 */
import type { Preset } from './preset';

const CAFFE_RESIZE = 'Caffe ImageNet data: images resized to 256x256 (convert_imageset --resize_height=256 --resize_width=256), '
  + 'then transform_param crop_size takes the centre at test time (BVLC models/*/train_val.prototxt)';

function caffe(crop: number, meanImage: boolean): Preset {
  const name = `caffe-${crop}${meanImage ? '' : '-means'}`;
  return {
    name,
    description: `Caffe ImageNet: BGR, 0-255, ${meanImage ? 'minus the mean image' : 'minus per-channel means 104/117/123'}, resize 256x256, centre crop ${crop}`,
    channels: 'bgr',
    scale: 1,
    resize: { kind: 'exact', width: 256, height: 256, kernel: 'bilinear-opencv' },
    crop: { kind: 'centre', width: crop, height: crop },
    mean: meanImage ? { kind: 'image', file: 'data/imagenet/mean/ilsvrc_2012_mean.npy', order: 'bgr' }
      : { kind: 'channels', values: [104, 117, 123] },
    sources: {
      channels: 'Caffe loads images with OpenCV (BGR); BVLC deploy.prototxt expects BGR',
      scale: 'transform_param has no scale: raw 0-255 values',
      resize: CAFFE_RESIZE + '; bilinear as OpenCV INTER_LINEAR',
      crop: crop === 227 ? 'bvlc_alexnet train_val.prototxt crop_size: 227' : 'bvlc_googlenet train_val.prototxt crop_size: 224 (NIN: 224)',
      mean: meanImage ? 'BVLC ilsvrc_2012_mean (data/ilsvrc12/get_ilsvrc_aux.sh; python/caffe/imagenet/ilsvrc_2012_mean.npy), BGR, cropped like the image'
        : 'bvlc_googlenet train_val.prototxt mean_value: 104, 117, 123 (B, G, R)',
    },
  };
}

export const BUILTIN_PRESETS: Record<string, Preset> = {
  'caffe-227': caffe(227, true),
  // GoogLeNet was trained with per-channel means (its train_val.prototxt); NIN and the zoo conversions at 224 follow.
  'caffe-224': { ...caffe(224, false), name: 'caffe-224' },
  'caffe-224-meanimage': { ...caffe(224, true), name: 'caffe-224-meanimage' },
  'caffe-227-means': caffe(227, false),
  torchvision: {
    name: 'torchvision',
    description: 'torchvision ImageNet: RGB, /255, mean 0.485/0.456/0.406, std 0.229/0.224/0.225, shorter side 256, centre crop 224',
    channels: 'rgb',
    scale: 1 / 255,
    resize: { kind: 'shorter', size: 256, kernel: 'bilinear' },
    crop: { kind: 'centre', width: 224, height: 224, offsets: 'round-half-even' },
    mean: { kind: 'channels', values: [0.485, 0.456, 0.406] },
    std: [0.229, 0.224, 0.225],
    sources: {
      channels: 'torchvision models take PIL RGB images',
      scale: 'transforms.ToTensor() divides by 255',
      resize: 'transforms.Resize(256): shorter side 256, bilinear as Pillow, antialiased (torchvision ImageNet reference, references/classification/presets.py)',
      crop: 'transforms.CenterCrop(224): offsets int(round((size - 224) / 2.0)), Python rounding half to even (torchvision.transforms.functional.center_crop)',
      mean: 'transforms.Normalize(mean=[0.485, 0.456, 0.406], ...) (torchvision.models docs; ONNX zoo squeezenet imagenet_preprocess)',
      std: 'transforms.Normalize(..., std=[0.229, 0.224, 0.225])',
    },
  },
  cifar10_full: {
    name: 'cifar10_full',
    description: 'Caffe cifar10_full: RGB, 0-255, minus the training-set mean image (stored BGR, flipped), 32x32, no resize or crop',
    channels: 'rgb',
    scale: 1,
    resize: { kind: 'none' },
    crop: { kind: 'none' },
    mean: { kind: 'image', file: 'models/caffe/cifar10_full/cifar10_mean_bgr.binaryproto', order: 'bgr' },
    sources: {
      channels: "Caffe's CIFAR converter (examples/cifar10/convert_cifar_data.cpp) keeps CIFAR's R, G, B planes",
      scale: 'cifar10_full_train_test.prototxt transform_param has no scale',
      resize: 'CIFAR-10 images are 32x32, the network input is 32x32',
      crop: 'no crop_size in cifar10_full_train_test.prototxt',
      mean: 'cifar10_full_train_test.prototxt mean_file: mean.binaryproto; the shared copy stores B, G, R planes (flipped to RGB here)',
    },
  },
};
