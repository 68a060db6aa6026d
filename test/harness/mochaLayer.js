// Runs one mocha test layer and records its totals for test/run.js.
// Used in plain Node (unit and node layers) and inside the VS Code extension host (integration).
'use strict';
const fs = require('fs');
const path = require('path');

/** Every `*.test.js` below `dir`, sorted. */
function findTests(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => path.join(dir, f));
}

/**
 * Runs mocha over `files` with the spec reporter. Resolves with `{ passed, failed, skipped }` and,
 * when `resultsFile` is given, writes them there as JSON with the layer's duration in ms.
 * A layer that finds no test file counts as one failure: a layer that tests nothing proves nothing.
 */
function runMocha(files, { timeout = 20000, resultsFile, layer } = {}) {
  const Mocha = require('mocha');
  const started = Date.now();
  const mocha = new Mocha({ reporter: 'spec', timeout, color: false });
  for (const f of files) mocha.addFile(f);
  return new Promise((resolve) => {
    const finish = (totals) => {
      const result = { layer, ...totals, ms: Date.now() - started };
      if (resultsFile) {
        fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
        fs.writeFileSync(resultsFile, JSON.stringify(result) + '\n');
      }
      resolve(result);
    };
    if (files.length === 0) {
      process.stderr.write(`no test files for layer ${layer}\n`);
      finish({ passed: 0, failed: 1, skipped: 0 });
      return;
    }
    mocha.run().on('end', function () {
      const s = this.stats;
      finish({ passed: s.passes, failed: s.failures, skipped: s.pending });
    });
  });
}

module.exports = { findTests, runMocha };

if (require.main === module) {
  // node test/harness/mochaLayer.js <layer> <dir-of-compiled-tests>
  const [layer, dir] = process.argv.slice(2);
  runMocha(findTests(path.resolve(dir)), { layer, resultsFile: process.env.CE_RESULTS_FILE }).then((r) => {
    process.exitCode = r.failed > 0 ? 1 : 0;
  });
}
