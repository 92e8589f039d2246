/**
 * Entry script of one cold-start measurement, run by `coldStart` in a fresh process (node coldStartChild.js
 * '<json>'): read the model file, create the session, run once on seeded random inputs; print one JSON line
 * `{ readMs, sessionMs, firstInferenceMs, totalMs }` on stdout.
 *
 * @example
 * node dist/src/profile/coldStartChild.js '{"path":"m.onnx","session":{},"seed":0,"shapes":{}}'
 */
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { openSession, randomInputs, timeRun, type SessionOptions } from '../runtime';

/** What the parent passes. */
export interface ColdStartJob { path: string; session: SessionOptions; seed: number; shapes: Record<string, number[]> }
/** What the child prints. */
export interface ColdStartFigures { readMs: number; sessionMs: number; firstInferenceMs: number; totalMs: number }

/** @example const f = await coldStartOnce({ path: 'm.onnx', session: {}, seed: 0, shapes: {} }); f.totalMs; */
export async function coldStartOnce(job: ColdStartJob): Promise<ColdStartFigures> {
  const t0 = performance.now();
  const bytes = fs.readFileSync(job.path);
  const t1 = performance.now();
  const session = await openSession(bytes, { ...job.session, externalDataDir: path.dirname(path.resolve(job.path)) });
  const t2 = performance.now();
  try {
    const firstInferenceMs = await timeRun(session.prepare(randomInputs(session, job.seed, job.shapes)));
    return { readMs: t1 - t0, sessionMs: t2 - t1, firstInferenceMs, totalMs: t2 - t0 + firstInferenceMs };
  } finally {
    await session.release();
  }
}

if (require.main === module) {
  coldStartOnce(JSON.parse(process.argv[2]) as ColdStartJob).then(
    (f) => { process.stdout.write(JSON.stringify(f) + '\n'); },
    (e: Error) => { process.stderr.write(`${e.message}\n`); process.exitCode = 1; },
  );
}
