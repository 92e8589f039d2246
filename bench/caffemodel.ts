/**
 * Benchmark: decoding an AlexNet-sized .caffemodel (the blobs of bvlc_alexnet, 61 M float parameters,
 * about 244 MB), built here with encodeCaffemodel since the trained file is not available. Reports the
 * decode time and the process's peak memory as a multiple of the file size. Run: `npm run bench -- caffemodel`.
 */
import { decodeCaffemodel, encodeCaffemodel, type CaffemodelLayerSpec } from '../src/caffe';
import { median, peakRss, writeBenchResult } from './support';

const ALEXNET: [string, number[]][] = [['conv1', [96, 3, 11, 11]], ['conv2', [256, 48, 5, 5]], ['conv3', [384, 256, 3, 3]],
  ['conv4', [384, 192, 3, 3]], ['conv5', [256, 192, 3, 3]], ['fc6', [4096, 9216]], ['fc7', [4096, 4096]], ['fc8', [1000, 4096]]];

const layers: CaffemodelLayerSpec[] = ALEXNET.map(([name, shape]) => ({
  name, type: name.startsWith('fc') ? 'InnerProduct' : 'Convolution',
  blobs: [{ shape, data: new Float32Array(shape.reduce((a, b) => a * b, 1)).fill(0.01) }, { shape: [shape[0]], data: new Float32Array(shape[0]) }],
}));
const bytes = encodeCaffemodel(layers, { name: 'AlexNet' });
const times: number[] = [];
let params = 0;
for (let i = 0; i < 5; i++) {
  const t0 = process.hrtime.bigint();
  const w = decodeCaffemodel(bytes, 'alexnet-sized.caffemodel');
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  params = [...w.values()].reduce((n, l) => n + l.blobs.reduce((m, b) => m + b.data.length, 0), 0);
}
const figures = { fileBytes: bytes.byteLength, params, decodeMs: { median: median(times), all: times }, peakRssBytes: peakRss(), peakMemoryMultiple: peakRss() / bytes.byteLength };
console.log(JSON.stringify(figures, null, 2));
console.log(`wrote ${writeBenchResult('caffemodel', figures)}`);
