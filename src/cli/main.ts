/**
 * `layerlab <command> ...`: dispatch to one command module, print errors as one clear line.
 *
 * @example
 * await main(['inspect', 'alexnet', '--json'], processIO());
 */
import { LayerlabError } from '../errors';
import type { Command, CommandIO } from './command';

/** Commands, loaded lazily so that `layerlab env` does not load onnxruntime or sharp. */
const COMMANDS: Record<string, () => Command> = {
  // filled in as commands are written: name -> () => require('./commands/<name>').command
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
  const lines = Object.entries(COMMANDS).map(([name, load]) => `  ${name.padEnd(14)} ${load().summary}`);
  return ['usage: layerlab <command> [options]', '', 'commands:', ...lines, '',
    'Run `layerlab <command> --help` for a command\'s options.'].join('\n');
}

export async function main(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') { io.out(help()); return name ? 0 : 2; }
  const load = COMMANDS[name];
  if (!load) { io.err(`layerlab: unknown command: ${name}\n${help()}`); return 2; }
  const cmd = load();
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
