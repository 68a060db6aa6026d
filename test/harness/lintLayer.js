// The lint layer of `npm test`: three checks, each counted as one test — eslint (typescript-eslint
// and the layer rules of eslint.config.mjs), import cycles (dependency-cruiser, type-only imports
// included) and formatting (prettier --check). Records its totals for test/run.js.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const bin = (pkg, file) => path.join(ROOT, 'node_modules', pkg, file);
const CHECKS = [
  ['eslint (layers, unused disables)', [bin('eslint', 'bin/eslint.js'), '.', '--max-warnings', '0']],
  [
    'import cycles (dependency-cruiser)',
    [bin('dependency-cruiser', 'bin/dependency-cruise.mjs'), 'src', 'test', '--config', '.dependency-cruiser.cjs'],
  ],
  ['formatting (prettier --check)', [bin('prettier', 'bin/prettier.cjs'), '--check', '--log-level', 'warn', '.']],
];

const started = Date.now();
let passed = 0;
let failed = 0;
for (const [title, args] of CHECKS) {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  const ok = r.status === 0;
  process.stdout.write(`  ${ok ? '✔' : '✗'} ${title}\n`);
  if (ok) passed++;
  else failed++;
}
if (process.env.CE_RESULTS_FILE)
  fs.writeFileSync(
    process.env.CE_RESULTS_FILE,
    JSON.stringify({ layer: 'lint', passed, failed, skipped: 0, ms: Date.now() - started }) + '\n',
  );
process.exitCode = failed > 0 ? 1 : 0;
