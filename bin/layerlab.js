#!/usr/bin/env node
// Entry point of `npx layerlab`: builds the TypeScript sources on first use, then runs the CLI.
'use strict';
const path = require('path');
const fs = require('fs');
const root = path.join(__dirname, '..');
const entry = path.join(root, 'dist', 'src', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  const { execFileSync } = require('child_process');
  process.stderr.write('layerlab: building (first run)...\n');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.json')], { stdio: 'inherit' });
}
const { main, processIO } = require(entry);
main(process.argv.slice(2), processIO()).then((code) => { process.exitCode = code; }, (e) => {
  process.stderr.write(`layerlab: internal error: ${e && e.stack ? e.stack : e}\n`);
  process.exitCode = 70;
});
