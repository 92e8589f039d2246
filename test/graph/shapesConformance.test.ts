/**
 * Every ONNX conformance model (Debian's libonnx-testdata) whose graph outputs inference resolves must
 * get exactly the output shapes the test model declares.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { readModel } from '../../src/onnx';
import { inferShapes } from '../../src/graph/shapes';
import type { Model } from '../../src/graph/types';

const DIR = '/usr/share/libonnx-testdata/data/node';

/** Declared static shapes of the inputs that are not initializers (so declared output shapes are not used as a fallback). */
function staticInputs(m: Model): Record<string, number[]> {
  const inits = new Set(m.graph.initializers.map((t) => t.name));
  const out: Record<string, number[]> = {};
  for (const v of m.graph.inputs) {
    if (inits.has(v.name) || v.type.kind !== 'tensor' || !v.type.shape) continue;
    if (v.type.shape.every((d) => typeof d === 'number')) out[v.name] = v.type.shape as number[];
  }
  return out;
}

test('conformance models: inferred output shapes equal the declared ones', { skip: !fs.existsSync(DIR) && `${DIR} not installed` }, async () => {
  let matched = 0;
  const wrong: string[] = [];
  for (const dir of fs.readdirSync(DIR).sort()) {
    const model = await readModel(path.join(DIR, dir, 'model.onnx'));
    const r = inferShapes(model, { inputShapes: staticInputs(model) });
    for (const o of model.graph.outputs) {
      const want = o.type.kind === 'tensor' ? o.type.shape : undefined;
      const got = r.shapes.get(o.name);
      if (!want || !got || ![...want, ...got].every((d) => typeof d === 'number')) continue;
      if (JSON.stringify(got) === JSON.stringify(want)) matched++;
      else wrong.push(`${dir}: ${o.name} inferred [${got}], declared [${want}]`);
    }
  }
  console.log(`conformance shapes ${JSON.stringify({ matched, wrong: wrong.length })}`);
  assert.deepEqual(wrong, []);
  assert.ok(matched >= 650, `only ${matched} outputs matched`);
});
