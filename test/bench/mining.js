#!/usr/bin/env node
// `npm run bench`: mining performance on the express history (../shared/corpus), on a synthetic
// history of 100,000 commits (20,000 merges, squash-and-merge style) and on a git/git-shaped one
// (long-lived branches merged again and again), generated once with git fast-import and cached under
// .vscode-test/bench/. Prints medians of several runs; a script, not a timed test.
//   - full mining (all authors, numstat) vs the raw `git log` commands that read the same fields
//   - incremental mining after one new commit
//   - the longest stall of the calling thread during a cold mine, in that thread and in a worker thread
//   - peak memory (max RSS) of the CLI: `suggest --all-authors --json`
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync, spawn, spawnSync } = require('child_process');
const { fastImportRepo } = require('./fastImport');

const ROOT = path.resolve(__dirname, '..', '..');
const CACHE = path.join(ROOT, '.vscode-test', 'bench');
const RUNS = Number(process.env.BENCH_RUNS || 5);
const { mine } = require(path.join(ROOT, 'out', 'src', 'node', 'git', 'mine.js'));
const { mineInWorker } = require(path.join(ROOT, 'out', 'src', 'node', 'git', 'mineInWorker.js'));
const { openRepository } = require(path.join(ROOT, 'out', 'src', 'node', 'git', 'repository.js'));
const { LOG_FORMAT } = require(path.join(ROOT, 'out', 'src', 'core', 'git', 'logFormat.js'));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (n) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;

function git(cwd, args, input) {
  return execFileSync('git', args, { cwd, input, encoding: 'utf8', maxBuffer: 1 << 30 });
}

function expressRepo() {
  const dir = path.join(CACHE, 'express');
  if (!fs.existsSync(path.join(dir, '.git'))) {
    fs.mkdirSync(CACHE, { recursive: true });
    execFileSync('git', ['clone', '--quiet', '--branch', 'main', path.join(ROOT, '..', 'shared', 'corpus', 'express-history.bundle'), dir]);
  }
  return dir;
}

/** {@link fastImportRepo} into the benchmarks' cache. */
function generatedRepo(name, build) {
  return fastImportRepo(path.join(CACHE, name), name, build);
}

/**
 * History shaped like git/git's: long-lived `next` and `maint` branches merged into `main` again
 * and again (each merge brings everything `next` gained since the last), `maint` merged into
 * `next` (merges of merges), topics merged into `next`, and an octopus merge now and then.
 */
function gitGitShapedRepo(total) {
  return generatedRepo(`gitgit-${total / 1000}k`, (commit) => {
    let main = commit('refs/heads/main', 0, [], 'Initial commit', 0, 'README.md');
    let next = commit('refs/heads/next', main, [], 'Start next', 1, 'next.txt');
    let maint = commit('refs/heads/maint', main, [], 'Start maint', 2, 'maint.txt');
    let count = 3;
    for (let i = 1; count < total; i++) {
      const topic = commit('refs/heads/topic', next, [], `Work on topic ${i}`, i % 50, `src/t${i % 500}.c`);
      next = commit('refs/heads/next', next, [topic], `Merge branch 'dev/topic-${i}' into next`, i % 50, `next/${i % 100}.txt`);
      count += 2;
      if (i % 7 === 0) {
        maint = commit('refs/heads/maint', maint, [], `Fix ${i} on maint`, i % 40, `maint/${i % 100}.c`);
        next = commit('refs/heads/next', next, [maint], "Merge branch 'maint' into next", 3, `next/m${i % 100}.txt`);
        count += 2;
      }
      if (i % 10 === 0) {
        main = commit(
          'refs/heads/main',
          main,
          [next],
          `Merge pull request #${i} from dev/next\n\nThe ${i}th batch`,
          4,
          `CHANGELOG/${i % 100}.md`,
        );
        count += 1;
      } else if (i % 97 === 0) {
        const a = commit('refs/heads/oa', main, [], `Octopus part A ${i}`, 5, `oct/a${i}.c`);
        const b = commit('refs/heads/ob', main, [], `Octopus part B ${i}`, 6, `oct/b${i}.c`);
        main = commit('refs/heads/main', main, [a, b], `Merge branches 'oa' and 'ob'`, 4, `oct/m${i}.md`);
        count += 3;
      } else {
        main = commit('refs/heads/main', main, [], `Refactor module ${i} (#${i})`, i % 50, `lib/m${i % 1000}.c`);
        count += 1;
      }
    }
  });
}

/** A squash-and-merge style history: 100,000 commits, one in four a merged pull request of one commit. */
function syntheticRepo() {
  return generatedRepo('synthetic-100k', (commit) => {
    let main = commit('refs/heads/main', 0, [], 'Initial commit', 0, 'README.md');
    let total = 1;
    for (let i = 1; total < 100_000; i++) {
      if (i % 4 === 0) {
        const side = commit('refs/heads/side', main, [], `Work on feature ${i}`, i % 50, `src/feature${i % 500}/index.js`);
        main = commit(
          'refs/heads/main',
          main,
          [side],
          `Merge pull request #${i} from dev/feature-${i}\n\nFeature ${i}: make it faster and observable`,
          0,
          `CHANGELOG/${i % 100}.md`,
        );
        total += 2;
      } else {
        main = commit(
          'refs/heads/main',
          main,
          [],
          i % 3 === 0 ? `fix: handle case ${i} (#${i})` : `Refactor module ${i}`,
          i % 50,
          `lib/m${i % 1000}.js`,
        );
        total += 1;
      }
    }
  });
}

/** Time to run a git command and read all of its output (what our streaming reader must keep up with). */
function rawGit(cwd, args) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', () => undefined);
    child.on('close', (code) =>
      code === 0 ? resolve(Number(process.hrtime.bigint() - started) / 1e6) : reject(new Error(`git exited ${code}`)),
    );
  });
}

async function timeIt(fn) {
  const started = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, value };
}

/**
 * Runs `fn` while a 1 ms timer ticks on this thread; resolves with the longest gap between ticks
 * beyond the timer's own period (ms): the longest the thread could not answer (the extension
 * host's stall while it mines), garbage collection included.
 */
async function longestStall(fn) {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 1);
    last = now;
  }, 1);
  try {
    const started = performance.now();
    await fn();
    return { stall: worst, ms: performance.now() - started };
  } finally {
    clearInterval(timer);
  }
}

async function benchRepo(name, dir) {
  const repo = await openRepository(dir);
  const safe = ['--no-ext-diff', '--no-textconv', '--no-show-signature', '--no-color', '--encoding=UTF-8'];
  const rawA = ['log', ...safe, '--first-parent', '--diff-merges=first-parent', '--numstat', '-z', `--format=${LOG_FORMAT}`, 'HEAD', '--'];
  const rawB = [
    'log',
    ...safe,
    '-z',
    '--format=%H%x00%P%x00%aI%x00%aN%x00%aE%x00%(trailers:key=Co-authored-by,valueonly=true,separator=%x1f)',
    'HEAD',
    '--',
  ];
  const raw = [];
  const full = [];
  let result;
  for (let i = 0; i < RUNS; i++) {
    raw.push((await rawGit(dir, rawA)) + (await rawGit(dir, rawB)));
    const r = await timeIt(() => mine(repo, { filter: { authors: 'all' } }));
    full.push(r.ms);
    result = r.value;
  }
  // The calling thread while a cold mine runs: in it, and in a worker thread (as the extension does).
  const inThread = [];
  const inWorker = [];
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    inThread.push(await longestStall(() => mine(repo, { filter: { authors: 'all' } })));
    inWorker.push(await longestStall(() => mineInWorker(repo, { filter: { authors: 'all' } })));
  }
  // Incremental: one new commit on top of HEAD (made with commit-tree, then undone).
  const head = git(dir, ['rev-parse', 'HEAD']).trim();
  const branch = git(dir, ['symbolic-ref', '--short', 'HEAD']).trim();
  const inc = [];
  for (let i = 0; i < RUNS; i++) {
    const next = git(dir, ['commit-tree', 'HEAD^{tree}', '-p', head, '-m', `Bench commit ${i} (#${900000 + i})`]).trim();
    git(dir, ['update-ref', `refs/heads/${branch}`, next]);
    try {
      const r = await timeIt(() => mine(repo, { filter: { authors: 'all' }, previous: result }));
      if (!r.value.incremental || r.value.suggestions[0].sha !== next) throw new Error('incremental mining did not pick up the new commit');
      inc.push(r.ms);
    } finally {
      git(dir, ['update-ref', `refs/heads/${branch}`, head]);
    }
  }
  const cli = spawnSync(
    process.execPath,
    ['-r', path.join(__dirname, 'maxrss.js'), path.join(ROOT, 'dist', 'cli.js'), 'suggest', dir, '--all-authors', '--json'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    },
  );
  const rss = /maxrss-kb (\d+)/.exec(cli.stderr ?? '');
  const commits = git(dir, ['rev-list', '--count', 'HEAD']).trim();
  const a = median(raw);
  const b = median(full);
  console.log(`\n${name}: ${commits} commits, ${result.suggestions.length} suggestions (all authors, bots left out)`);
  console.log(`  raw git log (both passes)   ${ms(a)}`);
  console.log(`  full mining                 ${ms(b)}   ratio ${(b / a).toFixed(2)}× (target ≤ 1.5×)`);
  console.log(`  incremental, 1 new commit   ${ms(median(inc))} (target < 50 ms)`);
  const stalls = (runs) => `longest stall ${ms(median(runs.map((r) => r.stall)))}, mine ${ms(median(runs.map((r) => r.ms)))}`;
  console.log(`  caller during a cold mine   in its thread: ${stalls(inThread)}; in a worker: ${stalls(inWorker)} (goal < 50 ms)`);
  console.log(
    `  CLI peak memory (max RSS)   ${rss ? `${(Number(rss[1]) / 1024).toFixed(0)} MB` : `n/a (exit ${cli.status}: ${cli.stderr})`} (target < 200 MB)`,
  );
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'out', 'src', 'node', 'git', 'mine.js')))
    throw new Error('build first: npm run bench builds and runs this');
  console.log(`median of ${RUNS} runs`);
  await benchRepo('express (../shared/corpus/express-history.bundle)', expressRepo());
  await benchRepo('synthetic 100,000 commits / 20,000 merges', await syntheticRepo());
  // BENCH_GITGIT sets its size (100,000 by default; 1,000,000 once is enough: it is generated and cached once).
  const size = Number(process.env.BENCH_GITGIT || 100_000);
  await benchRepo(
    `git/git-shaped ${size.toLocaleString('en')} commits (long-lived branches merged again and again, octopus merges)`,
    await gitGitShapedRepo(size),
  );
}

main().catch((err) => {
  console.error(err.stack || err);
  process.exit(1);
});
