/**
 * `layerlab inspect <model> [--json] [--input-shape name=1,3,224,224] [--all]`: file size, parameters, MACs,
 * operator mix and per-node output shapes of an ONNX file or registry name.
 *
 * @example
 * npx layerlab inspect ../shared/models/onnx/light_bvlc_alexnet.onnx --input-shape data_0=1,3,227,227
 */
import * as fs from 'fs';
import type { Command } from '../command';
import { optionalInt, parseArgs, shapeFlags } from '../args';
import { UsageError } from '../../errors';
import { readModel } from '../../onnx';
import { resolveModel, settingsFrom } from '../../registry';
import { inspectModel } from '../../inspect/inspect';
import { formatInspection } from '../../inspect/format';

export const command: Command = {
  name: 'inspect',
  summary: 'model size, parameters, MACs, operator mix and per-node output shapes',
  usage: 'layerlab inspect <model.onnx|name> [--json] [--input-shape name=1,3,224,224]... [--all] [--seed N]',
  async run(argv, io) {
    const a = parseArgs(argv, {
      json: { type: 'boolean', description: 'print JSON instead of a table' },
      'input-shape': { type: 'string', multiple: true, description: 'fix an input\'s shape: name=d1,d2,...' },
      all: { type: 'boolean', description: 'also list constant nodes (ConstantOfShape weights...)' },
      seed: { type: 'string', description: 'seed of the random weights of Caffe networks without trained weights' },
    });
    if (a.positionals.length !== 1) throw new UsageError(`inspect needs exactly one model, got ${a.positionals.length} (usage: ${command.usage})`);
    const inputShapes = shapeFlags(a, 'input-shape');
    const resolved = await resolveModel(a.positionals[0], settingsFrom(io.env, io.cwd), { cwd: io.cwd, seed: optionalInt(a, 'seed') });
    const model = await readModel(resolved.path);
    let ins;
    try {
      ins = inspectModel(model, { fileBytes: fs.statSync(resolved.path).size, inputShapes });
    } catch (e) {
      throw new UsageError(`model "${resolved.path}": ${(e as Error).message}`, { cause: e });
    }
    if (a.flags.json) io.out(JSON.stringify({ file: resolved.path, ...ins }, null, 2));
    else io.out(formatInspection(ins, { title: resolved.path, showConstants: a.flags.all === true }));
    return 0;
  },
};
