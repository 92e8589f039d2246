/**
 * `layerlab profile <model> [--runs N] [--warmup K|auto] [--threads T] [--inter-op T] [--opt-level L] [--cold N]
 * [--shape name=dims]... [--seed S] [--json] [--trace out.json]`: initialization, inference statistics, memory and
 * the per-layer breakdown of one model.
 *
 * @example
 * npx layerlab profile nin --runs 20 --opt-level basic
 */
import * as path from 'path';
import type { Command } from '../command';
import { optionalInt, parseArgs, shapeFlags, warmupFlag } from '../args';
import { checkOutputPath } from '../outputPath';
import { UsageError } from '../../errors';
import { settingsFrom } from '../../registry';
import { profileModel } from '../../profile/profile';
import { formatProfile } from '../../profile/format';
import type { ProfileOptions } from '../../profile/types';

export const command: Command = {
  name: 'profile',
  summary: 'initialization, inference time statistics, memory and the per-layer breakdown of a model',
  usage: 'layerlab profile <model.onnx|name> [--runs N] [--warmup K|auto] [--threads T] [--inter-op T] [--opt-level disabled|basic|extended|all] ' +
    '[--cold N] [--shape name=d1,d2,...]... [--seed S] [--json] [--trace out.json]',
  async run(argv, io) {
    const a = parseArgs(argv, {
      runs: { type: 'string' }, warmup: { type: 'string' }, threads: { type: 'string' }, 'inter-op': { type: 'string' },
      'opt-level': { type: 'string' }, cold: { type: 'string' }, shape: { type: 'string', multiple: true }, seed: { type: 'string' },
      json: { type: 'boolean' }, trace: { type: 'string' },
    });
    if (a.positionals.length !== 1) throw new UsageError(`profile needs exactly one model, got ${a.positionals.length} (usage: ${command.usage})`);
    const trace = a.flags.trace === undefined ? undefined : checkOutputPath('--trace', path.resolve(io.cwd, String(a.flags.trace)), [path.resolve(io.cwd, a.positionals[0])]);
    const r = await profileModel(a.positionals[0], settingsFrom(io.env, io.cwd), {
      runs: optionalInt(a, 'runs', 1), warmup: warmupFlag(a), threads: optionalInt(a, 'threads', 1), interOpThreads: optionalInt(a, 'inter-op', 1),
      optLevel: a.flags['opt-level'] as ProfileOptions['optLevel'] | undefined, seed: optionalInt(a, 'seed'),
      shapes: shapeFlags(a, 'shape'), cold: optionalInt(a, 'cold', 1), trace, cwd: io.cwd,
    });
    io.out(a.flags.json ? JSON.stringify(r, null, 2) : formatProfile(r));
    return 0;
  },
};
