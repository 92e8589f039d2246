/**
 * Output paths for commands that write files: never over an input, never a half-written file.
 *
 * @example
 * const out = checkOutputPath('-o', '/tmp/a.onnx', ['/tmp/in.onnx']);
 */
import * as fs from 'fs';
import * as path from 'path';
import { UsageError } from '../errors';

function sameFile(a: string, b: string): boolean {
  try {
    const sa = fs.statSync(a), sb = fs.statSync(b);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

/** Refuse an output path that is one of the inputs (also through links) or whose folder does not exist. */
export function checkOutputPath(flag: string, output: string | undefined, inputs: string[]): string {
  if (!output) throw new UsageError(`missing output: give ${flag} <file>`);
  const out = path.resolve(output);
  for (const input of inputs) {
    if (sameFile(out, input)) throw new UsageError(`refusing to write over the input ${input}: choose another ${flag} path`);
  }
  const dir = path.dirname(out);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`output folder ${dir} does not exist (for ${flag} ${output})`);
  if (fs.existsSync(out) && fs.statSync(out).isDirectory()) throw new UsageError(`output ${out} is a folder, not a file`);
  return out;
}
