#!/usr/bin/env node
// `npm run bench -- index` part: scanning a synthetic workspace of 10,000 evidence documents in mixed
// formats plus 1,000 malformed ones (generated once under .vscode-test/bench/docs-10k), and grouping
// them for the tree. Prints medians; a script, not a timed test.
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const DIR = path.join(ROOT, '.vscode-test', 'bench', 'docs-10k');
const RUNS = Number(process.env.BENCH_RUNS || 5);
const { scanEvidence, readChangedFile } = require(path.join(ROOT, 'out', 'src', 'node', 'scanEvidence.js'));
const { folderSnapshot, withReadings } = require(path.join(ROOT, 'out', 'src', 'core', 'index', 'snapshot.js'));
const { groupDocuments, matchesViewFilter } = require(path.join(ROOT, 'out', 'src', 'core', 'index', 'viewModel.js'));
const { checkDocuments } = require(path.join(ROOT, 'out', 'src', 'core', 'diagnostics', 'checks.js'));
const { generateDocs } = require('./syntheticDocs');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = async (fn) => {
  const t = process.hrtime.bigint();
  const v = await fn();
  return [Number(process.hrtime.bigint() - t) / 1e6, v];
};

async function main() {
  generateDocs(DIR);
  const scans = [];
  let scan;
  for (let i = 0; i < RUNS; i++) {
    const [ms, v] = await time(() => scanEvidence(DIR));
    scans.push(ms);
    scan = v;
  }
  global.gc?.();
  const heap = process.memoryUsage().heapUsed / 1024 / 1024;
  const docs = scan.items.map((item) => ({ item, details: scan.details[item.path] }));
  const groupTimes = [];
  for (const by of ['kind', 'quarter', 'status', 'tag']) {
    for (let i = 0; i < RUNS; i++)
      groupTimes.push(
        (
          await time(() =>
            groupDocuments(
              docs.filter((d) => matchesViewFilter(d, { text: 't3' }, { emails: [], names: [] })),
              by,
            ),
          )
        )[0],
      );
  }
  const [checkMs, findings] = await time(() => checkDocuments(docs, scan.problems, { today: '2026-11-21', proposedMaxDays: 30 }));
  // One changed file: re-read it into a new snapshot (as the index does), then group for the tree again.
  const rel = 'doc/adr/0042-decision-42.md';
  let snapshot = folderSnapshot({ key: 'file:///bench', name: 'bench', index: 0, root: scan.root }, scan.folders, docs, scan.problems);
  const updates = [];
  for (let i = 0; i < RUNS; i++) {
    fs.appendFileSync(path.join(DIR, rel), `\nEdit ${i}.\n`);
    updates.push(
      (
        await time(() => {
          snapshot = withReadings(snapshot, [readChangedFile(scan.root, scan.folders, rel)]).snapshot;
          return groupDocuments(snapshot.documents, 'kind');
        })
      )[0],
    );
  }
  console.log(
    `\nevidence index: ${scan.items.length} documents (${scan.problems.length} problems) under ${path.relative(ROOT, DIR)}, median of ${RUNS}`,
  );
  console.log(`  cold scan (read + parse all)      ${median(scans).toFixed(0)} ms   (target < 1000 ms)`);
  console.log(`  filter + group for the tree       ${median(groupTimes).toFixed(1)} ms   (target: getChildren < 5 ms)`);
  console.log(`  one changed file, tree regrouped  ${median(updates).toFixed(1)} ms   (target < 20 ms)`);
  console.log(`  checks (Problems panel)           ${checkMs.toFixed(0)} ms, ${findings.length} findings`);
  console.log(`  heap after scan                   ${heap.toFixed(0)} MB   (target < 60 MB)`);
}

main().catch((err) => {
  console.error(err.stack || err);
  process.exit(1);
});
