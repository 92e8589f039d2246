/**
 * `layerlab ablate <model> --remove-op LRN [--remove-op Dropout] [--remove-node NAME] [--identity NAME] -o <out.onnx>`
 *
 * @example
 * npx layerlab ablate alexnet --remove-op LRN -o /tmp/alexnet-nolrn.onnx
 */
import * as path from 'path';
import type { Command } from '../command';
import { optionalInt, parseArgs } from '../args';
import { checkOutputPath } from '../outputPath';
import { UsageError } from '../../errors';
import { applyAblations, describeAblation, type Ablation } from '../../graph/ablation';
import { assertValid } from '../../graph/validate';
import { readModel, writeModel } from '../../onnx';
import { resolveModel, settingsFrom } from '../../registry';

export const command: Command = {
  name: 'ablate',
  summary: 'write a copy of a model with layers bypassed (by op type or node name)',
  usage: 'layerlab ablate <model> [--remove-op OP]... [--remove-node NAME]... [--identity NAME]... [--seed N] -o <out.onnx>',
  async run(argv, io) {
    const a = parseArgs(argv, {
      'remove-op': { type: 'string', multiple: true },
      'remove-node': { type: 'string', multiple: true },
      identity: { type: 'string', multiple: true },
      seed: { type: 'string' },
      o: { type: 'string', alias: 'output' },
    });
    if (a.positionals.length !== 1) throw new UsageError(`expected one model, got ${a.positionals.length}: usage: ${command.usage}`);
    const ablations: Ablation[] = [
      ...((a.flags['remove-op'] as string[] | undefined) ?? []).map((op): Ablation => ({ kind: 'bypass', op })),
      ...((a.flags['remove-node'] as string[] | undefined) ?? []).map((node): Ablation => ({ kind: 'bypass', node })),
      ...((a.flags.identity as string[] | undefined) ?? []).map((node): Ablation => ({ kind: 'identity', node })),
    ];
    if (ablations.length === 0) throw new UsageError('nothing to remove: give --remove-op, --remove-node or --identity');
    const seed = optionalInt(a, 'seed');
    const o = a.flags.o as string | undefined;
    checkOutputPath('-o', o === undefined ? undefined : path.resolve(io.cwd, o), []); // before a Caffe network is built
    const resolved = await resolveModel(a.positionals[0], settingsFrom(io.env, io.cwd), { seed, cwd: io.cwd });
    const model = await readModel(resolved.path);
    // never over the model or one of its external data files
    const dataFiles = model.graph.initializers.flatMap((t) => (t.external ? [path.resolve(path.dirname(resolved.path), t.external.location)] : []));
    const out = checkOutputPath('-o', path.resolve(io.cwd, o!), [resolved.path, ...dataFiles]);
    const result = applyAblations(model, ablations);
    assertValid(result.graph);
    await writeModel(out, result);
    const before = model.graph.nodes.length, after = result.graph.nodes.length;
    io.out(`${ablations.map(describeAblation).join(', ')}: ${before} -> ${after} nodes; wrote ${out}`);
    return 0;
  },
};
