/**
 * The shape of one CLI command. The CLI parses, calls the library and prints: no logic of its own.
 *
 * @example
 * export const hello: Command = { name: 'hello', summary: 'say hello', usage: 'layerlab hello', run: async (argv, io) => { io.out('hi'); return 0; } };
 */
export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
  /** Working directory used to resolve relative paths. */
  cwd: string;
  env: Record<string, string | undefined>;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CommandIO): Promise<number>;
}
