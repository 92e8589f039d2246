// Every notebook under notebooks/ runs headless (nbconvert --execute) without a failing cell.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { executeNotebook } from '../../src/notebook/jupyter';
import { projectRoot } from '../../src/registry/settings';

const dir = path.join(projectRoot(), 'notebooks');
const notebooks = fs.readdirSync(dir).filter((f) => f.endsWith('.ipynb')).sort();

test('there are notebooks to run', () => {
  assert.ok(notebooks.length >= 1, `no notebooks in ${dir}`);
});

for (const nb of notebooks) {
  test(`notebook ${nb} executes without a failing cell`, { timeout: 900_000 }, () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'layerlab-nb-'));
    try {
      const r = executeNotebook(path.join(dir, nb), out);
      assert.ok(r.ok, `${nb} failed:\n${r.log.slice(-4000)}`);
      const executed = JSON.parse(fs.readFileSync(r.output, 'utf8'));
      const errors = executed.cells.flatMap((c: { outputs?: { output_type: string }[] }) => c.outputs ?? []).filter((o: { output_type: string }) => o.output_type === 'error');
      assert.equal(errors.length, 0, `${nb} has error outputs`);
      // tslab leaves execution_count empty, so check that the run reached the end: the last code cell has output.
      const codeCells = executed.cells.filter((c: { cell_type: string }) => c.cell_type === 'code');
      assert.ok(codeCells.length > 0, `${nb} has no code cells`);
      assert.ok((codeCells[codeCells.length - 1].outputs ?? []).length > 0, `${nb}: the last code cell produced no output`);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
}
