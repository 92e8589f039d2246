/**
 * `layerlab import-caffe <deploy.prototxt> [--weights <net.caffemodel>] [--seed N] [--batch N] -o <out.onnx>`:
 * convert a Caffe network to ONNX (opset 13), with its trained weights or seeded random ones.
 *
 * @example
 * npx layerlab import-caffe bvlc_alexnet.prototxt --batch 1 -o /tmp/alexnet.onnx
 */
import * as path from 'path';
import type { Command } from '../command';
import { optionalInt, parseArgs } from '../args';
import { checkOutputPath } from '../outputPath';
import { UsageError } from '../../errors';
import { importCaffeFiles } from '../../caffe';
import { writeModel } from '../../onnx';

export const command: Command = {
  name: 'import-caffe',
  summary: 'convert a Caffe prototxt (and optional .caffemodel) to an ONNX model',
  usage: 'layerlab import-caffe <deploy.prototxt> [--weights <net.caffemodel>] [--seed N] [--batch N] [--flatten-output] -o <out.onnx>',
  async run(argv, io) {
    const a = parseArgs(argv, {
      weights: { type: 'string' },
      seed: { type: 'string' },
      batch: { type: 'string' },
      'flatten-output': { type: 'boolean' },
      o: { type: 'string', alias: 'output' },
    });
    if (a.positionals.length !== 1) throw new UsageError(`expected one prototxt, got ${a.positionals.length}: usage: ${command.usage}`);
    const prototxt = path.resolve(io.cwd, a.positionals[0]);
    const weightsPath = a.flags.weights === undefined ? undefined : path.resolve(io.cwd, a.flags.weights as string);
    const seed = optionalInt(a, 'seed', 0);
    const batch = optionalInt(a, 'batch', 1);
    const o = a.flags.o as string | undefined;
    const out = checkOutputPath('-o', o === undefined ? undefined : path.resolve(io.cwd, o), [prototxt, ...(weightsPath ? [weightsPath] : [])]);
    const model = await importCaffeFiles(prototxt, { weightsPath, seed, batch, flattenOutputs: a.flags['flatten-output'] === true });
    await writeModel(out, model);
    const layers = (JSON.parse(model.metadata['caffe:layers']) as { type: string }[]).filter((l) => l.type !== 'Input').length;
    const weights = weightsPath ? `weights from ${weightsPath}` : `random weights (seed ${model.metadata['caffe:seed']})`;
    io.out(`${layers} Caffe layers -> ${model.graph.nodes.length} ONNX nodes, ${weights}; wrote ${out}`);
    const random = model.metadata['caffe:random_layers'];
    if (weightsPath && random) io.err(`warning: ${weightsPath} has no weights for layer(s) ${random.split(',').join(', ')}: they got seeded random values (are the prototxt and the caffemodel from the same network?)`);
    return 0;
  },
};
