/**
 * `layerlab env [--json] [--write [dir]]`: print the measuring environment; `--write` rewrites environment.md.
 *
 * @example
 * npx layerlab env --write
 */
import * as path from 'path';
import type { Command } from '../command';
import { parseArgs } from '../args';
import { describeEnvironment, environmentMarkdown, environmentRecord, writeEnvironmentFile } from '../../env/record';

export const command: Command = {
  name: 'env',
  summary: 'print the measuring machine (CPU, cores, memory, OS, Node, onnxruntime); --write rewrites environment.md',
  usage: 'layerlab env [--json] [--write] [--dir <folder>]',
  async run(argv, io) {
    const a = parseArgs(argv, { json: { type: 'boolean' }, write: { type: 'boolean' }, dir: { type: 'string' } });
    const rec = environmentRecord();
    if (a.flags.json) io.out(JSON.stringify(rec, null, 2));
    else io.out(a.flags.write ? describeEnvironment(rec) : environmentMarkdown(rec));
    if (a.flags.write) {
      const dir = path.resolve(io.cwd, (a.flags.dir as string | undefined) ?? '.');
      io.err(`wrote ${writeEnvironmentFile(dir, rec)}`);
    }
    return 0;
  },
};
