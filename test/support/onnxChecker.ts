/**
 * Debian's python3-onnx as an independent checker of the models layerlab writes.
 * Uses /usr/bin/python3 (the Debian interpreter that has the `onnx` module), not the first python3 on PATH.
 *
 * @example
 * const r = checkModelFile('/tmp/m.onnx'); assert.ok(r.ok, r.message);
 */
import { spawnSync } from 'child_process';

const SCRIPT = [
  'import sys, onnx',
  'ok = True',
  'for p in sys.argv[1:]:',
  '    try:',
  '        onnx.checker.check_model(onnx.load(p), full_check=False)',
  '        print("OK\\t" + p)',
  '    except Exception as e:',
  '        ok = False',
  '        print("FAIL\\t" + p + "\\t" + str(e).replace("\\n", " "))',
].join('\n');

export interface CheckResult { path: string; ok: boolean; message: string }

/** Check several ONNX files with `onnx.checker.check_model` in one Python process. */
export function checkModelFiles(paths: string[]): CheckResult[] {
  const r = spawnSync('/usr/bin/python3', ['-c', SCRIPT, ...paths], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  const lines = r.stdout.split('\n').filter(Boolean);
  if (lines.length !== paths.length) throw new Error(`python3-onnx checker failed: ${r.stderr}`);
  return lines.map((l) => { const [s, p, m] = l.split('\t'); return { path: p, ok: s === 'OK', message: m ?? '' }; });
}

export function checkModelFile(path: string): CheckResult {
  return checkModelFiles([path])[0];
}
