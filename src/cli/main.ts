/**
 * `layerlab <command> ...`: dispatch to one command module, print errors as one clear line.
 *
 * @example
 * await main(['inspect', 'alexnet', '--json'], processIO());
 */
import { LayerlabError, UsageError } from '../errors';
import type { Command, CommandIO } from './command';

/** Commands, loaded lazily so that `layerlab env` does not load onnxruntime or sharp. */
const COMMANDS: Record<string, { summary: string; load: () => Command }> = {
  env: { summary: 'print the measuring machine; --write rewrites environment.md', load: () => require('./commands/env').command },
  inspect: { summary: 'file size, parameters, MACs, op histogram and one row per node', load: () => require('./commands/inspect').command },
  ablate: { summary: 'write a copy of a model with layers bypassed (by op type or node name)', load: () => require('./commands/ablate').command },
  'import-caffe': { summary: 'convert a Caffe network (prototxt, optional caffemodel) to ONNX', load: () => require('./commands/import-caffe').command },
  profile: { summary: 'initialization and inference time statistics, memory, per-layer breakdown', load: () => require('./commands/profile').command },
  eval: { summary: 'top-1/top-5 accuracy (Wilson 95% intervals) of a model on an image folder', load: () => require('./commands/eval').command },
  fetch: { summary: 'download registry models (resumable, sha256-verified) into the cache', load: () => require('./commands/fetch').command },
  'ablate-study': { summary: 'cost against contribution: time saved and accuracy lost (paired) per bypassed layer or op type; resumable', load: () => require('./commands/ablate-study').command },
  reproduce: { summary: 'reproduce the study (size, init and inference time, per-layer shares, 1 vs 2 threads) into a report folder', load: () => require('./commands/reproduce').command },
  notebook: { summary: 'open notebooks/ in the browser with the TypeScript (tslab) kernel', load: () => require('./commands/notebook').command },
};

export function processIO(): CommandIO {
  return {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
    cwd: process.cwd(),
    env: process.env,
  };
}

function help(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(14)} ${c.summary}`);
  return ['usage: layerlab [--data <dir>] <command> [options]', '',
    '--data <dir>: where large models and images live (default: $LAYERLAB_DATA, else <project>/data)', '', 'commands:', ...lines, '',
    'Run `layerlab <command> --help` for a command\'s options.'].join('\n');
}

/**
 * Take the global `--data <dir>` option (the data root, overriding LAYERLAB_DATA) out of `argv`.
 * Returns the remaining arguments and the environment commands see.
 */
export function globalOptions(argv: string[], env: CommandIO['env']): { argv: string[]; env: CommandIO['env'] } {
  const out: string[] = [];
  const next = { ...env };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { out.push(...argv.slice(i)); break; }
    if (a === '--data') {
      if (i + 1 >= argv.length) throw new UsageError('option --data needs a folder');
      next.LAYERLAB_DATA = argv[++i];
    } else if (a.startsWith('--data=')) next.LAYERLAB_DATA = a.slice('--data='.length);
    else out.push(a);
  }
  return { argv: out, env: next };
}

export async function main(argvIn: string[], ioIn: CommandIO): Promise<number> {
  let argv: string[];
  let io: CommandIO;
  try {
    const g = globalOptions(argvIn, ioIn.env);
    argv = g.argv;
    io = { ...ioIn, env: g.env };
  } catch (e) {
    ioIn.err(`layerlab: ${(e as Error).message}`);
    return 2;
  }
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') { io.out(help()); return name ? 0 : 2; }
  const entry = COMMANDS[name];
  if (!entry) { io.err(`layerlab: unknown command: ${name}\n${help()}`); return 2; }
  const cmd = entry.load();
  if (rest.includes('--help') || rest.includes('-h')) { io.out(`usage: ${cmd.usage}\n\n${cmd.summary}`); return 0; }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (e instanceof LayerlabError) { io.err(`layerlab ${name}: ${e.message}`); return e.name === 'UsageError' ? 2 : 1; }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), processIO()).then((code) => { process.exitCode = code; }, (e) => {
    process.stderr.write(`layerlab: internal error: ${e?.stack ?? e}\n`);
    process.exitCode = 70;
  });
}
